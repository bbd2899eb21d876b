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
 * per distinct (t, x, T), since it does not depend on t_x. One evaluation takes at most
 * SERIES_MAX_TERMS terms (else NaN: it has not converged) and one call over columns at most
 * SERIES_BUDGET_TERMS in all (else it fails), so the work of a call is bounded.
 */
import { BgnbdParams } from "./bgnbdLogLikelihood";
import { indexDistinct } from "../numeric/distinctValues";
import { groupByKey } from "../numeric/sortedKeyGroups";
import { TimeSlicer } from "../numeric/yieldToHost";
import { failValue } from "../errors";

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

/** Whole numbers below this get ln(b + x − 1) and ln(α + t) from tables in pAliveColumn. */
const LOG_TABLE = 4096;
/** Whole-number times (e.g. days) below this get ln(α + t) from a table in pAliveColumn (512 KB). */
const TIME_TABLE = 65_536;

/**
 * P(alive) for columns of valid histories into `out`. One exponential per row, and one logarithm
 * where t_x or T is not a whole number below TIME_TABLE: ln(b + x − 1) and ln(α + t) are looked up
 * in tables filled as they are first needed (whole-day histories repeat the same few thousand
 * times). Cost O(n).
 */
export function pAliveColumn(
  params: BgnbdParams,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  out = new Float64Array(x.length),
): Float64Array {
  pAliveRows(params)(x, tx, T, out, 0, x.length);
  return out;
}

/**
 * pAliveColumn for rows [from, to) at a time, its tables kept from one block to the next: a call
 * that yields between blocks of a million rows fills each table once instead of once per block.
 */
export function pAliveRows(params: BgnbdParams): (x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, out: Float64Array, from: number, to: number) => void {
  const { r, alpha, a, b } = params;
  const lnA = Math.log(a);
  const lnOdds = new Float64Array(LOG_TABLE).fill(NaN); // ln a − ln(b + x − 1) by whole x
  let lnTime: Float64Array | null = null; // ln(α + t) by whole t, made on the first whole-number time
  const lnAlphaPlus = (t: number): number => {
    if (t < TIME_TABLE && (t | 0) === t) {
      lnTime ??= new Float64Array(TIME_TABLE).fill(NaN);
      const v = lnTime[t];
      return v === v ? v : (lnTime[t] = Math.log(alpha + t));
    }
    return Math.log(alpha + t);
  };
  return (x, tx, T, out, from, to) => {
    for (let i = from; i < to; i++) {
      const xi = x[i];
      if (xi === 0) {
        out[i] = 1;
        continue;
      }
      let base: number;
      if (xi < LOG_TABLE && (xi | 0) === xi) {
        base = lnOdds[xi];
        if (base !== base) base = lnOdds[xi] = lnA - Math.log(b + xi - 1);
      } else base = lnA - Math.log(b + xi - 1);
      const Ti = T[i], txi = tx[i];
      const ratio = (Ti | 0) === Ti && (txi | 0) === txi ? lnAlphaPlus(Ti) - lnAlphaPlus(txi) : Math.log((alpha + Ti) / (alpha + txi));
      const odds = base + (r + xi) * ratio;
      const e = Math.exp(odds > 0 ? -odds : odds);
      out[i] = odds > 0 ? e / (1 + e) : 1 / (1 + e);
    }
  };
}

const SERIES_TOLERANCE = 1e-16;
/**
 * The most terms one evaluation of the series may take. It needs about 37 / (1 − z) terms
 * (z = t/(α+T+t)), fewer when x or r is large: a million cover t up to about 27,000 × (α + T),
 * and one evaluation takes a few milliseconds at most. Beyond, the sum would be
 * wrong, so the evaluation gives NaN and the caller says why (`SERIES_NOT_CONVERGED`).
 */
export const SERIES_MAX_TERMS = 1_000_000;
/** The most series terms one call over columns may sum in total (a few seconds here); beyond, the call fails. */
export const SERIES_BUDGET_TERMS = 200_000_000;
export const SERIES_NOT_CONVERGED = `the expected purchases cannot be computed accurately for this customer: the series does not settle within ${SERIES_MAX_TERMS.toLocaleString("en-US")} terms or cancels (t very long beside alpha + T, or extreme parameters); use a shorter period, a coarser time unit or other parameters`;

/** A call's remaining allowance of series terms (see SERIES_BUDGET_TERMS). */
export type SeriesBudget = { terms: number };

export const seriesBudget = (): SeriesBudget => ({ terms: SERIES_BUDGET_TERMS });

function spend(budget: SeriesBudget | undefined, terms: number): void {
  if (budget === undefined) return;
  budget.terms -= terms;
  if (budget.terms < 0) {
    failValue(
      `this call needs more than ${SERIES_BUDGET_TERMS.toLocaleString("en-US")} terms of the expected-purchases series (long periods beside alpha + T, over many distinct histories); use fewer rows, a shorter period or a coarser time unit`,
    );
  }
}

/**
 * The bracket (a+b+x−1)/(a−1)·[1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(…)] of E[Y(t)], before the
 * P(alive) factor; it depends on x, T and t but not on t_x. It is 0 or more (rounding can
 * give −1e−16, which is clamped to 0); NaN when the series does not converge within
 * SERIES_MAX_TERMS or its terms cancel so much that the rounding error exceeds 1e−9
 * (SERIES_NOT_CONVERGED). `budget`, when given, is charged the terms taken.
 */
