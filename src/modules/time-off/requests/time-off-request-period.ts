import { BadRequestException } from '@nestjs/common';
import { addDays, isValidDate } from '../shared/time-off-duration';
import type { HalfDayPeriod, TimeOffPeriodRequestDto } from './dto/time-off-request-requests.dto';

export interface RequestedPeriod {
  start: string;
  end: string;
  halfDay: boolean;
  halfDayPeriod: HalfDayPeriod;
}

const MAX_DAYS = 999;

/** The dates of a request body: start and end, or start and days; a half day is one day of a policy that allows it. */
export function requestedPeriod(body: TimeOffPeriodRequestDto, allowHalfDay: boolean): RequestedPeriod {
  const start = body.period.start.slice(0, 10);
  if (!isValidDate(start)) throw new BadRequestException('timeOffPeriod.period.start is not a valid date');
  let end: string;
  if (body.period.end !== undefined) {
    end = body.period.end.slice(0, 10);
    if (!isValidDate(end)) throw new BadRequestException('timeOffPeriod.period.end is not a valid date');
  } else if (body.period.days !== undefined) {
    end = addDays(start, body.period.days - 1);
  } else {
    throw new BadRequestException('timeOffPeriod.period needs end or days');
  }
  if (end < start) throw new BadRequestException('timeOffPeriod.period.end must not be before start');
  if (end > addDays(start, MAX_DAYS - 1))
    throw new BadRequestException(`A time off request spans at most ${MAX_DAYS} days`);
  const halfDay = body.isHalfDay ?? false;
  if (halfDay && !allowHalfDay) throw new BadRequestException('This policy does not allow half days');
  if (halfDay && end !== start) throw new BadRequestException('A half-day request covers a single day');
  const halfDayPeriod = halfDay ? (body.halfDayPeriod ?? body.timeOffHalfDayPeriod ?? 'NOT_DEFINED') : 'NOT_DEFINED';
  return { start, end, halfDay, halfDayPeriod };
}
