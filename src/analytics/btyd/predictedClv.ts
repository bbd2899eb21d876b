/**
 * Predicted customer lifetime value over a horizon of whole months, from a BG/NBD model of
 * purchases and a Gamma-Gamma model of spend (Fader, Hardie & Lee 2005; Fader & Hardie 2013;
 * the discounted monthly sum that lifetimes' customer_lifetime_value computes):
 *
 *   CLV = Σ_{k=1..H} [E(k·u) − E((k−1)·u)] · E(M) · margin / (1 + d)^k
 *
 * where E(t) is E[Y(t) | x, t_x, T] (bgnbdPredictions.ts), u one month of 30.4375 days in the
 * time unit of t_x and T (4.348214 weeks, 30.4375 days or 1 month: no other conversion), E(M) the
 * expected spend (expectedSpend.ts), d the monthly discount rate and each month's purchases
 * discounted at its end. Since E(t) = P(alive) · B(t) with B free of t_x, the sum is taken over B.
 * Example (CDNOW fits, weeks, H 12, d 0.01, margin 1): customer 1 (x 2, t_x 30.43, T 38.86,
 * z̄ 22.35) → 36.30. Cost O(H · k) per customer, k the terms of the hypergeometric series;
 * over columns (predictedClvColumn) the discounted sum is computed once per distinct (x, T).
 */
import { BgnbdParams } from "./bgnbdLogLikelihood";
import { indexDistinct } from "../numeric/distinctValues";
import { groupByKey } from "../numeric/sortedKeyGroups";
import { ColumnPacing, Filler, SeriesBudget, expectedPurchasesIfAlive, inSlices, pAlive, seriesBudget } from "./bgnbdPredictions";
import { expectedSpend } from "./expectedSpend";
import { GammaGammaParams } from "./gammaGammaFit";
import { TimeUnit, monthIn } from "../orders/timeUnit";

export type ClvOptions = {
  /** Whole months, 1 or more. */
  readonly horizonMonths: number;
  /** Monthly discount rate d ≥ 0 (a fraction); default 0. */
  readonly monthlyDiscountRate?: number;
  /** Margin on spend, a fraction; default 1. */
  readonly marginRate?: number;
  readonly timeUnit: TimeUnit;
};

/** Why the options are unusable, or null. */
export function clvOptionsError({ horizonMonths, monthlyDiscountRate = 0, marginRate = 1 }: ClvOptions): string | null {
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1) return `horizon_months is ${horizonMonths}; expected a whole number of months, 1 or more`;
  if (horizonMonths > 1200) return `horizon_months is ${horizonMonths}; expected at most 1200 (100 years)`;
  if (!Number.isFinite(monthlyDiscountRate) || monthlyDiscountRate < 0) return `monthly_discount_rate is ${monthlyDiscountRate}; expected a fraction of 0 or more (1% is 0.01)`;
  if (!Number.isFinite(marginRate) || marginRate < 0) return `margin_rate is ${marginRate}; expected a fraction of 0 or more`;
  return null;
}

/** A discounted sum in progress: the next month k, the total so far, B at month k − 1 and 1/(1 + d)^(k−1). */
export type SumState = { k: number; total: number; previous: number; factor: number };

export const freshSum = (): SumState => ({ k: 1, total: 0, previous: 0, factor: 1 });

/**
 * Advances Σ_k [B(k·u) − B((k−1)·u)] / (1 + d)^k for one (x, T), where E(t) = P(alive) · B(t), month
 * by month until done (true; the sum is in state.total, NaN when the series did not converge) or
 * until `due()` says the stretch has run long enough (false; call again to go on). Shared with
 * clvGroups.ts, so the group table's discounted purchases are PREDICTEDCLV's sum to the bit.
 */
