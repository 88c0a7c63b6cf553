import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace, Roles } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { RoleDetailsDto, RoleRequestDto } from '../users/dto/role.dto';
import { UserRolesService } from './user-roles.service';

/** Granting and removing a member's manager roles (member_roles belongs to the workspace). */
@ApiTags('User')
@ApiParam({
  name: 'workspaceId',
  description: 'Represents workspace identifier across the system.',
  example: '64a687e29ae1f428e7ebe303',
})
@Controller('v1/workspaces/:workspaceId/users')
export class UserRolesController {
  constructor(private readonly roles: UserRolesService) {}

  @Post(':userId/roles')
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: 'Give manager role to a user', operationId: 'createUserRole' })
  @ApiCreatedResponse({ type: [RoleDetailsDto], description: "All of the user's roles after the change" })
  @ApiNotFoundResponse({ type: ErrorDto })
  createRole(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: RoleRequestDto,
  ): Promise<RoleDetailsDto[]> {
    return this.roles.grant(ws.workspaceId, ws, userId, body);
  }

  @Delete(':userId/roles')
  @HttpCode(204)
  @Roles('WORKSPACE_ADMIN')
  @ApiOperation({ summary: "Remove user's manager role", operationId: 'deleteUserRole' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorDto, description: 'The user does not hold this role' })
  deleteRole(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Body() body: RoleRequestDto,
  ): Promise<void> {
    return this.roles.revoke(ws.workspaceId, ws, userId, body);
  }
}
