/**
 * Customer lifetime value over a fixed horizon, from annual revenue.
 *
 * CLTV = Σ_{t=1..⌊Y⌋} R·m/(1+d)^t + (Y − ⌊Y⌋)·R·m/(1+d)^Y − AC
 * where R is the annual revenue, Y the expected lifetime in years, m the margin rate
 * (default 1), d the annual discount rate (default 0) and AC the acquisition cost: each year's
 * margin is earned at the end of the year, a final part year in proportion, discounted to
 * today (Gupta & Lehmann 2003, "Customers as assets"; the textbook discounted CLV). With the
 * defaults it is exactly R·Y − AC, the common rule of thumb.
 *
 * Example: R 1000, Y 2.5, AC 0, m 1, d 0.1 → 1000/1.1 + 1000/1.1² + 0.5·1000/1.1^2.5
 * = 909.09 + 826.45 + 393.99 = 2129.53.
 *
 * The whole years are summed in closed form, R·m·(1 − (1+d)^−⌊Y⌋)/d, computed with expm1 and
 * log1p so that it stays accurate for small d: O(1) per customer.
 */
import { at, describeWhere } from "../orders/cells";
import { CellError, valueError } from "../errors";

export type CltvInput = {
  readonly annualRevenue: number;
  readonly years: number;
  readonly acquisitionCost: number;
  /** Fraction 0–1; default 1. */
  readonly marginRate?: number;
  /** Fraction, above −1 and at most 1; default 0. */
  readonly discountRate?: number;
};

/** Why a rate is unusable, or null. Rates are fractions: 10% is 0.1. */
export function rateError(name: string, value: number, min: number, minIncluded: boolean, row?: number): CellError | null {
  const ok = (minIncluded ? value >= min : value > min) && value <= 1;
  if (ok) return null;
  const low = minIncluded ? `from ${min}` : `above ${min}`;
  return valueError(`${describeWhere(at(name, row))}: expected a fraction ${low} up to 1 (10% is 0.1), found ${value}`);
}

function nonNegative(name: string, value: number, row?: number): CellError | null {
  return value >= 0 && Number.isFinite(value) ? null : valueError(`${describeWhere(at(name, row))}: expected a number of 0 or more, found ${value}`);
}

/** Discounted lifetime value of one customer (row is only used in messages). Example above → 2129.53. */
export function cltv(input: CltvInput, row?: number): number | CellError {
  const { annualRevenue: r, years: y, acquisitionCost: ac } = input;
  const m = input.marginRate ?? 1;
  const d = input.discountRate ?? 0;
  const error =
    nonNegative("annual_revenue", r, row) ??
    nonNegative("years", y, row) ??
    nonNegative("acquisition_cost", ac, row) ??
    rateError("margin_rate", m, 0, true, row) ??
    rateError("discount_rate", d, -1, false, row);
  if (error) return error;
  const perYear = r * m;
  if (d === 0) return perYear * y - ac;
  const whole = Math.floor(y);
  const logGrowth = Math.log1p(d);
  const annuity = -Math.expm1(-whole * logGrowth) / d; // Σ_{t=1..whole} (1+d)^−t
  const partYear = (y - whole) * Math.exp(-y * logGrowth);
  return perYear * (annuity + partYear) - ac;
}
