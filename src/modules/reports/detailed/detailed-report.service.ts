import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportSession, resolveReportScope } from '../filter/report-scope.store';
import { detailedReportBody } from './detailed-report.store';
import type { DetailedReportFilterDto } from './dto/detailed-report-filter.dto';

/**
 * The detailed report: one page of entries and the totals, aggregated and
 * serialized by PostgreSQL in one statement; the body reaches the client as
 * the json text PostgreSQL wrote (no parsing in Node).
 */
@Injectable()
export class DetailedReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  /** TimeEntryDetailedReportDto as JSON text. */
  async generate(ws: WorkspaceContext, body: DetailedReportFilterDto): Promise<string> {
    return inReportSession(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, body);
      return detailedReportBody(manager, scope, body);
    });
  }
}
