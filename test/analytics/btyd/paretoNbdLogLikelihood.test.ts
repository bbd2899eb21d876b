import { paretoNbdCustomerLogLikelihood, paretoNbdLogDeathTerm, paretoNbdLogLikelihood } from "../../../src/analytics/btyd/paretoNbdLogLikelihood";
import { groupBgnbdCustomers } from "../../../src/analytics/btyd/bgnbdGroups";
import { cdnowSummary } from "../../support/btydFixtures";
import { paretoReferenceLogLikelihood } from "../../support/btydReference";

// Fader & Hardie (2005), note 009 / the Pareto/NBD spreadsheet: CDNOW estimates (weeks).
const CDNOW = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

/**
 * ln L by the definition L = C·[P(T) + s ∫_{t_x}^T (α+y)^−(r+x)(β+y)^−(s+1) dy], the integral by a
 * fine composite Simpson rule in u = ln(β+y) (smooth even where β is tiny), in logs relative to
 * the integrand at t_x so that nothing overflows.
 */
function simpsonLogLikelihood({ r, alpha, s, beta }: typeof CDNOW, x: number, tx: number, T: number, steps = 20_000): number {
  const lnC = lnGammaRef(r + x) - lnGammaRef(r) + r * Math.log(alpha) + s * Math.log(beta);
  const lnPT = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  // Integrand in u: (α+y)^−(r+x)(β+y)^−(s+1)·(β+y), y = e^u − β.
  const g = (u: number) => {
    const y = Math.exp(u) - beta;
    return -(r + x) * Math.log(alpha + y) - s * u;
  };
  const u0 = Math.log(beta + tx);
  const u1 = Math.log(beta + T);
  const g0 = g(u0);
  const h = (u1 - u0) / steps;
  let sum = 1 + Math.exp(g(u1) - g0);
  for (let i = 1; i < steps; i++) sum += Math.exp(g(u0 + i * h) - g0) * (i % 2 ? 4 : 2);
  const lnDeath = Math.log(s) + g0 + Math.log((h * sum) / 3);
  const top = Math.max(lnPT, lnDeath);
  return lnC + top + Math.log(Math.exp(lnPT - top) + Math.exp(lnDeath - top));
}
// ln Γ by Stirling with the recurrence, independent of src (accurate to ~1e-13 here).
function lnGammaRef(z: number): number {
  let shift = 0;
  while (z < 15) {
    shift -= Math.log(z);
    z += 1;
  }
  return shift + (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * z) - 1 / (360 * z ** 3) + 1 / (1260 * z ** 5);
}

describe("paretoNbdLogLikelihood", () => {
  it("gives −9594.97 summed over CDNOW at the published estimates", () => {
    // Issue 15 / Fader & Hardie: −9594.98 on exact days/7, −9594.97 on lifetimes' two-decimal summary (this file).
    const { x, tx, T } = cdnowSummary();
    expect(Math.abs(paretoNbdLogLikelihood(groupBgnbdCustomers(x, tx, T), CDNOW) - -9594.97)).toBeLessThan(0.01);
  });

  it("agrees with note 009's ₂F₁ formula as printed for every CDNOW customer (relative 1e-10)", () => {
    const { x, tx, T } = cdnowSummary();
    for (let i = 0; i < x.length; i++) {
      const ours = paretoNbdCustomerLogLikelihood(CDNOW, x[i], tx[i], T[i]);
      const reference = paretoReferenceLogLikelihood(CDNOW, x[i], tx[i], T[i]);
      expect(Math.abs(ours - reference)).toBeLessThan(1e-10 * Math.abs(reference));
    }
  });

  it("agrees with the printed formula on both sides of α = β and at α = β", () => {
    for (const p of [{ ...CDNOW, alpha: 3, beta: 20 }, { ...CDNOW, alpha: 20, beta: 3 }, { ...CDNOW, alpha: 7, beta: 7 }]) {
      for (const [x, tx, T] of [[0, 0, 30], [1, 2, 30], [5, 29.9, 30], [12, 10, 40]]) {
        const reference = paretoReferenceLogLikelihood(p, x, tx, T);
        expect(Math.abs(paretoNbdCustomerLogLikelihood(p, x, tx, T) - reference)).toBeLessThan(1e-10 * Math.abs(reference));
      }
    }
  });

  it("stays exact where the ₂F₁ argument is close to 1 (α = 10⁴, β = 0.01: z = 0.99999)", () => {
    // The printed series would need millions of terms; compare with the defining integral by Simpson's rule.
    const p = { r: 0.5, alpha: 1e4, s: 0.7, beta: 0.01 };
    for (const [x, tx, T] of [[0, 0, 40], [3, 5, 40], [20, 39, 40]]) {
      const ours = paretoNbdCustomerLogLikelihood(p, x, tx, T);
      expect(Math.abs(ours - simpsonLogLikelihood(p, x, tx, T))).toBeLessThan(1e-8);
    }
  });

  it("stays exact where t_x ≈ T, where A₀ = F(t_x) − F(T) cancels", () => {
    // T − t_x = 10⁻⁹: R = s ∫ … (α+T)^(r+x)(β+T)^s = s (T − t_x)/(β+T) · (1 + O(T − t_x)), so ln R is known to ~10⁻¹⁰.
    const [x, T] = [4, 39];
    const tx = T - 1e-9;
    const gap = T - tx; // 1.0000000036e-9 in floating point
    expect(paretoNbdLogDeathTerm(CDNOW, x, tx, T)).toBeCloseTo(Math.log((CDNOW.s * gap) / (CDNOW.beta + T)), 8);
    expect(paretoNbdLogDeathTerm(CDNOW, x, T, T)).toBe(-Infinity);
    // And at T − t_x = 10⁻³ and 0.5 (either side of the switch to the series) against Simpson.
    for (const gap of [1e-3, 0.5, 3]) {
      expect(Math.abs(paretoNbdCustomerLogLikelihood(CDNOW, x, T - gap, T) - simpsonLogLikelihood(CDNOW, x, T - gap, T))).toBeLessThan(1e-11);
    }
  });

  it("stays finite and exact for x in the thousands, where (α+T)^(r+x) overflows", () => {
    for (const [x, tx, T] of [[2000, 10, 400], [2000, 399, 400]]) {
      const value = paretoNbdCustomerLogLikelihood(CDNOW, x, tx, T);
      expect(Math.abs(value - simpsonLogLikelihood(CDNOW, x, tx, T, 200_000))).toBeLessThan(1e-9 * Math.abs(value));
    }
  });

  it("weights groups of identical customers", () => {
    const one = paretoNbdCustomerLogLikelihood(CDNOW, 2, 30.43, 38.86);
    const groups = groupBgnbdCustomers([2, 2, 0], [30.43, 30.43, 0], [38.86, 38.86, 38.86], [1, 2, 0]);
    expect(paretoNbdLogLikelihood(groups, CDNOW)).toBeCloseTo(3 * one, 12);
  });
});
