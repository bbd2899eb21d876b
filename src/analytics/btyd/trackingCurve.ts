/**
 * Tracking of repeat purchases over time, actual against a fitted model, for one cohort (Fader,
 * Hardie & Lee 2005, "Counting your customers the easy way", §4, figure 4: weekly and cumulative
 * repeat purchases of the CDNOW cohort, weeks 1–78, with the calibration end marked). Time runs in
 * model units from an origin; customer i made its first purchase at sᵢ.
 *
 *   expected cumulative at τ = Σ_{i: sᵢ < τ} E[X(τ − sᵢ)]      (E[X(t)]: a new customer's expected
 *                                                              repeat purchases in t units)
 *   actual cumulative at τ   = repeat purchases made at a time ≤ τ
 *   per period k             = cumulative at τ_k − cumulative at τ_{k−1},   τ_k = min(k, end), τ₀ = 0
 *
 * Period k covers the times (k − 1, k]; the last period is cut at `end` when `end` is not whole, and
 * its expectation is taken at `end` too, so that both sides count the same stretch. The repeat
 * purchase times are those of the cohort's customers only (the caller leaves later newcomers out),
 * and repeats after `end` are ignored. Customers with the same sᵢ share the evaluations of E[X], and
 * each distinct elapsed time τ_k − sᵢ is evaluated once (with starts on whole days at most one per
 * day of the span): cost O(n + repeats + distinct s · periods) plus at most that many evaluations of
 * E[X] (series sums), time-sliced when a slicer is given.
 * Example: one customer with s = 0.5, repeats at 0.9 and 2.0, end 2, a toy E[X(t)] = t →
 * periods 1, 2: actual [1, 1], cumulative [1, 2]; expected cumulative [0.5, 1.5], per period [0.5, 1].
 */
import { failValue } from "../errors";
import { indexDistinct } from "../numeric/distinctValues";
import type { TimeSlicer } from "../numeric/yieldToHost";

export type TrackingCurve = {
  /** Number of periods: ceil(end). */
  readonly periods: number;
  /** End of each period τ_k = min(k, end), k = 1 … periods. */
  readonly ends: Float64Array;
  readonly actual: Float64Array;
  readonly expected: Float64Array;
  readonly actualCumulative: Float64Array;
  readonly expectedCumulative: Float64Array;
};

export async function trackingCurve(
  starts: ArrayLike<number>,
  repeats: ArrayLike<number>,
  end: number,
  expectedNew: (t: number) => number,
  slicer?: TimeSlicer,
): Promise<TrackingCurve> {
  if (!(end > 0) || !Number.isFinite(end)) failValue(`the tracking end is ${end}; it must be a number of time units above 0`);
  const periods = Math.ceil(end);
  const ends = new Float64Array(periods);
  for (let k = 0; k < periods; k++) ends[k] = Math.min(k + 1, end);

  const actual = new Float64Array(periods);
  for (let j = 0; j < repeats.length; j++) {
    const t = repeats[j];
    if (!(t > 0) || t > end) continue;
    actual[Math.min(Math.ceil(t), periods) - 1]++;
  }

  for (let i = 0; i < starts.length; i++) if (!(starts[i] >= 0)) failValue(`the first purchase of customer ${i + 1} is at ${starts[i]}; it must be 0 or later`);
  const distinct = indexDistinct(starts);
  const count = new Float64Array(distinct.values.length);
  for (let i = 0; i < starts.length; i++) count[distinct.index[i]]++;
  const expectedCumulative = new Float64Array(periods);
  // Starts on whole days and period ends on whole units give few distinct elapsed times: each is evaluated once.
  const memo = new Map<number, number>();
  const expectedAt = (t: number): number => {
    let v = memo.get(t);
    if (v === undefined) memo.set(t, (v = expectedNew(t)));
    return v;
  };
  for (let d = 0; d < distinct.values.length; d++) {
    const s = distinct.values[d];
    for (let k = 0; k < periods; k++) if (ends[k] > s) expectedCumulative[k] += count[d] * expectedAt(ends[k] - s);
    if (slicer?.due()) await slicer.pause();
  }

  const expected = new Float64Array(periods);
  const actualCumulative = new Float64Array(periods);
  for (let k = 0; k < periods; k++) {
    expected[k] = expectedCumulative[k] - (k > 0 ? expectedCumulative[k - 1] : 0);
    actualCumulative[k] = actual[k] + (k > 0 ? actualCumulative[k - 1] : 0);
  }
  return { periods, ends, actual, expected, actualCumulative, expectedCumulative };
}
