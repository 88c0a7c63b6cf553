import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page, limitOffset } from '../../common/dto/page';
import type { PageRequest } from '../../common/dto/page-query.dto';
import type { BudgetEstimate, TimeEstimate } from '../projects/entities/project.entity';
import { AssignmentStore } from './assignment.store';
import type { SchedulingProjectsTotalsDto } from './dto/assignment.dto';
import type { StatusFilter } from './dto/scheduling-filters.dto';
import { addDays, dayRange, dayStart } from './scheduling-days';
import { DAYS_CTE, dayFlagsSql, SCHEDULED_SQL, statusSql, visibleSql } from './scheduling.sql';
import { likePattern, SqlParams } from './scheduling-user-filter';

interface ProjectRow {
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

interface DayRow {
  project_id: string;
  day: string;
  hours: number;
}

export interface ProjectTotalsFilter {
  start: string;
  end: string;
  search?: string;
  statusFilter?: StatusFilter;
  page: PageRequest;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Scheduled hours per project and day (assignments the caller may see), compared with the project's estimates. */
@Injectable()
export class ProjectTotalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: AssignmentStore,
  ) {}

  /** Projects with assignments in the period (search: project or client name), by name. */
  async forProjects(ws: WorkspaceContext, filter: ProjectTotalsFilter): Promise<Page<SchedulingProjectsTotalsDto>> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(filter.start, filter.end, zone);
    const params = new SqlParams([ws.workspaceId, range.start, range.end, ws.userId]);
    const where = [
      `EXISTS (SELECT 1 FROM assignments a WHERE a.workspace_id = $1 AND a.project_id = p.id AND a.start_date <= $3::date
                  AND a.end_date >= $2::date AND ${visibleSql(ws, 'a', '$4')} AND ${statusSql('a', filter.statusFilter)})`,
    ];
    if (filter.search) {
      const like = params.add(likePattern(filter.search));
      where.push(`(p.name ILIKE ${like} OR c.name ILIKE ${like})`);
    }
    const { limit, offset } = limitOffset(filter.page);
    const projects = await this.projects(params.values, where, `LIMIT ${limit} OFFSET ${offset}`);
    const dtos = await this.totals(ws, projects, range, filter.statusFilter, zone);
    return new Page(dtos, projects.length ? Number(projects[0].total) : 0, filter.page);
  }

  /** One project of the workspace (404 otherwise), even without assignments in the period. */
  async forProject(ws: WorkspaceContext, projectId: string, start: string, end: string): Promise<SchedulingProjectsTotalsDto> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(start, end, zone);
    const projects = await this.projects([ws.workspaceId, projectId], ['p.id = $2'], '');
    if (!projects.length) throw new NotFoundException('Project not found');
    const [dto] = await this.totals(ws, projects, range, 'ALL', zone);
    return dto;
  }

  private projects(params: unknown[], where: string[], limit: string): Promise<ProjectRow[]> {
    return this.dataSource.query(
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

  private async totals(
    ws: WorkspaceContext,
    projects: ProjectRow[],
    range: { start: string; end: string },
    status: StatusFilter | undefined,
    zone: string,
  ): Promise<SchedulingProjectsTotalsDto[]> {
    if (!projects.length) return [];
    const rows: DayRow[] = await this.dataSource.query(
      `WITH ${DAYS_CTE}
       SELECT a.project_id, days.day::text AS day, sum(${SCHEDULED_SQL('a')})::float8 AS hours
         FROM assignments a
         JOIN workspace_members m ON m.workspace_id = a.workspace_id AND m.user_id = a.user_id
         JOIN days ON days.day BETWEEN a.start_date AND a.end_date
         ${dayFlagsSql('days.day')}
        WHERE a.workspace_id = $1 AND a.project_id = ANY($5) AND ${visibleSql(ws, 'a', '$4')} AND ${statusSql('a', status)}
        GROUP BY a.project_id, days.day`,
      [ws.workspaceId, range.start, range.end, ws.userId, projects.map((p) => p.id)],
    );
    const hours = new Map(rows.map((r) => [`${r.project_id}/${r.day}`, Number(r.hours)]));
    const days: string[] = [];
    for (let d = range.start; d <= range.end; d = addDays(d, 1)) days.push(d);
    return projects.map((p) => {
      const perDay = days.map((day) => hours.get(`${p.id}/${day}`) ?? 0);
      const totalHours = round(perDay.reduce((sum, h) => sum + h, 0));
      const estimateHours = estimateOf(p.time_estimate, Number(p.task_estimate), 3600);
      return {
        workspaceId: ws.workspaceId,
        projectId: p.id,
        projectName: p.name,
        projectColor: p.color,
        projectArchived: p.archived,
        projectBillable: p.billable,
        clientName: p.client_name,
        taskId: null,
        taskName: null,
        totalHours,
        assignments: days.map((day, i) => ({ date: dayStart(day, zone), hasAssignment: perDay[i] > 0 })),
        milestones: [],
        estimateHours,
        remainingEstimateHours: estimateHours === null ? null : round(estimateHours - totalHours),
        budgetEstimate: estimateOf(p.budget_estimate, Number(p.task_budget), 1),
      };
    });
  }
}

/** An active estimate (AUTO: the tasks' sum; MANUAL: the project's own), divided by `unit`; null when inactive. */
function estimateOf(estimate: { active?: boolean; estimate?: number; type?: string } | null, taskSum: number, unit: number): number | null {
  if (!estimate?.active) return null;
  const value = estimate.type === 'MANUAL' ? Number(estimate.estimate ?? 0) : taskSum;
  return round(value / unit);
}
