import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';

/** A project row inserted with SQL (does not depend on the projects API). Returns its id. */
export { insertProject as createProjectRow } from './projects';

/** Makes a user a direct member of a project. */
export async function addProjectMemberRow(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  userId: string,
): Promise<void> {
  await app
    .get(DataSource)
    .query(`INSERT INTO project_members (workspace_id, project_id, user_id) VALUES ($1, $2, $3)`, [
      workspaceId,
      projectId,
      userId,
    ]);
}

/** A user group row (optionally with members) inserted with SQL. Returns its id. */
export async function createUserGroupRow(
  app: INestApplication,
  workspaceId: string,
  name?: string,
  memberIds: string[] = [],
): Promise<string> {
  const id = newId();
  const db = app.get(DataSource);
  await db.query(`INSERT INTO user_groups (id, workspace_id, name) VALUES ($1, $2, $3)`, [
    id,
    workspaceId,
    name ?? `Group ${id.slice(-6)}`,
  ]);
  for (const userId of memberIds) {
    await db.query(`INSERT INTO user_group_members (workspace_id, user_group_id, user_id) VALUES ($1, $2, $3)`, [
      workspaceId,
      id,
      userId,
    ]);
  }
  return id;
}

/** Sets one workspace setting (jsonb) directly. */
export async function setWorkspaceSetting(
  app: INestApplication,
  workspaceId: string,
  key: string,
  value: unknown,
): Promise<void> {
  await app
    .get(DataSource)
    .query(`UPDATE workspaces SET settings = jsonb_set(settings, $2, $3::jsonb) WHERE id = $1`, [
      workspaceId,
      `{${key}}`,
      JSON.stringify(value),
    ]);
}

export { outboxEvents } from './outbox';
