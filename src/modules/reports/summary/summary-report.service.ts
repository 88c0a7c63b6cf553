import { Injectable } from '@nestjs/common';
import { PassThrough, type Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { InjectReportDataSource } from '../report-database';
import type { WorkspaceContext } from '../../../common/auth/principal';
import { resolveReportScope } from '../filter/report-scope.store';
import { CursorSession } from '../export/cursor-rows.store';
import type { ExportCell } from '../export/export-table';
import type { SummaryReportFilterDto } from './dto/summary-report-filter.dto';
import { type SummaryHead, summaryReportHead, summaryReportQueries } from './summary-report.store';

/** The summary report: the group tree aggregated and serialized by PostgreSQL (summary-report.store.ts). */
@Injectable()
export class SummaryReportService {
  constructor(@InjectReportDataSource() private readonly dataSource: DataSource) {}

  /** TimeEntrySummaryReportDto as JSON text (the stream, read whole). */
  async generate(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(ws, body)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /**
   * The same JSON text as a stream, for the response: the header, then the top-level groups as a cursor reads them,
   * a few at a time, all in one REPEATABLE READ snapshot. A year's summary is about 20 MB: fetched whole, each call
   * left that much text for the old generation (ten calls grew the server by 250 MB); written into the stream
   * batch by batch it becomes buffers as it comes. The cursor is read to its end without waiting for the client, so a
   * slow reader never holds a database connection; the first groups are read before the stream is returned, so a
   * failing statement is still an error response rather than a cut one.
   */
  async stream(ws: WorkspaceContext, body: SummaryReportFilterDto): Promise<Readable> {
    const session = await CursorSession.open(this.dataSource);
    try {
      const scope = await resolveReportScope(session.manager, ws, body);
      const { header, groups } = summaryReportQueries(scope, body);
      const head = await summaryReportHead(session.manager, header);
      const batches = session.stream(groups.sql, groups.params, NODES_PER_BATCH);
      const first = await batches.next();
      const out = new PassThrough();
      void writeSummary(out, head, first, batches).finally(() => session.close());
      return out;
    } catch (error) {
      await session.close();
      throw error;
    }
  }
}

/** Top-level groups (each up to megabytes of JSON) read per cursor fetch. */
const NODES_PER_BATCH = 8;

/** Writes the summary JSON into `out` as the batches come (not waiting for `out` to drain); stops if `out` is destroyed. */
async function writeSummary(
  out: PassThrough,
  head: SummaryHead,
  first: IteratorResult<ExportCell[][]>,
  rest: AsyncGenerator<ExportCell[][]>,
): Promise<void> {
  let separator = '';
  const write = (batch: ExportCell[][]) => {
    if (!batch.length) return;
    out.write(separator + batch.map(([node]) => String(node)).join(','));
    separator = ',';
  };
  try {
    out.write(`{"totals":${head.totals},"groupOne":[`);
    if (!first.done) {
      write(first.value);
      for await (const batch of rest) {
        if (out.destroyed) break; // the client left
        write(batch);
      }
    }
    if (!out.destroyed) out.end(`],"chart":${head.chart}}`);
  } catch (error) {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
