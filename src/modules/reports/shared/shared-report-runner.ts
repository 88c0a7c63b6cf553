import {
  ForbiddenException,
  Injectable,
  NotFoundException,
  StreamableFile,
  UnauthorizedException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthService } from '../../../common/auth/auth.service';
import type { Principal, WorkspaceContext } from '../../../common/auth/principal';
import { isAdmin } from '../../../common/auth/roles';
import { AttendanceReportService } from '../attendance/attendance-report.service';
import type { AttendanceReportFilterDto } from '../attendance/dto/attendance-report-filter.dto';
import type { AttendanceReportDto } from '../attendance/dto/attendance-report.dto';
import { DetailedReportService } from '../detailed/detailed-report.service';
import type { DetailedReportFilterDto } from '../detailed/dto/detailed-report-filter.dto';
import { DetailedExportService } from '../export/detailed-export';
import { isFileExport } from '../export/export-table';
import { streamExport } from '../export/report-export';
import { SummaryExportService } from '../export/summary-export';
import { weeklyExportTable } from '../export/weekly-export';
import type { SummaryReportFilterDto } from '../summary/dto/summary-report-filter.dto';
import { SummaryReportService } from '../summary/summary-report.service';
import type { WeeklyReportFilterDto } from '../weekly/dto/weekly-report-filter.dto';
import type { WeeklyReportDto } from '../weekly/dto/weekly-report.dto';
import { WeeklyReportService } from '../weekly/weekly-report.service';
import type { SharedReportRunQueryDto } from './dto/shared-report.dto';
import { SharedReportFilterValidator } from './shared-report-filter';
import { type SharedReportRow, SharedReportsStore } from './shared-reports.store';

/** What the public endpoint answers: JSON text (detailed, summary), a JSON object (weekly, attendance) or a file. */
export type SharedReportOutput = string | WeeklyReportDto | AttendanceReportDto | StreamableFile;

/**
 * GET /v1/shared-reports/{id}: a public report is read by anyone; a private
 * one needs credentials (401) of an active member of its workspace (403) who
 * is its author, an admin, named in visibleToUsers / one of visibleToUserGroups
 * (or any member when both lists are empty). The report runs as its author
 * (their rights, time zone and rates visibility), with the saved filter, the
 * saved range (fixedDate) or the rolling dateRangeType, and the query's overrides.
 */
@Injectable()
export class SharedReportRunner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly filters: SharedReportFilterValidator,
    private readonly detailed: DetailedReportService,
    private readonly summary: SummaryReportService,
    private readonly weekly: WeeklyReportService,
    private readonly attendance: AttendanceReportService,
    private readonly detailedExport: DetailedExportService,
    private readonly summaryExport: SummaryExportService,
  ) {}

  async run(
    id: string,
    caller: () => Promise<Principal | undefined>,
    query: SharedReportRunQueryDto,
  ): Promise<SharedReportOutput> {
    const report = await SharedReportsStore.byId(this.dataSource.manager, id);
    if (!report) throw new NotFoundException('Shared report not found');
    if (!report.is_public) await this.assertMayRead(report, await caller()); // a public one never reads credentials

    const author = await this.auth.membership(report.workspace_id, report.user_id);
    if (!author || author.status !== 'ACTIVE') throw new NotFoundException('Shared report not found');
    const ws: WorkspaceContext = {
      workspaceId: report.workspace_id,
      userId: report.user_id,
      roles: author.roles,
      isAdmin: isAdmin(author.roles),
      principal: { kind: 'user', userId: report.user_id, apiKeyId: '' },
    };

    const filter = await this.filters.toDto(report.type, withOverrides(report, query));
    const exportType = filter.exportType;
    switch (report.type) {
      case 'DETAILED': {
        const body = filter as DetailedReportFilterDto;
        return isFileExport(exportType)
          ? this.detailedExport.export(ws, body, exportType)
          : this.detailed.generate(ws, body);
      }
      case 'SUMMARY': {
        const body = filter as SummaryReportFilterDto;
        return isFileExport(exportType)
          ? this.summaryExport.export(ws, body, exportType)
          : this.summary.generate(ws, body);
      }
      case 'WEEKLY': {
        const body = filter as WeeklyReportFilterDto;
        if (!isFileExport(exportType)) return this.weekly.report(ws, body);
        return streamExport(
          exportType,
          weeklyExportTable(await this.weekly.compute(ws, body), body.weeklyFilter.group === 'PROJECT'),
        );
      }
      default:
        return this.attendance.report(ws, filter as AttendanceReportFilterDto);
    }
  }

  private async assertMayRead(report: SharedReportRow, principal: Principal | undefined): Promise<void> {
    if (!principal) throw new UnauthorizedException('This shared report is private: send X-Api-Key or X-Addon-Token');
    if (principal.kind === 'addon' && principal.workspaceId !== report.workspace_id)
      throw new ForbiddenException('You are not a member of this workspace');
    const membership = await this.auth.membership(report.workspace_id, principal.userId);
    if (!membership || membership.status !== 'ACTIVE')
      throw new ForbiddenException('You are not a member of this workspace');
    if (
      (principal.kind === 'addon' && !principal.asMember) ||
      isAdmin(membership.roles) ||
      report.user_id === principal.userId
    )
      return;
    const users = report.visible_users.map((u) => u.trim());
    if (!users.length && !report.visible_groups.length) return;
    if (users.includes(principal.userId)) return;
    const inGroup = await SharedReportsStore.inAnyGroup(
      this.dataSource.manager,
      report.workspace_id,
      principal.userId,
      report.visible_groups,
    );
    if (!inGroup) throw new ForbiddenException('This shared report is not shared with you');
  }
}

/** The saved filter with the range rule (fixed or rolling) and the query's overrides applied. */
export function withOverrides(
  report: Pick<SharedReportRow, 'filter' | 'fixed_date' | 'type'>,
  query: SharedReportRunQueryDto,
): Record<string, unknown> {
  const filter: Record<string, unknown> = structuredClone(report.filter);
  if (report.fixed_date) delete filter.dateRangeType;
  if (query.dateRangeStart !== undefined || query.dateRangeEnd !== undefined) {
    delete filter.dateRangeType;
    if (query.dateRangeStart !== undefined) filter.dateRangeStart = query.dateRangeStart;
    if (query.dateRangeEnd !== undefined) filter.dateRangeEnd = query.dateRangeEnd;
  }
  if (query.sortOrder !== undefined) filter.sortOrder = query.sortOrder;
  if (query.exportType !== undefined) filter.exportType = query.exportType;
  const own =
    { DETAILED: 'detailedFilter', SUMMARY: 'summaryFilter', ATTENDANCE: 'attendanceFilter', WEEKLY: null }[
      report.type
    ] ?? null;
  if (own) {
    const sub = { ...((filter[own] as Record<string, unknown> | undefined) ?? {}) };
    if (query.sortColumn !== undefined) sub.sortColumn = query.sortColumn;
    if (own !== 'summaryFilter') {
      if (query.page !== undefined) sub.page = query.page;
      if (query.pageSize !== undefined) sub.pageSize = query.pageSize;
    }
    filter[own] = sub;
  }
  return filter;
}
