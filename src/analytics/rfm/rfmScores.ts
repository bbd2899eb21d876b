/**
 * RFM scores: one digit 1 … bins for each of recency, frequency and monetary
 * value, and the three-digit score R×100 + F×10 + M.
 *
 * Method "rfm" (the default) is the rfm R package's (rsquaredacademy/rfm,
 * `R/utils.R` `bins`, `bins_lower`, `bins_upper` and `R/rfm-table-transaction.R`),
 * for each column on its non-blank values:
 *   p_k = k × (1/bins), k = 1 … bins − 1           (R's seq, see quantileSorted.ts)
 *   q_k = type-7 quantile at p_k                     (R's quantile default)
 *   break points b_k = q_k + 1
 *   intervals [lower_i, upper_i): lower = (min, b_1 … b_{bins−1}), upper = (b_1 … b_{bins−1}, max + 1)
 *   digit = index i of the (last, as the package's loop overwrites) interval holding the value;
 *   recency is reversed, digit = bins + 1 − i, so the fewest days get the highest digit.
 * Method "quantile" uses b_k = q_k (no + 1), with the same outer bounds.
 * Tied values always share a digit; with many ties two breaks coincide and a digit goes unused.
 * Weights (optional, a grouped table: row i stands for weights[i] identical customers, whole
 * numbers ≥ 0): the quantiles are those of the expanded column, each value repeated w times, by
 * weightedQuantile.ts (index 1 + (N − 1)·p over the cumulative weights, N = Σw), so every digit
 * equals the digit of the same customer in the expansion. A row of weight 0 stands for no one: it
 * takes no part in the quantiles, min or max, but still gets the digit of its value.
 * A blank (NaN) value is left out of its column's quantiles and gets digit 0 (missing);
 * the score is NaN when any digit is missing.
 *
 * Worked example (frequency, 10 customers, 5 bins), order counts
 *   1 1 1 2 2 3 4 5 8 12 (already sorted), n = 10, index_k = 1 + 9·p_k:
 *   p 0.2 → index 2.8  → x2 = x3 = 1, so q = 1 (ties: no interpolation)      → b = 2
 *   p 0.4 → index 4.6  → x4 = x5 = 2, q = 2                                   → b = 3
 *   p 0.6000000000000001 → index 6.4 → 0.6·3 + 0.4·4 = 3.4 (to the bit: 3.4000000000000004) → b ≈ 4.4
 *   p 0.8 → index 8.2  → 0.8·5 + 0.2·8 = 5.6 (to the bit: 5.599999999999998, as h = 0.1999999999999993) → b ≈ 6.6
 *   intervals [1, 2) [2, 3) [3, 4.4) [4.4, 6.6) [6.6, 13) → digits 1 1 1 2 2 3 3 4 5 5.
 * Cost: per column O(n log bins) expected to find the 2·(bins − 1) order statistics
 * by selection, not a sort (O(n + range) by counting for whole numbers in a small
 * range, such as days and order counts), plus O(n·bins) branch-free comparisons to
 * assign digits; typed arrays only.
 */
import { failValue } from "../errors";
import { rankValuesByCounting, selectRanks } from "../numeric/orderStatistics";
import { seqProbabilities, type7, type7Positions } from "../numeric/quantileSorted";
import { weightedDistinct, weightedQuantileOf } from "../numeric/weightedQuantile";

export type RfmMethod = "rfm" | "quantile";

export const RFM_DEFAULT_BINS = 5;
export const RFM_MIN_BINS = 2;
export const RFM_MAX_BINS = 9;

/** The intervals one column's digits come from: digit i (before reversal) is [lower[i−1], upper[i−1]). */
export type RfmBreaks = {
  /** Values that took part (non-blank); with weights, Σ weights of those rows (the expansion's count). */
  readonly count: number;
  readonly min: number;
  readonly max: number;
  /** q_k for k = 1 … bins − 1. */
  readonly quantiles: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
};

export type RfmDigits = {
  /** Recency digit per customer, 1 … bins (high = recent); 0 = missing. */
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
  /** R×100 + F×10 + M; NaN where any digit is missing. */
  readonly score: Float64Array;
  readonly bins: number;
  readonly method: RfmMethod;
  /** Null for a column with no values. */
  readonly breaks: { readonly recency: RfmBreaks | null; readonly frequency: RfmBreaks | null; readonly monetary: RfmBreaks | null };
};

/** Throws #VALUE! unless bins is a whole number from 2 to 9. */
export function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < RFM_MIN_BINS || bins > RFM_MAX_BINS) {
    failValue(`bins: expected a whole number from ${RFM_MIN_BINS} to ${RFM_MAX_BINS}, found ${bins}`);
  }
}

/**
 * The intervals of one column. `scratch` (length ≥ values.length) is reused between
 * columns to save allocations; it is overwritten. With `weights`, the intervals of the
 * expanded column (see the file comment).
 */
export function rfmBreaks(
  values: Float64Array,
  bins: number = RFM_DEFAULT_BINS,
  method: RfmMethod = "rfm",
  scratch: Float64Array = new Float64Array(values.length),
  weights?: ArrayLike<number>,
): RfmBreaks | null {
  checkBins(bins);
  if (weights) return weightedBreaks(values, weights, bins, method);
  let n = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue; // NaN: blank, left out
    scratch[n++] = v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && Math.floor(v) !== v) whole = false;
  }
  if (n === 0) return null;
  const probabilities = seqProbabilities(bins);
  const ranks: number[] = [];
  for (const p of probabilities) {
    const { lo, hi } = type7Positions(n, p);
    ranks.push(lo, hi);
  }
  // Whole days and order counts span a small range: count instead of selecting.
  let atRanks: ArrayLike<number>;
  if (whole && max - min <= Math.min(4 * n + 1024, 1 << 24)) {
    atRanks = rankValuesByCounting(values, min, max, ranks);
  } else {
    selectRanks(scratch, ranks, n);
    atRanks = ranks.map((rank) => scratch[rank]);
  }
  const quantiles = new Float64Array(bins - 1);
  for (let k = 0; k < bins - 1; k++) quantiles[k] = type7(type7Positions(n, probabilities[k]).index, atRanks[2 * k], atRanks[2 * k + 1]);
  return intervals(n, min, max, quantiles, method);
}

