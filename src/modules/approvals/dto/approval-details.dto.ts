import { RateDto } from '../../../common/dto/rate.dto';
import { ApprovalRequestDto } from './approval-request.dto';

/** ProjectInfoDto of an approval's entries and expenses. */
export class ApprovalProjectInfoDto {
  /** @example "5b641568b07987035750505e" */
  id: string;
  /** @example "Software Development" */
  name: string;
  /** @example "#000000" */
  color: string;
  /** @example "64c777ddd3fcab07cfbb210c" */
  clientId: string | null;
  /** @example "Client X" */
  clientName: string | null;
}

/** TaskInfoDto. */
export class ApprovalTaskInfoDto {
  /** @example "5b715448b0798751107918ab" */
  id: string;
  /** @example "Bugfixing" */
  name: string;
}

/** TagDto of an approval's entries. */
export class ApprovalTagDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  id: string;
  /** @example "Sprint1" */
  name: string;
  archived: boolean;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}

/** CustomFieldValueDto of an approval's entries. */
export class ApprovalCustomFieldValueDto {
  /** @example "44a687e29ae1f428e7ebe305" */
  customFieldId: string;
  /** @example "TIMEENTRY" */
  sourceType: string;
  /** @example "64c777ddd3fcab07cfbb210c" */
  timeEntryId: string;
  /** @example "20231211-12345" */
  value: unknown;
}

/** TimeIntervalDto of an approval's entries, with the owner's time zone. */
export class ApprovalTimeIntervalDto {
  /** @example "2024-01-15T09:00:00Z" */
  start: string;
  /** @example "2024-01-15T10:30:00Z" */
  end: string | null;
  /** @example "PT1H30M" */
  duration: string | null;
  /** @example "Europe/Budapest" */
  timeZone: string;
}

/** TimeEntryInfoDto: an entry held by the request. */
export class ApprovalEntryInfoDto {
  /** @example "5b715448b0798751107918ab" */
  id: string;
  /** @example "5e4117fe8c625f38930d57b7" */
  approvalRequestId: string;
  billable: boolean;
  costRate: RateDto | null;
  customFieldValues: ApprovalCustomFieldValueDto[];
  /** @example "Code review" */
  description: string;
  hourlyRate: RateDto | null;
  /** Pending or approved entries are locked for the member. */
  isLocked: boolean;
  project: ApprovalProjectInfoDto | null;
  tags: ApprovalTagDto[];
  task: ApprovalTaskInfoDto | null;
  timeInterval: ApprovalTimeIntervalDto;
  /** REGULAR, BREAK, HOLIDAY or TIME_OFF. @example "REGULAR" */
  type: string;
}

/** ExpenseCategoryDto of an approval's expenses. */
export class ApprovalExpenseCategoryDto {
  /** @example "89a687e29ae1f428e7ebe303" */
  id: string;
  /** @example "Procurement" */
  name: string;
  archived: boolean;
  hasUnitPrice: boolean;
  /** @example 1000 */
  priceInCents: number | null;
  /** @example "piece" */
  unit: string | null;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}

/** ExpenseHydratedDto: an expense held by the request. */
export class ApprovalExpenseDto {
  /** @example "64c777ddd3fcab07cfbb210c" */
  id: string;
  /** @example "445687e29ae1f428e7ebe893" */
  approvalRequestId: string;
  /** @example "PENDING" */
  approvalStatus: string;
  /** @example "PENDING" */
  detailedApprovalStatus: string;
  billable: boolean;
  category: ApprovalExpenseCategoryDto;
  /** @example "USD" */
  currency: string;
  /** @example "2020-01-01" */
  date: string;
  isLocked: boolean;
  locked: boolean;
  /** @example "Taxi to the client" */
  notes: string;
  project: ApprovalProjectInfoDto | null;
  quantity: number;
  task: ApprovalTaskInfoDto | null;
  /** Decimal, as the expenses API prints it. @example 10500.5 */
  total: number;
  /** @example "89b687e29ae1f428e7ebe912" */
  userId: string;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}

/** ApprovalDetailsDtoV1: a request with its entries, expenses and totals (amounts in cents). */
export class ApprovalDetailsDto {
  approvalRequest: ApprovalRequestDto;
  /** Approved time. @example "PT1H30M" */
  approvedTime: string;
  /** Cents. @example 2500 */
  billableAmount: number;
  /** @example "PT1H30M" */
  billableTime: string;
  /** @example "PT1H30M" */
  breakTime: string;
  /** Cents. @example 5000 */
  costAmount: number;
  entries: ApprovalEntryInfoDto[];
  /** Cents. @example 7500 */
  expenseTotal: number;
  expenses: ApprovalExpenseDto[];
  /** Time still waiting for approval. @example "PT1H30M" */
  pendingTime: string;
  /** Tracked time without breaks. @example "PT1H30M" */
  trackedTime: string;
}
