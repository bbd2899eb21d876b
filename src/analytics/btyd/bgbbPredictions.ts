/**
 * Predictions of a fitted BG/BB model for a customer with history (x, t_x, n) (Fader, Hardie &
 * Shang 2010, Marketing Science 29(6), eqs. 11 and 13):
 *
 *   P(alive in period n+1 | x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n+1)/B(γ, δ) / L(α, β, γ, δ | x, t_x, n)
 *
 *   E[X(n, n+n*) | x, t_x, n] = 1/L · B(α+x+1, β+n−x)/B(α, β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *                               · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)]
 *
 * the expected number of periods with a transaction among the next n* opportunities. The
 * bracket over γ − 1 is 0/0 at γ = 1; with Γ(1+δ+n)/Γ(γ+δ+n) = e^u and the second ratio e^v it is
 * e^u·(−expm1(v − u))/(γ−1), u − v = Σ_{j<n*} ln(1 + (γ−1)/(1+δ+n+j)) summed by log1p (exact
 * as γ → 1), and at γ = 1 itself the limit ψ(1+δ+n+n*) − ψ(1+δ+n).
 * Example (donations fit α 1.204, β 0.750, γ 0.657, δ 2.783): x 6, t_x 6, n 6 → P(alive) 0.9304,
 * E[X(6, 11)] 3.752; x 0, t_x 0, n 6 → P(alive) 0.1080, E 0.0728. O(n − t_x + n*).
 */
import { BgbbParams, bgbbCustomerLogLikelihood } from "./bgbbLogLikelihood";
import { digammaDiff, lnGamma, lnGammaRatio } from "../numeric/specialFunctions";

// Math's functions read once: a global lookup per call is slow in sandboxed runtimes (jest's vm
// context measured 30× slower), and these run millions of times per fit.
const { exp, expm1, log, log1p, min } = Math;

const lnBeta = (a: number, b: number) => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

/** Why a parameter set is not a valid BG/BB model, or null. */
export function bgbbParamsError({ alpha, beta, gamma, delta }: BgbbParams): string | null {
  const named: [string, number][] = [["alpha", alpha], ["beta", beta], ["gamma", gamma], ["delta", delta]];
  for (const [name, value] of named) {
    if (!Number.isFinite(value) || value <= 0) return `${name} is ${value}; every BG/BB parameter must be a number above 0`;
  }
  return null;
}

/** P(alive in period n + 1). Example: see the file comment. */
export function bgbbPAlive(params: BgbbParams, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = params;
  const lnNumerator = lnBeta(alpha + x, beta + n - x) - lnBeta(alpha, beta) + lnBeta(gamma, delta + n + 1) - lnBeta(gamma, delta);
  return min(1, exp(lnNumerator - bgbbCustomerLogLikelihood(params, x, tx, n)));
}

/** E[X(n, n + n*)]. Example: see the file comment. */
export function bgbbExpectedPurchases(params: BgbbParams, nFuture: number, x: number, tx: number, n: number): number {
  if (nFuture === 0) return 0;
  const { alpha, beta, gamma, delta } = params;
  // δ/(γ−1) · Γ(γ+δ)/Γ(1+δ) · Γ(1+δ+n)/Γ(γ+δ+n) · [1 − e^(v−u)], the Gamma ratios by lnGammaRatio.
  const lnFront =
    lnBeta(alpha + x + 1, beta + n - x) - lnBeta(alpha, beta) + log(delta) + lnGammaRatio(1 + delta, n) - lnGammaRatio(gamma + delta, n);
  let bracket: number;
  if (gamma === 1) bracket = digammaDiff(1 + delta + n, nFuture);
  else if (Number.isInteger(nFuture)) {
    // u − v = Σ_{j<n*} ln(1 + (γ−1)/(1+δ+n+j)): exact as γ → 1, where the difference of log-gammas is not.
    let uMinusV = 0;
    for (let j = 0; j < nFuture; j++) uMinusV += log1p((gamma - 1) / (1 + delta + n + j));
    bracket = -expm1(-uMinusV) / (gamma - 1);
  } else {
    const uMinusV = lnGammaRatio(gamma + delta + n, nFuture) - lnGammaRatio(1 + delta + n, nFuture);
    bracket = -expm1(-uMinusV) / (gamma - 1);
  }
  return exp(lnFront - bgbbCustomerLogLikelihood(params, x, tx, n)) * bracket;
}
