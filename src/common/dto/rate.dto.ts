import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { AcceptsReadOnlyFieldsOf } from './read-only-fields';

/** Money as integer cents with a currency, as the reference's RateDtoV1. */
export class RateDto {
  /** Cents. @example 10500 */
  amount: number;
  /** @example "USD" */
  currency: string;
}

const MAX_RATE = 2_147_483_647; // the reference's int32

/** Body of the rate setters (HourlyRateRequestV1 / CostRateRequestV1). */
export class RateRequestDto {
  /** Amount in cents. @example 20000 */
  @IsInt()
  @Min(0)
  @Max(MAX_RATE)
  amount: number;

  /**
   * The rate applies to entries starting at or after this instant (yyyy-MM-ddThh:mm:ssZ); earlier ones keep theirs.
   * Without it: to all time, past entries included. Entries already invoiced keep their rate. @example "2020-01-01T00:00:00Z"
   */
  @IsOptional()
  @IsDateString({ strict: true })
  since?: string;
}

/** A rate inside a resource's body: as a rate setter's, and a rate read back from a GET (with its currency) is accepted. */
@AcceptsReadOnlyFieldsOf(RateDto)
export class NestedRateRequestDto extends RateRequestDto {}

/** The optional hourly and cost rates of a request item (a project, a project member, a task). */
export class OptionalRatesRequestDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => NestedRateRequestDto)
  hourlyRate?: NestedRateRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => NestedRateRequestDto)
  costRate?: NestedRateRequestDto;
}

/** Body of PUT workspaces/{id}/hourly-rate (RateWithCurrencyRequestV1). */
export class RateWithCurrencyRequestDto extends RateRequestDto {
  /** @example "USD" */
  @IsString()
  @Length(1, 100)
  currency: string;
}