export function expectedPurchasesIfAlive({ r, alpha, a, b }: BgnbdParams, t: number, x: number, T: number, budget?: SeriesBudget): number {
  if (t === 0) return 0;
  const C = a + b + x - 1;
  const A = a + b - 1 - r;
  const z = t / (alpha + T + t);
  const ln1mz = -Math.log1p(t / (alpha + T));
  const am1 = a - 1;
  const first = Math.abs(am1) < 1e-12 ? -C * ln1mz : (-C * Math.expm1(am1 * ln1mz)) / am1;
  let term = A * z;
  let sum = term;
  let size = Math.abs(term); // Σ|term|: how much the sum can lose to cancellation
  let k = 1;
  let converged = term === 0;
  for (; k < SERIES_MAX_TERMS && !converged; k++) {
    term *= (((A + k) * (a + k - 1)) / ((C + k) * (k + 1))) * z;
    sum += term;
    size += Math.abs(term);
    if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum) || term === 0) converged = true;
  }
  spend(budget, k);
  if (!converged) return NaN;
  const scale = Math.exp(am1 * ln1mz);
  const value = first - scale * sum;
  // Rounding error of the difference: a few ulps of everything added (large r makes A very negative,
  // and the terms then cancel by many orders of magnitude). Beyond 1e−9 purchases, or beyond 1e−9 of
  // the value, it is not an answer; below, a slightly negative value is 0.
  const error = 4 * Number.EPSILON * (Math.abs(first) + scale * size) * (1 + Math.log2(k));
  if (!(error <= 1e-9 || error <= 1e-9 * Math.abs(value))) return NaN;
  return value > 0 ? value : 0;
}

/** E[Y(t) | x, t_x, T]. Example: CDNOW fit, t 39, x 2, t_x 30.43, T 38.86 → 1.2259. */
export function expectedPurchases(params: BgnbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedPurchasesIfAlive(params, t, x, T) * pAlive(params, x, tx, T);
}

export type ColumnPacing = {
  /** Yields by elapsed time (numeric/yieldToHost.ts); checked between rows. */
  readonly slicer?: TimeSlicer;
  /** The call's series allowance; default a fresh SERIES_BUDGET_TERMS. */
  readonly budget?: SeriesBudget;
};

/**
 * E[Y(t)] for columns of valid histories into `out` (t one value per row, or a single value for
 * every row), summing the series once per distinct (t, x, T). Cost O(n + distinct triples · k).
 * NaN in a row whose series does not converge (SERIES_NOT_CONVERGED).
 */
export function expectedPurchasesColumn(
  params: BgnbdParams,
  t: ArrayLike<number>,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  out = new Float64Array(x.length),
): Float64Array {
  expectedPurchasesFiller(params, t, x, tx, T, out, seriesBudget())(0, never);
  return out;
}

/** The async form, yielding by elapsed time through `pacing.slicer`: no stretch much over SLICE_MS. */
export async function expectedPurchasesColumnAsync(
  params: BgnbdParams,
  t: ArrayLike<number>,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  out = new Float64Array(x.length),
  pacing: ColumnPacing = {},
): Promise<Float64Array> {
  const fill = expectedPurchasesFiller(params, t, x, tx, T, out, pacing.budget ?? seriesBudget());
  await inSlices(x.length, fill, pacing.slicer);
  return out;
}

/**
 * A resumable fill of rows [from, n): computes rows from `from` on and returns the row it stopped
 * before, which is n when done, or earlier when `due()` said the stretch has run long enough.
 */
export type Filler = (from: number, due: () => boolean) => number;

const never = () => false;

/** Runs a filler over all n rows, yielding through the slicer whenever it stops early. */
export async function inSlices(n: number, fill: Filler, slicer?: TimeSlicer): Promise<void> {
  if (!slicer) {
    fill(0, never);
    return;
  }
  for (let from = 0; from < n; ) {
    from = fill(from, slicer.due);
    if (from < n) await slicer.pause();
  }
}

function expectedPurchasesFiller(
  params: BgnbdParams,
  t: ArrayLike<number>,
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  out: Float64Array,
  budget: SeriesBudget,
): Filler {
  const n = x.length;
  const single = t.length === 1;
  const ts = indexDistinct(single ? [t[0]] : t);
  const xs = indexDistinct(x);
  const Ts = indexDistinct(T);
  const nx = xs.values.length;
  const nT = Ts.values.length;
  const tIndex = ts.index;
  const triples = groupByKey(n, ts.values.length * nx * nT, (i) => ((single ? 0 : tIndex[i]) * nx + xs.index[i]) * nT + Ts.index[i]);
  const ifAlive = new Float64Array(triples.count).fill(NaN);
  const done = new Uint8Array(triples.count);
  // The clock is read after each series summed (dozens of terms or more) and every 4,096 rows.
  return (from, due) => {
    for (let i = from; i < n; i++) {
      const k = triples.index[i];
      let value = ifAlive[k];
      let check = (i & 4095) === 4095;
      if (done[k] === 0) {
        value = ifAlive[k] = expectedPurchasesIfAlive(params, single ? t[0] : t[i], x[i], T[i], budget);
        done[k] = 1;
        check = true;
      }
      out[i] = value * pAlive(params, x[i], tx[i], T[i]);
      if (check && due()) return i + 1;
    }
    return n;
  };
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
