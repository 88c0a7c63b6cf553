import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { UserGroupQueryDto } from './dto/user-group-query.dto';
import { CreateUserGroupDto, UpdateUserGroupDto, UserGroupUserDto } from './dto/user-group-requests.dto';
import { UserGroupDto } from './dto/user-group.dto';
import { UserGroupsService } from './user-groups.service';

@ApiTags('Group')
@Controller('v1/workspaces/:workspaceId/user-groups')
export class UserGroupsController {
  constructor(private readonly groups: UserGroupsService) {}

  @Get()
  @ApiOperation({ summary: 'Find all groups on a workspace', operationId: 'getUserGroups' })
  @ApiOkResponse({ type: [UserGroupDto] })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: UserGroupQueryDto): Promise<Page<UserGroupDto>> {
    return this.groups.list(ws.workspaceId, query);
  }

  @Post()
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Add a new group', operationId: 'createUserGroup' })
  @ApiCreatedResponse({ type: UserGroupDto })
  create(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: CreateUserGroupDto): Promise<UserGroupDto> {
    return this.groups.create(ws, body);
  }

  @Put(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Update a group', operationId: 'updateUserGroup' })
  @ApiOkResponse({ type: UserGroupDto })
  update(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateUserGroupDto,
  ): Promise<UserGroupDto> {
    return this.groups.update(ws, id, body);
  }

  @Delete(':id')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Delete a group', operationId: 'deleteUserGroup' })
  @ApiOkResponse({ type: UserGroupDto })
  delete(@CurrentWorkspace() ws: WorkspaceContext, @Param('id', ObjectIdPipe) id: string): Promise<UserGroupDto> {
    return this.groups.delete(ws, id);
  }

  @Post(':userGroupId/users')
  @HttpCode(200)
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Add users to a group', operationId: 'addUser' })
  @ApiOkResponse({ type: UserGroupDto })
  addUser(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userGroupId', ObjectIdPipe) userGroupId: string,
    @Body() body: UserGroupUserDto,
  ): Promise<UserGroupDto> {
    return this.groups.addUser(ws, userGroupId, body.userId);
  }

  @Delete(':userGroupId/users/:userId')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Remove a user from a group', operationId: 'deleteUser' })
  @ApiOkResponse({ type: UserGroupDto })
  removeUser(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userGroupId', ObjectIdPipe) userGroupId: string,
    @Param('userId', ObjectIdPipe) userId: string,
  ): Promise<UserGroupDto> {
    return this.groups.removeUser(ws, userGroupId, userId);
  }
}
