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
 *   directly by 8-point Gauss–Legendre panels (gaussLegendre.ts), relative error near 10⁻¹⁵ and no
 *   difference at all; above that F(T) < e^−V/… of F(t_x), so the difference loses under a digit.
 *   R is carried as ln R (logAddExp), so (α+T)/(α+t_x) raised to r+x in the thousands cannot overflow.
 * Example (CDNOW, weeks, Fader & Hardie's estimates r 0.553, α 10.578, s 0.606, β 11.669): the
 * sum over the 2,357 customers is −9594.98. Cost: O(k) per customer for the k series terms,
 * about 36/−log₁₀ z (a handful for CDNOW), or 8 logarithm pairs per panel on the quadrature path.
 */
import { BgnbdGroups } from "./bgnbdGroups";
import { digammaDiff, lnGammaRatio, logAddExp } from "../numeric/specialFunctions";
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
// 8 nodes: on a panel where g varies by at most 2, the n-point rule's error for e^g is about
// 2^(2n+1)(n!)⁴/((2n+1)((2n)!)³)·e (A&S 25.4.30 with |g'| ≤ 1 on [−1, 1]), 10⁻¹⁷ for n = 8; against
// the 16-point rule the values agreed to 7·10⁻¹⁵ over 10⁵ cases (parameters e^±45), the gradient to
// 2·10⁻¹¹ for parameters in [0.01, 1000]. Half the 16-point rule's work.
const RULE = gaussLegendre(8);
const NODES = RULE.nodes.length;
const PANEL_TOLERANCE = 1e-18;
const PANEL_LIMIT = 10_000;

/**
 * ln ∫_{t_x}^{T} e^g(y) dy with g(y) = (r+x) ln((α+T)/(α+y)) + s ln((β+T)/(β+y)) − ln(β+y), by
 * 8-point Gauss–Legendre on panels in v = ln(c+y), c = min(α, β). g falls at the rate
 * D(v) = (c+y)·[(r+x)/(α+y) + (s+1)/(β+y)] in v, which grows with y, so each panel is made as wide
 * as keeps max(D(right end), 1)·width ≤ 2: the integrand in v is e^(g+v) (dy = e^v dv), whose log
 * moves at the rate 1 − D, so it varies by at most 2 on a panel (with only D bounded, a panel
 * over v-spans of 48 at α = e^−45, β = e^45 took e^v across e^48 in one 8-point rule, 2% off).
 * Because e^g falls with y, what is
 * left after a panel is at most e^g(end)·(T − end); the panels stop once that is under 10⁻¹⁸ of the
 * sum. So the work is bounded for any parameters: a panel either lets g fall by at least 1, at
 * least doubles D, or covers 2 of the v-span ln((c+T)/(c+t_x)) (at most about 100), and D lies between e^−100 and e^+50 for parameters the fit visits, so a few
 * hundred panels at most (PANEL_LIMIT is a guard: past it the value is NaN, never a guess).
 * Values are taken relative to g(t_x), so nothing overflows.
 */
function logIntegral(
  rx: number,
  alpha: number,
  s: number,
  beta: number,
  tx: number,
  T: number,
  spanA: number,
  spanB: number,
  gradient?: Float64Array,
): number {
  const c = min(alpha, beta);
  const gap = T - tx;
  const aTx = alpha + tx;
  const bTx = beta + tx;
  // y = t_x + d with d = (c+t_x)·expm1(w), w = v − ln(c+t_x) ∈ [0, span]: exact for tiny gaps.
  // fall(d) = g(t_x + d) − g(t_x), taken directly: g itself can be 10²¹ at extreme parameters,
  // where a difference of two g values would keep no digit.
  const fall = (d: number) => -rx * log1p(d / aTx) - (s + 1) * log1p(d / bTx);
  const rate = (d: number) => {
    // max(D, 1): the rate at which the log of the integrand in v moves (see above).
    const cy = c + tx + d;
    return max(1, cy * (rx / (aTx + d) + (s + 1) / (bTx + d)));
  };
  const offset = (w: number) => min(gap, (c + tx) * expm1(w));
  const g0 = rx * spanA + s * spanB - log(bTx); // spanA = ln((α+T)/(α+t_x)), spanB likewise for β
  const span = log1p(gap / (c + tx));
  let sum = 0;
  // For the gradient: Σ of the integrand times ln((α+y)/(α+t_x)), ln((β+y)/(β+t_x)), 1/(α+y), 1/(β+y).
  let sumLa = 0;
  let sumLb = 0;
  let sumIa = 0;
  let sumIb = 0;
  let left = 0;
  for (let p = 0; left < span; p++) {
    if (p === PANEL_LIMIT) return NaN;
    let width = min(span - left, QUADRATURE_LIMIT / rate(offset(left)));
    width = min(width, QUADRATURE_LIMIT / rate(offset(left + width)));
    let panel = 0;
    let panelLa = 0;
    let panelLb = 0;
    let panelIa = 0;
    let panelIb = 0;
    for (let i = 0; i < NODES; i++) {
      const w = left + (width / 2) * (1 + RULE.nodes[i]);
      const grow = expm1(w);
      const d = min(gap, (c + tx) * grow);
      const la = log1p(d / aTx);
      const lb = log1p(d / bTx);
      // dy = (c + y) dw = (c + t_x)(1 + grow) dw.
      const value = RULE.weights[i] * exp(-rx * la - (s + 1) * lb) * (1 + grow);
      panel += value;
      if (gradient) {
        panelLa += value * la;
        panelLb += value * lb;
        panelIa += value / (aTx + d);
        panelIb += value / (bTx + d);
      }
    }
    const scale = (width / 2) * (c + tx);
    sum += panel * scale;
    if (gradient) {
      sumLa += panelLa * scale;
      sumLb += panelLb * scale;
      sumIa += panelIa * scale;
      sumIb += panelIb * scale;
    }
    left = width === span - left ? span : left + width;
    const end = offset(left);
    if (exp(fall(end)) * (gap - end) < PANEL_TOLERANCE * sum) break;
  }
  if (gradient) {
    // ∂g/∂r = spanA − ln((α+y)/(α+t_x)), ∂g/∂α = (r+x)[1/(α+T) − 1/(α+y)],
    // ∂g/∂s = spanB − ln((β+y)/(β+t_x)), ∂g/∂β = s/(β+T) − (s+1)/(β+y); ∂ ln I = ∫ ∂g·e^g / ∫ e^g.
    gradient[0] = spanA - sumLa / sum;
    gradient[1] = rx / (alpha + T) - (rx * sumIa) / sum;
    gradient[2] = spanB - sumLb / sum;
    gradient[3] = s / (beta + T) - ((s + 1) * sumIb) / sum;
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
 * ratioSeries and its derivatives: returns S = Σₖ tₖ, tₖ = (u)ₖ/(c)ₖ zᵏ, and writes
 * out[0] = ∂S/∂u = Σₖ tₖ Σ_{j<k} 1/(u+j), out[1] = ∂S/∂c = −Σₖ tₖ Σ_{j<k} 1/(c+j),
 * out[2] = ∂S/∂z = Σₖ k tₖ / z (the digamma-like partial sums of the ₂F₁ parameter derivatives).
 */
function ratioSeriesGradient(u: number, c: number, z: number, out: Float64Array): number {
  if (z === 0) {
    out[0] = 0;
    out[1] = 0;
    out[2] = u / c;
    return 1;
  }
  let term = 1;
  let sum = 1;
  let sumU = 0;
  let sumC = 0;
  let sumK = 0;
  let partialU = 0;
  let partialC = 0;
  for (let k = 0; k < SERIES_MAX_TERMS; k++) {
    term *= ((u + k) / (c + k)) * z;
    partialU += 1 / (u + k);
    partialC += 1 / (c + k);
    sum += term;
    sumU += term * partialU;
    sumC += term * partialC;
    sumK += term * (k + 1);
    // The derivative series' terms are the value's times k + 1 and the partial sums.
    if (term * (k + 1 + partialU + partialC) <= SERIES_TOLERANCE * sum) break;
  }
  out[0] = sumU;
  out[1] = -sumC;
  out[2] = sumK / z;
  return sum;
}

const seriesTx = new Float64Array(3);
const seriesT = new Float64Array(3);
const dSTx = new Float64Array(4);
const dST = new Float64Array(4);

/** S(y) and its derivatives in (r, α, s, β), written into dS: the file comment's Euler-transformed series. */
function seriesAt(rx: number, alpha: number, s: number, beta: number, y: number, part: Float64Array, dS: Float64Array): number {
  const m = rx + s;
  if (alpha >= beta) {
    // S = Σ (r+x)ₖ/(r+s+x+1)ₖ zᵏ, z = (α−β)/(α+y): u = r+x, c = r+s+x+1.
    const ay = alpha + y;
    const value = ratioSeriesGradient(rx, m + 1, (alpha - beta) / ay, part);
    dS[0] = part[0] + part[1];
    dS[1] = (part[2] * (beta + y)) / (ay * ay);
    dS[2] = part[1];
    dS[3] = -part[2] / ay;
    return value;
  }
  // S = q·H, q = (α+y)/(β+y), H = Σ (s+1)ₖ/(r+s+x+1)ₖ zᵏ, z = (β−α)/(β+y).
  const by = beta + y;
  const q = (alpha + y) / by;
  const h = ratioSeriesGradient(s + 1, m + 1, (beta - alpha) / by, part);
  dS[0] = q * part[1];
  dS[1] = -(q * part[2]) / by + h / by;
  dS[2] = q * (part[0] + part[1]);
  dS[3] = (q * part[2] * (alpha + y)) / (by * by) - (q * h) / by;
  return q * h;
}

/**
 * ln R = ln[ s ∫_{t_x}^{T} (α+y)^−(r+x) (β+y)^−(s+1) dy · (α+T)^(r+x) (β+T)^s ], or −Infinity
 * when t_x = T. When `gradient` is given it receives ∂ ln R/∂(r, α, s, β) (0 when t_x = T):
 * on the quadrature path ∫ ∂g·e^g / ∫ e^g on the same nodes, on the series path
 * ∂ ln(s/m) + ∂ dLnP + ∂D/D with D = S(t_x) − S(T)·e^−dLnP and the series' own derivatives.
 */
export function paretoNbdLogDeathTerm({ r, alpha, s, beta }: ParetoNbdParams, x: number, tx: number, T: number, gradient?: Float64Array): number {
  if (tx >= T) {
    if (gradient) gradient.fill(0);
    return -Infinity;
  }
  const rx = r + x;
  // ln((α+T)/(α+t_x)) and ln((β+T)/(β+t_x)) without forming the ratios.
  const spanA = log1p((T - tx) / (alpha + tx));
  const spanB = log1p((T - tx) / (beta + tx));
  const V = rx * spanA + (s + 1) * spanB;
  const m = rx + s;
  const zTx = abs(alpha - beta) / (max(alpha, beta) + tx);
  if (V <= QUADRATURE_LIMIT || zTx > SERIES_LIMIT) {
    const lnI = logIntegral(rx, alpha, s, beta, tx, T, spanA, spanB, gradient);
    if (gradient) gradient[2] += 1 / s;
    return log(s) + lnI;
  }
  // F(y) = P(y)·S(y); ln P(t_x) − ln P(T) = (r+x)·spanA + s·spanB.
  const dLnP = rx * spanA + s * spanB;
  let sTx: number;
  let sT: number;
  if (gradient) {
    sTx = seriesAt(rx, alpha, s, beta, tx, seriesTx, dSTx);
    sT = seriesAt(rx, alpha, s, beta, T, seriesT, dST);
  } else if (alpha >= beta) {
    sTx = ratioSeries(rx, m + 1, (alpha - beta) / (alpha + tx));
    sT = ratioSeries(rx, m + 1, (alpha - beta) / (alpha + T));
  } else {
    sTx = ((alpha + tx) / (beta + tx)) * ratioSeries(s + 1, m + 1, (beta - alpha) / (beta + tx));
    sT = ((alpha + T) / (beta + T)) * ratioSeries(s + 1, m + 1, (beta - alpha) / (beta + T));
  }
  // R = s/m · [e^dLnP · S(t_x) − S(T)], in logs.
  // sTx − sT·e^−dLnP as (sTx − sT) − sT·expm1(−dLnP): no digit lost when dLnP is tiny.
  const D = sTx - sT - sT * expm1(-dLnP);
  if (gradient) {
    const e = exp(-dLnP);
    const dP0 = spanA;
    const dP1 = rx * (1 / (alpha + T) - 1 / (alpha + tx));
    const dP2 = spanB;
    const dP3 = s * (1 / (beta + T) - 1 / (beta + tx));
    gradient[0] = -1 / m + dP0 + (dSTx[0] - e * (dST[0] - sT * dP0)) / D;
    gradient[1] = dP1 + (dSTx[1] - e * (dST[1] - sT * dP1)) / D;
    gradient[2] = 1 / s - 1 / m + dP2 + (dSTx[2] - e * (dST[2] - sT * dP2)) / D;
    gradient[3] = dP3 + (dSTx[3] - e * (dST[3] - sT * dP3)) / D;
  }
  return log(s / m) + dLnP + log(D);
}

/** ln L for one customer. Example: see the file comment. O(series terms). */
export function paretoNbdCustomerLogLikelihood(params: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = params;
  const base = lnGammaRatio(r, x) - r * log1p(T / alpha) - x * log(alpha + T) - s * log1p(T / beta);
  const lnR = paretoNbdLogDeathTerm(params, x, tx, T);
  return lnR === -Infinity ? base : base + logAddExp(0, lnR);
}

/**
 * Σ w · ln L over groups of identical customers (bgnbdGroups.ts: the same (x, t_x, T) data).
 * When `gradient` is given (length 4) it receives ∂/∂(r, α, s, β):
 *   ∂ ln L = ∂ base + ρ ∂ ln R,  ρ = R/(1+R),  base = G(r, x) − r ln(1+T/α) − x ln(α+T) − s ln(1+T/β),
 *   ∂base/∂r = ψ(r+x) − ψ(r) − ln(1+T/α), ∂base/∂α = rT/(α(α+T)) − x/(α+T),
 *   ∂base/∂s = −ln(1+T/β), ∂base/∂β = sT/(β(β+T)).
 * The gamma terms are taken once per distinct x, the logarithms of T once per distinct T.
 */
export function paretoNbdLogLikelihood(groups: BgnbdGroups, params: ParetoNbdParams, gradient?: Float64Array): number {
  const { xValues, tValues, txValues, weightOfX, xIndex, txIndex, tIndex, weight, count } = groups;
  const { r, alpha, s, beta } = params;
  const nt = tValues.length;
  const baseOfT = new Float64Array(nt);
  const lnAlphaT = new Float64Array(nt);
  const log1pAlphaT = new Float64Array(nt);
  const log1pBetaT = new Float64Array(nt);
  const rateAlphaT = new Float64Array(nt);
  const invAlphaT = new Float64Array(nt);
  const rateBetaT = new Float64Array(nt);
  for (let j = 0; j < nt; j++) {
    const t = tValues[j];
    log1pAlphaT[j] = log1p(t / alpha);
    log1pBetaT[j] = log1p(t / beta);
    baseOfT[j] = -r * log1pAlphaT[j] - s * log1pBetaT[j];
    lnAlphaT[j] = log(alpha + t);
    rateAlphaT[j] = (r * t) / (alpha * (alpha + t));
    invAlphaT[j] = 1 / (alpha + t);
    rateBetaT[j] = (s * t) / (beta * (beta + t));
  }
  const gammaOfX = new Float64Array(xValues.length);
  for (let k = 0; k < xValues.length; k++) gammaOfX[k] = lnGammaRatio(r, xValues[k]);
  const dR = gradient ? new Float64Array(4) : undefined;
  let ll = 0;
  // Σ w·ρ·∂ln R, and the base terms' T-dependent parts.
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  for (let g = 0; g < count; g++) {
    const k = xIndex[g];
    const x = xValues[k];
    const tj = tIndex[g];
    const w = weight[g];
    const base = gammaOfX[k] + baseOfT[tj] - x * lnAlphaT[tj];
    const lnR = paretoNbdLogDeathTerm(params, x, txValues[txIndex[g]], tValues[tj], dR);
    ll += w * (lnR === -Infinity ? base : base + logAddExp(0, lnR));
    if (dR) {
      const wRho = lnR === -Infinity ? 0 : w / (1 + exp(-lnR));
      g0 += wRho * dR[0] - w * log1pAlphaT[tj];
      g1 += wRho * dR[1] + w * (rateAlphaT[tj] - x * invAlphaT[tj]);
      g2 += wRho * dR[2] - w * log1pBetaT[tj];
      g3 += wRho * dR[3] + w * rateBetaT[tj];
    }
  }
  if (gradient) {
    for (let k = 0; k < xValues.length; k++) if (weightOfX[k] > 0) g0 += weightOfX[k] * digammaDiff(r, xValues[k]);
    gradient[0] = g0;
    gradient[1] = g1;
    gradient[2] = g2;
    gradient[3] = g3;
  }
  return ll;
}
