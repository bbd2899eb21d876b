/**
 * Expected average transaction value of a customer under the Gamma-Gamma model (Fader & Hardie
 * 2013, "The Gamma-Gamma model of monetary value", eq. 5): the posterior mean of p/ν given x
 * repeat purchases with mean value z̄,
 *
 *   E(M | p, q, γ, x, z̄) = p (γ + x z̄) / (p x + q − 1)
 *
 * a weighted mean of the population mean pγ/(q − 1) and the customer's own z̄. For x = 0 it is the
 * population mean pγ/(q − 1). q ≤ 1 leaves the population mean infinite, so such parameters are
 * rejected. Example (CDNOW fit p 6.25, q 3.74, γ 15.44): x 2, z̄ 22.35 →
 * 6.25 · (15.44 + 44.70) / (12.5 + 2.74) = 24.68; x 0 → 6.25 · 15.44 / 2.74 = 35.22. O(1).
 */
import { GammaGammaParams } from "./gammaGammaFit";

/** Why a parameter set cannot give expected spends, or null. */
export function gammaGammaParamsError({ p, q, v }: GammaGammaParams): string | null {
  const named: [string, number][] = [["p", p], ["q", q], ["v", v]];
  for (const [name, value] of named) {
    if (!Number.isFinite(value) || value <= 0) return `${name} is ${value}; every Gamma-Gamma parameter must be a number above 0`;
  }
  if (q <= 1) return `q is ${q}; with q ≤ 1 the mean spend is infinite, so there is no expected spend`;
  return null;
}

/** E(M | x, z̄); z̄ is ignored when x = 0. Example: see the file comment. */
export function expectedSpend({ p, q, v }: GammaGammaParams, x: number, averageSpend: number): number {
  if (x === 0) return (p * v) / (q - 1);
  return (p * (v + x * averageSpend)) / (p * x + q - 1);
}
