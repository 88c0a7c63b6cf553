import { BadRequestException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { WorkspaceContext } from '../../common/auth/principal';
import type {
  InvoiceSettingsDto,
  LabelsCustomizationDto,
  UpdateInvoiceSettingsRequestDto,
} from './dto/invoice-settings.dto';
import { SettingsRow, settingsRow, updateSettings } from './invoice-settings.store';
import { InvoiceStore } from './invoice.store';
import { parsePercent, PercentError, percentNumber, percentText } from './invoice-totals';

const DEFAULT_LABELS: Omit<LabelsCustomizationDto, 'totalAmount'> & { totalAmountDue: string } = {
  amount: 'AMOUNT',
  billFrom: 'BILL FROM',
  billTo: 'BILL TO',
  description: 'DESCRIPTION',
  discount: 'DISCOUNT',
  dueDate: 'DUE DATE',
  issueDate: 'ISSUE DATE',
  itemType: 'ITEM TYPE',
  notes: 'NOTES',
  paid: 'PAID',
  quantity: 'QUANTITY',
  subtotal: 'SUBTOTAL',
  tax: 'TAX',
  tax2: 'TAX2',
  total: 'TOTAL',
  totalAmountDue: 'TOTAL AMOUNT DUE',
  unitPrice: 'UNIT PRICE',
};

export const SETTINGS_ENTITY = 'INVOICE_SETTINGS';

/** The labels of a settings row, defaults filled in (request key `totalAmountDue` is shown as `totalAmount`). */
export function labelsOf(row: SettingsRow): LabelsCustomizationDto {
  const merged = { ...DEFAULT_LABELS, ...row.labels };
  const { totalAmountDue, ...rest } = merged;
  return { ...rest, totalAmount: totalAmountDue ?? DEFAULT_LABELS.totalAmountDue };
}

/** Invoice settings of a workspace: defaults for new invoices, numbering, PDF labels and fields. */
@Injectable()
export class InvoiceSettingsService {
  constructor(private readonly store: InvoiceStore) {}

  /** The settings row, created with defaults on first use; `lock` serializes numbering. */
  row(manager: EntityManager, workspaceId: string, lock = false): Promise<SettingsRow> {
    return settingsRow(manager, workspaceId, lock);
  }

  async get(workspaceId: string): Promise<InvoiceSettingsDto> {
    return this.store.dataSource.transaction(async (manager) => toSettingsDto(await this.row(manager, workspaceId)));
  }

  async update(ws: WorkspaceContext, dto: UpdateInvoiceSettingsRequestDto): Promise<InvoiceSettingsDto> {
    return this.store.dataSource.transaction(async (manager) => {
      const row = await this.row(manager, ws.workspaceId, true);
      const d = dto.defaults;
      if (d) {
        row.subject = d.subject;
        row.notes = d.notes;
        if (d.companyId !== undefined) row.company_id = d.companyId;
        if (d.itemTypeId !== undefined) row.item_type_id = d.itemTypeId;
        if (d.dueDays !== undefined) row.due_days = d.dueDays;
        if (d.taxType !== undefined) row.tax_type = d.taxType;
        if (d.taxPercent !== undefined) row.tax_percent = percentText(percent(d.taxPercent, 'taxPercent'));
        if (d.tax2Percent !== undefined) row.tax2_percent = percentText(percent(d.tax2Percent, 'tax2Percent'));
        if (d.numberPrefix !== undefined) row.number_prefix = d.numberPrefix;
        if (d.nextNumber !== undefined) row.next_number = String(d.nextNumber);
      }
      if (dto.exportFields) row.export_fields = { ...row.export_fields, ...dto.exportFields };
      row.labels = { ...dto.labels };
      await updateSettings(manager, ws.workspaceId, row);
      const result = toSettingsDto(row);
      await this.store.record(
        manager,
        ws.workspaceId,
        SETTINGS_ENTITY,
        ws.workspaceId,
        'INVOICE_SETTINGS_UPDATED',
        result,
      );
      return result;
    });
  }
}

/** A percent from a request, 400 when it has more than 4 decimals. */
export function percent(value: number, field: string): bigint {
  try {
    return parsePercent(value, field);
  } catch (error) {
    if (error instanceof PercentError) throw new BadRequestException(error.message);
    throw error;
  }
}

export function toSettingsDto(row: SettingsRow): InvoiceSettingsDto {
  const taxPercent = percentNumber(parsePercent(row.tax_percent));
  const tax2Percent = percentNumber(parsePercent(row.tax2_percent));
  const rtl = row.export_fields.rtl ?? false;
  return {
    defaults: {
      companyId: row.company_id,
      defaultImportExpenseItemTypeId: null,
      defaultImportTimeItemTypeId: null,
      dueDays: row.due_days,
      itemType: 'Service',
      itemTypeId: row.item_type_id,
      notes: row.notes,
      subject: row.subject,
      tax: Math.round(taxPercent),
      tax2: Math.round(tax2Percent),
      tax2Percent,
      taxPercent,
      taxType: row.tax_type,
      numberPrefix: row.number_prefix,
      nextNumber: Number(row.next_number),
    },
    exportFields: {
      RTL: rtl,
      rtl,
      itemType: row.export_fields.itemType ?? true,
      quantity: row.export_fields.quantity ?? true,
      tax: row.export_fields.tax ?? true,
      tax2: row.export_fields.tax2 ?? true,
      unitPrice: row.export_fields.unitPrice ?? true,
    },
    labels: labelsOf(row),
  };
}
