import { Body, Controller, Delete, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { RateRequestDto, RateWithCurrencyRequestDto } from '../../common/dto/rate.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import {
  AddUserQueryDto,
  AddUserToWorkspaceRequestDto,
  UpdateUserStatusRequestDto,
} from './dto/workspace-requests.dto';
import { WorkspaceDto } from './dto/workspace.dto';
import { WorkspaceMembersService } from './workspace-members.service';
import { WorkspaceRatesService } from './workspace-rates.service';

/** Admin-only changes to a workspace: its rates, its members and their rates. */
@ApiTags('Workspace')
@Controller('v1/workspaces/:workspaceId')
@Roles('WORKSPACE_ADMIN')
@ApiOkResponse({ type: WorkspaceDto })
@ApiBadRequestResponse({ type: ErrorDto })
export class WorkspaceAdminController {
  constructor(
    private readonly rates: WorkspaceRatesService,
    private readonly members: WorkspaceMembersService,
  ) {}

  /** Sets the workspace's billable rate (cents) and currency, from `since` on (default: now). */
  @Put('hourly-rate')
  @ApiOperation({ summary: 'Update workspace billable rate', operationId: 'setWorkspaceHourlyRate' })
  setHourlyRate(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Body() body: RateWithCurrencyRequestDto,
  ): Promise<WorkspaceDto> {
    return this.rates.setWorkspaceHourlyRate(workspaceId, body);
  }

  /** Sets the workspace's cost rate (cents, workspace currency), from `since` on (default: now). */
  @Put('cost-rate')
  @ApiOperation({ summary: 'Update workspace cost rate', operationId: 'setWorkspaceCostRate' })
  setCostRate(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Body() body: RateRequestDto,
  ): Promise<WorkspaceDto> {
    return this.rates.setWorkspaceCostRate(workspaceId, body);
  }

  /**
   * Adds the user with this email, creating the user if nobody has it. This server
   * has no invitation flow: a user created by this call is an invited, PENDING
   * member; an existing user becomes an ACTIVE member at once; a deactivated
   * member is re-activated. A current member is 409. `send-email` is accepted
   * and ignored (no mail is sent).
   */
  @Post('users')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add user to a workspace', operationId: 'addUsers' })
  @ApiConflictResponse({ type: ErrorDto, description: 'User already in workspace' })
  addUser(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Query() _query: AddUserQueryDto,
    @Body() body: AddUserToWorkspaceRequestDto,
  ): Promise<WorkspaceDto> {
    return this.members.addUser(workspaceId, body.email);
  }

  /** Activates or deactivates a member; the owner cannot be deactivated (400). */
  @Put('users/:userId')
  @ApiOperation({ summary: "Update a user's status", operationId: 'updateUserStatus' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Not a member of this workspace' })
  updateStatus(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: UpdateUserStatusRequestDto,
  ): Promise<WorkspaceDto> {
    return this.members.updateStatus(workspaceId, userId, body.status);
  }

  /**
   * Deprecated in the reference. Here it removes the user's access: the membership
   * becomes INACTIVE (their time stays) and their roles are dropped. The owner
   * cannot be removed (400).
   */
  @Delete('users/:userId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove user from workspace', operationId: 'removeUserFromWorkspace', deprecated: true })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Not a member of this workspace' })
  removeUser(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<WorkspaceDto> {
    return this.members.remove(workspaceId, userId);
  }

  /** Sets a member's billable rate (cents, workspace currency), from `since` on (default: now). */
  @Put('users/:userId/hourly-rate')
  @ApiOperation({ summary: "Update a user's hourly rate", operationId: 'setHourlyRateForUser' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Not a member of this workspace' })
  setUserHourlyRate(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: RateRequestDto,
  ): Promise<WorkspaceDto> {
    return this.rates.setMemberRate(workspaceId, userId, 'HOURLY', body);
  }

  /** Sets a member's cost rate (cents, workspace currency), from `since` on (default: now). */
  @Put('users/:userId/cost-rate')
  @ApiOperation({ summary: "Update a user's cost rate", operationId: 'setCostRateForUser' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Not a member of this workspace' })
  setUserCostRate(
    @Param('workspaceId', ObjectIdPipe) workspaceId: string,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: RateRequestDto,
  ): Promise<WorkspaceDto> {
    return this.rates.setMemberRate(workspaceId, userId, 'COST', body);
  }
}
