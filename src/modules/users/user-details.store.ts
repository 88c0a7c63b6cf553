import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { adminRoleSql } from '../../common/access';
import type { Role } from '../../common/auth/roles';
import type { MembershipDto } from '../../common/dto/membership.dto';
import type { MembershipType } from './user-list';

export interface RoleRow {
  workspace_id: string;
  user_id: string;
  role: Role;
  entity_id: string;
  source_type: 'USER_GROUP' | null;
}

export interface MembershipRow {
  type: MembershipType;
  user_id: string;
  target_id: string;
  status: MembershipDto['membershipStatus'];
  hourly_amount: string | null;
  hourly_currency: string | null;
  cost_amount: string | null;
  cost_currency: string | null;
  show_hourly: boolean;
  show_cost: boolean;
}

export interface UserCustomFieldRow {
  user_id: string;
  id: string;
  name: string;
  type: string;
  value: unknown;
}

const currentRate = (kind: 'HOURLY' | 'COST', alias: string, projectColumn: string) => `
  LEFT JOIN LATERAL (
    SELECT r.amount, r.currency FROM rates r
     WHERE r.workspace_id = x.workspace_id AND r.kind = '${kind}' AND r.user_id = x.user_id
       AND r.project_id IS NOT DISTINCT FROM ${projectColumn} AND r.task_id IS NULL AND r.since <= now()
     ORDER BY r.since DESC LIMIT 1) ${alias} ON x.type <> 'USERGROUP'`;

/** The SQL of what a user DTO carries besides the user row; each statement reads a whole page of users. */
@Injectable()
export class UserDetailsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Memberships of the users (in one workspace, or in all when `workspaceId` is null), with what the viewer may see of their rates. */
  memberships(
    workspaceId: string | null,
    userIds: string[],
    types: MembershipType[],
    viewerId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MembershipRow[]> {
    return manager.query(
      `WITH x AS (
         SELECT 'WORKSPACE' AS type, 0 AS ord, m.user_id, m.workspace_id, m.workspace_id AS target_id,
           NULL::char(24) AS project_id, m.status, m.created_at
           FROM workspace_members m
          WHERE m.user_id = ANY($1) AND ($2::char(24) IS NULL OR m.workspace_id = $2) AND 'WORKSPACE' = ANY($3)
         UNION ALL
         SELECT 'PROJECT', 1, pm.user_id, pm.workspace_id, pm.project_id, pm.project_id, m.status, pm.created_at
           FROM project_members pm JOIN workspace_members m ON m.workspace_id = pm.workspace_id AND m.user_id = pm.user_id
          WHERE pm.user_id = ANY($1) AND ($2::char(24) IS NULL OR pm.workspace_id = $2) AND 'PROJECT' = ANY($3)
         UNION ALL
         SELECT 'USERGROUP', 2, g.user_id, g.workspace_id, g.user_group_id, NULL, m.status, m.created_at
           FROM user_group_members g JOIN workspace_members m ON m.workspace_id = g.workspace_id AND m.user_id = g.user_id
          WHERE g.user_id = ANY($1) AND ($2::char(24) IS NULL OR g.workspace_id = $2) AND 'USERGROUP' = ANY($3)
       ), viewer AS (
         SELECT DISTINCT r.workspace_id FROM member_roles r
          WHERE r.user_id = $4 AND ${adminRoleSql('r')}
       )
       SELECT x.type, x.user_id, x.target_id, x.status,
              h.amount AS hourly_amount, h.currency AS hourly_currency, c.amount AS cost_amount, c.currency AS cost_currency,
              (v.workspace_id IS NOT NULL OR NOT coalesce((w.settings->>'onlyAdminsSeeBillableRates')::boolean, true)) AS show_hourly,
              (v.workspace_id IS NOT NULL) AS show_cost
         FROM x
         JOIN workspaces w ON w.id = x.workspace_id
         LEFT JOIN viewer v ON v.workspace_id = x.workspace_id
         ${currentRate('HOURLY', 'h', 'x.project_id')}
         ${currentRate('COST', 'c', 'x.project_id')}
        ORDER BY x.user_id, x.ord, x.created_at, x.target_id`,
      [userIds, workspaceId, types, viewerId],
    );
  }

  /** Stored custom field values of the users in the workspace. */
  customFields(
    workspaceId: string,
    userIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserCustomFieldRow[]> {
    return manager.query(
      `SELECT v.user_id, f.id, f.name, f.type, v.value
         FROM user_custom_field_values v
         JOIN custom_fields f ON f.workspace_id = v.workspace_id AND f.id = v.custom_field_id
        WHERE v.workspace_id = $1 AND v.user_id = ANY($2)
        ORDER BY v.user_id, lower(f.name)`,
      [workspaceId, userIds],
    );
  }

  /** Every role the users hold in the workspace, owner and admin first. */
  roles(workspaceId: string, userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<RoleRow[]> {
    return manager.query(
      `SELECT workspace_id, user_id, role, entity_id, source_type FROM member_roles
        WHERE workspace_id = $1 AND user_id = ANY($2)
        ORDER BY user_id, array_position(ARRAY['OWNER','WORKSPACE_ADMIN','TEAM_MANAGER','PROJECT_MANAGER'], role), entity_id`,
      [workspaceId, userIds],
    );
  }
}
