import { chartSeries, dateIn, labelEvery, niceTicks, shares } from './summary-chart';

describe('chartSeries', () => {
  it('one bar per day, days without time included', () => {
    const series = chartSeries(new Map([['2024-05-02', 3600]]), '2024-05-01', '2024-05-03');
    expect(series.unit).toBe('day');
    expect(series.bars).toEqual([
      { start: '2024-05-01', label: 'May 1', value: 0 },
      { start: '2024-05-02', label: 'May 2', value: 3600 },
      { start: '2024-05-03', label: 'May 3', value: 0 },
    ]);
  });

  it('62 days stay daily; 63 become weeks starting on weekStart, sums kept', () => {
    expect(chartSeries(new Map(), '2024-01-01', '2024-03-02').bars).toHaveLength(62);
    const values = new Map([
      ['2024-01-01', 10],
      ['2024-01-07', 5],
      ['2024-01-08', 7],
      ['2024-03-03', 1],
    ]);
    const weeks = chartSeries(values, '2024-01-01', '2024-03-03', 'MONDAY');
    expect(weeks.unit).toBe('week');
    expect(weeks.bars[0]).toEqual({ start: '2024-01-01', label: 'Jan 1', value: 15 });
    expect(weeks.bars[1].value).toBe(7);
    expect(weeks.bars.reduce((s, b) => s + b.value, 0)).toBe(23);
    const sundays = chartSeries(values, '2024-01-01', '2024-03-03', 'SUNDAY');
    expect(sundays.bars[0]).toMatchObject({ start: '2023-12-31', value: 10 });
  });

  it('past 62 weeks, months', () => {
    const series = chartSeries(new Map([['2024-02-10', 4]]), '2023-01-01', '2024-12-31');
    expect(series.unit).toBe('month');
    expect(series.bars).toHaveLength(24);
    expect(series.bars.find((b) => b.start === '2024-02-01')).toEqual({
      start: '2024-02-01',
      label: 'Feb 2024',
      value: 4,
    });
  });

  it('dates are taken in the report zone', () => {
    expect(dateIn(new Date('2024-04-30T22:00:00Z'), 'Europe/Berlin')).toBe('2024-05-01');
  });
});

describe('niceTicks / labelEvery', () => {
  it('round steps covering the maximum', () => {
    expect(niceTicks(7.2)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1000)).toEqual([0, 250, 500, 750, 1000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('labels skip bars so they never overlap', () => {
    expect(labelEvery(20, 10)).toBe(1);
    expect(labelEvery(5, 26)).toBe(6);
  });
});

describe('shares', () => {
  it('largest first, as fractions of the total, with the tail as Other', () => {
    const list = shares(
      [
        { name: 'a', value: 1 },
        { name: 'b', value: 6 },
        { name: 'c', value: 2 },
        { name: 'd', value: 1 },
      ],
      3,
    );
    expect(list.map((s) => [s.name, s.share])).toEqual([
      ['b', 0.6],
      ['c', 0.2],
      ['Other (2)', 0.2],
    ]);
  });

  it('nothing tracked: no shares, no division by zero', () => {
    expect(shares([{ name: 'a', value: 0 }])).toEqual([]);
  });
});
