/** ReportTagDto. */
export class ReportTagDto {
  /** @example "5b715612b079875110791136" */
  id: string;
  /** @example "tagname" */
  name: string;
}

/** ReportTimeIntervalDto: instants in UTC; duration in seconds (rounded when the report rounds). */
export class ReportTimeIntervalDto {
  /** @example "2022-08-26T08:32:01Z" */
  start: string;
  /** @example "2022-08-27T08:32:01Z" */
  end: string;
  /** @example 3600 */
  duration: number;
}

export class ReportCustomFieldValueDto {
  customFieldId: string;
  name: string;
  /** The stored value (text, number, boolean or list). */
  value: unknown;
}

/** AmountDto. */
export class AmountDto {
  /** @example "EARNED" */
  type: string;
  /** Cents. @example 1000 */
  value: number;
}

/** TimeEntryReportTotals (durations in seconds, amounts in cents). */
export class TimeEntryReportTotalsDto {
  /** @example "" */
  id: string;
  /** @example 1200 */
  totalTime: number;
  /** @example 1000 */
  totalBillableTime: number;
  /** @example 1 */
  entriesCount: number;
  /** Cents of the amountShown type; null when amounts are hidden. @example 11000 */
  totalAmount: number | null;
  amounts: AmountDto[];
}

/** TimeEntryDto of the detailed report (rates and amounts in cents, null when hidden). */
export class ReportTimeEntryDto {
  /** @example "5b715612b079875110791111" */
  _id: string;
  /** @example "5b715612b079875110791111" */
  id: string;
  /** @example "Time Entry Description" */
  description: string;
  userId: string;
  userName: string;
  userEmail: string;
  projectId: string | null;
  projectName: string | null;
  projectColor: string | null;
  clientId: string | null;
  clientName: string | null;
  taskId: string | null;
  taskName: string | null;
  tagIds: string[];
  tags: ReportTagDto[];
  billable: boolean;
  /** @example "REGULAR" */
  type: string;
  timeInterval: ReportTimeIntervalDto;
  approvalRequestId: string | null;
  isLocked: boolean;
  locked: boolean;
  /** @example "USD" */
  currency: string;
  /** Rate of the amountShown type (hourly for EARNED/PROFIT, cost for COST). */
  rate: number | null;
  amount: number | null;
  earnedRate: number | null;
  earnedAmount: number | null;
  costRate: number | null;
  costAmount: number | null;
  customFields: ReportCustomFieldValueDto[];
}

/** TimeEntryDetailedReportDto. */
export class TimeEntryDetailedReportDto {
  timeentries: ReportTimeEntryDto[];
  totals: TimeEntryReportTotalsDto[];
}
