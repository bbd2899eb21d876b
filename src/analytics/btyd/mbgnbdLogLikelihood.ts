/**
 * MBG/NBD log-likelihood (Batislam, Denizel & Filiztekin 2007, "Empirical validation and
 * comparison of models for customer base analysis", IJRM 24(3), 201–209, eq. 2): like the BG/NBD,
 * but a customer may also drop out right after the first purchase, so x = 0 does not mean alive.
 *
 *   L(r, α, a, b | x, t_x, T) = Γ(r+x) α^r / Γ(r) · B(a, b+x+1)/B(a, b) · (α+T)^−(r+x)
 *                             + Γ(r+x) α^r / Γ(r) · B(a+1, b+x)/B(a, b) · (α+t_x)^−(r+x)
 *
 * computed in log space as
 *   ln L = G(r, x) + G(b, x) − G(a+b, x+1) + ln((b+x) e^B₃ + a e^B₄),
 *   B₃ = −r ln(1 + T/α) − x ln(α+T),  B₄ = −r ln(1 + t_x/α) − x ln(α+t_x),
 * with G(z, x) = ln Γ(z+x) − ln Γ(z) (lnGammaRatio), so that no large terms cancel.
 *
 * The grouped form also returns the analytic gradient in (r, α, a, b). With
 * π = a e^B₄ / ((b+x) e^B₃ + a e^B₄), the share of the dropout term (also for x = 0):
 *   ∂/∂r = ψ(r+x) − ψ(r) − (1−π) ln(1 + T/α) − π ln(1 + t_x/α)
 *   ∂/∂α = (1−π) [rT/(α(α+T)) − x/(α+T)] + π [r t_x/(α(α+t_x)) − x/(α+t_x)]
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x+1) + π/a
 *   ∂/∂b = ψ(b+x) − ψ(b) + ψ(a+b) − ψ(a+b+x+1) + (1−π)/(b+x)
 * (B(a, b+x+1)/B(a, b) = Γ(b+x+1)Γ(a+b) / (Γ(b)Γ(a+b+x+1)), and B(a+1, b+x)/B(a, b) is the same
 * with a/(b+x) in place of 1, hence the two terms' weights b+x and a.)
 * Example (CDNOW, weeks, r 0.525, α 6.183, a 0.891, b 1.614, the estimates lifetimes'
 * ModifiedBetaGeoFitter reports): the sum over the 2,357 customers is −9582.13. Cost
 * O(groups + distinct x, t_x and T) per call: one exp and one log1p per group, logarithms and
 * digammas once per distinct value.
 */
import { BgnbdGroups } from "./bgnbdGroups";
import { BgnbdParams, BgnbdWorkspace, bgnbdWorkspace, timeTerms } from "./bgnbdLogLikelihood";
import { digammaDiff, lnGammaRatio, logAddExp } from "../numeric/specialFunctions";

// Math's functions read once: a global lookup per call is slow in sandboxed runtimes (jest's vm
// context measured 30× slower), and these run millions of times per fit.
const { exp, log, log1p } = Math;

/** MBG/NBD parameters have the BG/NBD's names r, α, a, b. */
export type MbgnbdParams = BgnbdParams;

/** ln L for one customer. Example: see the file comment. */
export function mbgnbdCustomerLogLikelihood({ r, alpha, a, b }: MbgnbdParams, x: number, tx: number, T: number): number {
  const gammas = lnGammaRatio(r, x) + lnGammaRatio(b, x) - lnGammaRatio(a + b, x + 1);
  const b3 = log(b + x) - r * log1p(T / alpha) - x * log(alpha + T);
  const b4 = log(a) - r * log1p(tx / alpha) - (x === 0 ? 0 : x * log(alpha + tx));
  return gammas + logAddExp(b3, b4);
}

/** The reusable buffers are the BG/NBD's (bgnbdLogLikelihood.ts). */
export const mbgnbdWorkspace = bgnbdWorkspace;

/**
 * Σ w · ln L over groups of identical customers. When `gradient` is given (length 4) it receives
 * ∂/∂(r, α, a, b) (file comment).
 */
export function mbgnbdLogLikelihood(
  groups: BgnbdGroups,
  { r, alpha, a, b }: MbgnbdParams,
  gradient?: Float64Array,
  work: BgnbdWorkspace = mbgnbdWorkspace(groups),
): number {
  const { xValues, txValues, tValues, weightOfX, xIndex, txIndex, tIndex, weight, count } = groups;
  const { lnAlphaT, log1pT, invAlphaT, rateT, lnAlphaTx, log1pTx, invAlphaTx, rateTx, termOfX, a4OfX, piWeightOfX } = work;
  timeTerms(tValues, r, alpha, lnAlphaT, log1pT, invAlphaT, rateT);
  timeTerms(txValues, r, alpha, lnAlphaTx, log1pTx, invAlphaTx, rateTx);
  const lnA = log(a);
  // Per distinct x: the gamma terms plus ln a, and a4OfX = ln(a/(b+x)), the dropout term's offset.
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k];
    termOfX[k] = lnGammaRatio(r, x) + lnGammaRatio(b, x) - lnGammaRatio(a + b, x + 1) + log(b + x);
    a4OfX[k] = lnA - log(b + x);
    piWeightOfX[k] = 0;
  }

  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  for (let g = 0; g < count; g++) {
    const k = xIndex[g];
    const x = xValues[k];
    const w = weight[g];
    const tj = tIndex[g];
    const sj = txIndex[g];
    const b3 = -r * log1pT[tj] - x * lnAlphaT[tj];
    const b4 = a4OfX[k] - r * log1pTx[sj] - (x === 0 ? 0 : x * lnAlphaTx[sj]);
    // ln(e^b3 + e^b4) and π = e^b4 / (e^b3 + e^b4) from one exponential.
    let lse: number;
    let pi: number;
    if (b4 > b3) {
      const e = exp(b3 - b4);
      lse = b4 + log1p(e);
      pi = 1 / (1 + e);
    } else {
      const e = exp(b4 - b3);
      lse = b3 + log1p(e);
      pi = e / (1 + e);
    }
    ll += w * (termOfX[k] + lse);
    if (gradient) {
      const q = 1 - pi;
      dr -= w * (q * log1pT[tj] + pi * log1pTx[sj]);
      dAlpha += w * (q * (rateT[tj] - x * invAlphaT[tj]) + pi * (rateTx[sj] - x * invAlphaTx[sj]));
      piWeightOfX[k] += w * pi;
    }
  }
  if (gradient) {
    let da = 0;
    let db = 0;
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k];
      const wx = weightOfX[k];
      if (wx === 0) continue;
      const psiABX = digammaDiff(a + b, x + 1);
      const piW = piWeightOfX[k];
      dr += wx * digammaDiff(r, x);
      da += -wx * psiABX + piW / a;
      db += wx * (digammaDiff(b, x) - psiABX) + (wx - piW) / (b + x);
    }
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return ll;
}
