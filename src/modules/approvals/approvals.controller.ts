import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { ApprovalListService } from './approval-list.service';
import { ApprovalStatusService } from './approval-status.service';
import { ApprovalsService } from './approvals.service';
import { ApprovalDetailsDto } from './dto/approval-details.dto';
import { ApprovalQueryDto } from './dto/approval-query.dto';
import { ApprovalRequestDto } from './dto/approval-request.dto';
import { CreateApprovalRequestDto, UpdateApprovalRequestDto } from './dto/approval-requests.dto';

@ApiTags('Approval')
@Controller('v1/workspaces/:workspaceId/approval-requests')
export class ApprovalsController {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly list: ApprovalListService,
    private readonly status: ApprovalStatusService,
  ) {}

  /** Admins see all requests; others their own and those of the users they manage. */
  @Get()
  @ApiOperation({ summary: 'Get approval requests', operationId: 'getApprovalRequests' })
  @ApiOkResponse({ type: [ApprovalDetailsDto] })
  find(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: ApprovalQueryDto): Promise<Page<ApprovalDetailsDto>> {
    return this.list.list(ws, query);
  }

  /** Submits the caller's period (409 when it is already pending or approved). */
  @Post()
  @ApiOperation({ summary: 'Submit approval request', operationId: 'createApprrovalRequest' })
  @ApiCreatedResponse({ type: ApprovalRequestDto })
  submit(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: CreateApprovalRequestDto,
  ): Promise<ApprovalRequestDto> {
    return this.approvals.submit(ws, ws.userId, body);
  }

  @Post('resubmit-entries-for-approval')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Submit non pending/approved entries/expenses for approval to an existing approval request',
    operationId: 'resubmitApprovalRequest',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  resubmit(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Body() body: CreateApprovalRequestDto,
  ): Promise<ApprovalRequestDto> {
    return this.approvals.resubmit(ws, ws.userId, body);
  }

  /** Workspace admins and the user's team managers. */
  @Post('users/:userId')
  @ApiOperation({ summary: 'Submit an approval request for a user', operationId: 'createApprovalForOther' })
  @ApiCreatedResponse({ type: ApprovalRequestDto })
  submitFor(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: CreateApprovalRequestDto,
  ): Promise<ApprovalRequestDto> {
    return this.approvals.submit(ws, userId, body);
  }

  /** Workspace admins and the user's team managers. */
  @Post('users/:userId/resubmit-entries-for-approval')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-submit rejected/withdrawn entries/expenses for an approval of a user',
    operationId: 'resubmitApprovalRequestForOther',
  })
  @ApiOkResponse({ type: ApprovalRequestDto })
  resubmitFor(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: CreateApprovalRequestDto,
  ): Promise<ApprovalRequestDto> {
    return this.approvals.resubmit(ws, userId, body);
  }

  /**
   * APPROVED / REJECTED / WITHDRAWN_APPROVAL: admins and the owner's team managers;
   * WITHDRAWN_SUBMISSION: also the owner. Only a PENDING request can be approved, rejected or withdrawn.
   */
  @Patch(':approvalRequestId')
  @ApiOperation({ summary: 'Update an approval request', operationId: 'updateApprovalStatus' })
  @ApiOkResponse({ type: ApprovalRequestDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('approvalRequestId', ObjectIdPipe) id: string,
    @Body() body: UpdateApprovalRequestDto,
  ): Promise<ApprovalRequestDto> {
    return this.status.update(ws, id, body);
  }
}
