import { Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import { detectImageOrPdf } from '../../common/utils/file-types';
import { newId } from '../../common/utils/ids';
import { ExpenseReadService } from './expense-read.service';
import { ExpenseStore, type StoredReceipt } from './expense.store';

/** A receipt as multer (memory storage) hands it over. */
export interface UploadedReceipt {
  buffer: Buffer;
  originalname?: string;
  size?: number;
}

/** A checked receipt, ready to store. */
export interface Receipt {
  data: Buffer;
  name: string;
  contentType: string;
}

/**
 * The receipt's type from its first bytes (415 unless PNG, JPEG, GIF, WebP
 * or PDF); the size limit (413) is multer's, at EXPENSE_FILE_MAX_BYTES.
 */
export function checkReceipt(file: UploadedReceipt | undefined): Receipt | null {
  if (!file?.buffer?.length) return null;
  const kind = detectImageOrPdf(file.buffer);
  if (!kind)
    throw new UnsupportedMediaTypeException('Receipts must be PNG, JPEG, GIF or WebP images, or PDF documents');
  const base = (file.originalname ?? '')
    .replace(/[\\/]/g, '_')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, 200);
  return { data: file.buffer, contentType: kind.contentType, name: base || `receipt.${kind.extension}` };
}

/** Receipts of expenses, kept in PostgreSQL so that every instance serves them. */
@Injectable()
export class ExpenseFilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reader: ExpenseReadService,
  ) {}

  /** Replaces the receipt of an expense (null: removes it). */
  async replace(
    manager: EntityManager,
    workspaceId: string,
    expenseId: string,
    receipt: Receipt | null,
  ): Promise<void> {
    await ExpenseStore.replaceReceipt(manager, workspaceId, expenseId, newId(), receipt);
  }

  /** A receipt of an expense the caller may see; another workspace's is 404. */
  async download(ws: WorkspaceContext, expenseId: string, fileId: string): Promise<StoredReceipt> {
    await this.reader.findVisible(this.dataSource.manager, ws, expenseId);
    const receipt = await ExpenseStore.receipt(this.dataSource.manager, ws.workspaceId, expenseId, fileId);
    if (!receipt) throw new NotFoundException('File not found');
    return receipt;
  }
}
