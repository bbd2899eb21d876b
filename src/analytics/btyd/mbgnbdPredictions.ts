/**
 * Predictions of a fitted MBG/NBD model (Batislam, Denizel & Filiztekin 2007, IJRM 24(3), eqs. 3–5):
 *
 *   P(alive | x, t_x, T) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x))       (below 1 even at x = 0)
 *
 *   E[Y(t) | x, t_x, T] = (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x+1; a+b+x; z)]
 *                         · P(alive),   z = t/(α+T+t)
 *
 *   E[X(t)] (a new customer) = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]
 *
 * The bracket is the BG/NBD's (bgnbdPredictions.ts, expectedPurchasesIfAlive) with b + 1 in
 * place of b, so it shares its Euler-transformed series (no 0/0 at a = 1); the new customer's
 * E[X(t)] is E[Y(t) | 0, 0, 0], P(alive | 0, 0, 0) = b/(a+b) turning (a+b)/(a−1) into b/(a−1).
 * Example (CDNOW, r 0.525, α 6.183, a 0.891, b 1.614; x 2, t_x 30.43, T 38.86 weeks):
 * P(alive) 0.7062 and a new customer's E[X(39)] 1.1830 by these formulas. O(series terms).
 */
import { MbgnbdParams } from "./mbgnbdLogLikelihood";
import { expectedPurchasesIfAlive } from "./bgnbdPredictions";

// Math's functions read once: a global lookup per call is slow in sandboxed runtimes (jest's vm
// context measured 30× slower), and these run millions of times per fit.
const { exp, log, log1p } = Math;

/** Why a parameter set is not a valid MBG/NBD model, or null. */
export function mbgnbdParamsError({ r, alpha, a, b }: MbgnbdParams): string | null {
  const named: [string, number][] = [["r", r], ["alpha", alpha], ["a", a], ["b", b]];
  for (const [name, value] of named) {
    if (!Number.isFinite(value) || value <= 0) return `${name} is ${value}; every MBG/NBD parameter must be a number above 0`;
  }
  return null;
}

/** P(alive). Example: see the file comment. O(1). */
export function mbgnbdPAlive({ r, alpha, a, b }: MbgnbdParams, x: number, tx: number, T: number): number {
  const odds = log(a) - log(b + x) + (r + x) * log1p((T - tx) / (alpha + tx));
  return odds > 0 ? exp(-odds) / (1 + exp(-odds)) : 1 / (1 + exp(odds));
}

/** E[Y(t) | x, t_x, T]. Example: see the file comment. */
export function mbgnbdExpectedPurchases(params: MbgnbdParams, t: number, x: number, tx: number, T: number): number {
  return expectedPurchasesIfAlive({ ...params, b: params.b + 1 }, t, x, T) * mbgnbdPAlive(params, x, tx, T);
}

/** E[X(t)] for a customer just acquired. Example: see the file comment. */
export function mbgnbdNewCustomerExpectedPurchases(params: MbgnbdParams, t: number): number {
  return mbgnbdExpectedPurchases(params, t, 0, 0, 0);
}
