import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { mayActForSql } from '../../common/access';
import { likePattern, SqlConditions } from '../../common/utils/sql';
import type { BudgetEstimate, TimeEstimate } from '../projects/entities/project.entity';
import type { DayRange } from './assignment.store';
import type { GetUserTotalsRequestDto, StatusFilter } from './dto/scheduling-filters.dto';
import {
  CAPACITY_SQL,
  DAYS_CTE,
  dayFlagsSql,
  SCHEDULED_SQL,
  statusSql,
  userFilterSql,
  visibleSql,
} from './scheduling.store';

export interface MemberRow {
  user_id: string;
  name: string;
  image: string;
  status: string;
  work_capacity: number;
  working_days: string[];
  total: string;
}

export interface MemberDayRow {
  user_id: string;
  day: string;
  capacity: number;
  scheduled: number;
}

export interface ProjectRow {
  id: string;
  name: string;
  color: string;
  archived: boolean;
  billable: boolean;
  client_name: string | null;
  time_estimate: TimeEstimate | null;
  budget_estimate: BudgetEstimate | null;
  task_estimate: string;
  task_budget: string;
  total: string;
}

export interface ProjectDayRow {
  project_id: string;
  day: string;
  hours: number;
}

/** The SQL of the scheduling totals: members and projects with their scheduled hours and capacity per day. */
export const SchedulingTotalsStore = {
  /** Members the caller may see (admins: all; others: themselves and the members they manage), filtered, by name, with `total`. */
  members(
    manager: EntityManager,
    ws: WorkspaceContext,
    body: GetUserTotalsRequestDto,
    limit: number,
    offset: number,
  ): Promise<MemberRow[]> {
    const params = new SqlConditions([ws.workspaceId]);
    const where = [
      `m.workspace_id = $1`,
      ...userFilterSql(params, 'm.user_id', body.userFilter, body.userGroupFilter, 'm.status'),
    ];
    if (!ws.isAdmin) {
      const me = params.param(ws.userId);
      where.push(mayActForSql({ workspace: '$1', caller: me, user: 'm.user_id' }));
    }
    if (body.search) {
      const like = params.param(likePattern(body.search));
      where.push(`(u.name ILIKE ${like} OR u.email ILIKE ${like})`);
    }
    return manager.query(
      `SELECT m.user_id, u.name, coalesce(u.profile_picture, '') AS image, m.status, m.work_capacity, m.working_days, count(*) OVER () AS total
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE ${where.join(' AND ')}
        ORDER BY lower(u.name), m.user_id LIMIT ${limit} OFFSET ${offset}`,
      params.params,
    );
  },

  /** One member with `allowed`: the caller is an admin or may act for them. */
  async member(
    manager: EntityManager,
    ws: WorkspaceContext,
    userId: string,
  ): Promise<(MemberRow & { allowed: boolean }) | undefined> {
    const members: (MemberRow & { allowed: boolean })[] = await manager.query(
      `SELECT m.user_id, u.name, coalesce(u.profile_picture, '') AS image, m.status, m.work_capacity, m.working_days, 1 AS total,
              ($4::boolean OR ${mayActForSql({ workspace: '$1', caller: '$2', user: 'm.user_id' })}) AS allowed
         FROM workspace_members m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $3`,
      [ws.workspaceId, ws.userId, userId, ws.isAdmin],
    );
    return members[0];
  },

  /** Per member and day of the range: capacity (seconds) and the hours of the assignments the caller may see. */
  memberDays(
    manager: EntityManager,
    ws: WorkspaceContext,
    userIds: string[],
    range: DayRange,
    status: StatusFilter | undefined,
  ): Promise<MemberDayRow[]> {
    return manager.query(
      `WITH ${DAYS_CTE}
       SELECT m.user_id, days.day::text AS day, (${CAPACITY_SQL})::float8 AS capacity,
              coalesce((SELECT sum(${SCHEDULED_SQL('a')}) FROM assignments a
                         WHERE a.workspace_id = $1 AND a.user_id = m.user_id AND days.day BETWEEN a.start_date AND a.end_date
                           AND ${visibleSql(ws, 'a', '$4')} AND ${statusSql('a', status)}), 0)::float8 AS scheduled
         FROM workspace_members m CROSS JOIN days
         ${dayFlagsSql('days.day')}
        WHERE m.workspace_id = $1 AND m.user_id = ANY($5)
        ORDER BY m.user_id, days.day`,
      [ws.workspaceId, range.start, range.end, ws.userId, userIds],
    );
  },

  /** Projects with assignments in the range that the caller may see (search: project or client name), by name, with `total`. */
  projectsInRange(
    manager: EntityManager,
    ws: WorkspaceContext,
    range: DayRange,
    filter: { search?: string; statusFilter?: StatusFilter },
    limit: number,
    offset: number,
  ): Promise<ProjectRow[]> {
    const params = new SqlConditions([ws.workspaceId, range.start, range.end, ws.userId]);
    const where = [
      `EXISTS (SELECT 1 FROM assignments a WHERE a.workspace_id = $1 AND a.project_id = p.id AND a.start_date <= $3::date
                  AND a.end_date >= $2::date AND ${visibleSql(ws, 'a', '$4')} AND ${statusSql('a', filter.statusFilter)})`,
    ];
    if (filter.search) {
      const like = params.param(likePattern(filter.search));
      where.push(`(p.name ILIKE ${like} OR c.name ILIKE ${like})`);
    }
    return projects(manager, params.params, where, `LIMIT ${limit} OFFSET ${offset}`);
  },

  /** One project of the workspace, whatever its assignments. */
  async project(manager: EntityManager, workspaceId: string, projectId: string): Promise<ProjectRow | undefined> {
    const rows = await projects(manager, [workspaceId, projectId], ['p.id = $2'], '');
    return rows[0];
  },

  /** Per project and day of the range: the hours of the assignments the caller may see. */
  projectDays(
    manager: EntityManager,
    ws: WorkspaceContext,
    projectIds: string[],
    range: DayRange,
    status: StatusFilter | undefined,
  ): Promise<ProjectDayRow[]> {
    return manager.query(
      `WITH ${DAYS_CTE}
       SELECT a.project_id, days.day::text AS day, sum(${SCHEDULED_SQL('a')})::float8 AS hours
         FROM assignments a
         JOIN workspace_members m ON m.workspace_id = a.workspace_id AND m.user_id = a.user_id
         JOIN days ON days.day BETWEEN a.start_date AND a.end_date
         ${dayFlagsSql('days.day')}
        WHERE a.workspace_id = $1 AND a.project_id = ANY($5) AND ${visibleSql(ws, 'a', '$4')} AND ${statusSql('a', status)}
        GROUP BY a.project_id, days.day`,
      [ws.workspaceId, range.start, range.end, ws.userId, projectIds],
    );
  },
};

function projects(manager: EntityManager, params: unknown[], where: string[], limit: string): Promise<ProjectRow[]> {
  return manager.query(
    `SELECT p.id, p.name, p.color, p.archived, p.billable, c.name AS client_name, p.time_estimate, p.budget_estimate,
            te.task_estimate, te.task_budget, count(*) OVER () AS total
       FROM projects p
       LEFT JOIN clients c ON c.workspace_id = p.workspace_id AND c.id = p.client_id
       LEFT JOIN LATERAL (SELECT coalesce(sum(t.estimate), 0) AS task_estimate, coalesce(sum(t.budget_estimate), 0) AS task_budget
                            FROM tasks t WHERE t.workspace_id = p.workspace_id AND t.project_id = p.id) te ON true
      WHERE p.workspace_id = $1 AND ${where.join(' AND ')}
      ORDER BY lower(p.name), p.id ${limit}`,
    params,
  );
}
