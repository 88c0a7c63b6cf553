import { TimeEntryReportTotalsDto } from '../../detailed/dto/detailed-report.dto';

/** DailyTotalDto: one day of a row (date in the report's time zone). */
export class DailyTotalDto {
  /** @example "2024-03-11" */
  date: string;
  /** Seconds. */
  duration: number;
  /** Cents of the amount shown (null when amounts are hidden). */
  amount: number | null;
}

/** GroupOneDto of the weekly report: a user or a project and its 7 days. */
export class WeeklyGroupDto {
  /** The user's or project's id ("" for entries without a project). */
  _id: string;
  /** @example "5b715612b079875110791111" */
  id: string | null;
  /** @example "Ann" */
  name: string;
  /** @example "ann" */
  nameLowerCase: string;
  /** For a project row: its client's name. */
  clientName?: string;
  /** For a project row: its color. */
  color?: string;
  /** Seconds in the week. */
  duration: number;
  /** Cents in the week (null when amounts are hidden). */
  amount: number | null;
  days: DailyTotalDto[];
}

/** UserDto (of usersWithoutTime). */
export class WeeklyUserDto {
  id: string;
  name: string;
  email: string;
}

/** TimeEntryWeeklyReportDto. */
export class WeeklyReportDto {
  groupOne: WeeklyGroupDto[];
  totals: TimeEntryReportTotalsDto[];
  totalsByDay: DailyTotalDto[];
  decimalFormat: boolean;
  includeUsersWithoutTime: boolean;
  trackTimeDownToSeconds: boolean;
  usersWithoutTime: WeeklyUserDto[];
}
