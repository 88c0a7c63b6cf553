import { BadRequestException, CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '../auth/roles';
import { AuthService } from '../auth/auth.service';
import type { AuthenticatedRequest, WorkspaceContext } from '../auth/principal';
import { isAdmin, satisfiesRoles } from '../auth/roles';
import { REQUIRED_ROLES, routeMetadata } from '../decorators/auth.decorators';
import { isObjectId } from '../utils/ids';

/**
 * Tenancy, in one place: on every route with `:workspaceId`, the caller must be
 * an active member of that workspace (an add-on: installed in it; its user
 * token: the member it acts for, too). The
 * workspace context is attached for @CurrentWorkspace(), then @Roles() is checked.
 */
@Injectable()
export class WorkspaceGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const workspaceId = request.params?.workspaceId;
    const principal = request.principal;
    if (workspaceId === undefined || !principal) return true; // not a workspace route, or a public one

    if (!isObjectId(workspaceId)) throw new BadRequestException('workspaceId must be a 24-character hex id');
    const denied = () => new ForbiddenException('You are not a member of this workspace');

    let roles: Role[];
    if (principal.kind === 'addon') {
      if (principal.workspaceId !== workspaceId || !(await this.auth.workspaceExists(workspaceId))) throw denied();
      if (principal.asMember) {
        // A user token: that member's own rights, checked as for the member's API key.
        const membership = await this.auth.membership(workspaceId, principal.userId);
        if (!membership || membership.status !== 'ACTIVE') throw denied();
        roles = membership.roles;
      } else roles = ['WORKSPACE_ADMIN'];
    } else {
      // Usually read by AuthGuard together with the key; otherwise here.
      const membership =
        principal.membership?.workspaceId === workspaceId
          ? principal.membership.member
          : await this.auth.membership(workspaceId, principal.userId);
      if (!membership || membership.status !== 'ACTIVE') throw denied();
      roles = membership.roles;
    }

    const workspace: WorkspaceContext = {
      workspaceId,
      userId: principal.userId,
      roles,
      isAdmin: isAdmin(roles),
      principal,
    };
    request.workspace = workspace;

    const required = routeMetadata<Role[]>(this.reflector, context, REQUIRED_ROLES);
    if (!satisfiesRoles(roles, required)) {
      throw new ForbiddenException(`This action needs one of the roles: ${required?.join(', ')}`);
    }
    return true;
  }
}
