/**
 * The BG/NBD predictions of every distinct history in a grouped BTYD summary keyed on whole days
 * (x, t_x days, T days), for scoring a customer base in its database (issue 11): the database
 * joins this table to its per-customer summary on the three integers and multiplies by the
 * expected spend and the margin (src/sql/clvGroupsSql.ts). Per group, with t_x = t_x days / u and
 * T = T days / u exactly as BTYDSUMMARY converts them (u = 1, 7 or 30.4375 days):
 *
 *   p_alive              = P(alive | x, t_x, T)                            (PALIVE; FHL 2005 eq. 13)
 *   expected_purchases   = E[X(H·m) | x, t_x, T]                           (EXPECTEDPURCHASES over the horizon)
 *   discounted_purchases = Σ_{k=1..H} [E(k·m) − E((k−1)·m)] / (1 + d)^k    (PREDICTEDCLV's sum)
 *
 * with m one month of 30.4375 days in the unit, H the horizon in whole months and d the monthly
 * discount rate. discounted_purchases is computed by PREDICTEDCLV's own code (predictedClv.ts:
 * the sum over B(t) = E(t) / P(alive), times P(alive)), so
 *   discounted_purchases × E(M) × margin = LOYALTY.PREDICTEDCLV
 * to the last bit for the same history, spend and options.
 * Rows with the same three keys are one group (the first one is kept); a row whose keys are not
 * whole days with 0 ≤ t_x days ≤ T days (t_x days = 0 when x = 0) is refused, naming the row.
 * A group whose series does not settle (SERIES_NOT_CONVERGED) gets NaN in the two sums.
 * Example (CDNOW fit r 0.2426, α 4.4135, a 0.7929, b 2.4258, weeks): x 2, t_x 213 days, T 272 days
 * → p_alive 0.7266 (the FHL 2005 worked example). Cost O(n) to group, then O(H · k) per distinct
 * (x, T days) with k the series terms; time-sliced through the slicer (yieldToHost.ts).
 */
import { BgnbdParams } from "./bgnbdLogLikelihood";
import { bgnbdParamsError, expectedPurchasesIfAlive, pAlive, seriesBudget } from "./bgnbdPredictions";
import { ClvOptions, SumState, advanceSum, clvOptionsError, freshSum } from "./predictedClv";
import { DAYS_PER_UNIT, monthIn } from "../orders/timeUnit";
import { TimeSlicer } from "../numeric/yieldToHost";

/** A grouped summary's keys, one entry per row (a customers column is not needed). */
export type DayHistories = {
  readonly x: ArrayLike<number>;
  readonly txDays: ArrayLike<number>;
  readonly TDays: ArrayLike<number>;
};

/** One row per distinct (x, t_x days, T days), in the order of first appearance. */
export type ClvGroupTable = {
  readonly count: number;
  readonly x: Float64Array;
  readonly txDays: Float64Array;
  readonly TDays: Float64Array;
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  readonly discountedPurchases: Float64Array;
};

/** The largest keys the grouping packs into one number: x below 2^21, day counts below 2^16 (179 years). */
export const MAX_X = 2 ** 21 - 1;
export const MAX_DAYS = 2 ** 16 - 1;

/** A row that is not a whole-day history; `row` is its 0-based index in the input. */
export class DayHistoryError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
    this.name = "DayHistoryError";
  }
}

/** What is wrong with one row's keys, or null. */
export function dayHistoryError(x: number, txDays: number, TDays: number): string | null {
  const whole = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;
  if (!whole(x, MAX_X)) return `x is ${x}; expected a whole number of repeat purchases, 0 or more`;
  if (!whole(txDays, MAX_DAYS)) return `t_x_days is ${txDays}; expected a whole number of days from 0 to ${MAX_DAYS}`;
  if (!whole(TDays, MAX_DAYS)) return `T_days is ${TDays}; expected a whole number of days from 0 to ${MAX_DAYS}`;
  if (txDays > TDays) return `t_x_days ${txDays} is more than T_days ${TDays}; expected 0 ≤ t_x_days ≤ T_days`;
  if (x === 0 && txDays !== 0) return `t_x_days is ${txDays} with x 0; a customer without repeat purchases has t_x_days 0`;
  return null;
}

const ROWS_PER_LOOK = 4096;

/**
 * The group table of `histories` under `params` and `options` (horizon, discount, time unit; the
 * margin is applied in SQL). Yields through `slicer` whenever a stretch has run its time.
 * Throws DayHistoryError for a bad row and RangeError for bad parameters or options.
 */
export async function clvGroupsAsync(params: BgnbdParams, histories: DayHistories, options: ClvOptions, slicer?: TimeSlicer): Promise<ClvGroupTable> {
  const problem = bgnbdParamsError(params) ?? clvOptionsError(options);
  if (problem) throw new RangeError(problem);
  const n = histories.x.length;
  if (histories.txDays.length !== n || histories.TDays.length !== n) throw new RangeError("x, t_x_days and T_days must have the same number of rows");
  const pause = async (i: number) => {
    if (slicer && (i & (ROWS_PER_LOOK - 1)) === ROWS_PER_LOOK - 1 && slicer.due()) await slicer.pause();
  };

  // 1. Distinct keys, first appearance kept; x·2^32 + t_x days·2^16 + T days is exact below 2^53.
  const seen = new Map<number, number>();
  const first: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = histories.x[i], tx = histories.txDays[i], T = histories.TDays[i];
    const bad = dayHistoryError(x, tx, T);
    if (bad) throw new DayHistoryError(i, bad);
    const key = x * 4294967296 + tx * 65536 + T;
    if (!seen.has(key)) {
      seen.set(key, first.length);
      first.push(i);
    }
    await pause(i);
  }
  const count = first.length;
  const out: ClvGroupTable = {
    count,
    x: Float64Array.from(first, (i) => histories.x[i]),
    txDays: Float64Array.from(first, (i) => histories.txDays[i]),
    TDays: Float64Array.from(first, (i) => histories.TDays[i]),
    pAlive: new Float64Array(count),
    expectedPurchases: new Float64Array(count),
    discountedPurchases: new Float64Array(count),
  };

  // 2. One discounted sum per distinct (x, T days): it does not depend on t_x (predictedClv.ts).
  const perUnit = DAYS_PER_UNIT[options.timeUnit];
  const horizon = options.horizonMonths * monthIn(options.timeUnit);
  const budget = seriesBudget();
  const sums = new Map<number, { sum: number; atHorizon: number }>();
  const due = slicer ? slicer.due : () => false;
  for (let g = 0; g < count; g++) {
    const x = out.x[g];
    const tx = out.txDays[g] / perUnit;
    const T = out.TDays[g] / perUnit;
    const key = x * 65536 + out.TDays[g];
    let pair = sums.get(key);
    if (pair === undefined) {
      const state: SumState = freshSum();
      while (!advanceSum(params, x, T, options, budget, state, due)) await slicer!.pause();
      // B(H·m): the sum's last month, or computed when the sum stopped early (NaN) — as EXPECTEDPURCHASES computes it.
      const atHorizon = state.total === state.total && state.k > options.horizonMonths ? state.previous : expectedPurchasesIfAlive(params, horizon, x, T, budget);
      pair = { sum: state.total, atHorizon };
      sums.set(key, pair);
    }
    const alive = pAlive(params, x, tx, T);
    out.pAlive[g] = alive;
    out.expectedPurchases[g] = pair.atHorizon * alive;
    out.discountedPurchases[g] = pair.sum * alive;
    if (slicer && slicer.due()) await slicer.pause();
  }
  return out;
}
