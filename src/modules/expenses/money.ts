/**
 * Decimal amounts from the wire (`99.5`) as exact integer cents, never through
 * floating point: the text is parsed digit by digit.
 */

/** Largest amount in cents: still an exact JSON number when shown as `total`. */
export const MAX_CENTS = Number.MAX_SAFE_INTEGER;

const DECIMAL = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;

/** Thrown for text that is not a non-negative decimal with at most two decimals (the callers answer 400). */
export class AmountError extends Error {}

/**
 * `"99.5"` → 9950, `"0.3"` → 30, `"12"` → 1200. Trailing zeros past the second
 * decimal are ignored (`"1.500"` → 150); any other third decimal, a sign, an
 * exponent or a value past MAX_CENTS is an AmountError.
 */
export function parseCents(text: string, field = 'amount'): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new AmountError(`${field} must be a non-negative decimal number, e.g. 99.5`);
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) throw new AmountError(`${field} must have at most two decimals`);
  const cents = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (cents > BigInt(MAX_CENTS)) throw new AmountError(`${field} is too large`);
  return Number(cents);
}

/** Cents as the decimal the reference shows (`9950` → 99.5); exact for every safe integer of cents. */
export function centsToDecimal(cents: number): number {
  return cents / 100;
}

/**
 * Total of `hundredths` units (a quantity with two decimals, ×100) at `unitPriceCents`
 * each, in cents, rounded half up on the cent: 1.25 × 333 = 416.25 → 416; 0.5 × 3 = 1.5 → 2.
 */
export function unitTotalCents(hundredths: number, unitPriceCents: number): number {
  const product = BigInt(hundredths) * BigInt(unitPriceCents);
  const cents = (product + 50n) / 100n;
  if (cents > BigInt(MAX_CENTS)) throw new AmountError('amount × unit price is too large');
  return Number(cents);
}

/** Hundredths as exact decimal text for a numeric column (`125` → `"1.25"`). */
export function hundredthsToText(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = String(hundredths % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}
