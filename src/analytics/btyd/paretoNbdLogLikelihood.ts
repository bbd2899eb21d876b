/**
 * Pareto/NBD log-likelihood (Schmittlein, Morrison & Colombo 1987; in the form of Fader & Hardie
 * 2005, "A note on deriving the Pareto/NBD model and related expressions", note 009, eq. 22):
 *
 *   L(r, α, s, β | x, t_x, T) = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ]
 *   A₀ = F(t_x) − F(T),  F(y) = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+y)) / (α+y)^(r+s+x)   (α ≥ β)
 *                        F(y) = ₂F₁(r+s+x, r+x; r+s+x+1; (β−α)/(β+y)) / (β+y)^(r+s+x)   (α < β)
 *
 * where s/(r+s+x)·A₀ = s ∫_{t_x}^{T} (α+y)^−(r+x) (β+y)^−(s+1) dy (the customer alive at t_x and
 * gone before T). Computed in log space:
 *
 *   ln L = ln Γ(r+x) − ln Γ(r) − r ln(1+T/α) − x ln(α+T) − s ln(1+T/β) + ln(1 + R),
 *   R = s/(r+s+x) · A₀ · (α+T)^(r+x) (β+T)^s,
 *
 * with no term that cancels for large α or β. The two hard cases:
 * - the ₂F₁ argument z = |α−β|/(max(α,β)+y) near 1: Euler's transformation (A&S 15.3.3) turns
 *   F(y) into P(y)·G(z) with P(y) = (α+y)^−(r+x)(β+y)^−s and G(z) = Σₖ (r+x)ₖ/(r+s+x+1)ₖ zᵏ
 *   (α ≥ β), or P(y)·(α+y)/(β+y)·Σₖ (s+1)ₖ/(r+s+x+1)ₖ zᵏ (α < β): positive terms each smaller than
 *   zᵏ, so the sum is at most 1/(1−z) and never overflows, however close z is to 1;
 * - the cancellation in A₀ = F(t_x) − F(T) when t_x ≈ T: when the integrand's log varies by
 *   V = (r+x) ln((α+T)/(α+t_x)) + (s+1) ln((β+T)/(β+t_x)) ≤ 2 over [t_x, T], the integral is taken
 *   directly by 16-point Gauss–Legendre (gaussLegendre.ts), relative error near 10⁻¹⁵ and no
 *   difference at all; above that F(T) < e^−V/… of F(t_x), so the difference loses under a digit.
 *   R is carried as ln R (logAddExp), so (α+T)/(α+t_x) raised to r+x in the thousands cannot overflow.
 * Example (CDNOW, weeks, Fader & Hardie's estimates r 0.553, α 10.578, s 0.606, β 11.669): the
 * sum over the 2,357 customers is −9594.98. Cost: O(k) per customer for the k series terms,
 * about 36/−log₁₀ z (a handful for CDNOW), or 16 logarithm pairs on the quadrature path.
 */
import { BgnbdGroups } from "./bgnbdGroups";
import { lnGammaRatio, logAddExp } from "../numeric/specialFunctions";
import { gaussLegendre } from "../numeric/gaussLegendre";

// Math's functions read once: a global lookup per call is slow in sandboxed runtimes (jest's vm
// context measured 30× slower), and these run millions of times per fit.
const { abs, ceil, exp, expm1, log, log1p, max, min } = Math;

export type ParetoNbdParams = { readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number };

const SERIES_TOLERANCE = 1e-17;
const SERIES_MAX_TERMS = 2_000_000;
const QUADRATURE_LIMIT = 2;
/** Above this z the series needs more than about 55 terms; the quadrature is then cheaper. */
const SERIES_LIMIT = 0.5;
const RULE = gaussLegendre(16);
const PANEL_TOLERANCE = 1e-18;
const PANEL_LIMIT = 10_000;

/**
 * ln ∫_{t_x}^{T} e^g(y) dy with g(y) = (r+x) ln((α+T)/(α+y)) + s ln((β+T)/(β+y)) − ln(β+y), by
 * 16-point Gauss–Legendre on panels in v = ln(c+y), c = min(α, β). g falls at the rate
 * D(v) = (c+y)·[(r+x)/(α+y) + (s+1)/(β+y)] in v, which grows with y, so each panel is made as wide
 * as keeps D(right end)·width ≤ 2 (g varies by at most 2 on it). Because e^g falls with y, what is
 * left after a panel is at most e^g(end)·(T − end); the panels stop once that is under 10⁻¹⁸ of the
 * sum. So the work is bounded for any parameters: a panel either lets g fall by at least 1 or at
 * least doubles D, and D lies between e^−100 and e^+50 for parameters the fit visits, so a few
 * hundred panels at most (PANEL_LIMIT is a guard: past it the value is NaN, never a guess).
 * Values are taken relative to g(t_x), so nothing overflows.
 */
