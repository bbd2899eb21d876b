import { groupBgnbdCustomers } from "../../../src/analytics/btyd/bgnbdGroups";
import { bgnbdCustomerLogLikelihood, bgnbdLogLikelihood } from "../../../src/analytics/btyd/bgnbdLogLikelihood";
import { cdnowSummary } from "../../support/btydFixtures";

const ones = { r: 1, alpha: 1, a: 1, b: 1 };

describe("bgnbdCustomerLogLikelihood", () => {
  it("is r ln α − r ln(α + T) for a customer without repeat purchases", () => {
    // x = 0: A₁ = r ln α = 0, A₂ = 0, A₃ = −1·ln 2.
    expect(bgnbdCustomerLogLikelihood(ones, 0, 0, 1)).toBeCloseTo(-Math.log(2), 14);
  });

  it("adds the dropout term for a repeat buyer (hand-worked)", () => {
    // r = α = a = b = 1, x 1, t_x 1, T 2: A₁ = ln Γ(2) − ln Γ(1) = 0; A₂ = ln Γ(2) + ln Γ(2) − ln Γ(1) − ln Γ(3) = −ln 2;
    // A₃ = −2 ln 3; A₄ = ln 1 − ln 1 − 2 ln 2. ln L = −ln 2 + ln(1/9 + 1/4) = −ln 2 + ln(13/36).
    expect(bgnbdCustomerLogLikelihood(ones, 1, 1, 2)).toBeCloseTo(-Math.log(2) + Math.log(13 / 36), 14);
  });

  it("reaches the Poisson limit when r and α grow together, without rounding noise", () => {
    // r, α → ∞ with r/α = λ = 0.1: no purchase in T = 5 has probability e^(−0.5); with a → 0 nobody drops out.
    // Naively r ln α − r ln(α + T) subtracts numbers near 3·10¹³ and ln Γ(r + x) − ln Γ(r) numbers near 3·10¹³.
    const poisson = { r: 1e12, alpha: 1e13, a: 1e-12, b: 1 };
    expect(bgnbdCustomerLogLikelihood(poisson, 0, 0, 5)).toBeCloseTo(-0.5, 9);
    // Two repeat purchases, the last at t_x = 4, watched to T = 5, no dropout: ln(λ² e^(−λT)) = 2 ln 0.1 − 0.5.
    expect(bgnbdCustomerLogLikelihood(poisson, 2, 4, 5)).toBeCloseTo(2 * Math.log(0.1) - 0.5, 9);
  });

  it("is finite for every valid history, however extreme", () => {
    const params = [{ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, { r: 5, alpha: 0.01, a: 50, b: 0.01 }, { r: 0.01, alpha: 1e4, a: 0.01, b: 100 }];
    const histories = [[0, 0, 0], [0, 0, 1e5], [1, 0, 0], [1, 0, 1e5], [500, 1e5, 1e5], [500, 1, 1e5], [3, 2, 2]];
    for (const p of params) for (const [x, tx, T] of histories) expect(Number.isFinite(bgnbdCustomerLogLikelihood(p, x, tx, T))).toBe(true);
  });

  it("stays finite for x in the hundreds and thousands", () => {
    const p = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 };
    for (const x of [300, 5000]) expect(Number.isFinite(bgnbdCustomerLogLikelihood(p, x, 38, 39))).toBe(true);
  });
});

describe("bgnbdLogLikelihood (grouped)", () => {
  const { x, tx, T } = cdnowSummary();
  const groups = groupBgnbdCustomers(x, tx, T);
  const published = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 };

  it("is −9582.43 on CDNOW at the published estimates", () => {
    // Fader, Hardie & Lee (2005) / lifetimes: ln L = −9582.4256 at the optimum.
    expect(bgnbdLogLikelihood(groups, published)).toBeCloseTo(-9582.4256, 2);
  });

  it("equals the sum over customers one by one", () => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) sum += bgnbdCustomerLogLikelihood(published, x[i], tx[i], T[i]);
    expect(bgnbdLogLikelihood(groups, published)).toBeCloseTo(sum, 8);
  });

  it("has the gradient of its finite differences", () => {
    const at = { r: 0.5, alpha: 3, a: 1.2, b: 1.7 };
    const gradient = new Float64Array(4);
    bgnbdLogLikelihood(groups, at, gradient);
    const names = ["r", "alpha", "a", "b"] as const;
    names.forEach((name, i) => {
      const h = 1e-6 * at[name];
      const up = bgnbdLogLikelihood(groups, { ...at, [name]: at[name] + h });
      const down = bgnbdLogLikelihood(groups, { ...at, [name]: at[name] - h });
      expect(gradient[i] / ((up - down) / (2 * h))).toBeCloseTo(1, 6);
    });
  });
});
