import type { RateDto } from '../../common/dto/rate.dto';
import { toIsoDuration } from '../../common/utils/time';
import type {
  BudgetEstimateDto,
  EstimateResetDto,
  ProjectDto,
  ProjectMembershipDto,
  ProjectTaskDto,
  TimeEstimateDto,
} from './dto/project.dto';
import type { BudgetEstimate, EstimateReset, TimeEstimate } from './entities/project.entity';
import type { MemberRow, ProjectRow, TaskRow } from './projects.store';

export function rate(amount: string | null, currency: string | null): RateDto | null {
  return amount === null || currency === null ? null : { amount: Number(amount), currency };
}

export const DEFAULT_TIME_ESTIMATE: TimeEstimate = {
  active: false,
  estimate: 0,
  includeNonBillable: true,
  resetOption: null,
  type: 'AUTO',
};
export const DEFAULT_BUDGET_ESTIMATE: BudgetEstimate = {
  active: false,
  estimate: 0,
  includeExpenses: false,
  resetOption: null,
  type: 'AUTO',
};

/** AUTO estimates are the sum of the tasks' estimates; MANUAL ones are the project's own. */
export function toTimeEstimateDto(stored: TimeEstimate | null, taskSum: number): TimeEstimateDto {
  const te = { ...DEFAULT_TIME_ESTIMATE, ...(stored ?? {}) };
  const seconds = te.type === 'AUTO' ? taskSum : te.estimate;
  return {
    active: te.active,
    estimate: toIsoDuration(seconds) ?? 'PT0S',
    includeNonBillable: te.includeNonBillable,
    resetOption: te.resetOption,
    type: te.type,
  };
}

export function toBudgetEstimateDto(stored: BudgetEstimate | null, taskSum: number): BudgetEstimateDto {
  const be = { ...DEFAULT_BUDGET_ESTIMATE, ...(stored ?? {}) };
  const cents = be.type === 'AUTO' ? taskSum : be.estimate;
  return {
    active: be.active,
    estimate: cents,
    includeExpenses: be.includeExpenses,
    resetOption: be.resetOption,
    type: be.type,
  };
}

export function toEstimateResetDto(stored: EstimateReset | null): EstimateResetDto | null {
  if (!stored) return null;
  return {
    dayOfMonth: stored.dayOfMonth,
    dayOfWeek: stored.dayOfWeek,
    hour: stored.hour,
    interval: stored.interval,
    month: stored.month,
  };
}

export function toMembershipDto(row: MemberRow): ProjectMembershipDto {
  const isGroup = row.user_group_id !== null;
  return {
    userId: (isGroup ? row.user_group_id : row.user_id) as string,
    hourlyRate: rate(row.hourly_amount, row.hourly_currency),
    costRate: rate(row.cost_amount, row.cost_currency),
    targetId: row.project_id,
    membershipType: isGroup ? 'USERGROUP' : 'PROJECT',
    membershipStatus: row.status ?? 'ACTIVE',
  };
}

export function toTaskDto(row: TaskRow): ProjectTaskDto {
  return {
    id: row.id,
    name: row.name,
    projectId: row.project_id,
    assigneeId: row.assignee_ids[0] ?? null,
    assigneeIds: row.assignee_ids,
    userGroupIds: row.group_ids,
    estimate: toIsoDuration(Number(row.estimate ?? 0)) ?? 'PT0S',
    status: row.status,
    budgetEstimate: Number(row.budget_estimate ?? 0),
    billable: row.billable,
    hourlyRate: rate(row.hourly_amount, row.hourly_currency),
    costRate: rate(row.cost_amount, row.cost_currency),
    duration: 'PT0S',
  };
}

export function toProjectDto(row: ProjectRow, memberships: ProjectMembershipDto[]): ProjectDto {
  const timeEstimate = toTimeEstimateDto(row.time_estimate, Number(row.task_estimate));
  return {
    id: row.id,
    name: row.name,
    hourlyRate: rate(row.hourly_amount, row.hourly_currency) ?? { amount: 0, currency: row.currency },
    costRate: rate(row.cost_amount, row.cost_currency),
    clientId: row.client_id ?? '',
    clientName: row.client_id ? (row.client_name ?? '') : '',
    workspaceId: row.workspace_id,
    billable: row.billable,
    memberships,
    color: row.color,
    estimate: { estimate: timeEstimate.estimate, type: timeEstimate.type },
    timeEstimate,
    budgetEstimate: toBudgetEstimateDto(row.budget_estimate, Number(row.task_budget)),
    estimateReset: toEstimateResetDto(row.estimate_reset),
    duration: 'PT0S',
    archived: row.archived,
    template: row.is_template,
    isTemplate: row.is_template,
    public: row.is_public,
    isPublic: row.is_public,
    note: row.note,
  };
}
