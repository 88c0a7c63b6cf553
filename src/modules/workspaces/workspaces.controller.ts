import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../../common/auth/principal';
import { CurrentPrincipal } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { CreateWorkspaceRequestDto, WorkspacesQueryDto } from './dto/workspace-requests.dto';
import { WorkspaceDto } from './dto/workspace.dto';
import { WorkspacesService } from './workspaces.service';

@ApiTags('Workspace')
@Controller('v1/workspaces')
export class WorkspacesController {
  constructor(private readonly workspaces: WorkspacesService) {}

  /** Workspaces where your membership is active; with an add-on token, the add-on's workspace. */
  @Get()
  @ApiOperation({ summary: 'Get all my workspaces', operationId: 'getWorkspacesOfUser' })
  @ApiOkResponse({ type: [WorkspaceDto] })
  @ApiBadRequestResponse({ type: ErrorDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: WorkspacesQueryDto): Promise<WorkspaceDto[]> {
    return this.workspaces.listForPrincipal(principal, query.roles);
  }

  /** Creates a workspace; you become its owner. Not available to add-ons (403). */
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a workspace', operationId: 'createWorkspace' })
  @ApiCreatedResponse({ type: WorkspaceDto })
  @ApiBadRequestResponse({ type: ErrorDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'Add-ons cannot create workspaces' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateWorkspaceRequestDto): Promise<WorkspaceDto> {
    return this.workspaces.createForPrincipal(principal, body);
  }

  @Get(':workspaceId')
  @ApiOperation({ summary: 'Get workspace info', operationId: 'getWorkspaceOfUser' })
  @ApiOkResponse({ type: WorkspaceDto })
  @ApiForbiddenResponse({ type: ErrorDto, description: 'Not a member of this workspace' })
  get(@Param('workspaceId', ObjectIdPipe) workspaceId: string): Promise<WorkspaceDto> {
    return this.workspaces.get(workspaceId);
  }
}
