import { columnLetter, durationValue, moneyFormat, xlsxCell, xlsxWidths } from './xlsx-cells';

describe('xlsxCell', () => {
  it('durations become time values with an [h]:mm:ss format (over 24 hours too)', () => {
    expect(xlsxCell('01:30:00', 'duration')).toEqual({ value: 1.5 / 24, numFmt: '[h]:mm:ss' });
    expect(durationValue('30:00:00')).toBe(1.25);
    expect(xlsxCell('n/a', 'duration')).toEqual({ value: 'n/a' });
  });

  it('money and decimal hours are numbers with their format', () => {
    expect(xlsxCell('1234.50', 'money', 'EUR')).toEqual({ value: 1234.5, numFmt: '#,##0.00 "EUR"' });
    expect(xlsxCell('1.50', 'hours')).toEqual({ value: 1.5, numFmt: '0.00' });
    expect(xlsxCell('2', 'number')).toEqual({ value: 2, numFmt: undefined });
  });

  it('dates become date cells; empty cells nothing; text stays text (formulas are not interpreted)', () => {
    expect(xlsxCell('2024-05-01', 'date')).toEqual({ value: new Date('2024-05-01T00:00:00Z'), numFmt: 'yyyy-mm-dd' });
    expect(xlsxCell('', 'money')).toEqual({ value: null });
    expect(xlsxCell(null, 'text')).toEqual({ value: null });
    expect(xlsxCell('=1+1', 'text')).toEqual({ value: '=1+1' });
  });

  it('a currency code cannot inject format syntax', () => {
    expect(moneyFormat('U"S;D')).toBe('#,##0.00 "USD"');
    expect(moneyFormat(undefined)).toBe('#,##0.00');
  });
});

describe('columnLetter / xlsxWidths', () => {
  it('letters past Z', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('widths fit header and content, capped for long text', () => {
    const widths = xlsxWidths(
      [{ header: 'Description' }, { header: 'Duration (h)', kind: 'duration' }],
      [['x'.repeat(200), '01:00:00']],
    );
    expect(widths).toEqual([60, 14]);
  });
});
