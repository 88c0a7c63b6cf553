import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { Page, limitOffset } from '../../common/dto/page';
import type { PageRequest } from '../../common/dto/page-query.dto';
import { AssignmentStore } from './assignment.store';
import type { SchedulingProjectsTotalsDto } from './dto/assignment.dto';
import type { StatusFilter } from './dto/scheduling-filters.dto';
import { addDays, dayRange, dayStart } from './scheduling-days';
import { type ProjectRow, SchedulingTotalsStore } from './scheduling-totals.store';

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
    const { limit, offset } = limitOffset(filter.page);
    const projects = await SchedulingTotalsStore.projectsInRange(
      this.dataSource.manager,
      ws,
      range,
      filter,
      limit,
      offset,
    );
    const dtos = await this.totals(ws, projects, range, filter.statusFilter, zone);
    return new Page(dtos, projects.length ? Number(projects[0].total) : 0, filter.page);
  }

  /** One project of the workspace (404 otherwise), even without assignments in the period. */
  async forProject(
    ws: WorkspaceContext,
    projectId: string,
    start: string,
    end: string,
  ): Promise<SchedulingProjectsTotalsDto> {
    const zone = await this.store.zoneOf(ws.userId);
    const range = dayRange(start, end, zone);
    const project = await SchedulingTotalsStore.project(this.dataSource.manager, ws.workspaceId, projectId);
    if (!project) throw new NotFoundException('Project not found');
    const [dto] = await this.totals(ws, [project], range, 'ALL', zone);
    return dto;
  }

  private async totals(
    ws: WorkspaceContext,
    projects: ProjectRow[],
    range: { start: string; end: string },
    status: StatusFilter | undefined,
    zone: string,
  ): Promise<SchedulingProjectsTotalsDto[]> {
    if (!projects.length) return [];
    const rows = await SchedulingTotalsStore.projectDays(
      this.dataSource.manager,
      ws,
      projects.map((p) => p.id),
      range,
      status,
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
function estimateOf(
  estimate: { active?: boolean; estimate?: number; type?: string } | null,
  taskSum: number,
  unit: number,
): number | null {
  if (!estimate?.active) return null;
  const value = estimate.type === 'MANUAL' ? Number(estimate.estimate ?? 0) : taskSum;
  return round(value / unit);
}
