/**
 * Customer lifetime value over an infinite horizon with a constant retention rate.
 *
 * CLV = m · r / (1 + d − r) − AC
 * where m is the margin per period, r the retention rate per period, d the discount rate per
 * period and AC the acquisition cost. The margin is earned at the end of each period the
 * customer is still there: Σ_{t≥1} m·r^t/(1+d)^t = m·r/(1 + d − r) (Gupta & Lehmann 2003,
 * "Customers as assets", the margin multiple r/(1 + d − r)).
 *
 * Example: m 100, r 0.8, d 0.1 → 100 · 0.8 / 0.3 = 266.67. O(1).
 *
 * r must be in [0, 1) (r = 1 would be a customer kept forever) and 1 + d − r > 0; rates are
 * fractions, and a discount rate above 1 (100%) is taken as a typed percentage and rejected.
 */
import { at, describeWhere } from "../orders/cells";
import { CellError, valueError } from "../errors";
import { rateError } from "./cltv";

export type ClvInput = {
  readonly marginPerPeriod: number;
  readonly retentionRate: number;
  readonly discountRate: number;
  /** Default 0. */
  readonly acquisitionCost?: number;
};

export function clv(input: ClvInput, row?: number): number | CellError {
  const { marginPerPeriod: m, retentionRate: r, discountRate: d } = input;
  const ac = input.acquisitionCost ?? 0;
  if (!Number.isFinite(m)) return valueError(`${describeWhere(at("margin_per_period", row))}: expected a number, found ${m}`);
  if (!(r >= 0 && r < 1)) {
    return valueError(`${describeWhere(at("retention_rate", row))}: expected a fraction from 0 up to but not including 1 (80% is 0.8), found ${r}`);
  }
  const dError = rateError("discount_rate", d, -1, false, row);
  if (dError) return dError;
  if (!(ac >= 0 && Number.isFinite(ac))) {
    return valueError(`${describeWhere(at("acquisition_cost", row))}: expected a number of 0 or more, found ${ac}`);
  }
  const denominator = 1 + d - r;
  if (!(denominator > 0)) {
    return valueError(
      `${describeWhere(at("discount_rate", row))}: 1 + discount_rate − retention_rate is ${Number(denominator.toPrecision(12))}; it must be above 0 for the value to be finite`,
    );
  }
  return (m * r) / denominator - ac;
}
