/**
 * BG/NBD log-likelihood (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
 * Marketing Science 24(2), eq. 6), in log space:
 *
 *   ln L(r, α, a, b | x, t_x, T) = A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄), where
 *   A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
 *   A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x)
 *   A₃ = −(r + x) ln(α + T)
 *   A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)
 *
 * No term overflows for x in the thousands (ln Γ, and ln(e^A₃ + e^A₄) by logAddExp).
 * Example (FHL 2005 figures for CDNOW, r 0.2426, α 4.4135, a 0.7929, b 2.4258): the sum over the
 * 2,357 CDNOW customers is −9582.43.
 *
 * The grouped form sums w · ln L over groups of identical customers and also returns the
 * gradient in (r, α, a, b):
 *   ∂/∂r = ψ(r+x) − ψ(r) + ln α − (1−π) ln(α+T) − π ln(α+t_x)
 *   ∂/∂α = r/α − (r+x) [(1−π)/(α+T) + π/(α+t_x)]
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + π/a
 *   ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − π/(b+x−1)
 * with π = e^A₄ / (e^A₃ + e^A₄) (0 when x = 0). Cost O(groups + distinct x, t_x and T) per call:
 * one exp and one log1p per group; logarithms and digammas once per distinct value.
 */
import { BgnbdGroups } from "./bgnbdGroups";
import { digamma, lnGamma, logAddExp } from "./specialFunctions";

export type BgnbdParams = { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };

/** ln L for one customer. Example: see the file comment. O(1). */
export function bgnbdCustomerLogLikelihood({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  const a1 = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha);
  const a2 = lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
  const a3 = -(r + x) * Math.log(alpha + T);
  if (x === 0) return a1 + a2 + a3;
  const a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
  return a1 + a2 + logAddExp(a3, a4);
}

/** Reusable buffers for the per-distinct-value terms, sized for one set of groups. */
export type BgnbdWorkspace = {
  readonly lnAlphaT: Float64Array;
  readonly invAlphaT: Float64Array;
  readonly lnAlphaTx: Float64Array;
  readonly invAlphaTx: Float64Array;
  readonly termOfX: Float64Array;
  readonly a4OfX: Float64Array;
  readonly piWeightOfX: Float64Array;
};

export function bgnbdWorkspace(groups: BgnbdGroups): BgnbdWorkspace {
  return {
    lnAlphaT: new Float64Array(groups.tValues.length),
    invAlphaT: new Float64Array(groups.tValues.length),
    lnAlphaTx: new Float64Array(groups.txValues.length),
    invAlphaTx: new Float64Array(groups.txValues.length),
    termOfX: new Float64Array(groups.xValues.length),
    a4OfX: new Float64Array(groups.xValues.length),
    piWeightOfX: new Float64Array(groups.xValues.length),
  };
}

/**
 * Σ w · ln L over the groups. When `gradient` is given (length 4) it receives ∂/∂(r, α, a, b).
 */
export function bgnbdLogLikelihood(
  groups: BgnbdGroups,
  { r, alpha, a, b }: BgnbdParams,
  gradient?: Float64Array,
  work: BgnbdWorkspace = bgnbdWorkspace(groups),
): number {
  const { xValues, txValues, tValues, weightOfX, xIndex, txIndex, tIndex, weight, count } = groups;
  const { lnAlphaT, invAlphaT, lnAlphaTx, invAlphaTx, termOfX, a4OfX, piWeightOfX } = work;
  for (let j = 0; j < tValues.length; j++) {
    lnAlphaT[j] = Math.log(alpha + tValues[j]);
    invAlphaT[j] = 1 / (alpha + tValues[j]);
  }
  for (let j = 0; j < txValues.length; j++) {
    lnAlphaTx[j] = Math.log(alpha + txValues[j]);
    invAlphaTx[j] = 1 / (alpha + txValues[j]);
  }
  const lnA = Math.log(a);
  const lnGammaR = lnGamma(r);
  const lnGammaB = lnGamma(b);
  const lnGammaAB = lnGamma(a + b);
  const lnAlpha = Math.log(alpha);
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k];
    termOfX[k] =
      lnGamma(r + x) - lnGammaR + r * lnAlpha + lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x);
    a4OfX[k] = x > 0 ? lnA - Math.log(b + x - 1) : 0;
    piWeightOfX[k] = 0;
  }

  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  for (let g = 0; g < count; g++) {
    const k = xIndex[g];
    const x = xValues[k];
    const w = weight[g];
    const rx = r + x;
    const tj = tIndex[g];
    const a3 = -rx * lnAlphaT[tj];
    if (x === 0) {
      ll += w * (termOfX[k] + a3);
      if (gradient) {
        dr -= w * lnAlphaT[tj];
        dAlpha -= w * rx * invAlphaT[tj];
      }
      continue;
    }
    const sj = txIndex[g];
    const a4 = a4OfX[k] - rx * lnAlphaTx[sj];
    // ln(e^a3 + e^a4) and π = e^a4 / (e^a3 + e^a4) from one exponential.
    let lse: number;
    let pi: number;
    if (a4 > a3) {
      const e = Math.exp(a3 - a4);
      lse = a4 + Math.log1p(e);
      pi = 1 / (1 + e);
    } else {
      const e = Math.exp(a4 - a3);
      lse = a3 + Math.log1p(e);
      pi = e / (1 + e);
    }
    ll += w * (termOfX[k] + lse);
    if (gradient) {
      const q = 1 - pi;
      dr -= w * (q * lnAlphaT[tj] + pi * lnAlphaTx[sj]);
      dAlpha -= w * rx * (q * invAlphaT[tj] + pi * invAlphaTx[sj]);
      piWeightOfX[k] += w * pi;
    }
  }
  if (gradient) {
    const psiR = digamma(r);
    const psiB = digamma(b);
    const psiAB = digamma(a + b);
    let da = 0;
    let db = 0;
    for (let k = 0; k < xValues.length; k++) {
      const x = xValues[k];
      const wx = weightOfX[k];
      if (wx === 0) continue;
      const psiABX = x === 0 ? psiAB : digamma(a + b + x);
      if (x > 0) {
        dr += wx * (digamma(r + x) - psiR);
        da += wx * (psiAB - psiABX) + piWeightOfX[k] / a;
        db += wx * (psiAB + digamma(b + x) - psiB - psiABX) - piWeightOfX[k] / (b + x - 1);
      }
    }
    dr += groups.totalWeight * lnAlpha;
    dAlpha += (groups.totalWeight * r) / alpha;
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return ll;
}
