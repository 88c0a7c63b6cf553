/** AttendanceDto: one user on one day (in the report's time zone). */
export class AttendanceDto {
  /** @example "5b715612b079875110791135" */
  userId: string;
  /** @example "Ann" */
  userName: string;
  imageUrl: string;
  /** @example "2024-03-11" */
  date: string;
  /** First start of the day. @example "2024-03-11T08:00:00Z" */
  startTime: string;
  /** Last end of the day (now for a running entry). @example "2024-03-11T17:00:00Z" */
  endTime: string;
  /** Seconds worked (REGULAR entries; a running entry counts up to now). */
  totalDuration: number;
  /** Seconds of BREAK entries; without any, the gaps between the day's entries. */
  break: number;
  /** The member's work capacity on that day in seconds (0 on a non-working day). */
  capacity: number;
  /** Seconds worked beyond capacity. */
  overtime: number;
  /** Seconds of capacity not worked. */
  remainingCapacity: number;
  /** Seconds of TIME_OFF and HOLIDAY entries (when hasTimeOff). */
  timeOff: number;
  hasRunningEntry: boolean;
}

/** AttendanceReportDtoV1. */
export class AttendanceReportDto {
  entities: AttendanceDto[];
}
