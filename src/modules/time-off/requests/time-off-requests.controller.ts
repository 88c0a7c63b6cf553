import { Body, Controller, Delete, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace } from '../../../common/decorators/auth.decorators';
import { ObjectIdPipe } from '../../../common/pipes/object-id.pipe';
import {
  ChangeTimeOffRequestStatusDto,
  CreateTimeOffRequestDto,
  GetTimeOffRequestsDto,
} from './dto/time-off-request-requests.dto';
import { TimeOffRequestDto, TimeOffRequestFullDto, TimeOffRequestsWithCountDto } from './dto/time-off-request.dto';
import { TimeOffRequestStatusService } from './time-off-request-status.service';
import { TimeOffRequestsListService } from './time-off-requests-list.service';
import { TimeOffRequestsService } from './time-off-requests.service';

@ApiTags('Time Off')
@Controller('v1/workspaces/:workspaceId/time-off')
export class TimeOffRequestsController {
  constructor(
    private readonly requests: TimeOffRequestsService,
    private readonly statuses: TimeOffRequestStatusService,
    private readonly lists: TimeOffRequestsListService,
  ) {}

  @Post('policies/:policyId/requests')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a time off request', operationId: 'createTimeOffRequest' })
  @ApiOkResponse({ type: TimeOffRequestFullDto })
  create(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', ObjectIdPipe) policyId: string,
    @Body() body: CreateTimeOffRequestDto,
  ): Promise<TimeOffRequestFullDto> {
    return this.requests.create(ws, policyId, ws.userId, body);
  }

  @Post('policies/:policyId/users/:userId/requests')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create a time off request for a user', operationId: 'createTimeOffRequestForOther' })
  @ApiOkResponse({ type: TimeOffRequestFullDto })
  createFor(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', ObjectIdPipe) policyId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: CreateTimeOffRequestDto,
  ): Promise<TimeOffRequestFullDto> {
    return this.requests.create(ws, policyId, userId, body);
  }

  @Patch('policies/:policyId/requests/:requestId')
  @ApiOperation({ summary: 'Change a time off request status', operationId: 'changeTimeOffRequestStatus' })
  @ApiOkResponse({ type: TimeOffRequestDto })
  changeStatus(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', ObjectIdPipe) policyId: string,
    @Param('requestId', ObjectIdPipe) requestId: string,
    @Body() body: ChangeTimeOffRequestStatusDto,
  ): Promise<TimeOffRequestDto> {
    return this.statuses.changeStatus(ws, policyId, requestId, body);
  }

  @Delete('policies/:policyId/requests/:requestId')
  @ApiOperation({ summary: 'Delete a time off request', operationId: 'deleteTimeOffRequest' })
  @ApiOkResponse({ type: TimeOffRequestDto })
  withdraw(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('policyId', ObjectIdPipe) policyId: string,
    @Param('requestId', ObjectIdPipe) requestId: string,
  ): Promise<TimeOffRequestDto> {
    return this.statuses.withdraw(ws, policyId, requestId);
  }

  @Post('requests')
  @HttpCode(200)
  @ApiOperation({ summary: 'Get all time off requests on a workspace', operationId: 'getTimeOffRequest' })
  @ApiOkResponse({ type: TimeOffRequestsWithCountDto })
  list(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: GetTimeOffRequestsDto,
  ): Promise<TimeOffRequestsWithCountDto> {
    return this.lists.list(ws, body);
  }
}
