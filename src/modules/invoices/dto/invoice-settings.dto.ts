import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TAX_TYPES } from '../invoice-totals';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** InvoiceDefaultSettingsDto, plus this server's numbering (numberPrefix, nextNumber). */
export class InvoiceDefaultSettingsDto {
  /** @example "34a687e29ae1f428e7ebe101" */
  companyId: string | null;
  /** @example null */
  defaultImportExpenseItemTypeId: string | null;
  /** @example null */
  defaultImportTimeItemTypeId: string | null;
  /** Days from the issue date to the due date of a new invoice. @example 30 */
  dueDays: number;
  /** @example "Service" */
  itemType: string;
  /** @example "78a687e29ae1f428e7ebe303" */
  itemTypeId: string | null;
  /** @example "This is a sample note for this invoice." */
  notes: string;
  /** @example "January salary" */
  subject: string;
  /** taxPercent rounded to a whole percent (legacy field). @example 5 */
  tax: number;
  /** tax2Percent rounded to a whole percent (legacy field). @example 1 */
  tax2: number;
  /** @example 1 */
  tax2Percent: number;
  /** @example 5 */
  taxPercent: number;
  /** @example "SIMPLE" */
  taxType: (typeof TAX_TYPES)[number];
  /** Put before the next number when an invoice is created without one. @example "INV-" */
  numberPrefix: string;
  /** The number the next invoice created without one gets. @example 1 */
  nextNumber: number;
}

/** InvoiceExportFields. */
export class InvoiceExportFieldsDto {
  RTL: boolean;
  itemType: boolean;
  quantity: boolean;
  rtl: boolean;
  tax: boolean;
  tax2: boolean;
  unitPrice: boolean;
}

/** LabelsCustomization. */
export class LabelsCustomizationDto {
  /** @example "AMOUNT" */ amount: string;
  /** @example "BILL FROM" */ billFrom: string;
  /** @example "BILL TO" */ billTo: string;
  /** @example "DESCRIPTION" */ description: string;
  /** @example "DISCOUNT" */ discount: string;
  /** @example "DUE DATE" */ dueDate: string;
  /** @example "ISSUE DATE" */ issueDate: string;
  /** @example "ITEM TYPE" */ itemType: string;
  /** @example "NOTES" */ notes: string;
  /** @example "PAID" */ paid: string;
  /** @example "QUANTITY" */ quantity: string;
  /** @example "SUBTOTAL" */ subtotal: string;
  /** @example "TAX" */ tax: string;
  /** @example "TAX2" */ tax2: string;
  /** @example "TOTAL" */ total: string;
  /** @example "TOTAL AMOUNT DUE" */ totalAmount: string;
  /** @example "UNIT PRICE" */ unitPrice: string;
}

/** InvoiceSettingsDtoV1. */
export class InvoiceSettingsDto {
  defaults: InvoiceDefaultSettingsDto;
  exportFields: InvoiceExportFieldsDto;
  labels: LabelsCustomizationDto;
}

/** InvoiceDefaultSettingsRequestV1. */
export class InvoiceDefaultSettingsRequestDto {
  /** @example "34a687e29ae1f428e7ebe101" */
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'companyId must be a valid id' })
  companyId?: string;

  /** @example 30 */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  dueDays?: number;

  /** @example "78a687e29ae1f428e7ebe303" */
  @IsOptional()
  @Matches(OBJECT_ID, { message: 'itemTypeId must be a valid id' })
  itemTypeId?: string;

  /** @example "This is a sample note for this invoice." */
  @IsString()
  @MaxLength(10000)
  notes: string;

  /** @example "January salary" */
  @IsString()
  @MaxLength(1000)
  subject: string;

  /** @example 5 */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  tax2Percent?: number;

  /** @example 5 */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  taxPercent?: number;

  /** @example "COMPOUND" */
  @IsOptional()
  @IsIn(TAX_TYPES)
  taxType?: (typeof TAX_TYPES)[number];

  /** This server's numbering: text before the number. @example "INV-" */
  @IsOptional()
  @IsString()
  @MaxLength(50)
  numberPrefix?: string;

  /** This server's numbering: the next number. @example 1 */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  nextNumber?: number;
}

/** InvoiceExportFieldsRequest. */
export class InvoiceExportFieldsRequestDto {
  @IsOptional() @IsBoolean() itemType?: boolean;
  @IsOptional() @IsBoolean() quantity?: boolean;
  @IsOptional() @IsBoolean() rtl?: boolean;
  @IsOptional() @IsBoolean() tax?: boolean;
  @IsOptional() @IsBoolean() tax2?: boolean;
  @IsOptional() @IsBoolean() unitPrice?: boolean;
}

/** LabelsCustomizationRequest: every label, up to 20 characters. */
export class LabelsCustomizationRequestDto {
  /** @example "AMOUNT" */ @IsString() @MaxLength(20) amount: string;
  /** @example "BILL FROM" */ @IsString() @MaxLength(20) billFrom: string;
  /** @example "BILL TO" */ @IsString() @MaxLength(20) billTo: string;
  /** @example "DESCRIPTION" */ @IsString() @MaxLength(20) description: string;
  /** @example "DISCOUNT" */ @IsString() @MaxLength(20) discount: string;
  /** @example "DUE DATE" */ @IsString() @MaxLength(20) dueDate: string;
  /** @example "ISSUE DATE" */ @IsString() @MaxLength(20) issueDate: string;
  /** @example "ITEM TYPE" */ @IsString() @MaxLength(20) itemType: string;
  /** @example "NOTES" */ @IsString() @MaxLength(20) notes: string;
  /** @example "PAID" */ @IsString() @MaxLength(20) paid: string;
  /** @example "QUANTITY" */ @IsString() @MaxLength(20) quantity: string;
  /** @example "SUBTOTAL" */ @IsString() @MaxLength(20) subtotal: string;
  /** @example "TAX" */ @IsString() @MaxLength(20) tax: string;
  /** @example "TAX2" */ @IsString() @MaxLength(20) tax2: string;
  /** @example "AMOUNT" */ @IsString() @MaxLength(20) total: string;
  /** @example "TOTAL AMOUNT DUE" */ @IsString() @MaxLength(20) totalAmountDue: string;
  /** @example "UNIT PRICE" */ @IsString() @MaxLength(20) unitPrice: string;
}

/** UpdateInvoiceSettingsRequestV1: labels are required; defaults and exportFields replace what they name. */
export class UpdateInvoiceSettingsRequestDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => InvoiceDefaultSettingsRequestDto)
  defaults?: InvoiceDefaultSettingsRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => InvoiceExportFieldsRequestDto)
  exportFields?: InvoiceExportFieldsRequestDto;

  @IsDefined()
  @ValidateNested()
  @Type(() => LabelsCustomizationRequestDto)
  labels: LabelsCustomizationRequestDto;
}
