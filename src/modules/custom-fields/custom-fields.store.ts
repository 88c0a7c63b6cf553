import { EntityManager, In } from 'typeorm';
import type { CustomFieldQueryDto } from './dto/custom-field-query.dto';
import { CustomField, type CustomFieldValue } from './entities/custom-field.entity';
import { ProjectCustomField } from './entities/project-custom-field.entity';
import { UserCustomFieldValue } from './entities/user-custom-field-value.entity';

/** The columns of a custom_fields row that make a CustomFieldDto (but its project defaults), for raw SQL. */
export function customFieldColumns(alias: string): string {
  return [
    'id',
    'workspace_id',
    'name',
    'type',
    'entity_type',
    'description',
    'placeholder',
    'allowed_values',
    'required',
    'only_admin_can_edit',
    'status',
    'workspace_default_value',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

/** A custom_fields row as `customFieldColumns` selects it. */
export interface CustomFieldSqlRow {
  id: string;
  workspace_id: string;
  name: string;
  type: string;
  entity_type: string;
  description: string;
  placeholder: string;
  allowed_values: string[];
  required: boolean;
  only_admin_can_edit: boolean;
  status: string;
  workspace_default_value: unknown;
}

/** The columns of a custom field an update writes. */
export type CustomFieldChanges = Pick<
  CustomField,
  | 'name'
  | 'type'
  | 'allowedValues'
  | 'description'
  | 'placeholder'
  | 'onlyAdminCanEdit'
  | 'required'
  | 'status'
  | 'workspaceDefaultValue'
>;

/** The key of a project's values of a field. */
export type ProjectCustomFieldKey = Pick<ProjectCustomField, 'workspaceId' | 'projectId' | 'customFieldId'>;

/** The key of a member's value of a field. */
export type UserCustomFieldKey = Pick<UserCustomFieldValue, 'workspaceId' | 'userId' | 'customFieldId'>;

/** SQL of custom fields, their project values and members' values (the caller passes the manager). */
export const CustomFieldsStore = {
  find(manager: EntityManager, workspaceId: string, id: string): Promise<CustomField | null> {
    return manager.findOne(CustomField, { where: { workspaceId, id } });
  },

  /** The workspace's fields matching GET .../custom-fields, by name. */
  list(manager: EntityManager, workspaceId: string, query: CustomFieldQueryDto): Promise<CustomField[]> {
    const qb = manager.createQueryBuilder(CustomField, 'f').where('f.workspace_id = :workspaceId', { workspaceId });
    if (query.name) qb.andWhere('strpos(lower(f.name), lower(:name)) > 0', { name: query.name });
    if (query.status) qb.andWhere('f.status = :status', { status: query.status });
    if (query['entity-type']) qb.andWhere('f.entity_type = :entityType', { entityType: query['entity-type'] });
    return qb.orderBy('lower(f.name)', 'ASC').addOrderBy('f.id', 'ASC').getMany();
  },

  /** The workspace's fields of one entity type, by name. */
  ofEntityType(manager: EntityManager, workspaceId: string, entityType: string): Promise<CustomField[]> {
    return manager
      .createQueryBuilder(CustomField, 'f')
      .where('f.workspace_id = :workspaceId AND f.entity_type = :entityType', { workspaceId, entityType })
      .orderBy('lower(f.name)', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .getMany();
  },

  async insert(manager: EntityManager, values: Omit<CustomField, 'createdAt'>): Promise<CustomField> {
    const field = manager.create(CustomField, values);
    await manager.insert(CustomField, field);
    return field;
  },

  async update(manager: EntityManager, workspaceId: string, id: string, changes: CustomFieldChanges): Promise<void> {
    await manager.update(CustomField, { workspaceId, id }, changes);
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.delete(CustomField, { workspaceId, id });
  },

  /** The project values of these fields, by project. */
  projectValuesOfFields(
    manager: EntityManager,
    workspaceId: string,
    fieldIds: string[],
  ): Promise<ProjectCustomField[]> {
    return manager.find(ProjectCustomField, {
      where: { workspaceId, customFieldId: In(fieldIds) },
      order: { projectId: 'ASC' },
    });
  },

  /** The project values of one field. */
  projectValuesOfField(
    manager: EntityManager,
    workspaceId: string,
    customFieldId: string,
  ): Promise<ProjectCustomField[]> {
    return manager.find(ProjectCustomField, { where: { workspaceId, customFieldId } });
  },

  /** One project's values of every field. */
  projectValuesOfProject(
    manager: EntityManager,
    workspaceId: string,
    projectId: string,
  ): Promise<ProjectCustomField[]> {
    return manager.find(ProjectCustomField, { where: { workspaceId, projectId } });
  },

  projectValue(manager: EntityManager, key: ProjectCustomFieldKey): Promise<ProjectCustomField | null> {
    return manager.findOne(ProjectCustomField, { where: key });
  },

  async upsertProjectValue(manager: EntityManager, values: ProjectCustomField): Promise<ProjectCustomField> {
    const row = manager.create(ProjectCustomField, values);
    await manager.upsert(ProjectCustomField, row, ['projectId', 'customFieldId']);
    return row;
  },

  /** Deletes a project's values of a field; false when it had none. */
  async deleteProjectValue(manager: EntityManager, key: ProjectCustomFieldKey): Promise<boolean> {
    const result = await manager.delete(ProjectCustomField, key);
    return !!result.affected;
  },

  /** Clears the default value of a field in these projects. */
  async clearProjectDefaults(
    manager: EntityManager,
    workspaceId: string,
    customFieldId: string,
    projectIds: string[],
  ): Promise<void> {
    await manager.query(
      `UPDATE project_custom_fields SET default_value = NULL WHERE workspace_id = $1 AND custom_field_id = $2 AND project_id = ANY($3)`,
      [workspaceId, customFieldId, projectIds],
    );
  },

  /** Members' values of one field. */
  userValuesOfField(
    manager: EntityManager,
    workspaceId: string,
    customFieldId: string,
  ): Promise<UserCustomFieldValue[]> {
    return manager.find(UserCustomFieldValue, { where: { workspaceId, customFieldId } });
  },

  /** Deletes the values of a field of these members. */
  async deleteUserValues(
    manager: EntityManager,
    workspaceId: string,
    customFieldId: string,
    userIds: string[],
  ): Promise<void> {
    await manager.query(
      `DELETE FROM user_custom_field_values WHERE workspace_id = $1 AND custom_field_id = $2 AND user_id = ANY($3)`,
      [workspaceId, customFieldId, userIds],
    );
  },

  async deleteUserValue(manager: EntityManager, key: UserCustomFieldKey): Promise<void> {
    await manager.delete(UserCustomFieldValue, key);
  },

  async upsertUserValue(manager: EntityManager, key: UserCustomFieldKey, value: CustomFieldValue): Promise<void> {
    await manager.upsert(UserCustomFieldValue, { ...key, value }, ['workspaceId', 'userId', 'customFieldId']);
  },

  /** Whether the user is a member of the workspace. */
  async isMember(manager: EntityManager, workspaceId: string, userId: string): Promise<boolean> {
    const members: unknown[] = await manager.query(
      `SELECT 1 FROM workspace_members WHERE workspace_id = $1 AND user_id = $2`,
      [workspaceId, userId],
    );
    return members.length > 0;
  },
};
