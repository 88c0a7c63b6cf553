import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';
import { RatesService } from '../../src/modules/rates/rates.service';

/**
 * Catalog rows the user tests need (projects, user groups, user custom fields),
 * inserted with plain SQL so that these tests do not depend on the catalog
 * modules' services.
 */
const db = (app: INestApplication) => app.get(DataSource);

export { insertProject } from './projects';

export async function insertUserGroup(
  app: INestApplication,
  workspaceId: string,
  memberIds: string[] = [],
): Promise<string> {
  const id = newId();
  await db(app).query('INSERT INTO user_groups (id, workspace_id, name) VALUES ($1, $2, $3)', [
    id,
    workspaceId,
    `Group ${id.slice(-6)}`,
  ]);
  for (const userId of memberIds) {
    await db(app).query('INSERT INTO user_group_members (workspace_id, user_group_id, user_id) VALUES ($1, $2, $3)', [
      workspaceId,
      id,
      userId,
    ]);
  }
  return id;
}

export async function insertProjectMember(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  member: { userId?: string; userGroupId?: string },
): Promise<void> {
  await db(app).query(
    'INSERT INTO project_members (workspace_id, project_id, user_id, user_group_id) VALUES ($1, $2, $3, $4)',
    [workspaceId, projectId, member.userId ?? null, member.userGroupId ?? null],
  );
}

export interface UserFieldOptions {
  type?: string;
  allowedValues?: string[];
  onlyAdminCanEdit?: boolean;
  defaultValue?: unknown;
}

export async function insertUserCustomField(
  app: INestApplication,
  workspaceId: string,
  name: string,
  options: UserFieldOptions = {},
): Promise<string> {
  const id = newId();
  await db(app).query(
    `INSERT INTO custom_fields (id, workspace_id, name, type, entity_type, allowed_values, only_admin_can_edit, workspace_default_value)
     VALUES ($1, $2, $3, $4, 'USER', $5, $6, $7::jsonb)`,
    [
      id,
      workspaceId,
      name,
      options.type ?? 'TXT',
      options.allowedValues ?? [],
      options.onlyAdminCanEdit ?? false,
      options.defaultValue === undefined ? null : JSON.stringify(options.defaultValue),
    ],
  );
  return id;
}

/** A member-level rate in force since yesterday. */
export async function setMemberRate(
  app: INestApplication,
  workspaceId: string,
  userId: string,
  kind: 'HOURLY' | 'COST',
  amount: number,
): Promise<void> {
  const since = new Date(Date.now() - 86_400_000);
  await db(app).transaction((manager) =>
    app.get(RatesService).set(manager, { workspaceId, userId }, kind, { amount, currency: 'USD' }, since),
  );
}

export { outboxEvents } from './outbox';
