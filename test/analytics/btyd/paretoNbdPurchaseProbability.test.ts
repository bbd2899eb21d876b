import { paretoNbdPurchaseProbability } from "../../../src/analytics/btyd/paretoNbdPurchaseProbability";
import { paretoNbdNewCustomerExpectedPurchases } from "../../../src/analytics/btyd/paretoNbdPredictions";
import { mulberry32, gammaSampler } from "../../support/simulateBgnbd";

const CDNOW = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

const moments = (p: typeof CDNOW, t: number, kMax: number) => {
  let total = 0;
  let mean = 0;
  for (let k = 0; k <= kMax; k++) {
    const q = paretoNbdPurchaseProbability(p, k, t);
    total += q;
    mean += k * q;
  }
  return { total, mean };
};

describe("paretoNbdPurchaseProbability", () => {
  it("sums to 1 over k and has the mean E[X(t)] of note 009 eq. 9, for short and long t", () => {
    for (const t of [1, 39, 78]) {
      const { total, mean } = moments(CDNOW, t, 300);
      expect(total).toBeCloseTo(1, 10);
      expect(mean / paretoNbdNewCustomerExpectedPurchases(CDNOW, t)).toBeCloseTo(1, 10);
    }
  });
  it("does the same where α ≫ β and where β ≫ α", () => {
    // Few purchases when α ≫ β (k ≤ 100 holds all the mass); about 7 when β ≫ α, with a long tail (k ≤ 300).
    const cases: [typeof CDNOW, number][] = [[{ ...CDNOW, alpha: 500, beta: 0.05 }, 100], [{ ...CDNOW, alpha: 3, beta: 300 }, 300]];
    for (const [p, kMax] of cases) {
      const { total, mean } = moments(p, 39, kMax);
      expect(total).toBeCloseTo(1, 9);
      expect(mean / paretoNbdNewCustomerExpectedPurchases(p, 39)).toBeCloseTo(1, 7);
    }
  });
  it("agrees with a simulation of 200,000 new customers within sampling error", () => {
    // λ ~ Gamma(r, α), τ ~ Exp(μ), μ ~ Gamma(s, β); X(39) = Poisson(λ · min(τ, 39)).
    const uniform = mulberry32(42);
    const gamma = gammaSampler(uniform);
    const counts = new Array(4).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const lambda = gamma(CDNOW.r) / CDNOW.alpha;
      const tau = -Math.log(1 - uniform()) / (gamma(CDNOW.s) / CDNOW.beta);
      const end = Math.min(tau, 39);
      let t = 0;
      let k = 0;
      for (;;) {
        t += -Math.log(1 - uniform()) / lambda;
        if (!(t <= end)) break;
        k++;
      }
      if (k < 4) counts[k]++;
    }
    for (let k = 0; k < 4; k++) {
      const p = paretoNbdPurchaseProbability(CDNOW, k, 39);
      expect(Math.abs(counts[k] / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });
  it("is 1 at k = 0 and 0 otherwise when t = 0", () => {
    expect(paretoNbdPurchaseProbability(CDNOW, 0, 0)).toBe(1);
    expect(paretoNbdPurchaseProbability(CDNOW, 2, 0)).toBe(0);
  });
});
