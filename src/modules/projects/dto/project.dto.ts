import { RateDto } from '../../../common/dto/rate.dto';
import { CustomFieldDto } from '../../custom-fields/dto/custom-field.dto';
import type { EstimateType, ResetOption } from '../entities/project.entity';

/** The legacy estimate (EstimateDtoV1): the time estimate as an ISO duration. */
export class EstimateDto {
  /** @example "PT1H30M" */
  estimate: string;
  /** @example "MANUAL" */
  type: EstimateType;
}

/** TimeEstimateDto: the estimate as an ISO duration. */
export class TimeEstimateDto {
  active: boolean;
  /** @example "PT10H" */
  estimate: string;
  includeNonBillable: boolean;
  /** @example "MONTHLY" */
  resetOption: ResetOption | null;
  /** AUTO: the sum of the tasks' estimates. @example "MANUAL" */
  type: EstimateType;
}

/** EstimateWithOptionsDto: the budget estimate in cents. */
export class BudgetEstimateDto {
  active: boolean;
  /** Cents. @example 600000 */
  estimate: number;
  includeExpenses: boolean;
  /** @example "MONTHLY" */
  resetOption: ResetOption | null;
  /** AUTO: the sum of the tasks' budget estimates. @example "MANUAL" */
  type: EstimateType;
}

export class EstimateResetDto {
  /** @example 1 */
  dayOfMonth: number | null;
  /** @example "MONDAY" */
  dayOfWeek: string | null;
  /** @example 0 */
  hour: number | null;
  /** @example "MONTHLY" */
  interval: ResetOption | null;
  /** @example "JANUARY" */
  month: string | null;
}

/** MembershipDtoV1 of a project: a user (PROJECT) or a user group (USERGROUP, `userId` is the group id). */
export class ProjectMembershipDto {
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** The member's hourly rate on this project, if set. */
  hourlyRate: RateDto | null;
  /** The member's cost rate on this project, if set. */
  costRate: RateDto | null;
  /** The project id. @example "5b641568b07987035750505e" */
  targetId: string;
  /** @example "PROJECT" */
  membershipType: 'PROJECT' | 'USERGROUP';
  /** @example "ACTIVE" */
  membershipStatus: 'PENDING' | 'ACTIVE' | 'DECLINED' | 'INACTIVE';
}

/** TaskDtoV1, in a hydrated project. */
export class ProjectTaskDto {
  /** @example "57a687e29ae1f428e7ebe107" */
  id: string;
  /** @example "Bugfixing" */
  name: string;
  /** @example "5b641568b07987035750505e" */
  projectId: string;
  /** @deprecated the first of `assigneeIds`. */
  assigneeId: string | null;
  assigneeIds: string[];
  userGroupIds: string[];
  /** @example "PT1H30M" */
  estimate: string;
  /** @example "ACTIVE" */
  status: 'ACTIVE' | 'DONE';
  /** Cents. @example 10000 */
  budgetEstimate: number;
  billable: boolean;
  hourlyRate: RateDto | null;
  costRate: RateDto | null;
  /** Tracked time on the task. @example "PT0S" */
  duration: string;
}

/** ProjectDtoImplV1 (and ProjectDtoV1). `tasks` and `customFields` only with `hydrated=true`. */
export class ProjectDto {
  /** @example "5b641568b07987035750505e" */
  id: string;
  /** @example "Software Development" */
  name: string;
  /** The project's billable rate in force now (cents); amount 0 when none is set. */
  hourlyRate: RateDto;
  /** The project's cost rate in force now (cents); null when none is set. */
  costRate: RateDto | null;
  /** "" when the project has no client. @example "9t641568b07987035750704" */
  clientId: string;
  /** "" when the project has no client. @example "Client X" */
  clientName: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
  billable: boolean;
  memberships: ProjectMembershipDto[];
  /** @example "#03A9F4" */
  color: string;
  estimate: EstimateDto;
  timeEstimate: TimeEstimateDto;
  budgetEstimate: BudgetEstimateDto;
  estimateReset: EstimateResetDto | null;
  /** Total tracked time as an ISO duration. @example "PT0S" */
  duration: string;
  archived: boolean;
  template: boolean;
  isTemplate: boolean;
  public: boolean;
  isPublic: boolean;
  /** @example "This is a sample note for the project." */
  note: string;
  /** Only with `hydrated=true`. */
  tasks?: ProjectTaskDto[];
  /** Only with `hydrated=true`. */
  customFields?: CustomFieldDto[];
}
