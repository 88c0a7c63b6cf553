import {
  computeTotals,
  divHalfUp,
  hoursHundredths,
  hundredthsText,
  lineAmount,
  parsePercent,
  PercentError,
  percentNumber,
  percentText,
  textHundredths,
  timeAmount,
  TotalsInput,
} from './invoice-totals';

describe('invoice totals', () => {
  it.each([
    [5n, 2n, 3n],
    [4n, 2n, 2n],
    [7n, 3n, 2n],
    [0n, 9n, 0n],
    [15n, 10n, 2n],
    [14n, 10n, 1n],
  ])('divHalfUp(%s, %s) = %s', (a, b, expected) => {
    expect(divHalfUp(a, b)).toBe(expected);
  });

  it.each([
    [10.5, 105000n],
    [0, 0n],
    [100, 1000000n],
    ['7.625', 76250n],
    ['20.0000', 200000n],
    [0.0001, 1n],
  ])('parsePercent(%p) = %s', (value, expected) => {
    expect(parsePercent(value)).toBe(expected);
  });

  it.each([[100.5], [-1], [0.00001], [Number.NaN], ['1e2'], ['abc'], [0.1 + 0.2]])(
    'parsePercent(%p) is refused',
    (value) => {
      expect(() => parsePercent(value)).toThrow(PercentError);
    },
  );

  it('percent round trips', () => {
    expect(percentNumber(105000n)).toBe(10.5);
    expect(percentText(105000n)).toBe('10.5000');
    expect(percentText(1n)).toBe('0.0001');
  });

  it.each([
    // quantity (hundredths), unit price (cents), amount (cents)
    [100, 5000, 5000],
    [150, 333, 500], // 499.5 → 500
    [125, 333, 416], // 416.25 → 416
    [50, 3, 2], // 1.5 → 2
    [10000, 500, 50000],
    [0, 999, 0],
  ])('lineAmount(%i, %i) = %i', (quantity, price, expected) => {
    expect(lineAmount(quantity, price)).toBe(expected);
  });

  it.each([
    // seconds, hourly rate, amount
    [3600, 10000, 10000],
    [5400, 10000, 15000],
    [1200, 10000, 3333], // 3333.33
    [1800, 3333, 1667], // 1666.5 → 1667
    [2700, 12345, 9259], // 9258.75 → 9259
  ])('timeAmount(%i s, %i) = %i', (seconds, rate, expected) => {
    expect(timeAmount(seconds, rate)).toBe(expected);
  });

  it.each([
    [5400, 150],
    [1200, 33],
    [18, 1], // 0.5 hundredth → 1
    [17, 0],
    [2700, 75],
  ])('hoursHundredths(%i) = %i', (seconds, expected) => {
    expect(hoursHundredths(seconds)).toBe(expected);
  });

  it('hundredths text round trips', () => {
    expect(hundredthsText(150)).toBe('1.50');
    expect(hundredthsText(5)).toBe('0.05');
    expect(textHundredths('1.50')).toBe(150);
    expect(textHundredths('12')).toBe(1200);
    expect(textHundredths('0.05')).toBe(5);
  });

  const base: Omit<TotalsInput, 'lines'> = { discountPercent: 0n, taxPercent: 0n, tax2Percent: 0n, taxType: 'SIMPLE' };
  const cases: [string, TotalsInput, ReturnType<typeof computeTotals>][] = [
    ['no lines', { ...base, lines: [] }, { subtotal: 0, discountAmount: 0, taxAmount: 0, tax2Amount: 0, amount: 0 }],
    [
      'plain sum',
      {
        ...base,
        lines: [
          { amount: 1000, applyTaxes: 'TAX1TAX2' },
          { amount: 2345, applyTaxes: 'NONE' },
        ],
      },
      { subtotal: 3345, discountAmount: 0, taxAmount: 0, tax2Amount: 0, amount: 3345 },
    ],
    [
      // each line rounds on its own: 0.5 + 0.5 → 1 + 1 (not round(1.0) = 1)
      'discount rounded per line, then summed',
      {
        ...base,
        discountPercent: parsePercent(10),
        lines: [
          { amount: 5, applyTaxes: 'NONE' },
          { amount: 5, applyTaxes: 'NONE' },
        ],
      },
      { subtotal: 10, discountAmount: 2, taxAmount: 0, tax2Amount: 0, amount: 8 },
    ],
    [
      'simple taxes on the discounted base, only where the line applies them',
      {
        discountPercent: parsePercent(10),
        taxPercent: parsePercent(20),
        tax2Percent: parsePercent(5),
        taxType: 'SIMPLE',
        lines: [
          { amount: 15000, applyTaxes: 'TAX1TAX2' }, // base 13500: tax 2700, tax2 675
          { amount: 3333, applyTaxes: 'TAX1' }, // discount 333.3 → 333, base 3000: tax 600
          { amount: 1001, applyTaxes: 'TAX2' }, // discount 100.1 → 100, base 901: tax2 45.05 → 45
          { amount: 999, applyTaxes: 'NONE' }, // discount 99.9 → 100
        ],
      },
      { subtotal: 20333, discountAmount: 2033, taxAmount: 3300, tax2Amount: 720, amount: 22320 },
    ],
    [
      'compound: tax2 on base + tax',
      {
        discountPercent: 0n,
        taxPercent: parsePercent(10),
        tax2Percent: parsePercent(10),
        taxType: 'COMPOUND',
        lines: [{ amount: 10000, applyTaxes: 'TAX1TAX2' }],
      },
      { subtotal: 10000, discountAmount: 0, taxAmount: 1000, tax2Amount: 1100, amount: 12100 },
    ],
    [
      'compound on a line without TAX1: tax2 on the base alone',
      {
        discountPercent: 0n,
        taxPercent: parsePercent(10),
        tax2Percent: parsePercent(10),
        taxType: 'COMPOUND',
        lines: [{ amount: 10000, applyTaxes: 'TAX2' }],
      },
      { subtotal: 10000, discountAmount: 0, taxAmount: 0, tax2Amount: 1000, amount: 11000 },
    ],
    [
      'tax type NONE charges nothing',
      {
        discountPercent: parsePercent(50),
        taxPercent: parsePercent(10),
        tax2Percent: parsePercent(10),
        taxType: 'NONE',
        lines: [{ amount: 999, applyTaxes: 'TAX1TAX2' }],
      },
      { subtotal: 999, discountAmount: 500, taxAmount: 0, tax2Amount: 0, amount: 499 },
    ],
    [
      'fractional percents: 7.625% of 1234 = 94.09 → 94',
      { ...base, taxPercent: parsePercent('7.625'), lines: [{ amount: 1234, applyTaxes: 'TAX1' }] },
      { subtotal: 1234, discountAmount: 0, taxAmount: 94, tax2Amount: 0, amount: 1328 },
    ],
    [
      'half a cent rounds up',
      {
        ...base,
        taxPercent: parsePercent(5),
        lines: [
          { amount: 10, applyTaxes: 'TAX1' },
          { amount: 30, applyTaxes: 'TAX1' },
        ],
      },
      { subtotal: 40, discountAmount: 0, taxAmount: 3, tax2Amount: 0, amount: 43 }, // 0.5 → 1, 1.5 → 2
    ],
    [
      'large amounts stay exact',
      { ...base, taxPercent: parsePercent(19), lines: [{ amount: 900_000_000_000_01, applyTaxes: 'TAX1' }] },
      {
        subtotal: 900_000_000_000_01,
        discountAmount: 0,
        taxAmount: 171_000_000_000_00,
        tax2Amount: 0,
        amount: 1_071_000_000_000_01,
      },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(computeTotals(input)).toEqual(expected);
  });
});
