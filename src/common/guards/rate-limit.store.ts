import type { DataSource } from 'typeorm';

const KEEP_WINDOWS_SECONDS = 60;

/**
 * SQL counting one request on the counter `keySql` (an SQL text expression,
 * usually a parameter) in the current one-second window, only when `whenSql`
 * holds; returns `count` and `reset_ms`. Usable as a CTE of a larger statement.
 */
export function countRequestSql(keySql: string, whenSql = 'true'): string {
  return `INSERT INTO rate_counters AS c (key, window_start, count)
       SELECT ${keySql}::text, floor(extract(epoch FROM clock_timestamp()))::bigint, 1 WHERE ${whenSql}
       ON CONFLICT (key, window_start) DO UPDATE SET count = c.count + 1
       RETURNING c.count, ((c.window_start + 1) * 1000 - extract(epoch FROM clock_timestamp()) * 1000)::int AS reset_ms`;
}

/** The rate counters in `rate_counters`: one row per counter key and one-second window. */
export class RateLimitStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one request on the counter; answers the window's count and the milliseconds until it ends. */
  async count(key: string): Promise<{ count: number; resetMs: number }> {
    const [row] = await this.dataSource.query<{ count: number; reset_ms: number }[]>(countRequestSql('$1'), [key]);
    return { count: row.count, resetMs: row.reset_ms };
  }

  /** Drops the windows older than KEEP_WINDOWS_SECONDS. */
  async dropOldWindows(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM rate_counters WHERE window_start < floor(extract(epoch FROM now()))::bigint - $1`,
      [KEEP_WINDOWS_SECONDS],
    );
  }
}
