import { BadRequestException } from '@nestjs/common';
import { addDays, dayRange, daysBetween, dayStart, safeTimeZone, toDay } from './scheduling-days';

describe('scheduling days', () => {
  it('reads instants as days in the zone, plain dates as they are', () => {
    expect(toDay('2024-03-04T00:00:00Z', 'UTC')).toBe('2024-03-04');
    expect(toDay('2024-03-04T03:00:00Z', 'America/New_York')).toBe('2024-03-03');
    expect(toDay('2024-03-04T23:30:00Z', 'Europe/Berlin')).toBe('2024-03-05');
    expect(toDay('2024-03-04T10:00:00+05:00', 'UTC')).toBe('2024-03-04');
    expect(toDay('2024-03-04', 'Asia/Tokyo')).toBe('2024-03-04');
  });

  it('prints the start of a day in the zone, across DST changes', () => {
    expect(dayStart('2024-03-04', 'UTC')).toBe('2024-03-04T00:00:00Z');
    expect(dayStart('2024-03-04', 'Europe/Berlin')).toBe('2024-03-03T23:00:00Z');
    expect(dayStart('2024-07-04', 'Europe/Berlin')).toBe('2024-07-03T22:00:00Z');
    expect(dayStart('2024-03-10', 'America/New_York')).toBe('2024-03-10T05:00:00Z');
    expect(dayStart('2024-03-11', 'America/New_York')).toBe('2024-03-11T04:00:00Z');
    expect(toDay(dayStart('2024-03-11', 'America/New_York'), 'America/New_York')).toBe('2024-03-11');
  });

  it('adds and counts days; validates ranges and zones', () => {
    expect(addDays('2024-02-26', 7)).toBe('2024-03-04');
    expect(daysBetween('2024-03-04', '2024-02-26')).toBe(-7);
    expect(dayRange('2024-03-01T00:00:00Z', '2024-03-31T00:00:00Z', 'UTC')).toEqual({
      start: '2024-03-01',
      end: '2024-03-31',
    });
    expect(() => dayRange('2024-03-02', '2024-03-01', 'UTC')).toThrow(BadRequestException);
    expect(() => dayRange('2024-01-01', '2025-01-01', 'UTC')).toThrow(BadRequestException);
    expect(safeTimeZone('Not/AZone')).toBe('UTC');
    expect(safeTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
  });
});
