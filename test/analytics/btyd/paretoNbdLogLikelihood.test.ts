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

  it("stays finite, bounded and exact at the extreme parameters a fit can step to (e^±45)", () => {
    // Found by the seeded fuzz test: two customers (x 5 and 3, T under a week) sent the fit to
    // r ≈ e^45 and α ≈ e^−45, where the old uniform panels numbered 10²¹ and the call never ended.
    // Reference: ln s + g(t_x) + ln ∫ e^{g(y)−g(t_x)} dy with the integral by Simpson in
    // u = ln(c+y) up to where the integrand has fallen by e^−90 (bisection), in place of src's
    // Gauss–Legendre panels and tail bound.
    const E = [Math.exp(-45), 0.7, Math.exp(45)];
    const { exp, expm1, log1p, min } = Math; // read once: jest's vm context makes each Math lookup slow
    let compared = 0;
    for (const r of E) for (const alpha of E) for (const s of E) for (const beta of E) {
      for (const [x, tx, T] of [[5, 0.18, 0.548], [3, 0.119, 0.94], [0, 0, 40], [1, 30, 38]]) {
        const value = paretoNbdLogDeathTerm({ r, alpha, s, beta }, x, tx, T);
        expect(Number.isFinite(value)).toBe(true);
        const rx = r + x;
        const zTx = Math.abs(alpha - beta) / (Math.max(alpha, beta) + tx);
        const V = rx * Math.log1p((T - tx) / (alpha + tx)) + (s + 1) * Math.log1p((T - tx) / (beta + tx));
        if (!(V <= 2 || zTx > 0.5)) continue; // the series path, checked by the cases above
        const g0 = rx * Math.log1p((T - tx) / (alpha + tx)) + s * Math.log1p((T - tx) / (beta + tx)) - Math.log(beta + tx);
        // In d = y − t_x, with log1p throughout: (β+y)/(β+t_x) is 1 + 10⁻¹⁸ when β is e^45.
        const fall = (d: number) => -rx * log1p(d / (alpha + tx)) - (s + 1) * log1p(d / (beta + tx));
        let lo = 0;
        let hi = T - tx;
        if (fall(hi) < -90) {
          for (let k = 0; k < 200; k++) {
            const mid = lo + (hi - lo) / 2;
            if (fall(mid) < -90) hi = mid;
            else lo = mid;
          }
        }
        // Simpson in u = ln((c+y)/(c+t_x)), so d = (c+t_x)·expm1(u) and dy = (c+t_x)·e^u du.
        const c = min(alpha, beta) + tx;
        const u1 = log1p(hi / c);
        const steps = 20_000;
        const h = u1 / steps;
        const f = (u: number) => exp(fall(min(hi, c * expm1(u)))) * exp(u) * c;
        let sum = f(0) + f(u1);
        for (let i = 1; i < steps; i++) sum += f(i * h) * (i % 2 ? 4 : 2);
        const reference = Math.log(s) + g0 + Math.log((h * sum) / 3);
        expect(Math.abs(value - reference)).toBeLessThan(1e-9 * Math.max(1, Math.abs(g0)));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("weights groups of identical customers", () => {
    const one = paretoNbdCustomerLogLikelihood(CDNOW, 2, 30.43, 38.86);
    const groups = groupBgnbdCustomers([2, 2, 0], [30.43, 30.43, 0], [38.86, 38.86, 38.86], [1, 2, 0]);
    expect(paretoNbdLogLikelihood(groups, CDNOW)).toBeCloseTo(3 * one, 12);
  });
});
