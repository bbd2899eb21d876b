/**
 * Repeat purchases per customer in the calibration period, actual against what a fitted model
 * expects (Fader, Hardie & Lee 2005, "Counting your customers the easy way", §4, figure 2):
 *
 *   actual(k)   = number of customers with x = k            (k = 0 … last − 1; last bucket: x ≥ last)
 *   expected(k) = Σᵢ P(X(Tᵢ) = k)                          (each customer's own length of observation Tᵢ)
 *   expected(last+) = Σᵢ [1 − Σ_{k<last} P(X(Tᵢ) = k)]      (so Σ expected = Σ actual = customers)
 *
 * `probability(k, t)` is the model's P(X(t) = k) for a customer just acquired
 * (bgnbdPurchaseProbability.ts for BG/NBD, paretoNbdPurchaseProbability.ts for Pareto/NBD).
 * Customers with the same T share one evaluation, so the cost is O(n) to group plus
 * O(distinct T · last) probabilities. Rows with a NaN x or T are left out.
 * Example: two customers, x 0 and 2, both T 1, and a toy model with P(X(1) = 0) = 0.5,
 * P(X(1) = 1) = 0.3 and last 2 → actual [1, 0, 1], expected [1.0, 0.6, 0.4].
 */
import { failValue } from "../errors";
import { indexDistinct } from "../numeric/distinctValues";

export type RepeatPurchaseHistogram = {
  /** Customers with x = 0, 1, …, last − 1 and (final entry) x ≥ last. Length last + 1. */
  readonly actual: Float64Array;
  /** Σᵢ P(X(Tᵢ) = k) in the same buckets. */
  readonly expected: Float64Array;
  /** Customers counted (rows with a usable x and T). */
  readonly customers: number;
};

/** Frequency buckets 0 … 6 and 7+ unless told otherwise (as in FHL 2005, figure 2). */
export const HISTOGRAM_LAST = 7;

export function repeatPurchaseHistogram(
  x: ArrayLike<number>,
  T: ArrayLike<number>,
  probability: (k: number, t: number) => number,
  last = HISTOGRAM_LAST,
): RepeatPurchaseHistogram {
  if (x.length !== T.length) failValue(`x has ${x.length} rows and T ${T.length}; they must have the same number of rows`);
  if (!Number.isInteger(last) || last < 1) failValue(`last is ${last}; it must be a whole number of 1 or more`);
  const actual = new Float64Array(last + 1);
  const expected = new Float64Array(last + 1);
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== x[i] || T[i] !== T[i]) continue;
    keep.push(i);
    actual[Math.min(Math.floor(x[i]), last)]++;
  }
  const Ts = new Float64Array(keep.length);
  for (let j = 0; j < keep.length; j++) Ts[j] = T[keep[j]];
  const distinct = indexDistinct(Ts);
  const count = new Float64Array(distinct.values.length);
  for (let j = 0; j < keep.length; j++) count[distinct.index[j]]++;
  for (let d = 0; d < distinct.values.length; d++) {
    let below = 0;
    for (let k = 0; k < last; k++) {
      const p = probability(k, distinct.values[d]);
      expected[k] += count[d] * p;
      below += p;
    }
    expected[last] += count[d] * Math.max(0, 1 - below);
  }
  return { actual, expected, customers: keep.length };
}
