import { bgnbdPurchaseProbability } from "../../../src/analytics/btyd/bgnbdPurchaseProbability";
import { bgnbdNewCustomerExpectedPurchases } from "../../../src/analytics/btyd/bgnbdPredictions";
import { bgnbdReferencePmf, hyp2f1 } from "../../support/btydReference";

// Fader, Hardie & Lee (2005): CDNOW estimates (weeks).
const CDNOW = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

describe("bgnbdPurchaseProbability", () => {
  it("agrees with FHL 2005 eq. 8 as printed for k 0…20 at t 1, 39 and 78 (1e-12)", () => {
    for (const t of [1, 39, 78]) for (let k = 0; k <= 20; k++) expect(Math.abs(bgnbdPurchaseProbability(CDNOW, k, t) - bgnbdReferencePmf(CDNOW, k, t))).toBeLessThan(1e-12);
  });
  it("sums to 1 over k with the mean E[X(t)] of FHL 2005 eq. 9", () => {
    for (const t of [1, 39, 500]) {
      let total = 0;
      let mean = 0;
      for (let k = 0; k <= 3000; k++) {
        const q = bgnbdPurchaseProbability(CDNOW, k, t);
        total += q;
        mean += k * q;
      }
      // Eq. 9 as printed: (a+b−1)/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))].
      const { r, alpha, a, b } = CDNOW;
      const printed = ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
      expect(total).toBeCloseTo(1, 10);
      expect(mean).toBeCloseTo(printed, 7);
      expect(bgnbdNewCustomerExpectedPurchases(CDNOW, t)).toBeCloseTo(printed, 9);
    }
  });
  it("keeps small probabilities exact for a short t (no 1 − Σ cancellation)", () => {
    // For small t both terms of eq. 8 are O(t³) at k = 3, so P(X(10⁻⁵) = 3) / P(X(10⁻³) = 3) = 10⁻⁶ to about
    // 10⁻³; the printed 1 − Σ form leaves P(X(10⁻⁵) = 3) ≈ 10⁻¹⁴ with only a couple of correct digits.
    const ratio = bgnbdPurchaseProbability(CDNOW, 3, 1e-5) / bgnbdPurchaseProbability(CDNOW, 3, 1e-3);
    expect(ratio / 1e-6).toBeCloseTo(1, 2);
  });
  it("is 1 at k = 0 and 0 otherwise when t = 0", () => {
    expect(bgnbdPurchaseProbability(CDNOW, 0, 0)).toBe(1);
    expect(bgnbdPurchaseProbability(CDNOW, 1, 0)).toBe(0);
  });
});
