import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { CustomFieldViewsService } from './custom-field-views.service';
import { checkedValue } from './custom-fields.service';
import type { UserCustomFieldValueDto } from './dto/custom-field.dto';
import { CustomFieldsStore } from './custom-fields.store';

/** Members' values of USER custom fields. */
@Injectable()
export class UserCustomFieldValuesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CustomFieldViewsService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Sets (or with null clears) a member's value. Fields marked onlyAdminCanEdit
   * take admins only; otherwise the member themself or an admin.
   */
  async upsert(
    ws: WorkspaceContext,
    userId: string,
    fieldId: string,
    value: unknown,
  ): Promise<UserCustomFieldValueDto> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await CustomFieldsStore.isMember(manager, ws.workspaceId, userId)))
        throw new NotFoundException('User not found in this workspace');
      const field = await this.views.findEntity(ws.workspaceId, fieldId, manager);
      if (field.entityType !== 'USER') throw new BadRequestException('Only USER custom fields have user values');
      if (field.onlyAdminCanEdit ? !ws.isAdmin : !ws.isAdmin && ws.userId !== userId) {
        throw new ForbiddenException(
          field.onlyAdminCanEdit
            ? 'Only admins may edit this custom field'
            : "Only admins may edit another member's custom fields",
        );
      }
      const stored = checkedValue(field, value, 'value');
      const key = { workspaceId: ws.workspaceId, userId, customFieldId: field.id };
      if (stored === null) await CustomFieldsStore.deleteUserValue(manager, key);
      else await CustomFieldsStore.upsertUserValue(manager, key, stored);
      const dto: UserCustomFieldValueDto = {
        customFieldId: field.id,
        customFieldName: field.name,
        customFieldType: field.type,
        userId,
        value: stored,
      };
      await this.outbox.record(manager, {
        workspaceId: ws.workspaceId,
        entityType: 'USER',
        entityId: userId,
        event: 'USER_UPDATED',
        payload: dto,
      });
      return dto;
    });
  }
}
