import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, resolveReportScope } from '../filter/report-scope';
import type { SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { summaryReportQueries } from './summary-report.sql';

/** The summary report: the group tree aggregated and serialized by PostgreSQL (summary-report.sql.ts). */
@Injectable()
export class SummaryReportService {
  constructor(private readonly dataSource: DataSource) {}

  /** TimeEntrySummaryReportDto as JSON text. */
  async generate(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<string> {
    return inReportTransaction(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, body);
      const { header, groups } = summaryReportQueries(scope, body);
      const [head]: { totals: string; chart: string }[] = await manager.query(header.sql, header.params);
      const nodes: { node: string }[] = await manager.query(groups.sql, groups.params);
      return `{"totals":${head.totals},"groupOne":[${nodes.map((r) => r.node).join(',')}],"chart":${head.chart}}`;
    });
  }
}
