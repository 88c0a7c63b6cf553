import { INestApplication } from '@nestjs/common';
import { deflateSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { newId } from '../../src/common/utils/ids';
import { insertProject } from './projects';

export interface CategorySeed {
  name?: string;
  hasUnitPrice?: boolean;
  priceInCents?: number | null;
  unit?: string | null;
  archived?: boolean;
}

/** Inserts an expense category row. */
export async function insertExpenseCategory(
  app: INestApplication,
  workspaceId: string,
  seed: CategorySeed = {},
): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query(
      `INSERT INTO expense_categories (id, workspace_id, name, has_unit_price, price_in_cents, unit, archived) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        workspaceId,
        seed.name ?? `Category ${id.slice(-6)}`,
        seed.hasUnitPrice ?? false,
        seed.priceInCents ?? null,
        seed.unit ?? null,
        seed.archived ?? false,
      ],
    );
  return id;
}

/** Inserts a task row of a project. */
export async function insertExpenseTask(
  app: INestApplication,
  workspaceId: string,
  projectId: string,
  name = 'Task',
): Promise<string> {
  const id = newId();
  await app
    .get(DataSource)
    .query('INSERT INTO tasks (id, workspace_id, project_id, name) VALUES ($1, $2, $3, $4)', [
      id,
      workspaceId,
      projectId,
      name,
    ]);
  return id;
}

/** Inserts a project row. */
export async function insertExpenseProject(
  app: INestApplication,
  workspaceId: string,
  name = `Project ${newId().slice(-6)}`,
): Promise<string> {
  return insertProject(app, workspaceId, { name });
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 red PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A minimal one-page PDF. */
export function tinyPdf(text = 'Receipt'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>',
    `<< /Length ${`BT /F1 12 Tf 10 50 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 10 50 Td (${text}) Tj ET\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export { outboxEvents as expenseEvents } from './outbox';
