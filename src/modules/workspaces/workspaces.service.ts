import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { RatesService } from '../rates/rates.service';
import { User } from '../users/entities/user.entity';
import type { WorkspaceDto } from './dto/workspace.dto';
import { MemberRole, Role } from './entities/member-role.entity';
import { Workspace } from './entities/workspace.entity';
import { MembershipStatus, WorkspaceMember } from './entities/workspace-member.entity';
import { defaultWorkspaceSettings } from './workspace-settings';
import { toWorkspaceDto } from './workspace.mapper';

@Injectable()
export class WorkspacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rates: RatesService,
    private readonly outbox: OutboxService,
  ) {}

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
    await this.outbox.record(manager, {
      workspaceId,
      entityType: 'USER',
      entityId: user.id,
      event: 'USER_JOINED_WORKSPACE',
      payload: { id: user.id, email: user.email, name: user.name, workspaceId, status },
    });
    if (!user.defaultWorkspaceId) {
      await manager.update(User, { id: user.id }, { defaultWorkspaceId: workspaceId, activeWorkspaceId: workspaceId });
      user.defaultWorkspaceId = workspaceId;
      user.activeWorkspaceId = workspaceId;
    }
    return (await repo.findOneByOrFail({ workspaceId, userId: user.id }));
  }

  async grantRole(manager: EntityManager, workspaceId: string, userId: string, role: Role, entityId: string, sourceType: 'USER_GROUP' | null = null): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(MemberRole)
      .values({ id: newId(), workspaceId, userId, role, entityId, sourceType })
      .orIgnore()
      .execute();
  }

  async findOne(workspaceId: string, manager: EntityManager = this.dataSource.manager): Promise<Workspace> {
    const workspace = await manager.getRepository(Workspace).findOneBy({ id: workspaceId });
    if (!workspace) throw new NotFoundException('Workspace not found');
    return workspace;
  }

  /** The workspace as the reference returns it: settings, rates and every membership. */
  async toDto(workspace: Workspace, manager: EntityManager = this.dataSource.manager): Promise<WorkspaceDto> {
    const [members, hourly, cost, memberHourly, memberCost] = await Promise.all([
      manager.getRepository(WorkspaceMember).find({ where: { workspaceId: workspace.id }, order: { createdAt: 'ASC' } }),
      this.rates.at({ workspaceId: workspace.id }, 'HOURLY', new Date(), manager),
      this.rates.at({ workspaceId: workspace.id }, 'COST', new Date(), manager),
      this.rates.memberRates(workspace.id, 'HOURLY', manager),
      this.rates.memberRates(workspace.id, 'COST', manager),
    ]);
    return toWorkspaceDto(workspace, members, { hourly, cost, memberHourly, memberCost });
  }
}
