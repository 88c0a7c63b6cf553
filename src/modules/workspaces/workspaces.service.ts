import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { User } from '../users/entities/user.entity';
import { MemberRolesRepository } from './member-roles.repository';
import { UsersService } from '../users/users.service';
import type { CreateWorkspaceRequestDto } from './dto/workspace-requests.dto';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { Role } from './entities/member-role.entity';
import { Workspace } from './entities/workspace.entity';
import { MembershipStatus, WorkspaceMember } from './entities/workspace-member.entity';
import { loadWorkspaceDtos } from './workspace-dto.loader';
import { memberEvent } from './workspace-events';
import { defaultWorkspaceSettings } from './workspace-settings';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly memberRoles: MemberRolesRepository,
  ) {}

  /**
   * The caller's workspaces where their membership is ACTIVE, optionally only
   * those where they hold any of `roles` (an OWNER is not counted as an admin).
   * An add-on sees only the workspace it is installed in, where it acts as an admin.
   */
  async listForPrincipal(principal: Principal, roles?: Role[]): Promise<WorkspaceDto[]> {
    const qb = this.dataSource.getRepository(Workspace).createQueryBuilder('w').orderBy('w.createdAt', 'ASC').addOrderBy('w.id', 'ASC');
    if (principal.kind === 'addon') {
      if (roles?.length && !roles.includes('WORKSPACE_ADMIN')) return [];
      qb.where('w.id = :id', { id: principal.workspaceId });
    } else {
      qb.innerJoin(WorkspaceMember, 'm', "m.workspace_id = w.id AND m.user_id = :userId AND m.status = 'ACTIVE'", { userId: principal.userId });
      if (roles?.length) {
        qb.where(
          'EXISTS (SELECT 1 FROM member_roles r WHERE r.workspace_id = w.id AND r.user_id = :userId AND r.role = ANY(:roles))',
          { userId: principal.userId, roles },
        );
      }
    }
    return loadWorkspaceDtos(this.dataSource.manager, await qb.getMany());
  }

  /** POST /v1/workspaces: a new workspace owned by the calling user. Add-ons may not create workspaces. */
  async createForPrincipal(principal: Principal, dto: CreateWorkspaceRequestDto): Promise<WorkspaceDto> {
    if (principal.kind === 'addon') throw new ForbiddenException('Add-ons cannot create workspaces');
    return this.dataSource.transaction(async (manager) => {
      const owner = await this.users.findById(principal.userId, manager);
      if (!owner) throw new NotFoundException('User not found');
      const workspace = await this.create(manager, owner, dto.name, dto.organizationId);
      return this.toDto(workspace, manager);
    });
  }

  /** A new workspace owned by the user (active member with the OWNER role). */
  async create(manager: EntityManager, owner: User, name: string, organizationId?: string): Promise<Workspace> {
    const workspace = manager.getRepository(Workspace).create({
      id: newId(),
      name: name.trim(),
      ownerId: owner.id,
      organizationId: organizationId ?? null,
      imageUrl: '',
      currency: 'USD',
      settings: defaultWorkspaceSettings(),
    });
    await manager.insert(Workspace, workspace);
    await this.addMember(manager, workspace.id, owner, 'ACTIVE');
    await this.grantRole(manager, workspace.id, owner.id, 'OWNER', workspace.id);
    if (!owner.defaultWorkspaceId) {
      await manager.update(User, { id: owner.id }, { defaultWorkspaceId: workspace.id, activeWorkspaceId: workspace.id });
      owner.defaultWorkspaceId = workspace.id;
      owner.activeWorkspaceId = workspace.id;
    }
    return workspace;
  }

  /** Makes the user a member (or updates the status of an existing membership). */
  async addMember(manager: EntityManager, workspaceId: string, user: User, status: MembershipStatus): Promise<WorkspaceMember> {
    const repo = manager.getRepository(WorkspaceMember);
    const existing = await repo.findOneBy({ workspaceId, userId: user.id });
    if (existing) {
      if (existing.status !== status) await repo.update({ workspaceId, userId: user.id }, { status });
      return { ...existing, status };
    }
    const member = repo.create({ workspaceId, userId: user.id, status });
    await repo.insert(member);
    // An invited (PENDING) user has not joined yet.
    const event = status === 'PENDING' ? 'USERS_INVITED_TO_WORKSPACE' : 'USER_JOINED_WORKSPACE';
    await this.outbox.record(manager, memberEvent(workspaceId, user, status, event));
    if (!user.defaultWorkspaceId) {
      await manager.update(User, { id: user.id }, { defaultWorkspaceId: workspaceId, activeWorkspaceId: workspaceId });
      user.defaultWorkspaceId = workspaceId;
      user.activeWorkspaceId = workspaceId;
    }
    return (await repo.findOneByOrFail({ workspaceId, userId: user.id }));
  }

  async grantRole(manager: EntityManager, workspaceId: string, userId: string, role: Role, entityId: string, sourceType: 'USER_GROUP' | null = null): Promise<void> {
    await this.memberRoles.grant(manager, { workspaceId, userId, role, entityId, sourceType });
  }

  async findOne(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<Workspace> {
    const workspace = await manager.getRepository(Workspace).findOneBy({ id: workspaceId });
    if (!workspace) throw new NotFoundException('Workspace not found');
    return workspace;
  }

  /** The workspace as the reference returns it: settings, rates and every membership. */
  async toDto(workspace: Workspace, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceDto> {
    const [dto] = await loadWorkspaceDtos(manager, [workspace]);
    return dto;
  }

  /** GET /v1/workspaces/{workspaceId} (the guard has checked membership). */
  async get(workspaceId: string): Promise<WorkspaceDto> {
    return this.toDto(await this.findOne(workspaceId));
  }
}
