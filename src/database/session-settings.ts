import type { ClientBase } from 'pg';
import { env } from '../config/env.validation';

/** The settings report statements run with: work_mem for their big hash aggregates, no JIT (it costs more than it saves). */
const REPORT_SETTINGS: [name: string, value: string][] = [
  ['work_mem', `'64MB'`],
  ['jit', 'off'],
];

/** `SET …` statements of the report settings, for the session or (`local`) for the current transaction only. */
export function reportSettingsSql(local: boolean): string {
  return REPORT_SETTINGS.map(([name, value]) => `SET ${local ? 'LOCAL ' : ''}${name} = ${value}`).join('; ');
}

/**
 * Whether every connection carries the report settings for its session, set when the pool opens it (one round
 * trip per connection, none per request), so that a report reading entries in one statement needs no
 * transaction. Not behind a pooler in transaction mode (`DB_POOLER=transaction`): there a session setting would
 * reach other clients' transactions, so report transactions `SET LOCAL` them instead.
 */
export function connectionsCarryReportSettings(): boolean {
  return env().DB_POOLER !== 'transaction';
}

/** pg-pool's `onConnect` hook setting them on each new connection, when connections carry them. */
export function reportSettingsOnConnect(): ((client: ClientBase) => Promise<unknown>) | undefined {
  if (!connectionsCarryReportSettings()) return undefined;
  const sql = reportSettingsSql(false);
  return (client) => client.query(sql);
}
