import { Body, Controller, Get, HttpCode, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { WorkspaceContext } from '../../common/auth/principal';
import { CurrentWorkspace } from '../../common/decorators/auth.decorators';
import { ErrorDto } from '../../common/dto/error.dto';
import { Page } from '../../common/dto/page';
import { ObjectIdPipe } from '../../common/pipes/object-id.pipe';
import { UserDto } from './dto/user.dto';
import { GetUsersRequestDto, UserSortQueryDto, UsersQueryDto } from './dto/users-query.dto';
import { filterFromBody, filterFromQuery, managersFilter } from './user-list-filter';
import { UserListService } from './user-list.service';

/**
 * The users of a workspace. Any active member may list them (Clockify shows
 * members the team); rates inside memberships are shown to admins only (billable
 * rates also to everyone when the workspace's onlyAdminsSeeBillableRates is off).
 */
@ApiTags('User')
@ApiParam({
  name: 'workspaceId',
  description: 'Represents workspace identifier across the system.',
  example: '64a687e29ae1f428e7ebe303',
})
@Controller('v1/workspaces/:workspaceId/users')
export class MembersController {
  constructor(private readonly users: UserListService) {}

  @Get()
  @ApiOperation({ summary: 'Find all users on a workspace', operationId: 'getUsersOfWorkspace' })
  @ApiOkResponse({ type: [UserDto], description: 'Paged: X-Total-Count, X-Page, X-Page-Size and Last-Page headers' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'project-id is not a project of this workspace' })
  list(@CurrentWorkspace() ws: WorkspaceContext, @Query() query: UsersQueryDto): Promise<Page<UserDto>> {
    return this.users.list(ws.workspaceId, ws, filterFromQuery(query));
  }

  @Post('info')
  @HttpCode(200)
  @ApiOperation({ summary: 'Filter workspace users', operationId: 'filterUsersOfWorkspace' })
  @ApiOkResponse({ type: [UserDto], description: 'Paged: X-Total-Count, X-Page, X-Page-Size and Last-Page headers' })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'projectId is not a project of this workspace' })
  filter(@CurrentWorkspace() ws: WorkspaceContext, @Body() body: GetUsersRequestDto): Promise<Page<UserDto>> {
    return this.users.list(ws.workspaceId, ws, filterFromBody(body));
  }

  @Get(':userId/managers')
  @ApiOperation({ summary: "Find user's team manager", operationId: 'getManagersOfUser' })
  @ApiOkResponse({ type: [UserDto], description: 'Paged: X-Total-Count, X-Page, X-Page-Size and Last-Page headers' })
  @ApiNotFoundResponse({ type: ErrorDto })
  async managers(
    @CurrentWorkspace() ws: WorkspaceContext,
    @Param('userId', ObjectIdPipe) userId: string,
    @Query() query: UserSortQueryDto,
  ): Promise<Page<UserDto>> {
    if (!(await this.users.findMember(ws.workspaceId, ws, userId)))
      throw new NotFoundException('User not found in this workspace');
    return this.users.list(ws.workspaceId, ws, managersFilter(userId, query));
  }
}
