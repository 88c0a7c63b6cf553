import { PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { Trim } from '../../../common/dto/trim';
import { AcceptsReadOnlyFieldsOf } from '../../../common/dto/read-only-fields';
import { ClientWithCurrencyDto } from './client.dto';

/** CreateClientRequestV1. */
@AcceptsReadOnlyFieldsOf(ClientWithCurrencyDto)
export class CreateClientDto {
  /** Client name, unique in the workspace (case-insensitively). @example "Client X" */
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  /** @example "clientx@example.com" */
  @IsOptional()
  @IsEmail()
  email?: string;

  /** @example "Ground Floor, ABC Bldg., Palo Alto, California, USA 94020" */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  address?: string;

  /** @example "This is a sample note for the client." */
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  note?: string;
}

/** UpdateClientRequestV1: only the fields sent change. */
@AcceptsReadOnlyFieldsOf(ClientWithCurrencyDto)
export class UpdateClientDto extends PartialType(CreateClientDto) {
  /** Whether the client is archived. */
  @IsOptional()
  @IsBoolean()
  archived?: boolean;

  /** Up to 3 additional emails for invoices. @example ["billing@example.com"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @IsEmail({}, { each: true })
  ccEmails?: string[];

  /** A currency of the workspace (GET /workspaces/{id} lists them). @example "64a687e29ae1f428e7ebe303" */
  @IsOptional()
  @IsString()
  currencyId?: string;
}
