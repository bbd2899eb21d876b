/**
 * Predictions of a fitted BG/NBD model for one customer with history (x, t_x, T)
 * (Fader, Hardie & Lee 2005, "Counting your customers the easy way", eqs. 13 and 10):
 *
 *   P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b + x − 1) · ((α + T)/(α + t_x))^(r+x))
 *
 *   E[Y(t) | x, t_x, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z)]
 *                         / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)),   z = t/(α+T+t)
 *
 * the expected number of purchases in the next t time units. A customer with x = 0 has
 * P(alive) = 1: in this model a customer can drop out only right after a repeat purchase.
 *
 * ₂F₁ is evaluated after Euler's transformation ₂F₁(A,B;C;z) = (1−z)^(C−A−B) ₂F₁(C−A, C−B; C; z)
 * (Abramowitz & Stegun 15.3.3), which turns the numerators r+x and b+x into a+b−1−r and a−1:
 * small numerators and a large denominator, so the series converges quickly and never overflows
 * for x in the hundreds, and the factor (a−1) cancels exactly (no 0/0 at a = 1):
 *
 *   numerator = C·[1 − (1−z)^(a−1)]/(a−1) − (1−z)^(a−1) · Σ_{k≥1} C (a+b−1−r)_k (a)_{k−1} z^k / ((C)_k k!)
 *   with C = a+b+x−1.
 *
 * Example (CDNOW fit r 0.2426, α 4.4135, a 0.7929, b 2.4258; customer x 2, t_x 30.43, T 38.86
 * weeks): P(alive) = 0.7266, E[Y(39)] = 1.2259 (the worked example of the spreadsheet that
 * accompanies FHL 2005). Cost O(1) for P(alive); O(k) for E[Y(t)] with k the series terms
 * needed, about 40 / −log₁₀ z; over columns (expectedPurchasesColumn) the series is summed once
 * per distinct (t, x, T), since it does not depend on t_x.
 */
import { BgnbdParams } from "./bgnbdLogLikelihood";
import { indexDistinct } from "../numeric/distinctValues";

/** Why a parameter set is not a valid BG/NBD model, or null. */
export function bgnbdParamsError({ r, alpha, a, b }: BgnbdParams): string | null {
  const named: [string, number][] = [["r", r], ["alpha", alpha], ["a", a], ["b", b]];
  for (const [name, value] of named) {
    if (!Number.isFinite(value) || value <= 0) return `${name} is ${value}; every BG/NBD parameter must be a number above 0`;
  }
  return null;
}

/** ln of a/(b+x−1)·((α+T)/(α+t_x))^(r+x): the log-odds of having dropped out. x > 0. */
function logOddsDead({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive). Example: CDNOW fit, x 2, t_x 30.43, T 38.86 → 0.7266. O(1). */
export function pAlive(params: BgnbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const odds = logOddsDead(params, x, tx, T);
  return odds > 0 ? Math.exp(-odds) / (1 + Math.exp(-odds)) : 1 / (1 + Math.exp(odds));
}

/** P(alive) for columns of valid histories into `out`. Cost O(n). */
export function pAliveColumn(
  params: BgnbdParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  out = new Float64Array(x.length),
): Float64Array {
  const { r, alpha, a, b } = params;
  const lnA = Math.log(a);
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    if (xi === 0) {
      out[i] = 1;
      continue;
    }
    const odds = lnA - Math.log(b + xi - 1) + (r + xi) * Math.log((alpha + T[i]) / (alpha + tx[i]));
    out[i] = odds > 0 ? Math.exp(-odds) / (1 + Math.exp(-odds)) : 1 / (1 + Math.exp(odds));
  }
  return out;
}

const SERIES_TOLERANCE = 1e-16;
const SERIES_MAX_TERMS = 1_000_000;

/**
 * The bracket (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(…)] of E[Y(t)], before the
 * P(alive) factor; it depends on x, T and t but not on t_x.
 */
export function expectedPurchasesIfAlive({ r, alpha, a, b }: BgnbdParams, t: number, x: number, T: number): number {
  if (t === 0) return 0;
  const C = a + b + x - 1;
  const A = a + b - 1 - r;
  const z = t / (alpha + T + t);
  const ln1mz = -Math.log1p(t / (alpha + T));
  const am1 = a - 1;
  const first = Math.abs(am1) < 1e-12 ? -C * ln1mz : (-C * Math.expm1(am1 * ln1mz)) / am1;
  let term = A * z;
  let sum = term;
  for (let k = 1; k < SERIES_MAX_TERMS; k++) {
    term *= (((A + k) * (a + k - 1)) / ((C + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum) || term === 0) break;
  }
  return first - Math.exp(am1 * ln1mz) * sum;
}

/** E[Y(t) | x, t_x, T]. Example: CDNOW fit, t 39, x 2, t_x 30.43, T 38.86 → 1.2259. */
export function expectedPurchases(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedPurchasesIfAlive(params, t, x, T) * pAlive(params, x, tx, T);
}

/**
 * E[Y(t)] for columns of valid histories into `out` (t one value per row, or a single value for
 * every row), summing the series once per distinct (t, x, T). Cost O(n + distinct triples · k).
 */
export function expectedPurchasesColumn(
  params: BgnbdParams,
  t: ArrayLike<number>,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  out = new Float64Array(x.length),
): Float64Array {
  const n = x.length;
  const single = t.length === 1;
  const ts = indexDistinct(single ? [t[0]] : t);
  const xs = indexDistinct(x);
  const Ts = indexDistinct(T);
  const nx = xs.values.length;
  const nT = Ts.values.length;
  if (ts.values.length * nx * nT >= Number.MAX_SAFE_INTEGER) {
    for (let i = 0; i < n; i++) out[i] = expectedPurchases(params, single ? t[0] : t[i], x[i], tx[i], T[i]);
    return out;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((single ? 0 : ts.index[i]) * nx + xs.index[i]) * nT + Ts.index[i];
  const triples = indexDistinct(keys);
  const ifAlive = new Float64Array(triples.values.length).fill(NaN);
  for (let i = 0; i < n; i++) {
    const k = triples.index[i];
    let value = ifAlive[k];
    if (value !== value) value = ifAlive[k] = expectedPurchasesIfAlive(params, single ? t[0] : t[i], x[i], T[i]);
    out[i] = value * pAlive(params, x[i], tx[i], T[i]);
  }
  return out;
}

/**
 * E[X(t)] for a customer just acquired (FHL 2005, eq. 9):
 * (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))], which is E[Y(t) | 0, 0, 0].
 * Example: CDNOW fit, t 39 → 1.1951 (and Σₖ k·P(X(39) = k) by bgnbdPurchaseProbability.ts).
 * O(series terms).
 */
export function bgnbdNewCustomerExpectedPurchases(params: BgnbdParams, t: number): number {
  return expectedPurchasesIfAlive(params, t, 0, 0);
}
