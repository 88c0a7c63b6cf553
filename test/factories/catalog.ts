import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';
import { insertProject } from './projects';

/** Catalog rows inserted with SQL, so a test does not depend on another module's API. Each returns the new id. */

export interface ClientRowOptions {
  name?: string;
  archived?: boolean;
  email?: string | null;
}

export async function createClientRow(
  app: INestApplication,
  workspaceId: string,
  options: ClientRowOptions = {},
): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query(`INSERT INTO clients (id, workspace_id, name, email, archived) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      workspaceId,
      options.name ?? `Client ${id.slice(-8)}`,
      options.email ?? null,
      options.archived ?? false,
    ]);
  return id;
}

export async function createTagRow(
  app: INestApplication,
  workspaceId: string,
  name?: string,
  archived = false,
): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query(`INSERT INTO tags (id, workspace_id, name, archived) VALUES ($1, $2, $3, $4)`, [
      id,
      workspaceId,
      name ?? `Tag ${id.slice(-8)}`,
      archived,
    ]);
  return id;
}

/** A user group with members (who must be members of the workspace). */
export async function createGroupRow(
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
    name ?? `Group ${id.slice(-8)}`,
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

/** A project, optionally of a client. */
export async function createCatalogProjectRow(
  app: INestApplication,
  workspaceId: string,
  clientId: string | null = null,
  name?: string,
): Promise<string> {
  return insertProject(app, workspaceId, { clientId, name });
}

/** Makes a user group a member of a project. */
export async function addProjectGroupRow(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  groupId: string,
): Promise<void> {
  await app
    .get(DataSource)
    .query(`INSERT INTO project_members (workspace_id, project_id, user_group_id) VALUES ($1, $2, $3)`, [
      workspaceId,
      projectId,
      groupId,
    ]);
}

export { outboxEvents as catalogEvents } from './outbox';

/** Sets one top-level workspace setting (jsonb). */
export async function setCatalogSetting(
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
