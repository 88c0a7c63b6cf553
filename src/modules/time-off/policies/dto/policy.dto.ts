import { AutomaticTimeEntryCreationDto } from '../../shared/time-off-shared.dto';

/** PolicyApprovalDto (response). */
export class PolicyApprovalResponseDto {
  requiresApproval: boolean;
  specificMembers: boolean;
  teamManagers: boolean;
  userIds: string[];
}

/** AutomaticAccrualDto. */
export class AutomaticAccrualDto {
  /** @example 20 */
  amount: number;
  /** @example "YEAR" */
  period: string | null;
  /** @example "DAYS" */
  timeUnit: string | null;
}

/** NegativeBalanceDto. */
export class NegativeBalanceDto {
  amount: number;
  period: string | null;
  shouldReset: boolean;
  timeUnit: string | null;
}

/** PolicyDtoV1. */
export class PolicyDto {
  /** @example "5b715612b079875110791111" */
  id: string;
  /** @example "Days" */
  name: string;
  workspaceId: string;
  allowHalfDay: boolean;
  allowNegativeBalance: boolean;
  approve: PolicyApprovalResponseDto;
  archived: boolean;
  automaticAccrual: AutomaticAccrualDto | null;
  automaticTimeEntryCreation: AutomaticTimeEntryCreationDto;
  everyoneIncludingNew: boolean;
  negativeBalance: NegativeBalanceDto | null;
  /** Project of automatically created time entries. */
  projectId: string | null;
  /** @example "DAYS" */
  timeUnit: 'DAYS' | 'HOURS';
  userGroupIds: string[];
  userIds: string[];
  /** @example "#8BC34A" */
  color: string | null;
  /** @example "UMBRELLA" */
  icon: string | null;
  hasExpiration: boolean;
}
