import { AmountError, centsToDecimal, hundredthsToText, parseCents, unitTotalCents } from './money';

describe('parseCents (decimal text to integer cents, no floating point)', () => {
  it.each([
    ['99.5', 9950],
    ['99.50', 9950],
    ['99.500', 9950],
    ['0', 0],
    ['12', 1200],
    ['12.', 1200],
    ['.5', 50],
    ['0.1', 10],
    ['0.2', 20],
    ['0.3', 30],
    ['1.15', 115],
    ['4.35', 435],
    ['1.050000', 105],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    [' 7.07 ', 707],
  ])('%s → %d', (text, cents) => {
    expect(parseCents(text)).toBe(cents);
  });

  it.each(['1.005', '0.001', '-1', '+1', '1e3', 'abc', '', '.', '1,5', '0x10', 'Infinity', '90071992547409.92'])(
    '%j is refused',
    (text) => {
      expect(() => parseCents(text)).toThrow(AmountError);
    },
  );

  it('0.1 + 0.2 style sums stay exact in cents', () => {
    expect(parseCents('0.1') + parseCents('0.2')).toBe(parseCents('0.3'));
    expect(centsToDecimal(parseCents('0.1') + parseCents('0.2'))).toBe(0.3);
  });
});

describe('unitTotalCents (quantity × unit price, half up on the cent)', () => {
  it.each([
    [100, 1000, 1000],
    [250, 1000, 2500],
    [125, 333, 416],
    [150, 333, 500],
    [50, 3, 2],
    [49, 1, 0],
    [50, 1, 1],
    [0, 999, 0],
  ])('%d hundredths × %d cents = %d cents', (hundredths, price, cents) => {
    expect(unitTotalCents(hundredths, price)).toBe(cents);
  });
});

describe('hundredthsToText', () => {
  it.each([
    [125, '1.25'],
    [150, '1.5'],
    [100, '1'],
    [5, '0.05'],
    [0, '0'],
  ])('%d → %s', (hundredths, text) => {
    expect(hundredthsToText(hundredths)).toBe(text);
  });
});
