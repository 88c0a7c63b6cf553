import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Role } from '../../common/auth/roles';
import { Workspace } from './entities/workspace.entity';
import { MembershipStatus, WorkspaceMember } from './entities/workspace-member.entity';

/** A workspace- or member-level rate in force now. */
export interface CurrentRateRow {
  workspace_id: string;
  kind: 'HOURLY' | 'COST';
  user_id: string | null;
  amount: string;
  currency: string;
}

/** The SQL of workspaces and their memberships. */
@Injectable()
export class WorkspacesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The workspace an add-on is installed in, as a list. */
  listForAddon(workspaceId: string): Promise<Workspace[]> {
    return this.dataSource
      .getRepository(Workspace)
      .createQueryBuilder('w')
      .orderBy('w.createdAt', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .where('w.id = :id', { id: workspaceId })
      .getMany();
  }

  /** The user's workspaces where the membership is ACTIVE, only those where the user holds one of `roles` when given. */
  listForUser(userId: string, roles?: Role[]): Promise<Workspace[]> {
    const qb = this.dataSource
      .getRepository(Workspace)
      .createQueryBuilder('w')
      .orderBy('w.createdAt', 'ASC')
      .addOrderBy('w.id', 'ASC');
    qb.innerJoin(WorkspaceMember, 'm', "m.workspace_id = w.id AND m.user_id = :userId AND m.status = 'ACTIVE'", {
      userId,
    });
    if (roles?.length) {
      qb.where(
        'EXISTS (SELECT 1 FROM member_roles r WHERE r.workspace_id = w.id AND r.user_id = :userId AND r.role = ANY(:roles))',
        { userId, roles },
      );
    }
    return qb.getMany();
  }

  find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Workspace | null> {
    return manager.getRepository(Workspace).findOneBy({ id });
  }

  /** Inserts the workspace and answers it as an entity. */
  async insert(manager: EntityManager, workspace: Omit<Workspace, 'createdAt'>): Promise<Workspace> {
    const entity = manager.getRepository(Workspace).create(workspace);
    await manager.insert(Workspace, entity);
    return entity;
  }

  async setCurrency(manager: EntityManager, workspaceId: string, currency: string): Promise<void> {
    await manager.update(Workspace, { id: workspaceId }, { currency });
  }

  findMember(manager: EntityManager, workspaceId: string, userId: string): Promise<WorkspaceMember | null> {
    return manager.getRepository(WorkspaceMember).findOneBy({ workspaceId, userId });
  }

  /** Inserts the membership and answers it as stored. */
  async insertMember(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    status: MembershipStatus,
  ): Promise<WorkspaceMember> {
    const repo = manager.getRepository(WorkspaceMember);
    await repo.insert(repo.create({ workspaceId, userId, status }));
    return repo.findOneByOrFail({ workspaceId, userId });
  }

  async setMemberStatus(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    status: MembershipStatus,
  ): Promise<void> {
    await manager.getRepository(WorkspaceMember).update({ workspaceId, userId }, { status });
  }

  /** Every membership of the workspaces, oldest first. */
  members(manager: EntityManager, workspaceIds: string[]): Promise<WorkspaceMember[]> {
    return manager
      .getRepository(WorkspaceMember)
      .find({ where: { workspaceId: In(workspaceIds) }, order: { createdAt: 'ASC', userId: 'ASC' } });
  }

  /** The workspace- and member-level rates of the workspaces in force now. */
  currentRates(manager: EntityManager, workspaceIds: string[]): Promise<CurrentRateRow[]> {
    return manager.query(
      `SELECT DISTINCT ON (workspace_id, kind, user_id) workspace_id, kind, user_id, amount, currency
         FROM rates
        WHERE workspace_id = ANY($1) AND project_id IS NULL AND task_id IS NULL AND since <= $2
        ORDER BY workspace_id, kind, user_id, since DESC`,
      // The app's clock, not now(): inside a transaction now() is its start, before a rate set `since` now in it.
      [workspaceIds, new Date()],
    );
  }
}
