import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { pageOf } from '../../common/dto/page-query.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { SchedulingProjectsTotalsDto, SchedulingUsersTotalsDto } from './dto/assignment.dto';
import {
  GetUserTotalsRequestDto,
  PagedPeriodQueryDto,
  PeriodQueryDto,
  ProjectTotalsQueryDto,
  ProjectTotalsRequestDto,
} from './dto/scheduling-filters.dto';
import { ProjectTotalsService } from './project-totals.service';
import { UserTotalsService } from './user-totals.service';

/** Scheduled hours and capacity per user and per project and day (only assignments the caller may see count). */
@ApiTags('Scheduling')
@Controller('v1/workspaces/:workspaceId/scheduling/assignments')
export class SchedulingTotalsController {
  constructor(
    private readonly users: UserTotalsService,
    private readonly projects: ProjectTotalsService,
  ) {}

  @Post('projects/totals')
  @HttpCode(200)
  @ApiOperation({ summary: 'Get all scheduled assignments per project', operationId: 'getFilteredProjectTotals' })
  @ApiOkResponse({ type: [SchedulingProjectsTotalsDto] })
  projectTotals(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: ProjectTotalsRequestDto,
  ): Promise<Page<SchedulingProjectsTotalsDto>> {
    return this.projects.forProjects(ws, { ...body, page: { page: body.page ?? 1, pageSize: body.pageSize ?? 50 } });
  }

  @Get('projects/totals/:projectId')
  @ApiOperation({
    summary: 'Get all scheduled assignments on project',
    operationId: 'getProjectTotalsForSingleProject',
  })
  @ApiOkResponse({ type: SchedulingProjectsTotalsDto })
  projectTotal(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('projectId', ObjectIdPipe) projectId: string,
    @Query() query: PeriodQueryDto,
  ): Promise<SchedulingProjectsTotalsDto> {
    return this.projects.forProject(ws, projectId, query.start, query.end);
  }

  @Post('user-filter/totals')
  @HttpCode(200)
  @ApiOperation({ summary: "Get total of users' capacity on workspace", operationId: 'getUserTotals' })
  @ApiOkResponse({ type: [SchedulingUsersTotalsDto] })
  userTotals(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: GetUserTotalsRequestDto,
  ): Promise<Page<SchedulingUsersTotalsDto>> {
    return this.users.forUsers(ws, body);
  }

  @Get('users/:userId/totals')
  @ApiOperation({ summary: 'Get total capacity of a user', operationId: 'getUserTotalsForSingleUser' })
  @ApiOkResponse({ type: SchedulingUsersTotalsDto })
  userTotal(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: PagedPeriodQueryDto,
  ): Promise<SchedulingUsersTotalsDto> {
    return this.users.forUser(ws, userId, query);
  }
}

/** The seed's deprecated GET of project totals, kept for clients that still call it. */
@ApiTags('Scheduling (Deprecated)')
@Controller('v1/workspaces/:workspaceId/scheduling/assignments')
export class SchedulingDeprecatedController {
  constructor(private readonly projects: ProjectTotalsService) {}

  @Get('projects/totals')
  @ApiOperation({
    summary: 'Get all scheduled assignments per project',
    operationId: 'getProjectTotals',
    deprecated: true,
  })
  @ApiOkResponse({ type: [SchedulingProjectsTotalsDto] })
  projectTotalsDeprecated(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Query() query: ProjectTotalsQueryDto,
  ): Promise<Page<SchedulingProjectsTotalsDto>> {
    return this.projects.forProjects(ws, {
      start: query.start,
      end: query.end,
      search: query.search,
      page: pageOf(query),
    });
  }
}
