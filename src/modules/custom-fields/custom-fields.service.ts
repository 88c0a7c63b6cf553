import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '../../common/outbox/outbox.service';
import { newId } from '../../common/utils/ids';
import { conflictOnUnique } from '../../common/utils/sql';
import { CustomFieldViewsService } from './custom-field-views.service';
import {
  customFieldDefinitionError,
  customFieldValueError,
  type CustomFieldShape,
  normalizeCustomFieldValue,
} from './custom-field-value';
import type { CustomFieldDto } from './dto/custom-field.dto';
import type { CustomFieldRequestDto, UpdateCustomFieldRequestDto } from './dto/custom-field-request.dto';
import type { CustomField, CustomFieldValue } from './entities/custom-field.entity';
import { CustomFieldsStore } from './custom-fields.store';

/** The 409 of a duplicate name (the unique index decides between concurrent writers). */
const nameTaken = (name: string) => ({
  custom_fields_name_key: `A custom field named "${name}" already exists in this workspace`,
});

type CustomFieldEvent = 'CUSTOM_FIELD_CREATED' | 'CUSTOM_FIELD_UPDATED' | 'CUSTOM_FIELD_DELETED';

/** Throws 400 unless `value` fits the field; returns it normalized. */
export function checkedValue(field: CustomFieldShape, value: unknown, what = 'value'): CustomFieldValue {
  const error = customFieldValueError(field, value);
  if (error) throw new BadRequestException({ message: error, errors: [{ field: what, message: error }] });
  return normalizeCustomFieldValue(field, value);
}

function cleanValues(values: string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}

/** Custom field definitions of a workspace (admins only). */
@Injectable()
export class CustomFieldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly views: CustomFieldViewsService,
    private readonly outbox: OutboxService,
  ) {}

  async create(workspaceId: string, body: CustomFieldRequestDto): Promise<CustomFieldDto> {
    const name = body.name.trim();
    const shape: CustomFieldShape = {
      type: body.type,
      allowedValues: isDropdown(body.type) ? cleanValues(body.allowedValues) : [],
    };
    assertDefinition(shape);
    const defaultValue = checkedValue(shape, body.workspaceDefaultValue, 'workspaceDefaultValue');
    return conflictOnUnique(nameTaken(name), () =>
      this.dataSource.transaction(async (manager) => {
        const field = await CustomFieldsStore.insert(manager, {
          id: newId(),
          workspaceId,
          name,
          type: body.type,
          entityType: body.entityType ?? 'TIMEENTRY',
          description: body.description ?? '',
          placeholder: body.placeholder ?? '',
          allowedValues: shape.allowedValues as string[],
          required: body.required ?? false,
          onlyAdminCanEdit: body.onlyAdminCanEdit ?? false,
          status: body.status ?? 'VISIBLE',
          workspaceDefaultValue: defaultValue,
        });
        return this.emit(manager, field, 'CUSTOM_FIELD_CREATED');
      }),
    );
  }

  /**
   * PUT: name and type replace; omitted optional fields keep their values. When
   * the type or allowed values change, stored values that no longer fit (the
   * workspace default, project defaults, members' values) are cleared.
   */
  async update(workspaceId: string, id: string, body: UpdateCustomFieldRequestDto): Promise<CustomFieldDto> {
    const name = body.name.trim();
    return conflictOnUnique(nameTaken(name), () =>
      this.dataSource.transaction(async (manager) => {
        const field = await this.views.findEntity(workspaceId, id, manager);
        const allowedValues = isDropdown(body.type)
          ? body.allowedValues
            ? cleanValues(body.allowedValues)
            : field.allowedValues
          : [];
        const shape: CustomFieldShape = { type: body.type, allowedValues };
        assertDefinition(shape);
        const reshaped = body.type !== field.type || allowedValues.join('\n') !== field.allowedValues.join('\n');
        if (body.workspaceDefaultValue !== undefined) {
          field.workspaceDefaultValue = checkedValue(shape, body.workspaceDefaultValue, 'workspaceDefaultValue');
        } else if (customFieldValueError(shape, field.workspaceDefaultValue)) {
          field.workspaceDefaultValue = null;
        }
        Object.assign(field, {
          name,
          type: body.type,
          allowedValues,
          description: body.description ?? field.description,
          placeholder: body.placeholder ?? field.placeholder,
          onlyAdminCanEdit: body.onlyAdminCanEdit ?? field.onlyAdminCanEdit,
          required: body.required ?? field.required,
          status: body.status ?? field.status,
        });
        await CustomFieldsStore.update(manager, workspaceId, id, {
          name: field.name,
          type: field.type,
          allowedValues: field.allowedValues,
          description: field.description,
          placeholder: field.placeholder,
          onlyAdminCanEdit: field.onlyAdminCanEdit,
          required: field.required,
          status: field.status,
          workspaceDefaultValue: field.workspaceDefaultValue,
        });
        if (reshaped) await this.clearUnfitValues(manager, field);
        return this.emit(manager, field, 'CUSTOM_FIELD_UPDATED');
      }),
    );
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const field = await this.views.findEntity(workspaceId, id, manager);
      const dto = await this.views.one(workspaceId, field, manager);
      await CustomFieldsStore.delete(manager, workspaceId, id);
      await this.outbox.record(manager, {
        workspaceId,
        entityType: 'CUSTOM_FIELD',
        entityId: id,
        event: 'CUSTOM_FIELD_DELETED',
        payload: dto,
      });
    });
  }

  private async clearUnfitValues(manager: EntityManager, field: CustomField): Promise<void> {
    const projectRows = await CustomFieldsStore.projectValuesOfField(manager, field.workspaceId, field.id);
    const unfitProjects = projectRows
      .filter((r) => customFieldValueError(field, r.defaultValue))
      .map((r) => r.projectId);
    if (unfitProjects.length) {
      await CustomFieldsStore.clearProjectDefaults(manager, field.workspaceId, field.id, unfitProjects);
    }
    const userRows = await CustomFieldsStore.userValuesOfField(manager, field.workspaceId, field.id);
    const unfitUsers = userRows.filter((r) => customFieldValueError(field, r.value)).map((r) => r.userId);
    if (unfitUsers.length) {
      await CustomFieldsStore.deleteUserValues(manager, field.workspaceId, field.id, unfitUsers);
    }
  }

  private async emit(manager: EntityManager, field: CustomField, event: CustomFieldEvent): Promise<CustomFieldDto> {
    const dto = await this.views.one(field.workspaceId, field, manager);
    await this.outbox.record(manager, {
      workspaceId: field.workspaceId,
      entityType: 'CUSTOM_FIELD',
      entityId: field.id,
      event,
      payload: dto,
    });
    return dto;
  }
}

function isDropdown(type: string): boolean {
  return type === 'DROPDOWN_SINGLE' || type === 'DROPDOWN_MULTIPLE';
}

function assertDefinition(shape: CustomFieldShape): void {
  const error = customFieldDefinitionError(shape);
  if (error) throw new BadRequestException({ message: error, errors: [{ field: 'allowedValues', message: error }] });
}
