import { parseIsoDuration, toInstant, toIsoDuration } from './time';

describe('time formats', () => {
  it.each([
    [0, 'PT0S'],
    [59, 'PT59S'],
    [3600, 'PT1H'],
    [5400, 'PT1H30M'],
    [3661, 'PT1H1M1S'],
    [90000, 'PT25H'],
  ])('%i seconds is %s', (seconds, iso) => {
    expect(toIsoDuration(seconds)).toBe(iso);
    expect(parseIsoDuration(iso)).toBe(seconds);
  });

  it('parses days and fractions, refuses malformed durations', () => {
    expect(parseIsoDuration('P1DT2H')).toBe(93600);
    expect(parseIsoDuration('PT1.5S')).toBe(2);
    for (const bad of ['', 'P', 'PT', '1H', 'PT1X', 'PT-1H']) expect(parseIsoDuration(bad)).toBeNull();
  });

  it('prints instants in UTC with whole seconds', () => {
    expect(toInstant(new Date('2024-01-20T15:30:00.123+01:00'))).toBe('2024-01-20T14:30:00Z');
    expect(toInstant('2024-01-20T14:30:00+00:00')).toBe('2024-01-20T14:30:00Z');
    expect(toInstant('2024-01-20T15:30:00+01:00')).toBe('2024-01-20T14:30:00Z');
    expect(toInstant('2024-01-20T14:30:00.5+00:00')).toBe('2024-01-20T14:30:00Z');
    expect(toInstant(new Date(Date.UTC(12024, 0, 20, 14, 30)))).toBe('+012024-01-20T14:30:00Z');
    expect(toInstant(null)).toBeNull();
  });
});
