import { paretoNbdCustomerLogLikelihood, paretoNbdLogDeathTerm, paretoNbdLogLikelihood } from "../../../src/analytics/btyd/paretoNbdLogLikelihood";
import { groupBgnbdCustomers } from "../../../src/analytics/btyd/bgnbdGroups";
import { cdnowSummary } from "../../support/btydFixtures";
import { paretoReferenceLogLikelihood } from "../../support/btydReference";
import { richardsonGradient } from "../../support/numericGradient";

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

describe("paretoNbdLogLikelihood's analytic gradient", () => {
  // Reference: Richardson-extrapolated central differences (test/support/numericGradient.ts) of
  // note 009's ₂F₁ formula as printed (btydReference.ts) where it converges, else of the
  // customer likelihood that the tests above check against Simpson's rule.
  const relative = (value: number, expected: number) => Math.abs(value / expected - 1);
  const check = (
    data: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> },
    point: typeof CDNOW,
    one: (p: typeof CDNOW, x: number, tx: number, T: number) => number,
    tolerance = 1e-6,
    floor = 0,
  ) => {
    const groups = groupBgnbdCustomers(data.x, data.tx, data.T);
    const gradient = new Float64Array(4);
    const ll = paretoNbdLogLikelihood(groups, point, gradient);
    const total = (p: number[]) => {
      let sum = 0;
      for (let i = 0; i < data.x.length; i++) sum += one({ r: p[0], alpha: p[1], s: p[2], beta: p[3] }, data.x[i], data.tx[i], data.T[i]);
      return sum;
    };
    const p = [point.r, point.alpha, point.s, point.beta];
    expect(relative(ll, total(p))).toBeLessThan(1e-10);
    // Step 2·10⁻⁴: at the published point (near the maximum) the gradient is a small difference of
    // large sums, where the 10⁻³ step's O(h⁴) truncation would reach 10⁻⁶ of it.
    const reference = richardsonGradient(total, p, 2e-4);
    let worst = 0;
    for (let j = 0; j < 4; j++) {
      const error = Math.abs(gradient[j] - reference[j]) / Math.max(Math.abs(reference[j]), floor);
      expect(error).toBeLessThan(tolerance);
      worst = Math.max(worst, error);
    }
    return worst;
  };
  const points = [CDNOW, { r: 0.3, alpha: 3, s: 1.4, beta: 20 }, { r: 2, alpha: 20, s: 0.3, beta: 3 }, { r: 0.8, alpha: 7, s: 0.5, beta: 7 }];

  it("matches central differences on CDNOW at four parameter points, α above, below and equal to β (1e-6 relative)", () => {
    // Customer by customer against note 009's formula as printed: the sum's gradient near the
    // maximum is a small difference of large sums, below what differences of the sum resolve.
    // Relative to max(|reference|, 10⁻⁴): one customer's ∂/∂α at r 2, α 20, s 0.3, β 3 is
    // −7.9·10⁻⁷ (two terms that nearly cancel), where the two agree to 6·10⁻¹³ absolute.
    const cdnow = cdnowSummary();
    const seen = new Set<string>();
    let worst = 0;
    for (let i = 0; i < cdnow.x.length; i++) {
      const key = `${cdnow.x[i]},${cdnow.tx[i]},${cdnow.T[i]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      for (const point of points) worst = Math.max(worst, check({ x: [cdnow.x[i]], tx: [cdnow.tx[i]], T: [cdnow.T[i]] }, point, paretoReferenceLogLikelihood, 1e-6, 1e-4));
    }
    expect(worst).toBeGreaterThan(0); // the comparison ran
  });

  it("matches central differences on hand-made histories: x = 0, t_x ≈ T, t_x = T, long gaps (1e-6 relative)", () => {
    const hand = { x: [0, 1, 5, 4, 4, 12, 2, 30], tx: [0, 2, 29.9, 39 - 1e-3, 39, 10, 0.5, 60], T: [30, 30, 30, 39, 39, 40, 78, 78] };
    // Both code paths occur here: the series (V > 2, z ≤ 0.5) and the quadrature (t_x near T).
    for (const point of points) check(hand, point, paretoNbdCustomerLogLikelihood);
  });

  it("matches central differences where z is close to 1 (α = 10⁴, β = 0.01) and for x in the thousands (1e-6 relative)", () => {
    check({ x: [0, 3, 20], tx: [0, 5, 39], T: [40, 40, 40] }, { r: 0.5, alpha: 1e4, s: 0.7, beta: 0.01 }, paretoNbdCustomerLogLikelihood);
    check({ x: [2000, 2000, 1], tx: [10, 399, 3], T: [400, 400, 400] }, CDNOW, paretoNbdCustomerLogLikelihood);
  });
});
