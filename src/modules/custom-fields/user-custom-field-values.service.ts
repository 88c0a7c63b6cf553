import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { CustomFieldViewsService } from './custom-field-views.service';
import { checkedValue } from './custom-fields.service';
import type { UserCustomFieldValueDto } from './dto/custom-field.dto';
import { UserCustomFieldValue } from './entities/user-custom-field-value.entity';

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
  async upsert(ws: WorkspaceContext, userId: string, fieldId: string, value: unknown): Promise<UserCustomFieldValueDto> {
    return this.dataSource.transaction(async (manager) => {
      const members: unknown[] = await manager.query(`SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`, [ws.workspaceId, userId]);
      if (!members.length) throw new NotFoundException('User not found in this workspace');
      const field = await this.views.findEntity(ws.workspaceId, fieldId, manager);
      if (field.entityType !== 'USER') throw new BadRequestException('Only USER custom fields have user values');
      if (field.onlyAdminCanEdit ? !ws.isAdmin : !ws.isAdmin && ws.userId !== userId) {
        throw new ForbiddenException(field.onlyAdminCanEdit ? 'Only admins may edit this custom field' : "Only admins may edit another member's custom fields");
      }
      const stored = checkedValue(field, value, 'value');
      const key = { workspaceId: ws.workspaceId, userId, customFieldId: field.id };
      if (stored === null) await manager.delete(UserCustomFieldValue, key);
      else await manager.upsert(UserCustomFieldValue, { ...key, value: stored }, ['workspaceId', 'userId', 'customFieldId']);
      const dto: UserCustomFieldValueDto = { customFieldId: field.id, customFieldName: field.name, customFieldType: field.type, userId, value: stored };
      await this.outbox.record(manager, { workspaceId: ws.workspaceId, entityType: 'USER', entityId: userId, event: 'USER_UPDATED', payload: dto });
      return dto;
    });
  }
}
