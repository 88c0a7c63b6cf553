import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';

export interface ProjectSeed {
  name?: string;
  clientId?: string | null;
  isPublic?: boolean;
  archived?: boolean;
  billable?: boolean;
  isTemplate?: boolean;
  color?: string;
}

/** Inserts a project row directly (no members, no rates): the one project factory of the tests. */
export async function insertProject(
  app: INestApplication,
  workspaceId: string,
  seed: ProjectSeed = {},
): Promise<string> {
  const id = newId();
  await app.get(DataSource).query(
    `INSERT INTO projects (id, workspace_id, name, client_id, is_public, archived, billable, is_template, color)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      id,
      workspaceId,
      seed.name ?? `Project ${id.slice(-6)}`,
      seed.clientId ?? null,
      seed.isPublic ?? true,
      seed.archived ?? false,
      seed.billable ?? true,
      seed.isTemplate ?? false,
      seed.color ?? '#03A9F4',
    ],
  );
  return id;
}

/** A client row (the clients module owns the table; projects only read it). */
export async function insertClient(
  app: INestApplication,
  workspaceId: string,
  name: string,
  archived = false,
): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query('INSERT INTO clients (id, workspace_id, name, archived) VALUES ($1, $2, $3, $4)', [
      id,
      workspaceId,
      name,
      archived,
    ]);
  return id;
}

/** A user group with the given members. */
export async function insertUserGroup(
  app: INestApplication,
  workspaceId: string,
  name: string,
  userIds: string[] = [],
): Promise<string> {
  const id = newId();
  const ds = app.get(DataSource);
  await ds.query('INSERT INTO user_groups (id, workspace_id, name) VALUES ($1, $2, $3)', [id, workspaceId, name]);
  for (const userId of userIds) {
    await ds.query('INSERT INTO user_group_members (workspace_id, user_group_id, user_id) VALUES ($1, $2, $3)', [
      workspaceId,
      id,
      userId,
    ]);
  }
  return id;
}

export async function addProjectMember(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  userId: string,
): Promise<void> {
  await app
    .get(DataSource)
    .query('INSERT INTO project_members (workspace_id, project_id, user_id) VALUES ($1, $2, $3)', [
      workspaceId,
      projectId,
      userId,
    ]);
}

export { outboxEvents } from './outbox';

/**
 * Seeds `count` projects set-based (one statement each for projects, members
 * and tasks): every project gets the given members and `tasksPerProject` tasks.
 */
export async function seedManyProjects(
  app: INestApplication,
  workspaceId: string,
  count: number,
  memberIds: string[],
  tasksPerProject: number,
  prefix = 'Bulk',
): Promise<void> {
  const ds = app.get(DataSource);
  await ds.query(
    `INSERT INTO projects (id, workspace_id, name, is_public)
     SELECT lpad(to_hex(g), 8, '0') || substr(md5(random()::text || g), 1, 16), $1, $2 || ' ' || lpad(g::text, 5, '0'), g % 2 = 0
       FROM generate_series(1, $3) g`,
    [workspaceId, prefix, count],
  );
  await ds.query(
    `INSERT INTO project_members (workspace_id, project_id, user_id)
     SELECT p.workspace_id, p.id, u FROM projects p CROSS JOIN unnest($3::text[]) u
      WHERE p.workspace_id = $1 AND p.name LIKE $2 || ' %'`,
    [workspaceId, prefix, memberIds],
  );
  await ds.query(
    `INSERT INTO tasks (id, workspace_id, project_id, name, estimate)
     SELECT substr(md5(p.id || n), 1, 24), p.workspace_id, p.id, 'Task ' || n, 3600 * n
       FROM projects p CROSS JOIN generate_series(1, $3) n
      WHERE p.workspace_id = $1 AND p.name LIKE $2 || ' %'`,
    [workspaceId, prefix, tasksPerProject],
  );
}
