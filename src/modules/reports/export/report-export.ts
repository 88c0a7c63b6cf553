import { Logger, StreamableFile } from '@nestjs/common';
import { PassThrough, Writable } from 'node:stream';
import { writeCsv } from './csv-writer';
import type { ExportFormat, ExportTable } from './export-table';
import { writePdf } from './pdf-writer';
import { writeXlsx } from './xlsx-writer';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  PDF: 'application/pdf',
};

const WRITERS: Record<ExportFormat, (out: Writable, table: ExportTable) => Promise<void>> = {
  CSV: writeCsv,
  XLSX: writeXlsx,
  PDF: writePdf,
};

const logger = new Logger('ReportExport');

/**
 * The table as a file response: the writer fills a pass-through stream that
 * Nest pipes to the socket, so rows flow from the cursor to the client with
 * backpressure and the app never holds the whole file. An error after the
 * first bytes can only end the connection (the status line is gone).
 */
export function streamExport(format: ExportFormat, table: ExportTable): StreamableFile {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  void WRITERS[format](out, table)
    .finally(() => table.dispose?.())
    .then(
      () => {
        if (!out.writableEnded) out.end();
      },
      (error: unknown) => {
        logger.error(`${format} export failed: ${error instanceof Error ? error.message : String(error)}`);
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      },
    );
  const extension = format.toLowerCase();
  return new StreamableFile(out, {
    type: CONTENT_TYPES[format],
    disposition: `attachment; filename="${table.fileName.replace(/[^\w.-]+/g, '_')}.${extension}"`,
  });
}
