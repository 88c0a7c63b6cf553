/** ApprovalRequestCreatorDtoV1: who submitted the request. */
export class ApprovalRequestCreatorDto {
  /** @example "johhndoe@example.com" */
  userEmail: string;
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** @example "johhndoe" */
  userName: string;
}

/** DateRangeDto: the submitted period, from its first to its last second. */
export class ApprovalDateRangeDto {
  /** @example "2024-01-15T00:00:00Z" */
  start: string;
  /** @example "2024-01-21T23:59:59Z" */
  end: string;
}

/** ApprovalRequestOwnerDtoV1: whose time the request holds. */
export class ApprovalRequestOwnerDto {
  /** @example "MONDAY" */
  startOfWeek: string;
  /** @example "Europe/Budapest" */
  timeZone: string;
  /** @example "5a0ab5acb07987125438b60f" */
  userId: string;
  /** @example "johndoe" */
  userName: string;
}

/** ApprovalRequestStatusDtoV1: the current state and its last change. */
export class ApprovalRequestStatusDto {
  /** @example "This is a sample approval request note." */
  note: string | null;
  /** PENDING, APPROVED, WITHDRAWN_SUBMISSION, WITHDRAWN_APPROVAL or REJECTED. @example "APPROVED" */
  state: string;
  /** @example "2020-01-01T08:00:00Z" */
  updatedAt: string;
  /** @example "5a0ab5acb07987125438b60f" */
  updatedBy: string;
  /** @example "juandelacruz" */
  updatedByUserName: string;
}

/** ApprovalRequestDtoV1. */
export class ApprovalRequestDto {
  creator: ApprovalRequestCreatorDto;
  dateRange: ApprovalDateRangeDto;
  /** @example "567687e29ae1f428e7ebf564" */
  id: string;
  owner: ApprovalRequestOwnerDto;
  status: ApprovalRequestStatusDto;
  /** @example "64a687e29ae1f428e7ebe303" */
  workspaceId: string;
}
