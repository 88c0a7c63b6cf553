import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, resolveReportScope } from '../filter/report-scope';
import type { SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { summaryReportSql } from './summary-report.sql';

/** The summary report: the whole group tree aggregated and serialized by PostgreSQL in one statement. */
@Injectable()
export class SummaryReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** TimeEntrySummaryReportDto as JSON text. */
  async generate(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<string> {
    return inReportTransaction(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, body);
      const params: unknown[] = [];
      const rows: { body: string }[] = await manager.query(summaryReportSql(scope, body, params), params);
      return rows[0].body;
    });
  }
}
