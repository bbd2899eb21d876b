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
 * Computed as ln L = G(r, x) + G(b, x) − G(a+b, x) + ln(e^B₃ + δ(x>0) e^B₄) with
 * G(z, x) = ln Γ(z+x) − ln Γ(z) (lnGammaRatio), B₃ = −r ln(1 + T/α) − x ln(α+T) and
 * B₄ = ln a − ln(b+x−1) − r ln(1 + t_x/α) − x ln(α+t_x): the same value, but no large terms
 * cancel, so it stays exact where a fit wanders towards r, α, a or b of 10¹⁵ (a plain
 * ln Γ(r+x) − ln Γ(r) or r ln α − r ln(α+T) there has no correct digit, and an optimiser
 * would climb the rounding noise). No term overflows for x in the thousands.
 * Example (FHL 2005 figures for CDNOW, r 0.2426, α 4.4135, a 0.7929, b 2.4258): the sum over the
 * 2,357 CDNOW customers is −9582.43.
 *
 * The grouped form sums w · ln L over groups of identical customers and also returns the
 * gradient in (r, α, a, b):
 *   ∂/∂r = ψ(r+x) − ψ(r) − (1−π) ln(1 + T/α) − π ln(1 + t_x/α)
 *   ∂/∂α = (1−π) [rT/(α(α+T)) − x/(α+T)] + π [r t_x/(α(α+t_x)) − x/(α+t_x)]
 *   ∂/∂a = ψ(a+b) − ψ(a+b+x) + π/a
 *   ∂/∂b = ψ(a+b) + ψ(b+x) − ψ(b) − ψ(a+b+x) − π/(b+x−1)
 * with π = e^A₄ / (e^A₃ + e^A₄) (0 when x = 0). Cost O(groups + distinct x, t_x and T) per call:
 * one exp and one log1p per group; logarithms and digammas once per distinct value.
 */
import { BgnbdGroups } from "./bgnbdGroups";
import { digammaDiff, lnGammaRatio, logAddExp } from "../numeric/specialFunctions";

export type BgnbdParams = { readonly r: number; readonly alpha: number; readonly a: number; readonly b: number };

/** ln L for one customer. Example: see the file comment. O(1) for whole x ≤ 32. */
export function bgnbdCustomerLogLikelihood({ r, alpha, a, b }: BgnbdParams, x: number, tx: number, T: number): number {
  const gammas = lnGammaRatio(r, x) + lnGammaRatio(b, x) - lnGammaRatio(a + b, x);
  const b3 = -r * Math.log1p(T / alpha) - x * Math.log(alpha + T);
  if (x === 0) return gammas + b3;
  const b4 = Math.log(a) - Math.log(b + x - 1) - r * Math.log1p(tx / alpha) - x * Math.log(alpha + tx);
  return gammas + logAddExp(b3, b4);
}

/** Reusable buffers for the per-distinct-value terms, sized for one set of groups. */
export type BgnbdWorkspace = {
  readonly lnAlphaT: Float64Array;
  readonly log1pT: Float64Array;
  readonly invAlphaT: Float64Array;
  readonly rateT: Float64Array;
  readonly lnAlphaTx: Float64Array;
  readonly log1pTx: Float64Array;
  readonly invAlphaTx: Float64Array;
  readonly rateTx: Float64Array;
  readonly termOfX: Float64Array;
  readonly a4OfX: Float64Array;
  readonly piWeightOfX: Float64Array;
};

export function bgnbdWorkspace(groups: BgnbdGroups): BgnbdWorkspace {
  const nt = groups.tValues.length;
  const ntx = groups.txValues.length;
  const nx = groups.xValues.length;
  return {
    lnAlphaT: new Float64Array(nt),
    log1pT: new Float64Array(nt),
    invAlphaT: new Float64Array(nt),
    rateT: new Float64Array(nt),
    lnAlphaTx: new Float64Array(ntx),
    log1pTx: new Float64Array(ntx),
    invAlphaTx: new Float64Array(ntx),
    rateTx: new Float64Array(ntx),
    termOfX: new Float64Array(nx),
    a4OfX: new Float64Array(nx),
    piWeightOfX: new Float64Array(nx),
  };
}

/** ln(α + t), ln(1 + t/α), 1/(α + t) and r·t/(α(α + t)) for each distinct time t. */
export function timeTerms(values: Float64Array, r: number, alpha: number, ln: Float64Array, l1p: Float64Array, inv: Float64Array, rate: Float64Array): void {
  for (let j = 0; j < values.length; j++) {
    const t = values[j];
    ln[j] = Math.log(alpha + t);
    l1p[j] = Math.log1p(t / alpha);
    inv[j] = 1 / (alpha + t);
    rate[j] = (r * t) / (alpha * (alpha + t));
  }
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
  const { lnAlphaT, log1pT, invAlphaT, rateT, lnAlphaTx, log1pTx, invAlphaTx, rateTx, termOfX, a4OfX, piWeightOfX } = work;
  timeTerms(tValues, r, alpha, lnAlphaT, log1pT, invAlphaT, rateT);
  timeTerms(txValues, r, alpha, lnAlphaTx, log1pTx, invAlphaTx, rateTx);
  const lnA = Math.log(a);
  for (let k = 0; k < xValues.length; k++) {
    const x = xValues[k];
    termOfX[k] = lnGammaRatio(r, x) + lnGammaRatio(b, x) - lnGammaRatio(a + b, x);
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
    const tj = tIndex[g];
    const b3 = -r * log1pT[tj] - x * lnAlphaT[tj];
    if (x === 0) {
      ll += w * (termOfX[k] + b3);
      if (gradient) {
        dr -= w * log1pT[tj];
        dAlpha += w * rateT[tj];
      }
      continue;
    }
    const sj = txIndex[g];
    const b4 = a4OfX[k] - r * log1pTx[sj] - x * lnAlphaTx[sj];
    // ln(e^b3 + e^b4) and π = e^b4 / (e^b3 + e^b4) from one exponential.
    let lse: number;
    let pi: number;
    if (b4 > b3) {
      const e = Math.exp(b3 - b4);
      lse = b4 + Math.log1p(e);
      pi = 1 / (1 + e);
    } else {
      const e = Math.exp(b4 - b3);
      lse = b3 + Math.log1p(e);
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
      if (wx === 0 || x === 0) continue;
      const psiABX = digammaDiff(a + b, x);
      dr += wx * digammaDiff(r, x);
      da += -wx * psiABX + piWeightOfX[k] / a;
      db += wx * (digammaDiff(b, x) - psiABX) - piWeightOfX[k] / (b + x - 1);
    }
    gradient[0] = dr;
    gradient[1] = dAlpha;
    gradient[2] = da;
    gradient[3] = db;
  }
  return ll;
}
