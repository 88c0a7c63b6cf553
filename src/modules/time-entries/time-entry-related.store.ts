import { EntityManager } from 'typeorm';
import type { HydratedProjectDto, HydratedTagDto, HydratedTaskDto, HydratedUserDto } from './dto/time-entry.dto';

/** The related rows of some entries, as JSON lists (null when none). */
export interface RelatedRow {
  projects: HydratedProjectDto[] | null;
  tasks: HydratedTaskDto[] | null;
  tags: HydratedTagDto[] | null;
  users: HydratedUserDto[] | null;
}

/**
 * SQL columns `projects, tasks, tags, users` (RelatedRow) of the entries whose
 * ids are given by four SQL id sets (each `= ANY(<array>)`), in workspace `ws`.
 */
function relatedColumnsSql(ws: string, ids: { projects: string; tasks: string; tags: string; users: string }): string {
  return `(SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'color', p.color, 'clientId', p.client_id, 'clientName', c.name,
                                            'billable', p.billable, 'archived', p.archived, 'workspaceId', p.workspace_id))
            FROM projects p LEFT JOIN clients c ON c.workspace_id = p.workspace_id AND c.id = p.client_id
           WHERE p.workspace_id = ${ws} AND p.id = ANY(${ids.projects})) AS projects,
         (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'projectId', t.project_id, 'status', t.status, 'billable', t.billable))
            FROM tasks t WHERE t.workspace_id = ${ws} AND t.id = ANY(${ids.tasks})) AS tasks,
         (SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'archived', g.archived, 'workspaceId', g.workspace_id))
            FROM tags g WHERE g.workspace_id = ${ws} AND g.id = ANY(${ids.tags})) AS tags,
         (SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email))
            FROM users u WHERE u.id = ANY(${ids.users})) AS users`;
}

/**
 * SQL columns of RelatedRow for the entries of a CTE `from` (time_entries
 * rows), so a page and its related rows come back from one statement.
 */
export function relatedOfCteSql(ws: string, from: string): string {
  return relatedColumnsSql(ws, {
    projects: `ARRAY(SELECT project_id FROM ${from})`,
    tasks: `ARRAY(SELECT task_id FROM ${from})`,
    tags: `ARRAY(SELECT tt.tag_id FROM time_entry_tags tt WHERE tt.time_entry_id IN (SELECT id FROM ${from}))`,
    users: `ARRAY(SELECT user_id FROM ${from})`,
  });
}

/** SQL of the projects, tasks, tags and users of entries. */
export const TimeEntryRelatedStore = {
  /** The related rows of the given ids, in one statement. */
  async related(
    manager: EntityManager,
    workspaceId: string,
    ids: { projects: string[]; tasks: string[]; tags: string[]; users: string[] },
  ): Promise<RelatedRow> {
    const rows: RelatedRow[] = await manager.query(
      `SELECT ${relatedColumnsSql('$1', { projects: '$2::char(24)[]', tasks: '$3::char(24)[]', tags: '$4::char(24)[]', users: '$5::char(24)[]' })}`,
      [workspaceId, ids.projects, ids.tasks, ids.tags, ids.users],
    );
    return rows[0];
  },
};
