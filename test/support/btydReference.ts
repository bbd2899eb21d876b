/**
 * Independent implementations for the BTYD tests, written straight from the papers' formulas
 * with plain floating point (no log space, no series transformations, no shared code with src):
 * Gauss's hypergeometric series and the Pareto/NBD, MBG/NBD and BG/BB expressions. They are
 * only accurate where nothing overflows and the series converges quickly (CDNOW-sized inputs).
 */
import { lnGamma } from "../../src/analytics/numeric/specialFunctions";

/** ₂F₁(a, b; c; z) = Σₖ (a)ₖ (b)ₖ / ((c)ₖ k!) zᵏ for |z| < 1 (A&S 15.1.1). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 100_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

const gammaFn = (x: number) => Math.exp(lnGamma(x));
const betaFn = (a: number, b: number) => Math.exp(lnGamma(a) + lnGamma(b) - lnGamma(a + b));

type Pnbd = { r: number; alpha: number; s: number; beta: number };

/** A₀ of Fader & Hardie (2005) note 009, eq. 22's two cases. */
function paretoA0({ r, alpha, s, beta }: Pnbd, x: number, tx: number, T: number): number {
  const m = r + s + x;
  const F = (y: number) =>
    alpha >= beta
      ? hyp2f1(m, s + 1, m + 1, (alpha - beta) / (alpha + y)) / Math.pow(alpha + y, m)
      : hyp2f1(m, r + x, m + 1, (beta - alpha) / (beta + y)) / Math.pow(beta + y, m);
  return F(tx) - F(T);
}

/** Pareto/NBD ln L, note 009 eq. 22 as printed. */
export function paretoReferenceLogLikelihood(p: Pnbd, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const front = (gammaFn(r + x) * Math.pow(alpha, r) * Math.pow(beta, s)) / gammaFn(r);
  const alive = 1 / (Math.pow(alpha + T, r + x) * Math.pow(beta + T, s));
  return Math.log(front * (alive + (s / (r + s + x)) * paretoA0(p, x, tx, T)));
}

/** P(alive), note 009 eq. 11 as printed. */
export function paretoReferencePAlive(p: Pnbd, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  return 1 / (1 + (s / (r + s + x)) * Math.pow(alpha + T, r + x) * Math.pow(beta + T, s) * paretoA0(p, x, tx, T));
}

type Bg = { r: number; alpha: number; a: number; b: number };

/** MBG/NBD ln L, Batislam et al. (2007) eq. 2 with Beta and Gamma functions as printed. */
export function mbgnbdReferenceLogLikelihood({ r, alpha, a, b }: Bg, x: number, tx: number, T: number): number {
  const nbd = (gammaFn(r + x) * Math.pow(alpha, r)) / gammaFn(r);
  return Math.log(
    nbd * (betaFn(a, b + x + 1) / betaFn(a, b)) / Math.pow(alpha + T, r + x) + nbd * (betaFn(a + 1, b + x) / betaFn(a, b)) / Math.pow(alpha + tx, r + x),
  );
}

/** BG/NBD P(X(t) = k), FHL (2005) eq. 8 with Beta and Gamma functions as printed. */
export function bgnbdReferencePmf({ r, alpha, a, b }: Bg, k: number, t: number): number {
  const nb = (j: number) => (gammaFn(r + j) / (gammaFn(r) * gammaFn(j + 1))) * Math.pow(alpha / (alpha + t), r) * Math.pow(t / (alpha + t), j);
  let head = 0;
  for (let j = 0; j < k; j++) head += nb(j);
  return (betaFn(a, b + k) / betaFn(a, b)) * nb(k) + (k > 0 ? (betaFn(a + 1, b + k - 1) / betaFn(a, b)) * (1 - head) : 0);
}

type Bb = { alpha: number; beta: number; gamma: number; delta: number };

/**
 * BG/BB by summing over when the customer died, with E[p^u (1−p)^v] and E[θ^u (1−θ)^v] as
 * products of ratios (Beta moments) rather than Beta functions: alive through all n
 * opportunities, or died at the start of opportunity j + 1 for j = t_x … n − 1 (FHS 2010, §2).
 */
export function bgbbReference({ alpha, beta, gamma, delta }: Bb, x: number, tx: number, n: number) {
  const moment = (a: number, b: number, u: number, v: number) => {
    // E[q^u (1−q)^v] for q ~ Beta(a, b), whole u and v.
    let value = 1;
    for (let i = 0; i < u; i++) value *= (a + i) / (a + b + i);
    for (let i = 0; i < v; i++) value *= (b + i) / (a + b + u + i);
    return value;
  };
  const purchase = (u: number, v: number) => moment(alpha, beta, u, v);
  const survive = (u: number, v: number) => moment(gamma, delta, u, v);
  let likelihood = purchase(x, n - x) * survive(0, n);
  for (let j = tx; j < n; j++) likelihood += purchase(x, j - x) * survive(1, j);
  const pAlive = (purchase(x, n - x) * survive(0, n + 1)) / likelihood;
  const expected = (nFuture: number) => {
    let sum = 0;
    for (let k = 1; k <= nFuture; k++) sum += purchase(x + 1, n - x) * survive(0, n + k);
    return sum / likelihood;
  };
  return { likelihood, pAlive, expected };
}
