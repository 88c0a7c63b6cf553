import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { AssignmentListService } from './assignment-list.service';
import { AssignmentSeriesService } from './assignment-series.service';
import { AssignmentsService } from './assignments.service';
import { AssignmentDto, AssignmentHydratedDto } from './dto/assignment.dto';
import {
  AssignmentCreateRequestDto,
  AssignmentUpdateRequestDto,
  CopyAssignmentRequestDto,
  DeleteAssignmentQueryDto,
  RecurringAssignmentRequestDto,
} from './dto/assignment-requests.dto';
import { AssignmentsQueryDto, PublishAssignmentsRequestDto } from './dto/scheduling-filters.dto';

/**
 * Assignments. Writes: admins, team managers of the assignee and project
 * managers of the project. Unpublished assignments are seen by those only;
 * published ones also by the assignee.
 */
@ApiTags('Scheduling')
@Controller('v1/workspaces/:workspaceId/scheduling/assignments')
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly series: AssignmentSeriesService,
    private readonly lists: AssignmentListService,
  ) {}

  @Get('all')
  @ApiOperation({ summary: 'Get all assignments', operationId: 'getAllAssignments' })
  @ApiOkResponse({ type: [AssignmentHydratedDto] })
  all(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: AssignmentsQueryDto,
  ): Promise<Page<AssignmentHydratedDto>> {
    return this.lists.list(ws, query);
  }

  @Put('publish')
  @HttpCode(200)
  @Roles('TEAM_MANAGER', 'PROJECT_MANAGER')
  @ApiOperation({ summary: 'Publish assignments', operationId: 'publishAssignments' })
  @ApiOkResponse({ description: 'Published' })
  publish(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: PublishAssignmentsRequestDto): Promise<void> {
    return this.lists.publish(ws, body);
  }

  @Post('recurring')
  @Roles('TEAM_MANAGER', 'PROJECT_MANAGER')
  @ApiOperation({ summary: 'Create a recurring assignment', operationId: 'createRecurring' })
  @ApiCreatedResponse({ type: [AssignmentDto] })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: AssignmentCreateRequestDto): Promise<AssignmentDto[]> {
    return this.assignments.create(ws, body);
  }

  @Patch('recurring/:assignmentId')
  @Roles('TEAM_MANAGER', 'PROJECT_MANAGER')
  @ApiOperation({ summary: 'Update a recurring assignment', operationId: 'editRecurring' })
  @ApiOkResponse({ type: [AssignmentDto] })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('assignmentId', ObjectIdPipe) assignmentId: string,
    @Body() body: AssignmentUpdateRequestDto,
  ): Promise<AssignmentDto[]> {
    return this.assignments.update(ws, assignmentId, body);
  }

  @Delete('recurring/:assignmentId')
  @Roles('TEAM_MANAGER', 'PROJECT_MANAGER')
  @ApiOperation({ summary: 'Delete a recurring assignment', operationId: 'deleteRRecurringAssignment' })
  @ApiOkResponse({ type: [AssignmentDto] })
  delete(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('assignmentId', ObjectIdPipe) assignmentId: string,
    @Query() query: DeleteAssignmentQueryDto,
  ): Promise<AssignmentDto[]> {
    return this.assignments.delete(ws, assignmentId, query.seriesUpdateOption);
  }

  @Put('series/:assignmentId')
  @Roles('TEAM_MANAGER', 'PROJECT_MANAGER')
  @ApiOperation({ summary: 'Change the recurring period', operationId: 'editRecurringPeriod' })
  @ApiOkResponse({ type: [AssignmentDto] })
  changePeriod(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('assignmentId', ObjectIdPipe) assignmentId: string,
    @Body() body: RecurringAssignmentRequestDto,
  ): Promise<AssignmentDto[]> {
    return this.series.changePeriod(ws, assignmentId, body);
  }

  @Post(':assignmentId/copy')
  @HttpCode(200)
  @Roles('TEAM_MANAGER', 'PROJECT_MANAGER')
  @ApiOperation({ summary: 'Copy a scheduled assignment', operationId: 'copyAssignment' })
  @ApiOkResponse({ type: [AssignmentDto] })
  copy(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('assignmentId', ObjectIdPipe) assignmentId: string,
    @Body() body: CopyAssignmentRequestDto,
  ): Promise<AssignmentDto[]> {
    return this.series.copy(ws, assignmentId, body);
  }
}
