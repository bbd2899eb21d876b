/**
 * Customer histories (x, t_x, T) for the BG/NBD model, checked and grouped.
 *
 * x is the number of repeat purchases (a whole number ≥ 0), t_x the time from the first to the
 * last purchase and T the time from the first purchase to the end of observation, both in the
 * same unit, with 0 ≤ t_x ≤ T, and t_x = 0 when x = 0 (Fader, Hardie & Lee 2005, §2).
 *
 * The likelihood depends on a customer only through (x, t_x, T), so identical rows are merged
 * into one group whose weight is the sum of their weights (1 each by default). Each group keeps
 * the index of its x, t_x and T among their distinct values, so that a likelihood evaluation
 * takes one logarithm per distinct T or t_x instead of one per customer.
 * Example: rows (2, 30.43, 38.86) twice and (0, 0, 38.86) once → 2 groups with weights 2 and 1;
 * distinct T values [38.86]. Cost O(n): the keys ranked or radix-sorted (groupByKey), or hashed
 * where the distinct values are too many for a 32-bit key.
 */
import { indexDistinct } from "../numeric/distinctValues";
import { groupByKey } from "../numeric/sortedKeyGroups";
import { failValue } from "../errors";

export type BgnbdGroups = {
  /** Number of groups. */
  readonly count: number;
  readonly xIndex: Uint32Array;
  readonly txIndex: Uint32Array;
  readonly tIndex: Uint32Array;
  readonly weight: Float64Array;
  /** Distinct values of x, t_x and T that the indexes point into. */
  readonly xValues: Float64Array;
  readonly txValues: Float64Array;
  readonly tValues: Float64Array;
  /** Total weight of the customers with each distinct x. */
  readonly weightOfX: Float64Array;
  readonly totalWeight: number;
  /** Number of input rows with a positive weight (customers, when weights are counts). */
  readonly rows: number;
};

/** Why one customer's (x, t_x, T) cannot be a BG/NBD history, or null when it can. */
export function bgnbdHistoryError(x: number, tx: number, T: number): string | null {
  if (!Number.isFinite(x) || x < 0 || Math.floor(x) !== x) return `x is ${x}; expected a whole number of repeat purchases, 0 or more`;
  if (!Number.isFinite(tx) || tx < 0) return `t_x is ${tx}; expected a time of 0 or more`;
  if (!Number.isFinite(T) || T < 0) return `T is ${T}; expected a time of 0 or more`;
  if (tx > T) return `t_x (${tx}) is more than T (${T}); the last purchase cannot come after the end of observation`;
  if (x === 0 && tx !== 0) return `t_x is ${tx} but x is 0; a customer without repeat purchases has t_x = 0`;
  return null;
}

/**
 * Checks every row and groups identical ones. A bad row fails the call with #VALUE! naming the
 * row (1-based). Rows of weight 0 are left out.
 */
export function groupBgnbdCustomers(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  weights?: ArrayLike<number>,
): BgnbdGroups {
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weights && weights.length !== n)) {
    failValue(`x, t_x, T${weights ? " and weights" : ""} must have the same number of rows`);
  }
  for (let i = 0; i < n; i++) {
    const reason = bgnbdHistoryError(x[i], tx[i], T[i]);
    if (reason) failValue(`row ${i + 1}: ${reason}`);
    if (weights) {
      const w = weights[i];
      if (!Number.isFinite(w) || w < 0) failValue(`weights, row ${i + 1}: weight is ${w}; expected a number of 0 or more`);
    }
  }
  const xs = indexDistinct(x);
  const txs = indexDistinct(tx);
  const ts = indexDistinct(T);
  const nx = xs.values.length;
  const ntx = txs.values.length;
  const nt = ts.values.length;

  // Whole-day or whole-week histories (what order logs and the warehouse SQL give) have keys below
  // 2³²: ranking or sorting them beats hashing millions of them, and orders the groups by x, t_x and T.
  const { index: groupOf, count: groups } = groupByKey(n, nx * ntx * nt, (i) => (xs.index[i] * ntx + txs.index[i]) * nt + ts.index[i]);

  const weight = new Float64Array(groups);
  const xIndex = new Uint32Array(groups);
  const txIndex = new Uint32Array(groups);
  const tIndex = new Uint32Array(groups);
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const g = groupOf[i];
    const w = weights ? weights[i] : 1;
    if (w > 0) rows++;
    weight[g] += w;
    xIndex[g] = xs.index[i];
    txIndex[g] = txs.index[i];
    tIndex[g] = ts.index[i];
  }
  // Drop groups of weight 0 (rows given weight 0).
  let kept = 0;
  for (let g = 0; g < groups; g++) {
    if (weight[g] <= 0) continue;
    weight[kept] = weight[g];
    xIndex[kept] = xIndex[g];
    txIndex[kept] = txIndex[g];
    tIndex[kept] = tIndex[g];
    kept++;
  }
  const weightOfX = new Float64Array(nx);
  let totalWeight = 0;
  for (let g = 0; g < kept; g++) {
    weightOfX[xIndex[g]] += weight[g];
    totalWeight += weight[g];
  }
  return {
    count: kept,
    xIndex: xIndex.subarray(0, kept),
    txIndex: txIndex.subarray(0, kept),
    tIndex: tIndex.subarray(0, kept),
    weight: weight.subarray(0, kept),
    xValues: xs.values,
    txValues: txs.values,
    tValues: ts.values,
    weightOfX,
    totalWeight,
    rows,
  };
}
