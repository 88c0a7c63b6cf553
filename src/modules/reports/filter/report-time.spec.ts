import {
  amountCents,
  dateBucket,
  monthBucket,
  parseReportInstant,
  relativeRange,
  roundDuration,
  roundingFromSetting,
  weekBucket,
} from './report-time';

describe('report rounding', () => {
  const m = 60;
  it.each([
    // [mode, minutes, seconds in, seconds out]
    ['NEAREST', 15, 7 * m + 29, 0],
    ['NEAREST', 15, 7 * m + 30, 15 * m],
    ['NEAREST', 15, 22 * m + 29, 15 * m],
    ['NEAREST', 15, 22 * m + 30, 30 * m],
    ['UP', 15, 1, 15 * m],
    ['UP', 15, 15 * m, 15 * m],
    ['UP', 15, 15 * m + 1, 30 * m],
    ['DOWN', 15, 29 * m + 59, 15 * m],
    ['DOWN', 15, 14 * m, 0],
    ['NEAREST', 1, 90, 120],
    ['NEAREST', 1, 89, 60],
    ['UP', 60, 61 * m, 120 * m],
    ['DOWN', 60, 119 * m, 60 * m],
    ['NEAREST', 6, 9 * m, 12 * m],
  ] as const)('%s to %i minutes: %i s -> %i s', (mode, minutes, input, output) => {
    expect(roundDuration(input, { mode, minutes })).toBe(output);
  });

  it('reads the workspace setting', () => {
    expect(roundingFromSetting({ round: 'Round to nearest', minutes: '15' })).toEqual({ mode: 'NEAREST', minutes: 15 });
    expect(roundingFromSetting({ round: 'Round up to', minutes: '5' })).toEqual({ mode: 'UP', minutes: 5 });
    expect(roundingFromSetting({ round: 'Round down to', minutes: '60' })).toEqual({ mode: 'DOWN', minutes: 60 });
    expect(roundingFromSetting({ round: 'Round up to', minutes: '0' })).toBeNull();
    expect(roundingFromSetting({ round: 'Round up to', minutes: '61' })).toBeNull();
    expect(roundingFromSetting(null)).toBeNull();
  });

  it('computes amounts per entry in cents, half up', () => {
    expect(amountCents(3600, 15000)).toBe(15000);
    expect(amountCents(1, 1800)).toBe(1); // 0.5 cent rounds up
    expect(amountCents(1, 1799)).toBe(0);
    expect(amountCents(5400, 333)).toBe(500); // 499.5 -> 500
    expect(amountCents(3600, null)).toBe(0);
  });
});

describe('report time zones', () => {
  it('reads range bounds with and without offsets', () => {
    expect(parseReportInstant('2024-01-01T00:00:00Z', 'Europe/Berlin')?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(parseReportInstant('2024-01-01T00:00:00', 'Europe/Berlin')?.toISOString()).toBe('2023-12-31T23:00:00.000Z');
    expect(parseReportInstant('2024-07-01T00:00:00.000', 'America/New_York')?.toISOString()).toBe(
      '2024-07-01T04:00:00.000Z',
    );
    expect(parseReportInstant('2024-03-10T23:59:59.999', 'America/New_York')?.toISOString()).toBe(
      '2024-03-11T03:59:59.999Z',
    );
    expect(parseReportInstant('2024-02-30T00:00:00', 'UTC')).toBeNull();
    expect(parseReportInstant('yesterday', 'UTC')).toBeNull();
  });

  it.each([
    // instant, zone, date, week (MONDAY), week (SUNDAY), month
    ['2024-03-10T04:59:59Z', 'America/New_York', '2024-03-09', '2024-03-04', '2024-03-03', '2024-03'],
    ['2024-03-10T05:00:00Z', 'America/New_York', '2024-03-10', '2024-03-04', '2024-03-10', '2024-03'],
    ['2024-03-10T07:30:00Z', 'America/New_York', '2024-03-10', '2024-03-04', '2024-03-10', '2024-03'], // after the jump (EDT)
    ['2024-03-31T21:59:59Z', 'Europe/Berlin', '2024-03-31', '2024-03-25', '2024-03-31', '2024-03'],
    ['2024-03-31T22:00:00Z', 'Europe/Berlin', '2024-04-01', '2024-04-01', '2024-03-31', '2024-04'],
    ['2024-10-27T22:59:59Z', 'Europe/Berlin', '2024-10-27', '2024-10-21', '2024-10-27', '2024-10'],
    ['2024-10-27T23:00:00Z', 'Europe/Berlin', '2024-10-28', '2024-10-28', '2024-10-27', '2024-10'],
    ['2024-12-31T23:30:00Z', 'UTC', '2024-12-31', '2024-12-30', '2024-12-29', '2024-12'],
  ] as const)('%s in %s', (instant, zone, date, mondayWeek, sundayWeek, month) => {
    const at = new Date(instant);
    expect(dateBucket(at, zone)).toBe(date);
    expect(weekBucket(at, zone, 'MONDAY')).toBe(mondayWeek);
    expect(weekBucket(at, zone, 'SUNDAY')).toBe(sundayWeek);
    expect(monthBucket(at, zone)).toBe(month);
  });

  it('resolves relative ranges in the zone', () => {
    const now = new Date('2024-03-13T12:00:00Z'); // a Wednesday
    expect(relativeRange('TODAY', now, 'America/New_York', 'MONDAY')).toEqual({
      start: new Date('2024-03-13T04:00:00Z'),
      end: new Date('2024-03-14T03:59:59.999Z'),
    });
    expect(relativeRange('LAST_WEEK', now, 'America/New_York', 'MONDAY')).toEqual({
      start: new Date('2024-03-04T05:00:00Z'),
      end: new Date('2024-03-11T03:59:59.999Z'),
    });
    expect(relativeRange('LAST_MONTH', now, 'Europe/Berlin', 'MONDAY')).toEqual({
      start: new Date('2024-01-31T23:00:00Z'),
      end: new Date('2024-02-29T22:59:59.999Z'),
    });
    expect(relativeRange('ABSOLUTE', now, 'UTC', 'MONDAY')).toBeNull();
  });
});
