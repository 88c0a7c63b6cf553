/** Period: instants. */
export class PeriodDto {
  /** @example "2022-08-26T00:00:00Z" */
  start: string;
  /** @example "2022-08-27T23:59:59Z" */
  end: string;
}

/** TimeOffRequestStatus. */
export class TimeOffRequestStatusDto {
  /** @example "PENDING" */
  statusType: 'PENDING' | 'APPROVED' | 'REJECTED';
  changedAt: string | null;
  changedByUserId: string | null;
  changedByUserName: string | null;
  changedForUserName: string;
  note: string | null;
}

/** TimeOffRequestPeriodDto. */
export class TimeOffRequestPeriodDto {
  halfDay: boolean;
  /** The hours of the half day, from the member's work capacity. */
  halfDayHours: PeriodDto | null;
  /** @example "NOT_DEFINED" */
  halfDayPeriod: string;
  period: PeriodDto;
}

/** TimeOffRequestV1Dto. */
export class TimeOffRequestDto {
  id: string;
  workspaceId: string;
  policyId: string;
  userId: string;
  /** What the request takes from the balance, in the policy's unit. @example 1 */
  balanceDiff: number;
  /** @example "2022-08-26T08:32:01Z" */
  createdAt: string;
  note: string | null;
  status: TimeOffRequestStatusDto;
  timeOffPeriod: TimeOffRequestPeriodDto;
}

/** TimeOffRequestFullV1Dto. */
export class TimeOffRequestFullDto extends TimeOffRequestDto {
  /** The user's balance in the policy. @example 10 */
  balance: number;
  policyName: string;
  requesterUserId: string;
  requesterUserName: string;
  /** @example "DAYS" */
  timeUnit: 'DAYS' | 'HOURS';
  userEmail: string;
  userName: string;
  /** @example "Europe/Budapest" */
  userTimeZone: string;
}

/** TimeOffRequestsWithCountV1Dto. */
export class TimeOffRequestsWithCountDto {
  count: number;
  requests: TimeOffRequestFullDto[];
}
