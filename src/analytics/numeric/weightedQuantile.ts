/**
 * R type-7 quantiles of weighted values, where weight w_i means "value x_i, w_i times" (a grouped
 * table: one row per distinct history with its number of customers). The result is, to the bit,
 * the type-7 quantile of the expanded data, each value repeated w_i times (quantileSorted.ts):
 *
 *   N = Σ w_i (whole weights), index = 1 + (N − 1)·p, lo = ⌊index⌋, hi = ⌈index⌉, h = index − lo
 *   x[k] = the k-th value (1-based) of the expansion in ascending order
 *        = the smallest distinct value v whose cumulative weight C(v) = Σ_{x_i ≤ v} w_i is ≥ k
 *   Q(p) = x[lo] when index = lo or x[hi] = x[lo], else (1 − h)·x[lo] + h·x[hi]   (R's order of operations)
 *
 * Example: values 1, 2, 10 with weights 3, 1, 2 expand to 1 1 1 2 10 10, N = 6.
 *   p = 0.5: index = 1 + 5·0.5 = 3.5, x[3] = 1 (C(1) = 3 ≥ 3), x[4] = 2 (C(2) = 4 ≥ 4),
 *            Q = 0.5·1 + 0.5·2 = 1.5, as median(1 1 1 2 10 10) = (1 + 2)/2.
 *   p = 0.8: index = 1 + 5·0.8 = 5, x[5] = 10 (C(2) = 4 < 5 ≤ C(10) = 6), Q = 10.
 *
 * Weights must be whole numbers ≥ 0 (a 0 row stands for no one and is left out, as is a NaN
 * value); anything else throws #VALUE! naming the row. Cost: O(n + range) by counting when the
 * values are whole numbers in a small range (days, order counts, RFM digit sums), else O(n log n)
 * for one native sort of the values and a binary search per row; then O(log d) per quantile over
 * the d distinct values.
 */
import { failValue } from "../errors";
import { type7, type7Positions } from "./quantileSorted";

/** The distinct values (ascending) of the rows with weight > 0 and their cumulative weights. */
export type WeightedDistinct = {
  /** Distinct values, ascending. */
  readonly values: Float64Array;
  /** cumulative[j] = Σ weights of rows whose value ≤ values[j]; cumulative[d − 1] = total. */
  readonly cumulative: Float64Array;
  /** N = Σ weights of the rows taken (non-NaN values). */
  readonly total: number;
  /** Every value taken is a whole number. */
  readonly whole: boolean;
};

/** Throws #VALUE! unless every weight is a whole number ≥ 0 and the lengths agree. O(n). */
export function checkWeights(weights: ArrayLike<number>, n: number, name = "weights"): void {
  if (weights.length !== n) failValue(`${name} has ${weights.length} rows but the values have ${n}; give one weight per row`);
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w) || Math.floor(w) !== w) {
      failValue(`${name}, row ${i + 1}: ${w} is not a number of customers; expected a whole number, 0 or more`);
    }
  }
}

/**
 * Groups weighted values by distinct value. Rows with a NaN value or weight 0 are left out.
 * Example: values 2, 1, 2, NaN with weights 1, 3, 4, 5 → values 1, 2, cumulative 3, 8, total 8.
 */
export function weightedDistinct(values: ArrayLike<number>, weights: ArrayLike<number>): WeightedDistinct {
  const n = values.length;
  checkWeights(weights, n);
  let taken = 0;
  let total = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const w = weights[i];
    if (v !== v || w === 0) continue;
    taken++;
    total += w;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && Math.floor(v) !== v) whole = false;
  }
  if (taken === 0) return { values: new Float64Array(0), cumulative: new Float64Array(0), total: 0, whole };
  let distinct: Float64Array;
  let sums: Float64Array;
  if (whole && max - min <= Math.min(4 * taken + 1024, 1 << 24)) {
    // Counting: one slot per whole value between min and max.
    const slots = new Float64Array(max - min + 1);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const w = weights[i];
      if (v !== v || w === 0) continue;
      slots[v - min] += w;
    }
    let d = 0;
    for (let s = 0; s < slots.length; s++) if (slots[s] > 0) d++;
    distinct = new Float64Array(d);
    sums = new Float64Array(d);
    d = 0;
    for (let s = 0; s < slots.length; s++) {
      if (slots[s] > 0) {
        distinct[d] = min + s;
        sums[d++] = slots[s];
      }
    }
  } else {
    const sorted = new Float64Array(taken);
    let k = 0;
    for (let i = 0; i < n; i++) if (values[i] === values[i] && weights[i] !== 0) sorted[k++] = values[i];
    sorted.sort();
    let d = 0;
    for (let j = 0; j < taken; j++) if (j === 0 || sorted[j] !== sorted[d - 1]) sorted[d++] = sorted[j];
    distinct = sorted.slice(0, d);
    sums = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      const w = weights[i];
      if (v !== v || w === 0) continue;
      sums[indexOfValue(distinct, v)] += w;
    }
  }
  for (let j = 1; j < sums.length; j++) sums[j] += sums[j - 1];
  return { values: distinct, cumulative: sums, total, whole };
}

/** Position of v in the ascending distinct values (v must be one of them). O(log d). */
function indexOfValue(distinct: Float64Array, v: number): number {
  let lo = 0;
  let hi = distinct.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (distinct[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The value at 0-based rank `rank` of the expansion: the first distinct value whose cumulative
 * weight exceeds rank. Example: values 1, 2 with cumulative 3, 8: rank 2 → 1, rank 3 → 2. O(log d).
 */
export function weightedValueAtRank(w: WeightedDistinct, rank: number): number {
  const { cumulative } = w;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > rank) hi = mid;
    else lo = mid + 1;
  }
  return w.values[lo];
}

/** Type-7 quantile at p of grouped values (see the file comment); NaN when the total weight is 0. */
export function weightedQuantileOf(w: WeightedDistinct, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  if (w.total === 0) return NaN;
  const { lo, hi, index } = type7Positions(w.total, p);
  return type7(index, weightedValueAtRank(w, lo), weightedValueAtRank(w, hi));
}

/**
 * R type-7 quantile at p of `values`, value i counted weights[i] times; NaN values are left out.
 * Example: weightedQuantile([1, 2, 10], [3, 1, 2], 0.5) → 1.5 (see the file comment).
 */
export function weightedQuantile(values: ArrayLike<number>, weights: ArrayLike<number>, p: number): number {
  return weightedQuantileOf(weightedDistinct(values, weights), p);
}
