import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { RoleDetailsDto, RoleRequestDto } from '../users/dto/role.dto';
import { UserDetailsService } from '../users/user-details.service';
import { UserListService } from '../users/user-list.service';
import { MemberRolesStore } from './member-roles.store';

/**
 * Granting and removing WORKSPACE_ADMIN, TEAM_MANAGER and PROJECT_MANAGER
 * (admins only; OWNER is never granted or removed here).
 */
@Injectable()
export class UserRolesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly details: UserDetailsService,
    private readonly users: UserListService,
    private readonly memberRoles: MemberRolesStore,
  ) {}

  async grant(
    workspaceId: string,
    ctx: WorkspaceContext,
    userId: string,
    body: RoleRequestDto,
  ): Promise<RoleDetailsDto[]> {
    checkShape(workspaceId, userId, body);
    return this.dataSource.transaction(async (manager) => {
      await this.requireMember(manager, workspaceId, userId);
      await this.requireEntity(manager, workspaceId, body);
      await this.memberRoles.grant(manager, {
        workspaceId,
        userId,
        role: body.role,
        entityId: body.entityId,
        sourceType: body.sourceType,
      });
      await this.recordUpdate(manager, workspaceId, ctx, userId);
      return (await this.details.roles(workspaceId, [userId], manager)).get(userId) ?? [];
    });
  }

  async revoke(workspaceId: string, ctx: WorkspaceContext, userId: string, body: RoleRequestDto): Promise<void> {
    checkShape(workspaceId, userId, body);
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.memberRoles.revoke(manager, {
        workspaceId,
        userId,
        role: body.role,
        entityId: body.entityId,
        sourceType: body.sourceType,
      });
      if (!revoked) throw new NotFoundException('The user does not hold this role');
      await this.recordUpdate(manager, workspaceId, ctx, userId);
    });
  }

  private async recordUpdate(
    manager: EntityManager,
    workspaceId: string,
    ctx: WorkspaceContext,
    userId: string,
  ): Promise<void> {
    const payload = await this.users.findMember(workspaceId, ctx, userId, manager);
    await this.outbox.record(manager, {
      workspaceId,
      entityType: 'USER',
      entityId: userId,
      event: 'USER_UPDATED',
      payload,
    });
  }

  private async requireMember(manager: EntityManager, workspaceId: string, userId: string): Promise<void> {
    if (!(await this.memberRoles.memberExists(manager, workspaceId, userId))) {
      throw new NotFoundException('User not found in this workspace');
    }
  }

  private async requireEntity(manager: EntityManager, workspaceId: string, body: RoleRequestDto): Promise<void> {
    if (body.role === 'PROJECT_MANAGER') {
      if (!(await this.memberRoles.projectExists(manager, workspaceId, body.entityId))) {
        throw new NotFoundException('Project not found');
      }
    } else if (body.role === 'TEAM_MANAGER' && body.sourceType === 'USER_GROUP') {
      if (!(await this.memberRoles.userGroupExists(manager, workspaceId, body.entityId))) {
        throw new NotFoundException('User group not found');
      }
    } else if (body.role === 'TEAM_MANAGER') {
      await this.requireMember(manager, workspaceId, body.entityId);
    }
  }
}

/** Checks that need no database: which entity a role may be over. */
function checkShape(workspaceId: string, userId: string, body: RoleRequestDto): void {
  const bad = (message: string) => new BadRequestException({ message, errors: [{ field: 'entityId', message }] });
  if (body.sourceType && body.role !== 'TEAM_MANAGER') throw bad('sourceType USER_GROUP applies to TEAM_MANAGER only');
  if (body.role === 'WORKSPACE_ADMIN' && body.entityId !== workspaceId)
    throw bad('For WORKSPACE_ADMIN, entityId must be the workspace id');
  if (body.role === 'TEAM_MANAGER' && !body.sourceType && body.entityId === userId)
    throw bad('A user cannot be their own team manager');
}
