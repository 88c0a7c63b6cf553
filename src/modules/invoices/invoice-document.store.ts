import type { EntityManager } from 'typeorm';

export interface InvoicePaymentLine {
  paidAt: string;
  note: string;
  amount: number;
}

// What the invoice PDF shows besides the invoice itself: its payments and the workspace's logo.

/** The invoice's payments, oldest first. */
export async function invoicePayments(
  manager: EntityManager,
  workspaceId: string,
  invoiceId: string,
): Promise<InvoicePaymentLine[]> {
  const rows: { paid_at: Date; note: string; amount: string }[] = await manager.query(
    `SELECT paid_at, note, amount FROM invoice_payments WHERE workspace_id = $1 AND invoice_id = $2 ORDER BY paid_at, id`,
    [workspaceId, invoiceId],
  );
  return rows.map((r) => ({ paidAt: r.paid_at.toISOString(), note: r.note, amount: Number(r.amount) }));
}

/**
 * The workspace's image (its `imageUrl`) as the invoice logo, when it names an
 * image uploaded here as PNG or JPEG (what PDF embeds); read from the images
 * table, never fetched over the network.
 */
export async function workspaceLogo(manager: EntityManager, workspaceId: string): Promise<Buffer | null> {
  const rows: { data: Buffer }[] = await manager.query(
    `SELECT i.data FROM workspaces w
       JOIN images i ON i.name = substring(w.image_url FROM '(image-[0-9a-f]{24}\\.(?:png|jpg))$')
      WHERE w.id = $1 AND i.content_type IN ('image/png', 'image/jpeg')`,
    [workspaceId],
  );
  return rows[0]?.data ?? null;
}
