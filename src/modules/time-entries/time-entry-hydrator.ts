import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { HydratedProjectDto, HydratedTagDto, HydratedTaskDto, HydratedTimeEntryDto, HydratedUserDto, TimeEntryWithRatesDto } from './dto/time-entry.dto';
import { hydrate } from './time-entry.mapper';

interface RelatedRow {
  projects: HydratedProjectDto[] | null;
  tasks: HydratedTaskDto[] | null;
  tags: HydratedTagDto[] | null;
  users: HydratedUserDto[] | null;
}

/** Loads the projects, tasks, tags and users of a page of entries in one query (never per row). */
@Injectable()
export class TimeEntryHydrator {
  async hydrate(manager: EntityManager, workspaceId: string, entries: TimeEntryWithRatesDto[]): Promise<HydratedTimeEntryDto[]> {
    if (!entries.length) return [];
    const ids = (pick: (e: TimeEntryWithRatesDto) => (string | null)[]) => [...new Set(entries.flatMap(pick).filter((id): id is string => id !== null))];
    const rows: RelatedRow[] = await manager.query(
      `SELECT
         (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'color', p.color, 'clientId', p.client_id, 'clientName', c.name,
                                            'billable', p.billable, 'archived', p.archived, 'workspaceId', p.workspace_id))
            FROM projects p LEFT JOIN clients c ON c.workspace_id = p.workspace_id AND c.id = p.client_id
           WHERE p.workspace_id = $1 AND p.id = ANY($2::char(24)[])) AS projects,
         (SELECT json_agg(json_build_object('id', t.id, 'name', t.name, 'projectId', t.project_id, 'status', t.status, 'billable', t.billable))
            FROM tasks t WHERE t.workspace_id = $1 AND t.id = ANY($3::char(24)[])) AS tasks,
         (SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'archived', g.archived, 'workspaceId', g.workspace_id))
            FROM tags g WHERE g.workspace_id = $1 AND g.id = ANY($4::char(24)[])) AS tags,
         (SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email))
            FROM users u WHERE u.id = ANY($5::char(24)[])) AS users`,
      [workspaceId, ids((e) => [e.projectId]), ids((e) => [e.taskId]), ids((e) => e.tagIds), ids((e) => [e.userId])],
    );
    const related = rows[0];
    const byId = <T extends { id: string }>(list: T[] | null) => new Map((list ?? []).map((x) => [x.id, x]));
    const maps = { projects: byId(related.projects), tasks: byId(related.tasks), tags: byId(related.tags), users: byId(related.users) };
    return entries.map((e) => hydrate(e, maps));
  }
}
