import { Body, Controller, Delete, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../../common/decorators/auth.decorators';
import { Page } from '../../../common/dto/page';
import { ObjectIdPipe } from '../../../common/pipes/object-id.pipe';
import { ChangePolicyStatusDto, CreatePolicyDto, PoliciesQueryDto, UpdatePolicyDto } from './dto/policy-requests.dto';
import { PolicyDto } from './dto/policy.dto';
import { PoliciesService } from './policies.service';

@ApiTags('Policy')
@Controller('v1/workspaces/:workspaceId/time-off/policies')
export class PoliciesController {
  constructor(private readonly policies: PoliciesService) {}

  @Get()
  @ApiOperation({ summary: 'Get policies on a workspace', operationId: 'findPoliciesForWorkspace' })
  @ApiOkResponse({ type: [PolicyDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: PoliciesQueryDto): Promise<Page<PolicyDto>> {
    return this.policies.list(ws.workspaceId, query);
  }

  @Post()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Create a time off policy', operationId: 'createPolicy' })
  @ApiCreatedResponse({ type: PolicyDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreatePolicyDto): Promise<PolicyDto> {
    return this.policies.create(ws, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a time off policy', operationId: 'getPolicy' })
  @ApiOkResponse({ type: PolicyDto })
  get(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<PolicyDto> {
    return this.policies.get(ws.workspaceId, id);
  }

  @Put(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update a policy', operationId: 'updatePolicy' })
  @ApiOkResponse({ type: PolicyDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdatePolicyDto,
  ): Promise<PolicyDto> {
    return this.policies.update(ws, id, body);
  }

  @Patch(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Change a policy status', operationId: 'updatePolicyStatus' })
  @ApiOkResponse({ type: PolicyDto })
  changeStatus(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: ChangePolicyStatusDto,
  ): Promise<PolicyDto> {
    return this.policies.changeStatus(ws, id, body);
  }

  @Delete(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Delete a policy', operationId: 'deletePolicy' })
  @ApiOkResponse({ description: 'Deleted' })
  delete(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<void> {
    return this.policies.delete(ws, id);
  }
}
