import type { WeekDay } from '../../users/dto/user-settings.dto';
import { addDays, isValidDate, timeOffDuration, type DurationInput } from './time-off-duration';

const WEEKDAYS: WeekDay[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];

function input(overrides: Partial<DurationInput>): DurationInput {
  return {
    period: { start: '2024-03-04', end: '2024-03-04' },
    workingDays: WEEKDAYS,
    holidays: [],
    halfDay: false,
    unit: 'DAYS',
    workCapacitySeconds: 28800,
    ...overrides,
  };
}

describe('timeOffDuration', () => {
  // 2024-03-04 is a Monday.
  it.each<[string, Partial<DurationInput>, number, number]>([
    ['a single working day', {}, 1, 1],
    ['a single Saturday', { period: { start: '2024-03-09', end: '2024-03-09' } }, 0, 0],
    ['Friday to Tuesday, across a weekend', { period: { start: '2024-03-08', end: '2024-03-12' } }, 3, 3],
    [
      'Friday to Tuesday across a weekend and a Monday holiday',
      { period: { start: '2024-03-08', end: '2024-03-12' }, holidays: [{ start: '2024-03-11', end: '2024-03-11' }] },
      2,
      2,
    ],
    [
      'a two-day holiday reaching outside the period',
      { period: { start: '2024-03-04', end: '2024-03-08' }, holidays: [{ start: '2024-03-01', end: '2024-03-05' }] },
      3,
      3,
    ],
    ['a half day', { halfDay: true }, 1, 0.5],
    ['a half day in hours, 8h capacity', { halfDay: true, unit: 'HOURS' }, 1, 4],
    [
      'a week in hours, 7h30m capacity',
      { period: { start: '2024-03-04', end: '2024-03-10' }, unit: 'HOURS', workCapacitySeconds: 27000 },
      5,
      37.5,
    ],
    ['hours with a 7h20m capacity keep 4 decimals', { unit: 'HOURS', workCapacitySeconds: 26400 }, 1, 7.3333],
    [
      'a member who works Saturdays only',
      { period: { start: '2024-03-04', end: '2024-03-17' }, workingDays: ['SATURDAY'] },
      2,
      2,
    ],
    ['across a month and leap day', { period: { start: '2024-02-28', end: '2024-03-01' } }, 3, 3],
  ])('%s', (_name, overrides, workingDays, amount) => {
    expect(timeOffDuration(input(overrides))).toEqual({ workingDays, amount });
  });

  it('refuses an inverted or invalid period', () => {
    expect(() => timeOffDuration(input({ period: { start: '2024-03-05', end: '2024-03-04' } }))).toThrow(RangeError);
    expect(() => timeOffDuration(input({ period: { start: '2024-02-30', end: '2024-03-04' } }))).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('validates calendar dates and adds days', () => {
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2023-02-29')).toBe(false);
    expect(isValidDate('2024-1-01')).toBe(false);
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
  });
});