/** The intervals from the quantiles q_k: breaks q_k + 1 ("rfm") or q_k ("quantile"), outer bounds min and max + 1. */
function intervals(count: number, min: number, max: number, quantiles: Float64Array, method: RfmMethod): RfmBreaks {
  const bins = quantiles.length + 1;
  const shift = method === "rfm" ? 1 : 0;
  const lower = new Float64Array(bins);
  const upper = new Float64Array(bins);
  lower[0] = min;
  upper[bins - 1] = max + 1;
  for (let k = 0; k < bins - 1; k++) {
    const b = quantiles[k] + shift;
    upper[k] = b;
    lower[k + 1] = b;
  }
  return { count, min, max, quantiles, lower, upper };
}

/** rfmBreaks of the expanded column: quantiles at N = Σw over the cumulative weights (weightedQuantile.ts). */
function weightedBreaks(values: Float64Array, weights: ArrayLike<number>, bins: number, method: RfmMethod): RfmBreaks | null {
  const grouped = weightedDistinct(values, weights);
  const d = grouped.values.length;
  if (d === 0) return null;
  const probabilities = seqProbabilities(bins);
  const quantiles = new Float64Array(bins - 1);
  for (let k = 0; k < bins - 1; k++) quantiles[k] = weightedQuantileOf(grouped, probabilities[k]);
  return intervals(grouped.total, grouped.values[0], grouped.values[d - 1], quantiles, method);
}

/** Digits of one column from its intervals (0 for a blank value); `reversed` for recency. */
export function digitsFromBreaks(values: Float64Array, breaks: RfmBreaks | null, reversed: boolean): Uint8Array {
  const digits = new Uint8Array(values.length);
  if (breaks === null) return digits;
  const { lower, upper } = breaks;
  const bins = lower.length;
  let monotone = true;
  for (let k = 0; k < bins; k++) if (!(lower[k] <= upper[k])) monotone = false;
  if (monotone) {
    // Fast path, the same digits: with non-decreasing breaks the interval holding v is
    // 1 + the number of breaks ≤ v (branch-free), as long as min ≤ v < max + 1.
    const top = upper[bins - 1];
    const bottom = lower[0];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!(v >= bottom && v < top)) continue; // NaN (blank), or beyond max + 1 in floating point
      let d = 1;
      for (let k = 1; k < bins; k++) d += +(v >= lower[k]);
      digits[i] = reversed ? bins + 1 - d : d;
    }
    return digits;
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // The package assigns interval by interval, so a later interval overwrites an earlier one: search from the top.
    for (let k = bins - 1; k >= 0; k--) {
      if (v >= lower[k] && v < upper[k]) {
        digits[i] = reversed ? bins - k : k + 1;
        break;
      }
    }
  }
  return digits;
}

/**
 * RFM digits and scores for columns of per-customer recency (days), frequency
 * (orders) and monetary value. NaN marks a blank. See the file comment for the method.
 * Example: recency 10/50/200, frequency 5/2/1, monetary 500/120/40 with 2 bins →
 * scores 222, 211 and 111 (q at p = 0.5 is the median 50, 2 and 120; breaks +1).
 * `weights` (optional, one whole number ≥ 0 per row): row i stands for weights[i] customers;
 * the digits are those of the expanded table. Example, 2 bins: frequency 5/2/1 with weights
 * 1, 1, 3 expands to 1 1 1 2 5, median 1, break 2, so the F digits are 2, 2 and 1 (unweighted:
 * median 2, break 3, digits 2, 1, 1).
 */
export function rfmDigits(
  recency: Float64Array,
  frequency: Float64Array,
  monetary: Float64Array,
  bins: number = RFM_DEFAULT_BINS,
  method: RfmMethod = "rfm",
  weights?: ArrayLike<number>,
): RfmDigits {
  const n = recency.length;
  if (frequency.length !== n || monetary.length !== n) {
    failValue(`recency, frequency and monetary must have the same length; got ${n}, ${frequency.length} and ${monetary.length}`);
  }
  checkBins(bins);
  if (method !== "rfm" && method !== "quantile") failValue(`method: expected "rfm" or "quantile", found "${String(method)}"`);
  if (weights && weights.length !== n) failValue(`weights has ${weights.length} rows but recency has ${n}; give one weight per row`);
  const scratch = new Float64Array(n);
  const recencyBreaks = rfmBreaks(recency, bins, method, scratch, weights);
  const frequencyBreaks = rfmBreaks(frequency, bins, method, scratch, weights);
  const monetaryBreaks = rfmBreaks(monetary, bins, method, scratch, weights);
  const r = digitsFromBreaks(recency, recencyBreaks, true);
  const f = digitsFromBreaks(frequency, frequencyBreaks, false);
  const m = digitsFromBreaks(monetary, monetaryBreaks, false);
  const score = scratch; // reuse: every slot is written below
  for (let i = 0; i < n; i++) {
    score[i] = r[i] === 0 || f[i] === 0 || m[i] === 0 ? NaN : r[i] * 100 + f[i] * 10 + m[i];
  }
  return {
    r,
    f,
    m,
    score,
    bins,
    method,
    breaks: { recency: recencyBreaks, frequency: frequencyBreaks, monetary: monetaryBreaks },
  };
}
