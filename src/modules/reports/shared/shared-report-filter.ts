import { BadRequestException, Injectable } from '@nestjs/common';
import { createValidationPipe } from '../../../common/pipes/validation';
import type { FieldErrorDto } from '../../../common/dto/error.dto';
import { AttendanceReportFilterDto } from '../attendance/dto/attendance-report-filter.dto';
import { DetailedReportFilterDto } from '../detailed/dto/detailed-report-filter.dto';
import { SummaryReportFilterDto } from '../summary/dto/summary-report-filter.dto';
import { WeeklyReportFilterDto } from '../weekly/dto/weekly-report-filter.dto';
import { RUNNABLE_SHARED_REPORT_TYPES, type RunnableSharedReportType } from './dto/shared-report-requests.dto';

export type SharedReportFilter =
  DetailedReportFilterDto | SummaryReportFilterDto | WeeklyReportFilterDto | AttendanceReportFilterDto;

const FILTER_CLASSES = {
  DETAILED: DetailedReportFilterDto,
  SUMMARY: SummaryReportFilterDto,
  WEEKLY: WeeklyReportFilterDto,
  ATTENDANCE: AttendanceReportFilterDto,
} as const;

export function isRunnableType(type: string): type is RunnableSharedReportType {
  return (RUNNABLE_SHARED_REPORT_TYPES as readonly string[]).includes(type);
}

/**
 * A shared report's filter is validated, when saved, exactly as the body of
 * POST reports/{type} (unknown fields 400, errors keyed `filter.<field>`), so
 * reading it later cannot fail on its shape.
 */
@Injectable()
export class SharedReportFilterValidator {
  private readonly pipe = createValidationPipe();

  /** The filter as the report's DTO (saved as sent, minus nothing: unknown fields are refused). */
  async validate(type: string, filter: Record<string, unknown>): Promise<Record<string, unknown>> {
    await this.toDto(type, filter, 'filter.');
    return filter;
  }

  /** The saved filter as the DTO its report service takes. */
  async toDto(type: string, filter: Record<string, unknown>, prefix = ''): Promise<SharedReportFilter> {
    if (!isRunnableType(type)) {
      throw new BadRequestException(
        `Shared reports of type ${type} are not supported; use one of ${RUNNABLE_SHARED_REPORT_TYPES.join(', ')}`,
      );
    }
    try {
      return (await this.pipe.transform(filter, {
        type: 'body',
        metatype: FILTER_CLASSES[type],
      })) as SharedReportFilter;
    } catch (error) {
      if (!(error instanceof BadRequestException)) throw error;
      const { errors = [] } = error.getResponse() as { errors?: FieldErrorDto[] };
      const prefixed = errors.map((e) => ({ field: `${prefix}${e.field}`, message: e.message }));
      throw new BadRequestException({ message: prefixed[0]?.message ?? error.message, errors: prefixed });
    }
  }
}
