import { AmountDto, TimeEntryReportTotalsDto } from '../../detailed/dto/detailed-report.dto';

/** GroupOneDto: one group of a level (durations in seconds, amounts in cents, null when hidden). */
export class GroupOneDto {
  /** The group's key: an entity id, a date (`2024-03-10`), a week's first day, a month (`2024-03`); "" for "Without ...". */
  _id: string;
  /** @example "5b715612b079875110791111" */
  id: string | null;
  /** @example "Name" */
  name: string;
  /** @example "name" */
  nameLowerCase: string;
  /** @example 3600 */
  duration: number;
  /** @example 100 */
  amount: number | null;
  /** Present when the filter lists `amounts`: each type's amount. */
  amounts?: AmountDto[];
  /** PROJECT groups: the project's client and color. */
  clientName?: string | null;
  clientId?: string | null;
  color?: string | null;
  /** The next level's groups (absent on the last level). */
  children?: GroupOneDto[];
}

/** SummaryReportChartDto: totals of one day of the range. */
export class SummaryReportChartDto {
  /** The day (`2024-03-10`) in the report's time zone. */
  id: string;
  totalTime: number;
  totalBillableTime: number;
  totalAmount: number | null;
  earned: number | null;
}

/** TimeEntrySummaryReportDto. */
export class TimeEntrySummaryReportDto {
  totals: TimeEntryReportTotalsDto[];
  groupOne: GroupOneDto[];
  chart: SummaryReportChartDto[];
}
