import type { DataSource } from 'typeorm';

/** A key answers for 24 hours; a request still IN_PROGRESS after a minute is taken as lost (its instance died). */
const KEEP = `interval '24 hours'`;
const ABANDONED = `interval '1 minute'`;

export interface StoredKey {
  request_hash: string;
  state: 'IN_PROGRESS' | 'COMPLETED';
  status_code: number | null;
  response_text: string | null;
  response_headers: Record<string, string> | null;
  /** Rows stored before response_text existed. */
  response: { body: unknown } | null;
}

/** The idempotency keys in `idempotency_keys`, one row per caller (credential hash) and key. */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the key as IN_PROGRESS (or takes over an expired or abandoned one); false when it is taken. */
  async claim(caller: string, key: string, hash: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_keys AS k (caller, key, request_hash, state) VALUES ($1, $2, $3, 'IN_PROGRESS')
       ON CONFLICT (caller, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, state = 'IN_PROGRESS', status_code = NULL, response = NULL, created_at = now()
         WHERE k.created_at < now() - ${KEEP} OR (k.state = 'IN_PROGRESS' AND k.created_at < now() - ${ABANDONED})
       RETURNING 1`,
      [caller, key, hash],
    );
    return rows.length > 0;
  }

  async find(caller: string, key: string): Promise<StoredKey | undefined> {
    const [stored] = await this.dataSource.query<StoredKey[]>(
      `SELECT request_hash, state, status_code, response_text, response_headers, response FROM idempotency_keys WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    return stored;
  }

  async complete(
    caller: string,
    key: string,
    answer: { status: number; text: string | null; headers: Record<string, string> },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'COMPLETED', status_code = $3, response_text = $4, response_headers = $5::jsonb
        WHERE caller = $1 AND key = $2`,
      [caller, key, answer.status, answer.text, JSON.stringify(answer.headers)],
    );
  }

  /** Drops the key while its request is still IN_PROGRESS (it failed, or its answer is not kept). */
  async release(caller: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE caller = $1 AND key = $2 AND state = 'IN_PROGRESS'`,
      [caller, key],
    );
  }
}
