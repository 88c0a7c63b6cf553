import type { EntityManager } from 'typeorm';
import type { InvoiceExportFieldsDto, LabelsCustomizationDto } from './dto/invoice-settings.dto';
import type { TaxType } from './invoice-totals';

export interface SettingsRow {
  workspace_id: string;
  number_prefix: string;
  next_number: string;
  due_days: number;
  company_id: string | null;
  item_type_id: string | null;
  subject: string;
  notes: string;
  tax_type: TaxType;
  tax_percent: string;
  tax2_percent: string;
  labels: Partial<Record<keyof LabelsCustomizationDto | 'totalAmountDue', string>>;
  export_fields: Partial<InvoiceExportFieldsDto>;
}

/** The settings row, created with defaults on first use; `lock` serializes numbering. */
export async function settingsRow(manager: EntityManager, workspaceId: string, lock: boolean): Promise<SettingsRow> {
  await manager.query(`INSERT INTO invoice_settings (workspace_id) VALUES ($1) ON CONFLICT (workspace_id) DO NOTHING`, [
    workspaceId,
  ]);
  const rows: SettingsRow[] = await manager.query(
    `SELECT * FROM invoice_settings WHERE workspace_id = $1${lock ? ' FOR UPDATE' : ''}`,
    [workspaceId],
  );
  return rows[0];
}

/** Writes every editable column of `row`. */
export async function updateSettings(manager: EntityManager, workspaceId: string, row: SettingsRow): Promise<void> {
  await manager.query(
    `UPDATE invoice_settings SET subject = $2, notes = $3, company_id = $4, item_type_id = $5, due_days = $6, tax_type = $7,
            tax_percent = $8, tax2_percent = $9, number_prefix = $10, next_number = $11, export_fields = $12, labels = $13, updated_at = now()
      WHERE workspace_id = $1`,
    [
      workspaceId,
      row.subject,
      row.notes,
      row.company_id,
      row.item_type_id,
      row.due_days,
      row.tax_type,
      row.tax_percent,
      row.tax2_percent,
      row.number_prefix,
      row.next_number,
      JSON.stringify(row.export_fields),
      JSON.stringify(row.labels),
    ],
  );
}

export async function setNextNumber(manager: EntityManager, workspaceId: string, next: string): Promise<void> {
  await manager.query(`UPDATE invoice_settings SET next_number = $2 WHERE workspace_id = $1`, [workspaceId, next]);
}
