import { parsePeriodStart, periodDates } from './approval-period';

describe('approval periods', () => {
  describe('parsePeriodStart', () => {
    it('reads a plain date and a UTC midnight as a calendar date', () => {
      expect(parsePeriodStart('2024-01-15')).toEqual({ date: '2024-01-15' });
      expect(parsePeriodStart('2024-01-15T00:00:00.000Z')).toEqual({ date: '2024-01-15' });
      expect(parsePeriodStart('2024-01-15T00:00:00Z')).toEqual({ date: '2024-01-15' });
    });

    it('reads other times as instants (dated in the owner time zone later)', () => {
      expect(parsePeriodStart('2024-01-14T23:00:00Z')).toEqual({ instant: new Date('2024-01-14T23:00:00Z') });
      expect(parsePeriodStart('2024-01-15T08:00:00+02:00')).toEqual({ instant: new Date('2024-01-15T06:00:00Z') });
    });

    it('refuses malformed text and impossible dates', () => {
      expect(parsePeriodStart('soon')).toBeNull();
      expect(parsePeriodStart('2024-02-30')).toBeNull();
      expect(parsePeriodStart('2024-01-15T25:00:00Z')).toBeNull();
    });
  });

  describe('periodDates', () => {
    it('finds the week containing a date, from the week start', () => {
      expect(periodDates('WEEKLY', '2024-01-17', 'MONDAY')).toEqual({ start: '2024-01-15', end: '2024-01-22' });
      expect(periodDates('WEEKLY', '2024-01-15', 'MONDAY')).toEqual({ start: '2024-01-15', end: '2024-01-22' });
      expect(periodDates('WEEKLY', '2024-01-17', 'SUNDAY')).toEqual({ start: '2024-01-14', end: '2024-01-21' });
      expect(periodDates('WEEKLY', '2024-01-13', 'SUNDAY')).toEqual({ start: '2024-01-07', end: '2024-01-14' });
      expect(periodDates('WEEKLY', '2023-12-31', 'MONDAY')).toEqual({ start: '2023-12-25', end: '2024-01-01' });
    });

    it('finds the half month and the month', () => {
      expect(periodDates('SEMI_MONTHLY', '2024-02-15', 'MONDAY')).toEqual({ start: '2024-02-01', end: '2024-02-16' });
      expect(periodDates('SEMI_MONTHLY', '2024-02-16', 'MONDAY')).toEqual({ start: '2024-02-16', end: '2024-03-01' });
      expect(periodDates('MONTHLY', '2024-12-31', 'MONDAY')).toEqual({ start: '2024-12-01', end: '2025-01-01' });
    });
  });
});
