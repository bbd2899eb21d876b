/**
 * Sample quantiles of R's type 7 (R's default, `quantile(x, probs)`), on data that
 * is already in order, and the probabilities R's `seq(0, 1, length.out = bins + 1)`
 * gives, so that break points match the rfm R package to the last bit.
 *
 * Formula (Hyndman & Fan 1996, definition 7; R's `quantile.default`, type 7):
 *   index = 1 + (n − 1)·p, lo = ⌊index⌋, hi = ⌈index⌉, h = index − lo,
 *   Q(p) = x[lo] when index = lo or x[hi] = x[lo], else (1 − h)·x[lo] + h·x[hi]
 * (1-based positions in the sorted values x, evaluated in that order in double
 * precision, as R does).
 *
 * R's `seq(0, 1, length.out = bins + 1)` is from + k·((to − from)/bins), so the
 * inner probabilities are p_k = k × (1/bins): for 5 bins p_3 = 3 × 0.2 =
 * 0.6000000000000001, not 0.6. That bit matters when an index lands on a tie.
 *
 * Example: x = 1, 2, 3, 4, 10 and p = 0.6000000000000001 → index = 1 + 4p =
 * 3.4000000000000004, lo 3, hi 4, h ≈ 0.4, Q = 0.6·3 + 0.4·4 = 3.4000000000000004.
 * Cost: O(1) per quantile.
 *
 * "Sorted" means only that positions lo and hi hold the right order statistics:
 * an array after a (multi-)selection that placed those ranks is as good as a
 * fully sorted one (see orderStatistics.ts).
 */

/** p_k = k × (1/bins) for k = 1 … bins − 1, as R's seq(0, 1, length.out = bins + 1) gives them. */
export function seqProbabilities(bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError(`bins must be a whole number of 1 or more, got ${bins}`);
  const by = 1 / bins;
  const p = new Float64Array(bins - 1);
  for (let k = 1; k < bins; k++) p[k - 1] = 0 + k * by;
  return p;
}

/** The 0-based positions whose values a type-7 quantile at p reads from n sorted values. */
export function type7Positions(n: number, p: number): { lo: number; hi: number; index: number } {
  const index = 1 + Math.max(n - 1, 0) * p;
  return { lo: Math.floor(index) - 1, hi: Math.ceil(index) - 1, index };
}

/**
 * R type-7 quantile of the first n values of `sorted` (ascending) at probability p in [0, 1].
 * Example: quantileSorted([1, 2, 3, 4, 10], 0.5) → 3 (index 3 exactly).
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number, n: number = sorted.length): number {
  if (n === 0) throw new RangeError("quantile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`probability must be in [0, 1], got ${p}`);
  const { lo, hi, index } = type7Positions(n, p);
  return type7(index, sorted[lo], sorted[hi]);
}

/**
 * The type-7 interpolation between the order statistics x[lo] = low and x[hi] = high
 * (1-based lo = ⌊index⌋), in R's order of operations. Example: type7(3.4, 3, 4) ≈ 3.4.
 */
export function type7(index: number, low: number, high: number): number {
  const lo = Math.floor(index);
  if (index > lo && high !== low) {
    const h = index - lo;
    return (1 - h) * low + h * high;
  }
  return low;
}
