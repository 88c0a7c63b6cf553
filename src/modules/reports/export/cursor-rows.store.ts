import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { beginReportTransaction } from '../filter';
import type { ExportCell } from './export-table';

const BATCH = 1000;

/**
 * A read transaction (report settings applied) whose rows can be streamed with
 * a server-side cursor: `open` then `stream(sql, params)`, then `close` (the
 * stream's end or the export's dispose, whichever comes first).
 */
export class CursorSession {
  private closed = false;

  private constructor(private readonly runner: QueryRunner) {}

  static async open(dataSource: DataSource): Promise<CursorSession> {
    const runner = dataSource.createQueryRunner('slave');
    await runner.connect();
    try {
      await beginReportTransaction(runner);
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      await runner.release();
      throw error;
    }
    return new CursorSession(runner);
  }

  get manager() {
    return this.runner.manager;
  }

  /** Rows as arrays (column order of the SELECT), 1000 (or `batchSize`) at a time; the cursor pauses while the consumer waits. */
  async *stream(sql: string, params: unknown[], batchSize = BATCH): AsyncGenerator<ExportCell[][]> {
    const client = (await this.runner.connect()) as PoolClient;
    const query = client.query(new QueryStream(sql, params, { batchSize, highWaterMark: batchSize, rowMode: 'array' }));
    let batch: ExportCell[][] = [];
    try {
      for await (const row of query as AsyncIterable<ExportCell[]>) {
        batch.push(row);
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    } finally {
      query.destroy();
      await this.close();
    }
  }

  /** Ends the read transaction and gives the connection back; safe to call twice, never fails (a broken connection is dropped). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.runner.query('ROLLBACK').catch(() => undefined); // it only read
    await this.runner.release();
  }
}
