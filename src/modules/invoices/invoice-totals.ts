/**
 * Invoice arithmetic, in integer cents and never through floating point.
 *
 * Rounding rule (one rule everywhere): every product is rounded half up on the
 * cent once per line, and the invoice totals are sums of the rounded lines.
 * - Quantities are hundredths of a unit on the wire (`150` = 1.5 hours), as
 *   Clockify sends them; a line's amount is `quantity × unitPrice`, rounded.
 * - An imported time line is billed from the exact tracked time:
 *   `Σ seconds × hourly rate / 3600`, rounded once for the line; its quantity
 *   (hours, hundredths rounded half up) is what the invoice shows.
 * - Per line: discount = amount × discount%; the taxable base is
 *   amount − discount; tax = base × tax% (when the line applies TAX1);
 *   tax2 = base × tax2% (SIMPLE) or (base + tax) × tax2% (COMPOUND), when the
 *   line applies TAX2. taxType NONE charges no taxes.
 * - amount (the invoice total) = subtotal − discount + tax + tax2.
 * Percents carry up to 4 decimals (`10.5`, `7.6250`); amounts are ≥ 0.
 */

export const TAX_TYPES = ['COMPOUND', 'SIMPLE', 'NONE'] as const;
export type TaxType = (typeof TAX_TYPES)[number];
export const APPLY_TAXES = ['TAX1', 'TAX2', 'TAX1TAX2', 'NONE'] as const;
export type ApplyTaxes = (typeof APPLY_TAXES)[number];

/** Percent scale: 4 decimals. */
const PERCENT_SCALE = 10_000n;
const PERCENT_DECIMAL = /^(\d{1,3})(?:\.(\d{1,4}))?$/;

/** Thrown for a percent that is not a decimal in 0..100 with at most 4 decimals (callers answer 400). */
export class PercentError extends Error {}

/** `a / b` rounded half up, for a ≥ 0 and b > 0. */
export function divHalfUp(a: bigint, b: bigint): bigint {
  return (2n * a + b) / (2n * b);
}

/** A percent (number from JSON or numeric text from PostgreSQL) scaled by 10^4: `10.5` → 105000n. */
export function parsePercent(value: number | string, field = 'percent'): bigint {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const match = PERCENT_DECIMAL.exec(text);
  if (!match) throw new PercentError(`${field} must be a number from 0 to 100 with at most 4 decimals`);
  const scaled = BigInt(match[1]) * PERCENT_SCALE + BigInt((match[2] ?? '').padEnd(4, '0'));
  if (scaled > 100n * PERCENT_SCALE) throw new PercentError(`${field} must be at most 100`);
  return scaled;
}

/** A scaled percent back to the JSON number the reference shows (`105000n` → 10.5). */
export function percentNumber(scaled: bigint): number {
  return Number(scaled) / Number(PERCENT_SCALE);
}

/** A scaled percent as numeric text for PostgreSQL (`105000n` → `"10.5000"`). */
export function percentText(scaled: bigint): string {
  return `${scaled / PERCENT_SCALE}.${String(scaled % PERCENT_SCALE).padStart(4, '0')}`;
}

function numberText(value: number): string {
  if (!Number.isFinite(value) || value < 0) return 'invalid';
  // Shortest round-trip text; more than 4 decimals or an exponent fails the pattern.
  return String(value);
}

/** `amount × percent`, rounded half up on the cent. */
export function percentOf(amountCents: bigint, scaledPercent: bigint): bigint {
  return divHalfUp(amountCents * scaledPercent, 100n * PERCENT_SCALE);
}

/** A manual line: quantity in hundredths × unit price in cents, rounded half up: 150 × 333 → 499.5 → 500. */
export function lineAmount(quantityHundredths: number, unitPriceCents: number): number {
  return Number(divHalfUp(BigInt(quantityHundredths) * BigInt(unitPriceCents), 100n));
}

/** A time line: `seconds` of work at `hourlyRateCents` per hour, rounded half up: 1200 s at 10000 → 3333. */
export function timeAmount(seconds: number, hourlyRateCents: number): number {
  return Number(divHalfUp(BigInt(seconds) * BigInt(hourlyRateCents), 3600n));
}

/** Seconds as hours in hundredths, rounded half up (the quantity a time line shows): 5400 → 150, 1200 → 33. */
export function hoursHundredths(seconds: number): number {
  return Number(divHalfUp(BigInt(seconds), 36n));
}

/** A quantity in hundredths as numeric text (`150` → `"1.50"`). */
export function hundredthsText(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** numeric text (`"1.50"`) back to hundredths (150); the column has 2 decimals. */
export function textHundredths(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
}

export interface TotalsLine {
  amount: number;
  applyTaxes: ApplyTaxes;
}

export interface TotalsInput {
  lines: TotalsLine[];
  /** Scaled by 10^4 (parsePercent). */
  discountPercent: bigint;
  taxPercent: bigint;
  tax2Percent: bigint;
  taxType: TaxType;
}

export interface Totals {
  subtotal: number;
  discountAmount: number;
  taxAmount: number;
  tax2Amount: number;
  /** subtotal − discount + taxes. */
  amount: number;
}

/** The invoice totals by the rounding rule above. */
export function computeTotals(input: TotalsInput): Totals {
  let subtotal = 0n;
  let discount = 0n;
  let tax = 0n;
  let tax2 = 0n;
  for (const line of input.lines) {
    const amount = BigInt(line.amount);
    const lineDiscount = percentOf(amount, input.discountPercent);
    const base = amount - lineDiscount;
    const applies1 = input.taxType !== 'NONE' && (line.applyTaxes === 'TAX1' || line.applyTaxes === 'TAX1TAX2');
    const applies2 = input.taxType !== 'NONE' && (line.applyTaxes === 'TAX2' || line.applyTaxes === 'TAX1TAX2');
    const lineTax = applies1 ? percentOf(base, input.taxPercent) : 0n;
    const base2 = input.taxType === 'COMPOUND' ? base + lineTax : base;
    const lineTax2 = applies2 ? percentOf(base2, input.tax2Percent) : 0n;
    subtotal += amount;
    discount += lineDiscount;
    tax += lineTax;
    tax2 += lineTax2;
  }
  return {
    subtotal: Number(subtotal),
    discountAmount: Number(discount),
    taxAmount: Number(tax),
    tax2Amount: Number(tax2),
    amount: Number(subtotal - discount + tax + tax2),
  };
}