export function advanceSum(bgnbd: BgnbdParams, x: number, T: number, options: ClvOptions, budget: SeriesBudget | undefined, state: SumState, due: () => boolean): boolean {
  const month = monthIn(options.timeUnit);
  const discount = 1 + (options.monthlyDiscountRate ?? 0);
  while (state.k <= options.horizonMonths) {
    const current = expectedPurchasesIfAlive(bgnbd, state.k * month, x, T, budget);
    if (current !== current) {
      state.total = NaN; // the series did not converge (SERIES_NOT_CONVERGED)
      return true;
    }
    state.factor /= discount;
    state.total += (current - state.previous) * state.factor;
    state.previous = current;
    state.k++;
    if (state.k <= options.horizonMonths && due()) return false;
  }
  if (!(state.total > 0)) state.total = state.total === state.total ? 0 : NaN; // B rises with t: a negative total is rounding
  return true;
}

function discountedPurchasesIfAlive(bgnbd: BgnbdParams, x: number, T: number, options: ClvOptions, budget?: SeriesBudget): number {
  const state = freshSum();
  advanceSum(bgnbd, x, T, options, budget, state, () => false);
  return state.total;
}

/** CLV of one customer with a valid history. Example: see the file comment. */
export function predictedClv(
  bgnbd: BgnbdParams,
  gammaGamma: GammaGammaParams,
  x: number,
  tx: number,
  T: number,
  averageSpend: number,
  options: ClvOptions,
): number {
  const sum = discountedPurchasesIfAlive(bgnbd, x, T, options);
  return sum * pAlive(bgnbd, x, tx, T) * expectedSpend(gammaGamma, x, averageSpend) * (options.marginRate ?? 1);
}

/**
 * CLV over columns of valid histories into `out`, computing the discounted purchase sum once per
 * distinct (x, T) pair (whole-day data repeat them a lot). Cost O(n + distinct pairs · H · k).
 */
export function predictedClvColumn(
  bgnbd: BgnbdParams,
  gammaGamma: GammaGammaParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  averageSpend: ArrayLike<number>,
  options: ClvOptions,
  out = new Float64Array(x.length),
): Float64Array {
  predictedClvFiller(bgnbd, gammaGamma, x, tx, T, averageSpend, options, out, seriesBudget())(0, () => false);
  return out;
}

/** The async form, yielding by elapsed time through `pacing.slicer`; NaN where the series does not converge. */
export async function predictedClvColumnAsync(
  bgnbd: BgnbdParams,
  gammaGamma: GammaGammaParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  averageSpend: ArrayLike<number>,
  options: ClvOptions,
  out = new Float64Array(x.length),
  pacing: ColumnPacing = {},
): Promise<Float64Array> {
  const fill = predictedClvFiller(bgnbd, gammaGamma, x, tx, T, averageSpend, options, out, pacing.budget ?? seriesBudget());
  await inSlices(x.length, fill, pacing.slicer);
  return out;
}

function predictedClvFiller(
  bgnbd: BgnbdParams,
  gammaGamma: GammaGammaParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  averageSpend: ArrayLike<number>,
  options: ClvOptions,
  out: Float64Array,
  budget: SeriesBudget,
): Filler {
  const n = x.length;
  const xs = indexDistinct(x);
  const ts = indexDistinct(T);
  const nt = ts.values.length;
  const pairs = groupByKey(n, xs.values.length * nt, (i) => xs.index[i] * nt + ts.index[i]);
  const sums = new Float64Array(pairs.count);
  const done = new Uint8Array(pairs.count);
  const margin = options.marginRate ?? 1;
  // A pair's sum can be long (1,200 months of slow series): it is advanced month by month and left
  // half-done when the stretch is due, then resumed at the same row on the next call.
  let pending: SumState | null = null;
  return (from, due) => {
    for (let i = from; i < n; i++) {
      const pair = pairs.index[i];
      let sum = sums[pair];
      let check = (i & 4095) === 4095;
      if (done[pair] === 0) {
        const state: SumState = pending ?? freshSum();
        pending = null;
        if (!advanceSum(bgnbd, x[i], T[i], options, budget, state, due)) {
          pending = state;
          return i;
        }
        sum = sums[pair] = state.total;
        done[pair] = 1;
        check = true;
      }
      out[i] = sum * pAlive(bgnbd, x[i], tx[i], T[i]) * expectedSpend(gammaGamma, x[i], averageSpend[i]) * margin;
      if (check && due()) return i + 1;
    }
    return n;
  };
}
