import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { adminRoleSql } from '../../common/access';
import type { UserCustomFieldValueDto } from '../custom-fields/dto/custom-field.dto';
import type { MembershipDto } from '../workspaces/dto/membership.dto';
import type { RoleDetailsDto } from './dto/role.dto';
import { groupBy, MembershipRow, RoleRow, toMembershipDto, toRoleDetailsDto } from './user.mapper';
import type { MembershipType } from './user-list';

const currentRate = (kind: 'HOURLY' | 'COST', alias: string, projectColumn: string) => `
  LEFT JOIN LATERAL (
    SELECT r.amount, r.currency FROM rates r
     WHERE r.workspace_id = x.workspace_id AND r.kind = '${kind}' AND r.user_id = x.user_id
       AND r.project_id IS NOT DISTINCT FROM ${projectColumn} AND r.task_id IS NULL AND r.since <= now()
     ORDER BY r.since DESC LIMIT 1) ${alias} ON x.type <> 'USERGROUP'`;

/**
 * What a user DTO carries besides the user row: memberships, custom field
 * values, roles. Each loads a whole page of users in one query.
 */
@Injectable()
export class UserDetailsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Memberships of the users (in one workspace, or in all when `workspaceId`
   * is null). Rates are shown as the viewer may see them in each workspace:
   * cost rates to admins only, billable rates to admins or to everyone when the
   * workspace's `onlyAdminsSeeBillableRates` is off.
   */
  async memberships(
    workspaceId: string | null,
    userIds: string[],
    types: MembershipType[],
    viewerId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, MembershipDto[]>> {
    if (!userIds.length || !types.length) return new Map();
    const rows: MembershipRow[] = await manager.query(
      `WITH x AS (
         SELECT 'WORKSPACE' AS type, 0 AS ord, m.user_id, m.workspace_id, m.workspace_id AS target_id, NULL::char(24) AS project_id, m.status, m.created_at
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
    return groupBy(rows, (r) => r.user_id, toMembershipDto);
  }

  /** Stored custom field values of the users in the workspace. */
  async customFields(workspaceId: string | null, userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, UserCustomFieldValueDto[]>> {
    if (!workspaceId || !userIds.length) return new Map();
    const rows: { user_id: string; id: string; name: string; type: string; value: unknown }[] = await manager.query(
      `SELECT v.user_id, f.id, f.name, f.type, v.value
         FROM user_custom_field_values v
         JOIN custom_fields f ON f.workspace_id = v.workspace_id AND f.id = v.custom_field_id
        WHERE v.workspace_id = $1 AND v.user_id = ANY($2)
        ORDER BY v.user_id, lower(f.name)`,
      [workspaceId, userIds],
    );
    return groupBy(
      rows,
      (r) => r.user_id,
      (r) => ({ customFieldId: r.id, customFieldName: r.name, customFieldType: r.type, userId: r.user_id, value: r.value }),
    );
  }

  /** Every role the users hold in the workspace, owner and admin first. */
  async roles(workspaceId: string, userIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, RoleDetailsDto[]>> {
    if (!userIds.length) return new Map();
    const rows: RoleRow[] = await manager.query(
      `SELECT workspace_id, user_id, role, entity_id, source_type FROM member_roles
        WHERE workspace_id = $1 AND user_id = ANY($2)
        ORDER BY user_id, array_position(ARRAY['OWNER','WORKSPACE_ADMIN','TEAM_MANAGER','PROJECT_MANAGER'], role), entity_id`,
      [workspaceId, userIds],
    );
    return groupBy(rows, (r) => r.user_id, toRoleDetailsDto);
  }
}
