import { EntityManager } from 'typeorm';
import { projectVisibleSql } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { likePattern } from '../../common/utils/sql';
import { Template } from './entities/template.entity';

/** A project a template names, and whether the caller may see it. */
export interface ProjectRow {
  id: string;
  name: string;
  color: string;
  client_id: string | null;
  archived: boolean;
  billable: boolean;
  is_public: boolean;
  visible: boolean;
}
/** A task a template names. */
export interface TaskRow {
  id: string;
  name: string;
  project_id: string;
  status: string;
}
/** A time entry a template copies. */
export interface EntryRow {
  id: string;
  description: string;
  billable: boolean;
  project_id: string | null;
  task_id: string | null;
  start_at: Date;
  end_at: Date | null;
  duration: number | null;
  type: string;
  user_id: string;
}
/** A tag (`tag_id`) or a custom field value (`custom_field_id`, `value`) of a time entry. */
export interface EntryLinkRow {
  time_entry_id: string;
  tag_id?: string;
  custom_field_id?: string;
  value?: unknown;
}

/** The caller's own templates (`userId` is always the caller) and what they name (the caller passes the manager). */
export const TemplatesStore = {
  /** A page of the user's templates, by name, and how many match. */
  page(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    name: string | undefined,
    request: PageRequest,
  ): Promise<[Template[], number]> {
    const qb = manager
      .getRepository(Template)
      .createQueryBuilder('t')
      .where('t.workspace_id = :workspaceId AND t.user_id = :userId', { workspaceId, userId });
    if (name) qb.andWhere(`t.name ILIKE :name ESCAPE '\\'`, { name: likePattern(name) });
    return qb
      .orderBy('lower(t.name)', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .offset((request.page - 1) * request.pageSize)
      .limit(request.pageSize)
      .getManyAndCount();
  },

  /** The user's template, locked FOR UPDATE when `lock`; null when there is none. */
  find(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    id: string,
    lock = false,
  ): Promise<Template | null> {
    return manager.findOne(Template, {
      where: { workspaceId, userId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  },

  /** Inserts the templates in one statement; answers them as entities. */
  async insert(manager: EntityManager, values: Omit<Template, 'createdAt'>[]): Promise<Template[]> {
    const templates = values.map((v) => manager.create(Template, v));
    await manager.insert(Template, templates);
    return templates;
  },

  async rename(manager: EntityManager, workspaceId: string, id: string, name: string): Promise<void> {
    await manager.update(Template, { workspaceId, id }, { name });
  },

  async delete(manager: EntityManager, workspaceId: string, id: string): Promise<void> {
    await manager.delete(Template, { workspaceId, id });
  },

  /** The project of each of these tasks of the workspace. */
  taskProjects(
    manager: EntityManager,
    workspaceId: string,
    taskIds: string[],
  ): Promise<{ id: string; project_id: string }[]> {
    return manager.query(`SELECT id, project_id FROM tasks WHERE workspace_id = $1 AND id = ANY($2)`, [
      workspaceId,
      taskIds,
    ]);
  },

  /** How many of these ids are the user's time entries in the workspace. */
  async countUserEntries(manager: EntityManager, workspaceId: string, userId: string, ids: string[]): Promise<number> {
    const found = (await manager.query(
      `SELECT id FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND id = ANY($3)`,
      [workspaceId, userId, ids],
    )) as unknown[];
    return found.length;
  },

  /** These projects, with whether the caller may see them (admins see all). */
  projects(manager: EntityManager, ws: WorkspaceContext, ids: string[]): Promise<ProjectRow[]> {
    const visible = ws.isAdmin ? 'true' : projectVisibleSql({ project: 'p', user: '$3' });
    return manager.query(
      `SELECT p.id, p.name, p.color, p.client_id, p.archived, p.billable, p.is_public, ${visible} AS visible
         FROM projects p WHERE p.workspace_id = $1 AND p.id = ANY($2)`,
      ws.isAdmin ? [ws.workspaceId, ids] : [ws.workspaceId, ids, ws.userId],
    );
  },

  tasks(manager: EntityManager, workspaceId: string, ids: string[]): Promise<TaskRow[]> {
    return manager.query(`SELECT id, name, project_id, status FROM tasks WHERE workspace_id = $1 AND id = ANY($2)`, [
      workspaceId,
      ids,
    ]);
  },

  /** The user's entries among these ids, with their tags and custom field values. */
  async entries(
    manager: EntityManager,
    workspaceId: string,
    userId: string,
    ids: string[],
  ): Promise<{ rows: EntryRow[]; tags: EntryLinkRow[]; fields: EntryLinkRow[] }> {
    const params = [workspaceId, userId, ids];
    const rows: EntryRow[] = await manager.query(
      `SELECT id, description, billable, project_id, task_id, start_at, end_at, duration, type, user_id
         FROM time_entries WHERE workspace_id = $1 AND user_id = $2 AND id = ANY($3)`,
      params,
    );
    const links = (sql: string) => manager.query(sql, [workspaceId, rows.map((r) => r.id)]) as Promise<EntryLinkRow[]>;
    const [tags, fields] = await Promise.all([
      links(
        `SELECT time_entry_id, tag_id FROM time_entry_tags WHERE workspace_id = $1 AND time_entry_id = ANY($2) ORDER BY tag_id`,
      ),
      links(
        `SELECT time_entry_id, custom_field_id, value FROM time_entry_custom_fields WHERE workspace_id = $1 AND time_entry_id = ANY($2) ORDER BY custom_field_id`,
      ),
    ]);
    return { rows, tags, fields };
  },
};
