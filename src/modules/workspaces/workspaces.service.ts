import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Principal } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import type { Role } from '../../common/auth/roles';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import { UsersStore } from '../users/users.store';
import type { CreateWorkspaceRequestDto } from './dto/workspace-requests.dto';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { Workspace } from './entities/workspace.entity';
import type { MembershipStatus, WorkspaceMember } from './entities/workspace-member.entity';
import { MemberRolesStore } from './member-roles.store';
import { toWorkspaceDtos } from './workspace.mapper';
import { memberEvent } from './workspace-events';
import { WorkspacesStore } from './workspaces.store';
import { defaultWorkspaceSettings } from './workspace-settings';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: WorkspacesStore,
    private readonly outbox: OutboxService,
    private readonly users: UsersService,
    private readonly userStore: UsersStore,
    private readonly memberRoles: MemberRolesStore,
  ) {}

  /**
   * The caller's workspaces where their membership is ACTIVE, optionally only
   * those where they hold any of `roles` (an OWNER is not counted as an admin).
   * An add-on sees only the workspace it is installed in, where it acts as an admin.
   */
  async listForPrincipal(principal: Principal, roles?: Role[]): Promise<WorkspaceDto[]> {
    if (principal.kind === 'addon' && roles?.length && !roles.includes('WORKSPACE_ADMIN')) return [];
    const workspaces =
      principal.kind === 'addon'
        ? await this.store.listForAddon(principal.workspaceId)
        : await this.store.listForUser(principal.userId, roles);
    return this.toDtos(workspaces, this.dataSource.manager);
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
    const workspace = await this.store.insert(manager, {
      id: newId(),
      name: name.trim(),
      ownerId: owner.id,
      organizationId: organizationId ?? null,
      imageUrl: '',
      currency: 'USD',
      settings: defaultWorkspaceSettings(),
    });
    await this.addMember(manager, workspace.id, owner, 'ACTIVE');
    await this.grantRole(manager, workspace.id, owner.id, 'OWNER', workspace.id);
    if (!owner.defaultWorkspaceId) {
      await this.userStore.setDefaultWorkspace(manager, owner.id, workspace.id);
      owner.defaultWorkspaceId = workspace.id;
      owner.activeWorkspaceId = workspace.id;
    }
    return workspace;
  }

  /** Makes the user a member (or updates the status of an existing membership). */
  async addMember(
    manager: EntityManager,
    workspaceId: string,
    user: User,
    status: MembershipStatus,
  ): Promise<WorkspaceMember> {
    const existing = await this.store.findMember(manager, workspaceId, user.id);
    if (existing) {
      if (existing.status !== status) await this.store.setMemberStatus(manager, workspaceId, user.id, status);
      return { ...existing, status };
    }
    const member = await this.store.insertMember(manager, workspaceId, user.id, status);
    // An invited (PENDING) user has not joined yet.
    const event = status === 'PENDING' ? 'USERS_INVITED_TO_WORKSPACE' : 'USER_JOINED_WORKSPACE';
    await this.outbox.record(manager, memberEvent(workspaceId, user, status, event));
    if (!user.defaultWorkspaceId) {
      await this.userStore.setDefaultWorkspace(manager, user.id, workspaceId);
      user.defaultWorkspaceId = workspaceId;
      user.activeWorkspaceId = workspaceId;
    }
    return member;
  }

  async grantRole(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    role: Role,
    entityId: string,
    sourceType: 'USER_GROUP' | null = null,
  ): Promise<void> {
    await this.memberRoles.grant(manager, { workspaceId, userId, role, entityId, sourceType });
  }

  async findOne(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<Workspace> {
    const workspace = await this.store.find(workspaceId, manager);
    if (!workspace) throw new NotFoundException('Workspace not found');
    return workspace;
  }

  /** The workspace as the reference returns it: settings, rates and every membership. */
  async toDto(workspace: Workspace, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceDto> {
    const [dto] = await this.toDtos([workspace], manager);
    return dto;
  }

  /** WorkspaceDtos in two queries whatever their number: every membership, and every workspace- and member-level rate in force now. */
  private async toDtos(workspaces: Workspace[], manager: EntityManager): Promise<WorkspaceDto[]> {
    if (!workspaces.length) return [];
    const ids = workspaces.map((w) => w.id);
    const [members, rates] = await Promise.all([
      this.store.members(manager, ids),
      this.store.currentRates(manager, ids),
    ]);
    return toWorkspaceDtos(workspaces, members, rates);
  }

  /** GET /v1/workspaces/{workspaceId} (the guard has checked membership). */
  async get(workspaceId: string): Promise<WorkspaceDto> {
    return this.toDto(await this.findOne(workspaceId));
  }
}
