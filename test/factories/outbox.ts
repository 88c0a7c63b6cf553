import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The outbox events of an entity, oldest first (the one copy; the domain factories re-export it under their names). */
export async function outboxEvents(app: INestApplication, entityId: string): Promise<string[]> {
  const rows: { event: string }[] = await app.get(DataSource).query('SELECT event FROM outbox WHERE entity_id = $1 ORDER BY position', [entityId]);
  return rows.map((r) => r.event);
}
