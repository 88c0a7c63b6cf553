import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, resolveReportScope } from '../filter/report-scope.store';
import type { SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { summaryReportRows } from './summary-report.store';

/** The summary report: the group tree aggregated and serialized by PostgreSQL (summary-report.store.ts). */
@Injectable()
export class SummaryReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  /** TimeEntrySummaryReportDto as JSON text. */
  async generate(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<string> {
    return (await this.generateParts(ws, body)).join('');
  }

  /**
   * The same JSON text in pieces (one per top-level group, each up to
   * megabytes), for a response that writes them one after the other rather
   * than first joining them into one string.
   */
  async generateParts(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<string[]> {
    return inReportTransaction(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, body);
      const { head, nodes } = await summaryReportRows(manager, scope, body);
      const parts = [`{"totals":${head.totals},"groupOne":[`];
      nodes.forEach((row, i) => parts.push(i ? `,${row.node}` : row.node));
      parts.push(`],"chart":${head.chart}}`);
      return parts;
    });
  }
}
