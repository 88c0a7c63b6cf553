import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { limitOffset, Page } from '../../../common/dto/page';
import { pageOf } from '../../../common/dto/page-query.dto';
import { likePattern } from '../../../common/utils/sql';
import { autoEntryDto, type AutoEntrySettings } from '../shared/time-off-shared.dto';
import type { PoliciesQueryDto } from './dto/policy-requests.dto';
import type { AutomaticAccrualDto, NegativeBalanceDto, PolicyApprovalResponseDto, PolicyDto } from './dto/policy.dto';

/** The columns `PoliciesStore.write` sets (JSON columns as text or null). */
export interface PolicyValues {
  name: string;
  approve: string;
  allowHalfDay: boolean;
  allowNegativeBalance: boolean;
  negativeBalance: string | null;
  automaticAccrual: string | null;
  automaticTimeEntryCreation: string | null;
  color: string | null;
  icon: string | null;
  hasExpiration: boolean;
  everyone: boolean;
  archived: boolean;
}

export interface PolicyRow {
  id: string;
  workspace_id: string;
  name: string;
  approve: Partial<PolicyApprovalResponseDto>;
  allow_half_day: boolean;
  allow_negative_balance: boolean;
  negative_balance: NegativeBalanceDto | null;
  time_unit: 'DAYS' | 'HOURS';
  automatic_accrual: AutomaticAccrualDto | null;
  automatic_time_entry_creation: AutoEntrySettings | null;
  color: string | null;
  icon: string | null;
  has_expiration: boolean;
  everyone: boolean;
  archived: boolean;
}

interface LinkRow {
  policy_id: string;
  id: string;
}

/** Reads policies with the users and groups they apply to. */
@Injectable()
export class PoliciesStore {
  constructor(private readonly dataSource: DataSource) {}

  async row(manager: EntityManager, workspaceId: string, id: string, lock = false): Promise<PolicyRow> {
    const rows: PolicyRow[] = await manager.query(
      `SELECT * FROM time_off_policies WHERE workspace_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    if (!rows.length) throw new NotFoundException('Policy not found');
    return rows[0];
  }

  async one(manager: EntityManager, workspaceId: string, id: string): Promise<PolicyDto> {
    const [policy] = await this.hydrate(manager, [await this.row(manager, workspaceId, id)]);
    return policy;
  }

  async list(workspaceId: string, query: PoliciesQueryDto): Promise<Page<PolicyDto>> {
    const params: unknown[] = [workspaceId];
    const where = ['workspace_id = $1'];
    if (query.name) {
      params.push(likePattern(query.name));
      where.push(`name ILIKE $${params.length} ESCAPE '\\'`);
    }
    if (query.status === 'ACTIVE') where.push('NOT archived');
    if (query.status === 'ARCHIVED') where.push('archived');
    const direction = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const request = pageOf(query);
    const { limit, offset } = limitOffset(request);
    const from = `FROM time_off_policies WHERE ${where.join(' AND ')}`;
    const rows: PolicyRow[] = await this.dataSource.query(
      `SELECT * ${from} ORDER BY lower(name) ${direction}, id ${direction} LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total ${from}`,
      params,
    );
    return new Page(await this.hydrate(this.dataSource.manager, rows), total, request);
  }

  private async hydrate(manager: EntityManager, rows: PolicyRow[]): Promise<PolicyDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => r.id);
    const users: LinkRow[] = await manager.query(
      `SELECT policy_id, user_id AS id FROM time_off_policy_users WHERE policy_id = ANY($1) ORDER BY user_id`,
      [ids],
    );
    const groups: LinkRow[] = await manager.query(
      `SELECT policy_id, user_group_id AS id FROM time_off_policy_user_groups WHERE policy_id = ANY($1) ORDER BY user_group_id`,
      [ids],
    );
    const idsOf = (links: LinkRow[], policyId: string) =>
      links.filter((l) => l.policy_id === policyId).map((l) => l.id);
    return rows.map((row) => toPolicyDto(row, idsOf(users, row.id), idsOf(groups, row.id)));
  }

  /** A new policy with nothing approved yet; `write` sets its fields. */
  async insert(manager: EntityManager, workspaceId: string, id: string, name: string, timeUnit: string): Promise<void> {
    await manager.query(
      `INSERT INTO time_off_policies (id, workspace_id, name, approve, time_unit) VALUES ($1, $2, $3, '{}', $4)`,
      [id, workspaceId, name, timeUnit],
    );
  }

  /** Sets every field of a policy from a create or PUT body. */
  async write(manager: EntityManager, workspaceId: string, id: string, v: PolicyValues): Promise<void> {
    await manager.query(
      `UPDATE time_off_policies
          SET name = $3, approve = $4, allow_half_day = $5, allow_negative_balance = $6, negative_balance = $7,
              automatic_accrual = $8, automatic_time_entry_creation = $9, color = $10, icon = $11, has_expiration = $12,
              everyone = $13, archived = $14
        WHERE workspace_id = $1 AND id = $2`,
      [
        workspaceId,
        id,
        v.name,
        v.approve,
        v.allowHalfDay,
        v.allowNegativeBalance,
        v.negativeBalance,
        v.automaticAccrual,
        v.automaticTimeEntryCreation,
        v.color,
        v.icon,
        v.hasExpiration,
        v.everyone,
        v.archived,
      ],
    );
  }

  async setArchived(manager: EntityManager, workspaceId: string, id: string, archived: boolean): Promise<void> {
    await manager.query(`UPDATE time_off_policies SET archived = $3 WHERE workspace_id = $1 AND id = $2`, [
      workspaceId,
      id,
      archived,
    ]);
  }

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.query(`DELETE FROM time_off_policies WHERE workspace_id = $1 AND id = $2`, [workspaceId, id]);
  }

  /** How many of `userIds` are members of the workspace. */
  async countMembers(manager: EntityManager, workspaceId: string, userIds: string[]): Promise<number> {
    const [{ found }]: { found: number }[] = await manager.query(
      `SELECT count(*)::int AS found FROM workspace_members WHERE workspace_id = $1 AND user_id = ANY($2)`,
      [workspaceId, userIds],
    );
    return found;
  }
}

export function toPolicyDto(row: PolicyRow, userIds: string[], userGroupIds: string[]): PolicyDto {
  return {
    id: row.id,
    name: row.name,
    workspaceId: row.workspace_id,
    allowHalfDay: row.allow_half_day,
    allowNegativeBalance: row.allow_negative_balance,
    approve: {
      requiresApproval: row.approve.requiresApproval ?? false,
      specificMembers: row.approve.specificMembers ?? false,
      teamManagers: row.approve.teamManagers ?? false,
      userIds: row.approve.userIds ?? [],
    },
    archived: row.archived,
    automaticAccrual: row.automatic_accrual,
    automaticTimeEntryCreation: autoEntryDto(row.automatic_time_entry_creation),
    everyoneIncludingNew: row.everyone,
    negativeBalance: row.negative_balance,
    projectId: row.automatic_time_entry_creation?.projectId ?? null,
    timeUnit: row.time_unit,
    userGroupIds,
    userIds,
    color: row.color,
    icon: row.icon,
    hasExpiration: row.has_expiration,
  };
}
