import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { parseIsoDuration, toIsoDuration } from '../../common/utils/time';
import type {
  MemberProfileDto,
  MemberProfileRequestDto,
  UpsertUserCustomFieldRequestDto,
  UserCustomFieldValueFullDto,
} from './dto/member-profile.dto';
import { customFieldFromRow } from '../custom-fields/custom-field.mapper';
import { customFieldValueError } from '../custom-fields/custom-field-value';
import { CustomFieldsStore } from '../custom-fields/custom-fields.store';
import type { CustomFieldValue } from '../custom-fields/entities/custom-field.entity';
import { MEMBER_SCHEDULES, type MemberSchedules } from './member-extensions';
import { MemberProfileStore } from './member-profile.store';
import { UserListService } from './user-list.service';

const MAX_WORK_CAPACITY = 24 * 3600;

/** A member's profile in one workspace: the user's name and picture plus the membership's work schedule. */
@Injectable()
export class MemberProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MemberProfileStore,
    @Inject(MEMBER_SCHEDULES) private readonly schedules: MemberSchedules,
    private readonly outbox: OutboxService,
    private readonly users: UserListService,
  ) {}

  async get(
    workspaceId: string,
    ctx: WorkspaceContext,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MemberProfileDto> {
    this.requireSelfOrAdmin(ctx, userId);
    const row = await this.store.find(workspaceId, userId, manager);
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

  async update(
    workspaceId: string,
    ctx: WorkspaceContext,
    userId: string,
    body: MemberProfileRequestDto,
  ): Promise<MemberProfileDto> {
    this.requireSelfOrAdmin(ctx, userId);
    const workCapacity = body.workCapacity === undefined ? undefined : parseCapacity(body.workCapacity);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.store.lockMember(manager, workspaceId, userId)))
        throw new NotFoundException('User not found in this workspace');

      const picture = body.removeProfileImage
        ? null
        : body.imageUrl === undefined
          ? undefined
          : body.imageUrl.trim() || null;
      if (body.name !== undefined || picture !== undefined) {
        await this.store.updateUser(manager, userId, body.name?.trim() || null, picture !== undefined, picture ?? null);
      }
      if (body.weekStart !== undefined || workCapacity !== undefined || body.workingDays !== undefined) {
        await this.schedules.update(manager, workspaceId, userId, {
          weekStart: body.weekStart ?? null,
          workCapacity: workCapacity ?? null,
          workingDays: body.workingDays ?? null,
        });
      }
      if (body.userCustomFields?.length)
        await this.saveCustomFields(manager, workspaceId, ctx, userId, body.userCustomFields);

      const user = await this.users.findMember(workspaceId, ctx, userId, manager);
      await this.outbox.record(manager, {
        workspaceId,
        entityType: 'USER',
        entityId: userId,
        event: 'USER_UPDATED',
        payload: user,
      });
      return this.get(workspaceId, ctx, userId, manager);
    });
  }

  private requireSelfOrAdmin(ctx: WorkspaceContext, userId: string): void {
    if (!ctx.isAdmin && ctx.userId !== userId)
      throw new ForbiddenException("Only admins may see or change another member's profile");
  }

  private async saveCustomFields(
    manager: EntityManager,
    workspaceId: string,
    ctx: WorkspaceContext,
    userId: string,
    values: UpsertUserCustomFieldRequestDto[],
  ): Promise<void> {
    const ids = values.map((v) => v.customFieldId);
    if (new Set(ids).size !== ids.length) throw new BadRequestException('userCustomFields lists a custom field twice');
    const fields = await this.store.userFields(manager, workspaceId, ids);
    const byId = new Map(fields.map((f) => [f.id, f]));
    for (const { customFieldId, value } of values) {
      const field = byId.get(customFieldId);
      if (!field) throw new NotFoundException(`User custom field ${customFieldId} not found`);
      if (field.only_admin_can_edit && !ctx.isAdmin)
        throw new ForbiddenException(`Only admins may change custom field ${customFieldId}`);
      if (value === null || value === undefined) {
        await CustomFieldsStore.deleteUserValue(manager, { workspaceId, userId, customFieldId });
        continue;
      }
      const error = customFieldValueError({ type: field.type, allowedValues: field.allowed_values }, value);
      if (error)
        throw new BadRequestException({
          message: error,
          errors: [{ field: 'userCustomFields.value', message: error }],
        });
      // customFieldValueError accepted it, so it is a value of the field's type.
      await CustomFieldsStore.upsertUserValue(
        manager,
        { workspaceId, userId, customFieldId },
        value as CustomFieldValue,
      );
    }
  }

  /** The user's values of the workspace's user fields, and the workspace defaults where the user has none. */
  private async customFieldValues(
    workspaceId: string,
    userId: string,
    manager: EntityManager,
  ): Promise<UserCustomFieldValueFullDto[]> {
    const rows = await this.store.fieldValues(manager, workspaceId, userId);
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