function logIntegral(rx: number, alpha: number, s: number, beta: number, tx: number, T: number, spanA: number, spanB: number): number {
  const c = min(alpha, beta);
  const gap = T - tx;
  // y = t_x + d with d = (c+t_x)·expm1(w), w = v − ln(c+t_x) ∈ [0, span]: exact for tiny gaps.
  // fall(d) = g(t_x + d) − g(t_x), taken directly: g itself can be 10²¹ at extreme parameters,
  // where a difference of two g values would keep no digit.
  const fall = (d: number) => -rx * log1p(d / (alpha + tx)) - (s + 1) * log1p(d / (beta + tx));
  const rate = (d: number) => {
    const cy = c + tx + d;
    return cy * (rx / (alpha + tx + d) + (s + 1) / (beta + tx + d));
  };
  const offset = (w: number) => min(gap, (c + tx) * expm1(w));
  const g0 = rx * spanA + s * spanB - log(beta + tx); // spanA = ln((α+T)/(α+t_x)), spanB likewise for β
  const span = log1p(gap / (c + tx));
  let sum = 0;
  let left = 0;
  for (let p = 0; left < span; p++) {
    if (p === PANEL_LIMIT) return NaN;
    let width = min(span - left, QUADRATURE_LIMIT / rate(offset(left)));
    width = min(width, QUADRATURE_LIMIT / rate(offset(left + width)));
    let panel = 0;
    for (let i = 0; i < 16; i++) {
      const w = left + (width / 2) * (1 + RULE.nodes[i]);
      const grow = expm1(w);
      // dy = (c + y) dw = (c + t_x)(1 + grow) dw.
      panel += RULE.weights[i] * exp(fall(min(gap, (c + tx) * grow))) * (1 + grow);
    }
    sum += panel * (width / 2) * (c + tx);
    left = width === span - left ? span : left + width;
    const end = offset(left);
    if (exp(fall(end)) * (gap - end) < PANEL_TOLERANCE * sum) break;
  }
  return g0 + log(sum);
}

/** Σₖ (u)ₖ/(c)ₖ zᵏ for 0 ≤ z < 1 and c > u > 0. */
function ratioSeries(u: number, c: number, z: number): number {
  if (z === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < SERIES_MAX_TERMS; k++) {
    term *= ((u + k) / (c + k)) * z;
    sum += term;
    if (term <= SERIES_TOLERANCE * sum) break;
  }
  return sum;
}

/**
 * ln R = ln[ s ∫_{t_x}^{T} (α+y)^−(r+x) (β+y)^−(s+1) dy · (α+T)^(r+x) (β+T)^s ], or −Infinity
 * when t_x = T.
 */
export function paretoNbdLogDeathTerm({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number): number {
  if (tx >= T) return -Infinity;
  const rx = r + x;
  // ln((α+T)/(α+t_x)) and ln((β+T)/(β+t_x)) without forming the ratios.
  const spanA = log1p((T - tx) / (alpha + tx));
  const spanB = log1p((T - tx) / (beta + tx));
  const V = rx * spanA + (s + 1) * spanB;
  const m = rx + s;
  const zTx = abs(alpha - beta) / (max(alpha, beta) + tx);
  if (V <= QUADRATURE_LIMIT || zTx > SERIES_LIMIT) return log(s) + logIntegral(rx, alpha, s, beta, tx, T, spanA, spanB);
  // F(y) = P(y)·S(y); ln P(t_x) − ln P(T) = (r+x)·spanA + s·spanB.
  const dLnP = rx * spanA + s * spanB;
  let sTx: number;
  let sT: number;
  if (alpha >= beta) {
    sTx = ratioSeries(rx, m + 1, (alpha - beta) / (alpha + tx));
    sT = ratioSeries(rx, m + 1, (alpha - beta) / (alpha + T));
  } else {
    sTx = ((alpha + tx) / (beta + tx)) * ratioSeries(s + 1, m + 1, (beta - alpha) / (beta + tx));
    sT = ((alpha + T) / (beta + T)) * ratioSeries(s + 1, m + 1, (beta - alpha) / (beta + T));
  }
  // R = s/m · [e^dLnP · S(t_x) − S(T)], in logs.
  // sTx − sT·e^−dLnP as (sTx − sT) − sT·expm1(−dLnP): no digit lost when dLnP is tiny.
  return log(s / m) + dLnP + log(sTx - sT - sT * expm1(-dLnP));
}

/** ln L for one customer. Example: see the file comment. O(series terms). */
export function paretoNbdCustomerLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const base = lnGammaRatio(r, x) - r * log1p(T / alpha) - x * log(alpha + T) - s * log1p(T / beta);
  const lnR = paretoNbdLogDeathTerm(params, x, tx, T);
  return lnR === -Infinity ? base : base + logAddExp(0, lnR);
}

/** Σ w · ln L over groups of identical customers (bgnbdGroups.ts: the same (x, t_x, T) data). */
export function paretoNbdLogLikelihood(groups: BgnbdGroups, params: ParetoNbdParams): number {
  const { xValues, txValues, tValues, xIndex, txIndex, tIndex, weight, count } = groups;
  let ll = 0;
  for (let g = 0; g < count; g++) {
    ll += weight[g] * paretoNbdCustomerLogLikelihood(params, xValues[xIndex[g]], txValues[txIndex[g]], tValues[tIndex[g]]);
  }
  return ll;
}
