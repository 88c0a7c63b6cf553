import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { toInstant } from '../../../common/utils/time';
import { inReportSession, resolveReportScope } from '../filter';
import { type AttendanceRow, attendanceRows } from './attendance-report.store';
import type { AttendanceReportFilterDto } from './dto/attendance-report-filter.dto';
import type { AttendanceDto, AttendanceReportDto } from './dto/attendance-report.dto';

/**
 * The attendance report: per user per day (the day an entry starts on, in the
 * report's zone) the first start, last end, work (REGULAR entries; a running
 * entry counts up to now), break (BREAK entries; a day without any counts the
 * gaps between its entries), capacity (the member's work_capacity on their
 * working days, else 0), overtime and remaining capacity (work plus time off
 * against capacity) and time off (TIME_OFF/HOLIDAY entries, when hasTimeOff).
 * The comparison filters, sorting and paging run in the same SQL query.
 */
@Injectable()
export class AttendanceReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  async report(ws: WorkspaceContext, filter: AttendanceReportFilterDto): Promise<AttendanceReportDto> {
    return inReportSession(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, filter);
      const rows = await attendanceRows(manager, scope, filter);
      return { entities: rows.map(toAttendanceDto) };
    });
  }
}

function toAttendanceDto(r: AttendanceRow): AttendanceDto {
  return {
    userId: r.user_id.trim(),
    userName: r.user_name,
    imageUrl: r.image_url,
    date: r.day,
    startTime: toInstant(r.first_start) ?? '',
    endTime: toInstant(r.last_end) ?? '',
    totalDuration: Number(r.work),
    break: Number(r.break),
    capacity: Number(r.capacity),
    overtime: Number(r.overtime),
    remainingCapacity: Number(r.remaining),
    timeOff: Number(r.time_off),
    hasRunningEntry: r.running,
  };
}
