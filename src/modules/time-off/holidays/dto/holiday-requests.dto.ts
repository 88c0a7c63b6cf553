import { OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  IsObject,
} from 'class-validator';
import { Trim } from '../../../../common/dto/trim';
import { OBJECT_ID_PATTERN } from '../../../../common/utils/ids';
import {
  AutomaticTimeEntryCreationRequestDto,
  COLOR_PATTERN,
  IdsFilterRequestDto,
} from '../../shared/time-off-shared.dto';
import { AcceptsReadOnlyFieldsOf } from '../../../../common/dto/read-only-fields';
import { HolidayDto } from './holiday.dto';

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** DatePeriodRequest. */
export class DatePeriodRequestDto {
  /** yyyy-MM-dd. @example "2023-02-14" */
  @IsString()
  @Matches(DATE_PATTERN, { message: 'startDate must be a yyyy-MM-dd date' })
  startDate: string;

  /** yyyy-MM-dd. @example "2023-02-16" */
  @IsString()
  @Matches(DATE_PATTERN, { message: 'endDate must be a yyyy-MM-dd date' })
  endDate: string;
}

/** CreateHolidayRequestV1. */
@AcceptsReadOnlyFieldsOf(HolidayDto)
export class CreateHolidayDto {
  /** Name of the holiday. @example "Labour Day" */
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @IsObject()
  @ValidateNested()
  @Type(() => DatePeriodRequestDto)
  datePeriod: DatePeriodRequestDto;

  /** Whether the holiday occurs every year. @example true */
  @IsOptional()
  @IsBoolean()
  occursAnnually?: boolean;

  /** Whether the holiday applies to every member, including future ones. @example true */
  @IsOptional()
  @IsBoolean()
  everyoneIncludingNew?: boolean;

  /** Color. @example "#8BC34A" */
  @IsOptional()
  @IsString()
  @Matches(COLOR_PATTERN, { message: 'color must be a #RRGGBB color' })
  color?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => AutomaticTimeEntryCreationRequestDto)
  automaticTimeEntryCreation?: AutomaticTimeEntryCreationRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => IdsFilterRequestDto)
  users?: IdsFilterRequestDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => IdsFilterRequestDto)
  userGroups?: IdsFilterRequestDto;
}

/** UpdateHolidayRequestV1. */
@AcceptsReadOnlyFieldsOf(HolidayDto)
export class UpdateHolidayDto extends OmitType(CreateHolidayDto, ['occursAnnually'] as const) {
  /** Whether the holiday occurs every year. @example true */
  @IsBoolean()
  occursAnnually: boolean;
}

/** Query of GET /holidays. */
export class HolidaysQueryDto {
  /** Only holidays assigned to this user. @example "60f924bafdaf031696ec6218" */
  @IsOptional()
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'assigned-to must be a 24-character hex id' })
  'assigned-to'?: string;
}

/** Query of GET /holidays/in-period. */
export class HolidaysInPeriodQueryDto {
  /** The user whose holidays to list. @example "60f924bafdaf031696ec6218" */
  @IsString()
  @Matches(OBJECT_ID_PATTERN, { message: 'assigned-to must be a 24-character hex id' })
  'assigned-to': string;

  /** Start of the period: yyyy-MM-dd or yyyy-MM-ddThh:mm:ssZ. @example "2022-12-03" */
  @IsString()
  @IsNotEmpty()
  start: string;

  /** End of the period: yyyy-MM-dd or yyyy-MM-ddThh:mm:ssZ. @example "2022-12-05" */
  @IsString()
  @IsNotEmpty()
  end: string;
}
