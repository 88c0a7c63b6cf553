import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomFieldsStore } from './custom-fields.store';
import type { CustomFieldDefaultValuesDto, CustomFieldDto } from './dto/custom-field.dto';
import type { CustomFieldQueryDto } from './dto/custom-field-query.dto';
import type { CustomField } from './entities/custom-field.entity';
import type { ProjectCustomField } from './entities/project-custom-field.entity';

/** A custom field in its REST shape (CustomFieldDtoV1). */
export function toCustomFieldDto(
  field: CustomField,
  projectDefaultValues: CustomFieldDefaultValuesDto[],
): CustomFieldDto {
  return {
    id: field.id,
    workspaceId: field.workspaceId,
    name: field.name,
    type: field.type,
    entityType: field.entityType,
    description: field.description,
    placeholder: field.placeholder,
    allowedValues: field.allowedValues,
    required: field.required,
    onlyAdminCanEdit: field.onlyAdminCanEdit,
    status: field.status,
    workspaceDefaultValue: field.workspaceDefaultValue ?? null,
    projectDefaultValues,
  };
}

export function toDefaultValuesDto(row: ProjectCustomField): CustomFieldDefaultValuesDto {
  return { projectId: row.projectId, status: row.status, value: row.defaultValue ?? null };
}

/** Reads custom fields and maps them, with the project values of a whole list in one query. */
@Injectable()
export class CustomFieldViewsService {
  constructor(private readonly dataSource: DataSource) {}

  async findEntity(
    workspaceId: string,
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CustomField> {
    const field = await CustomFieldsStore.find(manager, workspaceId, id);
    if (!field) throw new NotFoundException('Custom field not found');
    return field;
  }

  async list(workspaceId: string, query: CustomFieldQueryDto): Promise<CustomFieldDto[]> {
    const fields = await CustomFieldsStore.list(this.dataSource.manager, workspaceId, query);
    return this.many(workspaceId, fields);
  }

  async one(
    workspaceId: string,
    field: CustomField,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CustomFieldDto> {
    const [dto] = await this.many(workspaceId, [field], manager);
    return dto;
  }

  async many(
    workspaceId: string,
    fields: CustomField[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CustomFieldDto[]> {
    if (!fields.length) return [];
    const rows = await CustomFieldsStore.projectValuesOfFields(
      manager,
      workspaceId,
      fields.map((f) => f.id),
    );
    const byField = new Map<string, CustomFieldDefaultValuesDto[]>();
    for (const row of rows)
      byField.set(row.customFieldId, [...(byField.get(row.customFieldId) ?? []), toDefaultValuesDto(row)]);
    return fields.map((field) => toCustomFieldDto(field, byField.get(field.id) ?? []));
  }
}
