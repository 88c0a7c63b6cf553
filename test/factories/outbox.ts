import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * The outbox events of an entity (of one workspace when given), oldest first: the one copy; the domain factories
 * re-export it under their names.
 */
export async function outboxEvents(app: INestApplication, entityId: string, workspaceId?: string): Promise<string[]> {
  const rows: { event: string }[] = await app
    .get(DataSource)
    .query(
      'SELECT event FROM outbox WHERE entity_id = $1 AND ($2::text IS NULL OR workspace_id = $2) ORDER BY position',
      [entityId, workspaceId ?? null],
    );
  return rows.map((r) => r.event);
}
