import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import type { User } from '../users/entities/user.entity';
import { UsersService } from '../users/users.service';
import type { WorkspaceDto } from './dto/workspace.dto';
import type { Workspace } from './entities/workspace.entity';
import type { MembershipStatus, WorkspaceMember } from './entities/workspace-member.entity';
import { MemberRolesStore } from './member-roles.store';
import { memberEvent } from './workspace-events';
import { WorkspacesService } from './workspaces.service';
import { WorkspacesStore } from './workspaces.store';

interface LoadedMember {
  workspace: Workspace;
  member: WorkspaceMember;
  user: User;
}

/** Adding, activating, deactivating and removing the members of a workspace. */
@Injectable()
export class WorkspaceMembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: WorkspacesStore,
    private readonly memberRoles: MemberRolesStore,
    private readonly workspaces: WorkspacesService,
    private readonly users: UsersService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Adds the user with this email, creating the user when nobody has it. A user
   * created by this call has been invited and has not joined: PENDING. An
   * existing user becomes an ACTIVE member at once (there is no invitation flow
   * to accept). A deactivated or declined member is re-activated; a current
   * (ACTIVE or PENDING) member is a conflict.
   */
  addUser(workspaceId: string, email: string): Promise<WorkspaceDto> {
    return this.dataSource.transaction(async (manager) => {
      const workspace = await this.workspaces.findOne(workspaceId, manager);
      const { user, created } = await this.users.findOrCreate(manager, email);
      const existing = await this.store.findMember(manager, workspaceId, user.id);
      if (existing?.status === 'ACTIVE' || existing?.status === 'PENDING') {
        throw new ConflictException('User already in workspace');
      }
      if (existing) {
        await this.changeStatus(
          manager,
          { workspace, member: existing, user },
          'ACTIVE',
          'USER_ACTIVATED_ON_WORKSPACE',
        );
      } else {
        await this.workspaces.addMember(manager, workspaceId, user, created ? 'PENDING' : 'ACTIVE');
      }
      return this.workspaces.toDto(workspace, manager);
    });
  }

  /** Activates or deactivates a member; the owner cannot be deactivated. No change, no event. */
  updateStatus(workspaceId: string, userId: string, status: 'ACTIVE' | 'INACTIVE'): Promise<WorkspaceDto> {
    return this.dataSource.transaction(async (manager) => {
      const loaded = await this.load(manager, workspaceId, userId);
      if (status === 'INACTIVE') this.refuseOwner(loaded, 'The workspace owner cannot be deactivated');
      if (loaded.member.status !== status) {
        const event = status === 'ACTIVE' ? 'USER_ACTIVATED_ON_WORKSPACE' : 'USER_DEACTIVATED_ON_WORKSPACE';
        await this.changeStatus(manager, loaded, status, event);
      }
      return this.workspaces.toDto(loaded.workspace, manager);
    });
  }

  /**
   * Removes the user's access: the membership becomes INACTIVE (their time
   * history stays) and their roles in the workspace are dropped. The owner
   * cannot be removed.
   */
  remove(workspaceId: string, userId: string): Promise<WorkspaceDto> {
    return this.dataSource.transaction(async (manager) => {
      const loaded = await this.load(manager, workspaceId, userId);
      this.refuseOwner(loaded, 'The workspace owner cannot be removed');
      const rolesDropped = await this.memberRoles.revokeAll(manager, workspaceId, userId);
      if (loaded.member.status !== 'INACTIVE' || rolesDropped) {
        await this.changeStatus(manager, loaded, 'INACTIVE', 'USER_DELETED_FROM_WORKSPACE');
      }
      return this.workspaces.toDto(loaded.workspace, manager);
    });
  }

  private async load(manager: EntityManager, workspaceId: string, userId: string): Promise<LoadedMember> {
    const workspace = await this.workspaces.findOne(workspaceId, manager);
    const member = await this.store.findMember(manager, workspaceId, userId);
    const user = member && (await this.users.findById(userId, manager));
    if (!member || !user) throw new NotFoundException('User is not a member of this workspace');
    return { workspace, member, user };
  }

  private refuseOwner({ workspace, user }: LoadedMember, message: string): void {
    if (workspace.ownerId === user.id) throw new BadRequestException(message);
  }

  private async changeStatus(
    manager: EntityManager,
    { workspace, member, user }: LoadedMember,
    status: MembershipStatus,
    event: string,
  ): Promise<void> {
    await this.store.setMemberStatus(manager, workspace.id, member.userId, status);
    member.status = status;
    await this.outbox.record(manager, memberEvent(workspace.id, user, status, event));
  }
}
