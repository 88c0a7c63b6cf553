import type { DataSource } from 'typeorm';

/** How long a claimed job stays invisible to other instances (well above the 10 s send timeout). */
export const LEASE_SECONDS = 30;

/** A table of jobs (`attempts`, `next_attempt_at`, `first_attempt_at`, `status`) and what a claim reads with each job. */
export interface LeasedJobs {
  /** The jobs' table and its alias, e.g. `webhook_deliveries d`. */
  table: string;
  alias: string;
  /** The table joined for what the job needs, e.g. `webhooks w`, and the join condition. */
  join: string;
  joinOn: string;
  /** The RETURNING list. */
  returning: string;
}

/**
 * Claims up to `limit` due PENDING jobs: FOR UPDATE SKIP LOCKED and, in the same statement, counts the attempt and
 * moves `next_attempt_at` past a lease, so no other instance picks them up while they are being sent (outside any
 * transaction). If this instance dies mid-send, the lease runs out and another instance retries. Webhook deliveries
 * and add-on lifecycle calls are claimed this way.
 */
export async function claimLeased<Row>(dataSource: DataSource, jobs: LeasedJobs, limit: number): Promise<Row[]> {
  const a = jobs.alias;
  const [rows] = await dataSource.query<[Row[], number]>(
    `UPDATE ${jobs.table} ${a}
          SET attempts = ${a}.attempts + 1,
              next_attempt_at = now() + make_interval(secs => $2),
              first_attempt_at = coalesce(${a}.first_attempt_at, now()),
              updated_at = now()
         FROM (SELECT id FROM ${jobs.table}
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED) due,
              ${jobs.join}
        WHERE ${a}.id = due.id AND ${jobs.joinOn}
        RETURNING ${jobs.returning}`,
    [limit, LEASE_SECONDS],
  );
  return rows;
}

/** Gives back a claimed job that was not sent (its instance is stopping): due now, the attempt not counted. */
export async function releaseLeased(dataSource: DataSource, table: string, id: string, attempt: number): Promise<void> {
  await dataSource.query(
    `UPDATE ${table}
        SET attempts = attempts - 1,
            next_attempt_at = now(),
            first_attempt_at = CASE WHEN attempts = 1 THEN NULL ELSE first_attempt_at END,
            updated_at = now()
      WHERE id = $1 AND attempts = $2 AND status = 'PENDING'`,
    [id, attempt],
  );
}
