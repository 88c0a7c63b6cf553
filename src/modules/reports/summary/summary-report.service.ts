import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { inReportTransaction, resolveReportScope } from '../filter/report-scope.store';
import { CursorSession } from '../export/cursor-rows.store';
import type { ExportCell } from '../export/export-table';
import type { SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { summaryReportQueries, summaryReportRows } from './summary-report.store';

/** The summary report: the group tree aggregated and serialized by PostgreSQL (summary-report.store.ts). */
@Injectable()
export class SummaryReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  /** TimeEntrySummaryReportDto as JSON text. */
  async generate(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<string> {
    return inReportTransaction(this.dataSource, async (manager) => {
      const scope = await resolveReportScope(manager, ws, body);
      const { head, nodes } = await summaryReportRows(manager, scope, body);
      return `{"totals":${head.totals},"groupOne":[${nodes.map((row) => row.node).join(',')}],"chart":${head.chart}}`;
    });
  }

  /**
   * The same JSON text as a stream, for the response: the header, then the top-level groups a few at a time as a
   * cursor reads them (a year's summary is about 20 MB; held whole, each call left that much garbage for the old
   * generation), all in one REPEATABLE READ snapshot. The first groups are read before the stream is returned, so a
   * failing statement is still an error response rather than a cut one.
   */
  async stream(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<Readable> {
    const session = await CursorSession.open(this.dataSource);
    try {
      const scope = await resolveReportScope(session.manager, ws, body);
      const { header, groups } = summaryReportQueries(scope, body);
      const [head]: { totals: string; chart: string }[] = await session.manager.query(header.sql, header.params);
      const batches = session.stream(groups.sql, groups.params, NODES_PER_BATCH);
      const first = await batches.next();
      const json = Readable.from(summaryJson(head, first, batches));
      json.once('close', () => void session.close());
      return json;
    } catch (error) {
      await session.close();
      throw error;
    }
  }
}

/** Top-level groups (each up to megabytes of JSON) read per cursor fetch. */
const NODES_PER_BATCH = 8;

async function* summaryJson(
  head: { totals: string; chart: string },
  first: IteratorResult<ExportCell[][]>,
  rest: AsyncGenerator<ExportCell[][]>,
): AsyncGenerator<string> {
  yield `{"totals":${head.totals},"groupOne":[`;
  let separator = '';
  const nodes = (batch: ExportCell[][]) =>
    batch.map(([node]) => {
      const text = `${separator}${String(node)}`;
      separator = ',';
      return text;
    });
  if (!first.done) {
    yield nodes(first.value).join('');
    for await (const batch of rest) yield nodes(batch).join('');
  }
  yield `],"chart":${head.chart}}`;
}
