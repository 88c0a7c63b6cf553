import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { customFieldColumns, type CustomFieldSqlRow } from '../custom-fields/custom-fields.store';
import type { CustomFieldType } from '../custom-fields/entities/custom-field.entity';
import type { WeekDay } from './dto/user-settings.dto';

export interface ProfileRow {
  email: string;
  name: string;
  profile_picture: string | null;
  week_start: WeekDay;
  work_capacity: number;
  working_days: WeekDay[];
  workspace_number: number;
}

export interface ProfileFieldRow extends CustomFieldSqlRow {
  project_defaults: { projectId: string; status: string; value: unknown }[];
  value: unknown;
  has_value: boolean;
}

export interface UserFieldRow {
  id: string;
  type: CustomFieldType;
  allowed_values: string[];
  only_admin_can_edit: boolean;
}

/** The SQL of a member's profile: the user's name and picture, the membership's work schedule, the user's field values. */
@Injectable()
export class MemberProfileStore {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    workspaceId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ProfileRow | undefined> {
    const rows: ProfileRow[] = await manager.query(
      `SELECT u.email, u.name, u.profile_picture, m.week_start, m.work_capacity, m.working_days,
              (SELECT count(*)::int FROM workspace_members a WHERE a.user_id = u.id AND a.status = 'ACTIVE') AS workspace_number
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    return rows[0];
  }

  /** Locks the membership; false when the user is not a member of the workspace. */
  async lockMember(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    const member: unknown[] = await manager.query(
      'SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE',
      [workspaceId, userId],
    );
    return member.length > 0;
  }

  /** A null name keeps the current one; `setPicture` false keeps the current picture. */
  async updateUser(
    manager: EntityManager,
    userId: string,
    name: string | null,
    setPicture: boolean,
    picture: string | null,
  ): Promise<void> {
    await manager.query(
      `UPDATE users SET name = coalesce($2, name), profile_picture = CASE WHEN $3::boolean THEN $4 ELSE profile_picture END WHERE id = $1`,
      [userId, name, setPicture, picture],
    );
  }

  userFields(manager: EntityManager, workspaceId: string, ids: string[]): Promise<UserFieldRow[]> {
    return manager.query(
      `SELECT id, type, allowed_values, only_admin_can_edit FROM custom_fields WHERE workspace_id = $1 AND id = ANY($2) AND entity_type = 'USER'`,
      [workspaceId, ids],
    );
  }

  /** The user's values of the workspace's user fields, and the fields with a workspace default where the user has none. */
  fieldValues(manager: EntityManager, workspaceId: string, userId: string): Promise<ProfileFieldRow[]> {
    return manager.query(
      `SELECT ${customFieldColumns('f')}, v.value, (v.user_id IS NOT NULL) AS has_value,
              coalesce((SELECT json_agg(json_build_object('projectId', p.project_id, 'status', p.status, 'value',
                p.default_value) ORDER BY p.project_id)
                          FROM project_custom_fields p WHERE p.workspace_id = f.workspace_id AND p.custom_field_id = f.id), '[]') AS project_defaults
         FROM custom_fields f
         LEFT JOIN user_custom_field_values v ON v.workspace_id = f.workspace_id AND v.custom_field_id = f.id AND v.user_id = $2
        WHERE f.workspace_id = $1 AND f.entity_type = 'USER' AND (v.user_id IS NOT NULL OR f.workspace_default_value IS NOT NULL)
        ORDER BY lower(f.name)`,
      [workspaceId, userId],
    );
  }
}
