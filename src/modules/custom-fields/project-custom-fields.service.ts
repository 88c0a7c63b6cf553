import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { assertProjectManageable, assertProjectVisible } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { OutboxService } from '../../common/outbox/outbox.service';
import { toCustomFieldDto, toDefaultValuesDto } from './custom-field-views.service';
import { CustomFieldViewsService } from './custom-field-views.service';
import { checkedValue } from './custom-fields.service';
import type { CustomFieldDto } from './dto/custom-field.dto';
import type { ProjectCustomFieldQueryDto } from './dto/custom-field-query.dto';
import type { CustomFieldProjectDefaultValuesRequestDto } from './dto/custom-field-request.dto';
import type { CustomField } from './entities/custom-field.entity';
import type { ProjectCustomField } from './entities/project-custom-field.entity';
import { CustomFieldsStore } from './custom-fields.store';

/**
 * A project's view of the workspace's TIMEENTRY custom fields: the project's
 * default value and status override the workspace's. Reading needs a visible
 * project; changing needs an admin or a manager of the project.
 */
@Injectable()
export class ProjectCustomFieldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CustomFieldViewsService,
    private readonly outbox: OutboxService,
  ) {}

  async list(ws: WorkspaceContext, projectId: string, query: ProjectCustomFieldQueryDto): Promise<CustomFieldDto[]> {
    await assertProjectVisible(this.dataSource.manager, ws, projectId);
    const fields = await CustomFieldsStore.ofEntityType(
      this.dataSource.manager,
      ws.workspaceId,
      query['entity-type'] ?? 'TIMEENTRY',
    );
    const overrides = await CustomFieldsStore.projectValuesOfProject(
      this.dataSource.manager,
      ws.workspaceId,
      projectId,
    );
    const byField = new Map(overrides.map((o) => [o.customFieldId, o]));
    const dtos = fields.map((field) => this.projectView(field, byField.get(field.id) ?? null));
    return query.status ? dtos.filter((dto) => dto.status === query.status) : dtos;
  }

  /** PATCH: sets the project's default value and/or status (omitted parts keep their values). */
  async patch(
    ws: WorkspaceContext,
    projectId: string,
    fieldId: string,
    body: CustomFieldProjectDefaultValuesRequestDto,
  ): Promise<CustomFieldDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertProjectManageable(manager, ws, projectId);
      const field = await this.timeEntryField(ws.workspaceId, fieldId, manager);
      const key = { workspaceId: ws.workspaceId, projectId, customFieldId: field.id };
      const current = await CustomFieldsStore.projectValue(manager, key);
      const row = await CustomFieldsStore.upsertProjectValue(manager, {
        ...key,
        defaultValue:
          body.defaultValue !== undefined
            ? checkedValue(field, body.defaultValue, 'defaultValue')
            : (current?.defaultValue ?? null),
        status: body.status ?? current?.status ?? field.status,
      });
      return this.emit(manager, field, row);
    });
  }

  /** DELETE: the project goes back to the workspace's default value and status. */
  async reset(ws: WorkspaceContext, projectId: string, fieldId: string): Promise<CustomFieldDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertProjectManageable(manager, ws, projectId);
      const field = await this.timeEntryField(ws.workspaceId, fieldId, manager);
      const deleted = await CustomFieldsStore.deleteProjectValue(manager, {
        workspaceId: ws.workspaceId,
        projectId,
        customFieldId: field.id,
      });
      if (!deleted) return this.projectView(field, null);
      return this.emit(manager, field, null);
    });
  }

  private async timeEntryField(workspaceId: string, fieldId: string, manager: EntityManager): Promise<CustomField> {
    const field = await this.views.findEntity(workspaceId, fieldId, manager);
    if (field.entityType !== 'TIMEENTRY')
      throw new BadRequestException('Only TIMEENTRY custom fields have project values');
    return field;
  }

  private projectView(field: CustomField, override: ProjectCustomField | null): CustomFieldDto {
    const dto = toCustomFieldDto(field, override ? [toDefaultValuesDto(override)] : []);
    return override ? { ...dto, status: override.status } : dto;
  }

  /** The change is an update of the field, seen by the change feed with the full (all projects) field. */
  private async emit(
    manager: EntityManager,
    field: CustomField,
    override: ProjectCustomField | null,
  ): Promise<CustomFieldDto> {
    const payload = await this.views.one(field.workspaceId, field, manager);
    await this.outbox.record(manager, {
      workspaceId: field.workspaceId,
      entityType: 'CUSTOM_FIELD',
      entityId: field.id,
      event: 'CUSTOM_FIELD_UPDATED',
      payload,
    });
    return this.projectView(field, override);
  }
}
