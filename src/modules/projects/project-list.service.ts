import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { projectVisibleSql } from '../../common/access';
import type { WorkspaceContext } from '../../common/auth/principal';
import { pageOf } from '../../common/dto/page-query.dto';
import { limitOffset, Page } from '../../common/dto/page';
import { SqlConditions } from '../../common/utils/sql';
import type { ProjectDto } from './dto/project.dto';
import type { ProjectListQueryDto } from './dto/project-query.dto';
import { PROJECT_SELECT, ProjectReader } from './project-reader';
import type { ProjectRow } from './project.mapper';


/** ORDER BY expressions over the columns of PROJECT_SELECT (`q`). No time is tracked yet, so every
 * project's duration and progress are 0 and the name decides. */
const SORT_EXPRESSIONS: Record<string, string | null> = {
  ID: 'q.id',
  NAME: null,
  CLIENT_NAME: "lower(coalesce(q.client_name, ''))",
  DURATION: null,
  PROGRESS: null,
  BUDGET: "CASE WHEN coalesce(q.budget_estimate->>'type', 'AUTO') = 'AUTO' THEN q.task_budget ELSE (q.budget_estimate->>'estimate')::bigint END",
};

function filters(ws: WorkspaceContext, q: ProjectListQueryDto): SqlConditions {
  const c = new SqlConditions();
  c.add(`p.workspace_id = ${c.param(ws.workspaceId)}`);
  if (!ws.isAdmin) c.add(projectVisibleSql({ project: 'p', user: c.param(ws.userId) }));
  if (q.name !== undefined && q.name !== '') {
    c.add(q['strict-name-search']
      ? `lower(p.name) = lower(${c.param(q.name)})`
      : `strpos(lower(p.name), lower(${c.param(q.name)})) > 0`);
  }
  if (q.archived !== undefined) c.add(`p.archived = ${c.param(q.archived)}`);
  if (q.billable !== undefined) c.add(`p.billable = ${c.param(q.billable)}`);
  if (q['is-template'] !== undefined) c.add(`p.is_template = ${c.param(q['is-template'])}`);
  if (q.access) c.add(`p.is_public = ${c.param(q.access === 'PUBLIC')}`);
  if (q.clients?.length) {
    const ids = c.param(q.clients);
    c.add(q['contains-client'] === false ? `(p.client_id IS NULL OR NOT p.client_id = ANY(${ids}))` : `p.client_id = ANY(${ids})`);
  }
  if (q['client-status'] === 'ACTIVE') c.add('(c.id IS NULL OR NOT c.archived)');
  if (q['client-status'] === 'ARCHIVED') c.add('c.archived');
  if (q.users?.length) {
    const users = c.param(q.users);
    const status = q['user-status'] && q['user-status'] !== 'ALL' ? `AND wm.status = ${c.param(q['user-status'])}` : '';
    const has = `EXISTS (
      SELECT 1 FROM project_members pm
        JOIN workspace_members wm ON wm.workspace_id = pm.workspace_id AND wm.user_id = ANY(${users})
       WHERE pm.workspace_id = p.workspace_id AND pm.project_id = p.id ${status}
         AND (pm.user_id = wm.user_id OR pm.user_group_id IN (
               SELECT ugm.user_group_id FROM user_group_members ugm
                WHERE ugm.workspace_id = p.workspace_id AND ugm.user_id = wm.user_id)))`;
    c.add(q['contains-user'] === false ? `NOT ${has}` : has);
  }
  if (q.userGroups?.length) {
    const has = `EXISTS (SELECT 1 FROM project_members pm
       WHERE pm.workspace_id = p.workspace_id AND pm.project_id = p.id AND pm.user_group_id = ANY(${c.param(q.userGroups)}))`;
    c.add(q['contains-group'] === false ? `NOT ${has}` : has);
  }
  return c;
}

/** GET projects: every filter of the reference, one query for the page and its total. */
@Injectable()
export class ProjectListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ProjectReader,
  ) {}

  async list(ws: WorkspaceContext, query: ProjectListQueryDto): Promise<Page<ProjectDto>> {
    const request = pageOf(query);
    const { limit, offset } = limitOffset(request);
    const c = filters(ws, query);
    const where = c.sql;
    const direction = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const sort = SORT_EXPRESSIONS[query['sort-column'] ?? 'NAME'];
    const order = [...(sort ? [sort] : []), 'lower(q.name)', 'q.id'].map((e) => `${e} ${direction}`).join(', ');
    const manager = this.dataSource.manager;
    const rows: ProjectRow[] = await manager.query(
      `SELECT q.*, count(*) OVER () AS total FROM (${PROJECT_SELECT} WHERE ${where}) q
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset}`,
      c.params,
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && offset > 0) {
      const [{ count }] = (await manager.query(`SELECT count(*) AS count FROM (${PROJECT_SELECT} WHERE ${where}) q`, c.params)) as { count: string }[];
      total = Number(count);
    }
    const items = await this.reader.toDtos(ws.workspaceId, rows, { hydrated: query.hydrated });
    return new Page(items, total, request);
  }
}
