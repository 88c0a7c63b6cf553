import type { EntityManager } from 'typeorm';

/**
 * The invoiced flag of entries as invoices set it. Unlike `TimeEntryStore.setInvoiced` (the bulk edit, which needs
 * the rows for its events) these answer no rows: an import may take thousands of entries.
 */
export const TimeEntryInvoicingStore = {
  /** Marks the entries invoiced, bumping their versions. */
  async markInvoiced(manager: EntityManager, workspaceId: string, entryIds: string[]): Promise<void> {
    await manager.query(
      `UPDATE time_entries SET invoiced = true, version = version + 1, updated_at = now() WHERE workspace_id = $1 AND id = ANY($2)`,
      [workspaceId, entryIds],
    );
  },

  /** Marks the entries imported into an invoice (or into its item at `position`) as not invoiced. */
  async releaseInvoiced(
    manager: EntityManager,
    workspaceId: string,
    invoiceId: string,
    position: number | null,
  ): Promise<void> {
    const params = position === null ? [workspaceId, invoiceId] : [workspaceId, invoiceId, position];
    const item = position === null ? '' : ' AND l.item_position = $3';
    await manager.query(
      `UPDATE time_entries t SET invoiced = false, version = t.version + 1, updated_at = now()
         FROM invoice_item_time_entries l
        WHERE l.workspace_id = $1 AND l.invoice_id = $2${item} AND t.workspace_id = l.workspace_id AND t.id = l.time_entry_id`,
      params,
    );
  },
};
