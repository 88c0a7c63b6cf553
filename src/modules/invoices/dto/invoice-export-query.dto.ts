import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Query of GET invoices/{id}/export. */
export class InvoiceExportQueryDto {
  /** Locale for numbers in the PDF (default en). @example "en" */
  @IsOptional()
  @IsString()
  @MaxLength(35)
  userLocale?: string;
}
