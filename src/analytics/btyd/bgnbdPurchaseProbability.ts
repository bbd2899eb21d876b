/**
 * P(X(t) = k) for a customer just acquired, under the BG/NBD model (Fader, Hardie & Lee 2005,
 * "Counting your customers the easy way", eq. 8):
 *
 *   P(X(t) = k) = B(a, b+k)/B(a, b) · NB(k; t)
 *               + δ(k>0) · B(a+1, b+k−1)/B(a, b) · [1 − Σ_{j<k} NB(j; t)],
 *   NB(j; t) = Γ(r+j)/(Γ(r) j!) · (α/(α+t))^r · (t/(α+t))^j,
 *
 * with the beta ratios as exp(ln Γ ratios) (lnGammaRatio) and the bracket, the chance of at least
 * k purchases at the rate drawn, summed as the tail Σ_{j≥k} NB(j; t) when the head exceeds ½ (no
 * cancellation when t is short), else as 1 minus the head.
 * Example (CDNOW fit r 0.2426, α 4.4135, a 0.7929, b 2.4258, t 39 weeks): P(X = 0) 0.5743;
 * Σₖ P(X = k) = 1 and Σₖ k·P(X = k) = E[X(39)] (bgnbdPredictions.ts with x = 0, T = 0).
 * Cost O(k) (O(k + tail terms) on the tail path).
 */
import { BgnbdParams } from "./bgnbdLogLikelihood";
import { lnGamma, lnGammaRatio } from "../numeric/specialFunctions";

// Math's functions read once: a global lookup per call is slow in sandboxed runtimes (jest's vm
// context measured 30× slower), and these run millions of times per fit.
const { exp, log, log1p } = Math;

const TAIL_TOLERANCE = 1e-17;
const TAIL_MAX_TERMS = 1_000_000;

/** P(X(t) = k), k a whole number ≥ 0, t ≥ 0. Example: see the file comment. */
export function bgnbdPurchaseProbability({ r, alpha, a, b }: BgnbdParams, k: number, t: number): number {
  if (t === 0) return k === 0 ? 1 : 0;
  const lnP0 = -r * log1p(t / alpha); // ln (α/(α+t))^r
  const lnQ = log(t / (alpha + t)); // ln of t/(α+t)
  const q = t / (alpha + t);
  const nb = (j: number) => exp(lnGammaRatio(r, j) - lnGamma(j + 1) + lnP0 + j * lnQ);
  const first = exp(lnGammaRatio(b, k) - lnGammaRatio(a + b, k)) * nb(k);
  if (k === 0) return first;
  let head = 0;
  let term = exp(lnP0);
  for (let j = 0; j < k; j++) {
    head += term;
    term *= ((r + j) / (j + 1)) * q;
  }
  let atLeastK: number;
  if (head <= 0.5) atLeastK = 1 - head;
  else {
    // Σ_{j≥k} NB(j): term now holds NB(k), from the recurrence NB(j+1) = NB(j)·(r+j)/(j+1)·q.
    let tail = 0;
    term = nb(k);
    for (let j = k; j < k + TAIL_MAX_TERMS; j++) {
      tail += term;
      term *= ((r + j) / (j + 1)) * q;
      if (term <= TAIL_TOLERANCE * tail) break;
    }
    atLeastK = tail;
  }
  const dropWeight = (a / (a + b + k - 1)) * exp(lnGammaRatio(b, k - 1) - lnGammaRatio(a + b, k - 1));
  return first + dropWeight * atLeastK;
}
