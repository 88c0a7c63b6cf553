import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { parseIsoDuration, toIsoDuration } from '../../common/utils/time';
import type { MemberProfileDto, MemberProfileRequestDto, UpsertUserCustomFieldRequestDto, UserCustomFieldValueFullDto } from './dto/member-profile.dto';
import { customFieldFromRow } from '../custom-fields/custom-field.mapper';
import { customFieldColumns, type CustomFieldSqlRow } from '../custom-fields/custom-fields.store';
import { customFieldValueError } from '../custom-fields/custom-field-value';
import type { CustomFieldType } from '../custom-fields/entities/custom-field.entity';
import { UserListService } from './user-list.service';
import type { WeekDay } from './user-settings';

const MAX_WORK_CAPACITY = 24 * 3600;

interface ProfileRow {
  email: string;
  name: string;
  profile_picture: string | null;
  week_start: WeekDay;
  work_capacity: number;
  working_days: WeekDay[];
  workspace_number: number;
}

interface FieldRow extends CustomFieldSqlRow {
  project_defaults: { projectId: string; status: string; value: unknown }[];
  value: unknown;
  has_value: boolean;
}

/** A member's profile in one workspace: the user's name and picture plus the membership's work schedule. */
@Injectable()
export class MemberProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly users: UserListService,
  ) {}

  async get(workspaceId: string, ctx: WorkspaceContext, userId: string, manager: EntityManager = this.dataSource.manager): Promise<MemberProfileDto> {
    this.requireSelfOrAdmin(ctx, userId);
    const rows: ProfileRow[] = await manager.query(
      `SELECT u.email, u.name, u.profile_picture, m.week_start, m.work_capacity, m.working_days,
              (SELECT count(*)::int FROM workspace_members a WHERE a.user_id = u.id AND a.status = 'ACTIVE') AS workspace_number
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    const row = rows[0];
    if (!row) throw new NotFoundException('User not found in this workspace');
    return {
      email: row.email,
      name: row.name,
      imageUrl: row.profile_picture ?? '',
      hasPassword: false,
      hasPendingApprovalRequest: false,
      weekStart: row.week_start,
      workCapacity: toIsoDuration(row.work_capacity) ?? 'PT0S',
      workingDays: row.working_days,
      workspaceNumber: row.workspace_number,
      userCustomFieldValues: await this.customFieldValues(workspaceId, userId, manager),
    };
  }

  async update(workspaceId: string, ctx: WorkspaceContext, userId: string, body: MemberProfileRequestDto): Promise<MemberProfileDto> {
    this.requireSelfOrAdmin(ctx, userId);
    const workCapacity = body.workCapacity === undefined ? undefined : parseCapacity(body.workCapacity);
    return this.dataSource.transaction(async (manager) => {
      const member: unknown[] = await manager.query('SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE', [workspaceId, userId]);
      if (!member.length) throw new NotFoundException('User not found in this workspace');

      const picture = body.removeProfileImage ? null : body.imageUrl === undefined ? undefined : body.imageUrl.trim() || null;
      if (body.name !== undefined || picture !== undefined) {
        await manager.query(
          `UPDATE users SET name = coalesce($2, name), profile_picture = CASE WHEN $3::boolean THEN $4 ELSE profile_picture END WHERE id = $1`,
          [userId, body.name?.trim() || null, picture !== undefined, picture ?? null],
        );
      }
      if (body.weekStart !== undefined || workCapacity !== undefined || body.workingDays !== undefined) {
        await manager.query(
          `UPDATE workspace_members SET week_start = coalesce($3, week_start), work_capacity = coalesce($4, work_capacity),
                  working_days = coalesce($5::text[], working_days)
            WHERE workspace_id = $1 AND user_id = $2`,
          [workspaceId, userId, body.weekStart ?? null, workCapacity ?? null, body.workingDays ?? null],
        );
      }
      if (body.userCustomFields?.length) await this.saveCustomFields(manager, workspaceId, ctx, userId, body.userCustomFields);

      const user = await this.users.findMember(workspaceId, ctx, userId, manager);
      await this.outbox.record(manager, { workspaceId, entityType: 'USER', entityId: userId, event: 'USER_UPDATED', payload: user });
      return this.get(workspaceId, ctx, userId, manager);
    });
  }

  private requireSelfOrAdmin(ctx: WorkspaceContext, userId: string): void {
    if (!ctx.isAdmin && ctx.userId !== userId) throw new ForbiddenException("Only admins may see or change another member's profile");
  }

  private async saveCustomFields(manager: EntityManager, workspaceId: string, ctx: WorkspaceContext, userId: string, values: UpsertUserCustomFieldRequestDto[]): Promise<void> {
    const ids = values.map((v) => v.customFieldId);
    if (new Set(ids).size !== ids.length) throw new BadRequestException('userCustomFields lists a custom field twice');
    const fields: { id: string; type: CustomFieldType; allowed_values: string[]; only_admin_can_edit: boolean }[] = await manager.query(
      `SELECT id, type, allowed_values, only_admin_can_edit FROM custom_fields WHERE workspace_id = $1 AND id = ANY($2) AND entity_type = 'USER'`,
      [workspaceId, ids],
    );
    const byId = new Map(fields.map((f) => [f.id, f]));
    for (const { customFieldId, value } of values) {
      const field = byId.get(customFieldId);
      if (!field) throw new NotFoundException(`User custom field ${customFieldId} not found`);
      if (field.only_admin_can_edit && !ctx.isAdmin) throw new ForbiddenException(`Only admins may change custom field ${customFieldId}`);
      if (value === null || value === undefined) {
        await manager.query('DELETE FROM user_custom_field_values WHERE workspace_id = $1 AND user_id = $2 AND custom_field_id = $3', [workspaceId, userId, customFieldId]);
        continue;
      }
      const error = customFieldValueError({ type: field.type, allowedValues: field.allowed_values }, value);
      if (error) throw new BadRequestException({ message: error, errors: [{ field: 'userCustomFields.value', message: error }] });
      await manager.query(
        `INSERT INTO user_custom_field_values (workspace_id, user_id, custom_field_id, value) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (workspace_id, user_id, custom_field_id) DO UPDATE SET value = EXCLUDED.value`,
        [workspaceId, userId, customFieldId, JSON.stringify(value)],
      );
    }
  }

  /** The user's values of the workspace's user fields, and the workspace defaults where the user has none. */
  private async customFieldValues(workspaceId: string, userId: string, manager: EntityManager): Promise<UserCustomFieldValueFullDto[]> {
    const rows: FieldRow[] = await manager.query(
      `SELECT ${customFieldColumns('f')}, v.value, (v.user_id IS NOT NULL) AS has_value,
              coalesce((SELECT json_agg(json_build_object('projectId', p.project_id, 'status', p.status, 'value', p.default_value) ORDER BY p.project_id)
                          FROM project_custom_fields p WHERE p.workspace_id = f.workspace_id AND p.custom_field_id = f.id), '[]') AS project_defaults
         FROM custom_fields f
         LEFT JOIN user_custom_field_values v ON v.workspace_id = f.workspace_id AND v.custom_field_id = f.id AND v.user_id = $2
        WHERE f.workspace_id = $1 AND f.entity_type = 'USER' AND (v.user_id IS NOT NULL OR f.workspace_default_value IS NOT NULL)
        ORDER BY lower(f.name)`,
      [workspaceId, userId],
    );
    return rows.map((f) => ({
      customFieldId: f.id,
      customField: customFieldFromRow(f, f.project_defaults),
      name: f.name,
      type: f.type,
      sourceType: f.has_value ? 'USER' : 'WORKSPACE',
      userId,
      value: f.has_value ? f.value : f.workspace_default_value,
    }));
  }
}

function parseCapacity(text: string): number {
  const seconds = parseIsoDuration(text);
  if (seconds === null || seconds > MAX_WORK_CAPACITY) {
    const message = 'workCapacity must be an ISO-8601 duration between PT0S and PT24H, e.g. PT7H';
    throw new BadRequestException({ message, errors: [{ field: 'workCapacity', message }] });
  }
  return seconds;
}
