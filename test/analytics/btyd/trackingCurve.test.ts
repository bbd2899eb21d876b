import { bgnbdNewCustomerExpectedPurchases } from "../../../src/analytics/btyd/bgnbdPredictions";
import { trackingCurve } from "../../../src/analytics/btyd/trackingCurve";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { cdnowOrders, isoOf } from "../../support/btydFixtures";
import { hyp2f1 } from "../../support/btydReference";

// Fader, Hardie & Lee (2005): CDNOW estimates (weeks).
const CDNOW = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

/** CDNOW_sample.txt as first-purchase weeks and repeat-purchase weeks (distinct days) since 1997-01-01. */
function cdnowCohort() {
  const { customer, ymd } = cdnowOrders();
  const origin = serialFromIsoText("1997-01-01")!;
  const days = new Map<string, Set<number>>();
  customer.forEach((c, i) => {
    const d = serialFromIsoText(isoOf(ymd[i]))!;
    if (!days.has(c)) days.set(c, new Set());
    days.get(c)!.add(d);
  });
  const starts: number[] = [];
  const repeats: number[] = [];
  for (const set of days.values()) {
    const sorted = [...set].sort((p, q) => p - q);
    starts.push((sorted[0] - origin) / 7);
    for (const d of sorted.slice(1)) repeats.push((d - origin) / 7);
  }
  return { starts, repeats, origin };
}

describe("trackingCurve", () => {
  it("counts repeats per period (k − 1, k] and sums E[X(τ − s)] over customers started before τ (hand-computed)", async () => {
    // Doc example: s 0.5, repeats at 0.9 and 2.0, end 2, E[X(t)] = t.
    const c = await trackingCurve([0.5], [0.9, 2.0], 2, (t) => t);
    expect(Array.from(c.actual)).toEqual([1, 1]);
    expect(Array.from(c.actualCumulative)).toEqual([1, 2]);
    expect(Array.from(c.expectedCumulative)).toEqual([0.5, 1.5]);
    expect(Array.from(c.expected)).toEqual([0.5, 1]);
  });

  it("cuts the last period at a fractional end, ignores later repeats and leaves customers out until they start", async () => {
    // Two customers: s 0 and s 1.5; end 2.5 → periods ends 1, 2, 2.5; E[X(t)] = 2t.
    const c = await trackingCurve([0, 1.5], [0.5, 2.4, 2.6], 2.5, (t) => 2 * t);
    expect(Array.from(c.ends)).toEqual([1, 2, 2.5]);
    expect(Array.from(c.actual)).toEqual([1, 0, 1]); // 2.6 is after the end
    // τ 1: 2·1 = 2 (the second has not started); τ 2: 4 + 2·0.5 = 5; τ 2.5: 5 + 2·1 = 7
    expect(Array.from(c.expectedCumulative)).toEqual([2, 5, 7]);
    await expect(trackingCurve([0], [], 0, (t) => t)).rejects.toThrow(/tracking end is 0/);
  });

  it("tracks the CDNOW cohort: 2,457 repeats by the calibration end, and the expectation of FHL 2005 eq. 9 summed here", async () => {
    const { starts, repeats, origin } = cdnowCohort();
    const expectedNew = (t: number) => bgnbdNewCustomerExpectedPurchases(CDNOW, t);
    // Calibration: 1997-01-01 … 1997-09-30 is 272/7 weeks after the origin.
    const calibration = await trackingCurve(starts, repeats, 272 / 7, expectedNew);
    expect(calibration.periods).toBe(39);
    // Σ x of cdnow_customers_summary.csv (lifetimes' calibration summary of the same log).
    expect(calibration.actualCumulative[38]).toBe(2457);
    // Whole log to 1998-06-30: every distinct purchase day after each customer's first.
    const end = (serialFromIsoText("1998-06-30")! - origin) / 7;
    const whole = await trackingCurve(starts, repeats, end, expectedNew);
    expect(whole.periods).toBe(78);
    expect(whole.actualCumulative[77]).toBe(repeats.length);
    expect(whole.actual.reduce((s, v) => s + v, 0)).toBe(repeats.length);
    // Independent: eq. 9 as printed, (a+b−1)/(a−1)·[1 − (α/(α+t))^r ₂F₁(r, b; a+b−1; t/(α+t))], customer by customer.
    const { r, alpha, a, b } = CDNOW;
    const eq9 = (t: number) => ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
    for (const k of [10, 39, 77]) {
      const tau = whole.ends[k];
      let sum = 0;
      for (const s of starts) if (s < tau) sum += eq9(tau - s);
      expect(whole.expectedCumulative[k]).toBeCloseTo(sum, 6);
    }
    // FHL 2005, figure 4, shows expected and actual cumulative repeat purchases close over the 78 weeks (only as a
    // chart, no printed numbers); 5% at week 78 is a bound of ours.
    expect(Math.abs(whole.expectedCumulative[77] - whole.actualCumulative[77]) / whole.actualCumulative[77]).toBeLessThan(0.05);
  });
});
