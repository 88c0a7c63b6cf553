import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { likePattern, SqlConditions } from '../../common/utils/sql';
import type { HydratedRow } from './assignment.mapper';
import type { DayRange } from './assignment.store';
import type { AssignmentsQueryDto, PublishAssignmentsRequestDto } from './dto/scheduling-filters.dto';
import { userFilterSql, visibleSql, writableSql } from './scheduling.store';

const SORT: Record<string, string> = {
  PROJECT: 'lower(p.name)',
  USER: 'lower(u.name)',
  ID: 'a.id',
};

/** The assignments of a range as the caller sees them (a page with names) and publishes them; scoped by workspace. */
@Injectable()
export class AssignmentListStore {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the assignments overlapping the range that the caller may see, with project, client, task and user names, and `total`. */
  async hydratedPage(
    ws: WorkspaceContext,
    range: DayRange,
    query: AssignmentsQueryDto,
    limit: number,
    offset: number,
  ): Promise<HydratedRow[]> {
    const params = new SqlConditions([ws.workspaceId, range.start, range.end, ws.userId]);
    const where = [
      `a.workspace_id = $1`,
      `a.start_date <= $3::date`,
      `a.end_date >= $2::date`,
      visibleSql(ws, 'a', '$4'),
    ];
    if (query.name) {
      const like = params.param(likePattern(query.name));
      where.push(
        `(p.name ILIKE ${like} OR c.name ILIKE ${like} OR t.name ILIKE ${like} OR u.name ILIKE ${like} OR a.note ILIKE ${like})`,
      );
    }
    const direction = query['sort-order'] === 'DESCENDING' ? 'DESC' : 'ASC';
    const order = query['sort-column']
      ? `${SORT[query['sort-column']]} ${direction}, a.start_date, a.id`
      : `a.start_date ${direction}, a.id ${direction}`;
    return this.dataSource.query(
      `SELECT a.id, a.workspace_id, a.user_id, a.project_id, a.task_id, a.start_date::text AS start_date, a.end_date::text AS end_date,
              a.hours_per_day::float8 AS hours_per_day, a.note, a.billable, a.start_time::text AS start_time,
              u.name AS user_name, p.name AS project_name, p.color AS project_color, p.archived AS project_archived,
              p.billable AS project_billable, p.client_id, c.name AS client_name, t.name AS task_name, count(*) OVER () AS total
         FROM assignments a
         JOIN users u ON u.id = a.user_id
         JOIN projects p ON p.workspace_id = a.workspace_id AND p.id = a.project_id
         LEFT JOIN clients c ON c.workspace_id = p.workspace_id AND c.id = p.client_id
         LEFT JOIN tasks t ON t.workspace_id = a.workspace_id AND t.id = a.task_id
        WHERE ${where.join(' AND ')}
        ORDER BY ${order}
        LIMIT ${limit} OFFSET ${offset}`,
      params.params,
    );
  }

  /**
   * Publishes the unpublished assignments overlapping the range that the
   * caller may change, narrowed by the users/groups filters and the search
   * (users in TEAM view, projects and clients in PROJECTS view, both otherwise); returns their ids.
   */
  async publish(
    manager: EntityManager,
    ws: WorkspaceContext,
    range: DayRange,
    body: PublishAssignmentsRequestDto,
  ): Promise<string[]> {
    const params = new SqlConditions([ws.workspaceId, range.start, range.end, ws.userId]);
    const where = [
      `a.workspace_id = $1`,
      `NOT a.published`,
      `a.start_date <= $3::date`,
      `a.end_date >= $2::date`,
      writableSql(ws, 'a', '$4'),
      ...userFilterSql(params, 'a.user_id', body.userFilter, body.userGroupFilter, null),
    ];
    if (body.search) {
      const like = params.param(likePattern(body.search));
      const team = `EXISTS (SELECT 1 FROM users su WHERE su.id = a.user_id AND (su.name ILIKE ${like} OR su.email ILIKE ${like}))`;
      const projects = `EXISTS (SELECT 1 FROM projects sp LEFT JOIN clients sc ON sc.workspace_id = sp.workspace_id AND sc.id = sp.client_id
                          WHERE sp.workspace_id = a.workspace_id AND sp.id = a.project_id AND (sp.name ILIKE ${like} OR sc.name ILIKE ${like}))`;
      where.push(
        body.viewType === 'TEAM' ? team : body.viewType === 'PROJECTS' ? projects : `(${team} OR ${projects})`,
      );
    }
    // An UPDATE ... RETURNING through TypeORM's query answers [rows, affected].
    const [published]: [{ id: string }[], number] = await manager.query(
      `UPDATE assignments a SET published = true, updated_at = now() WHERE ${where.join(' AND ')} RETURNING a.id`,
      params.params,
    );
    return published.map((r) => r.id);
  }
}
