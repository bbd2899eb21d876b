import { bgnbdFit } from "../../../src/analytics/btyd/bgnbdFit";
import { expectedPurchases, pAlive } from "../../../src/analytics/btyd/bgnbdPredictions";
import { expectedSpend } from "../../../src/analytics/btyd/expectedSpend";
import { DayHistoryError, clvGroupsAsync, dayHistoryError } from "../../../src/analytics/btyd/clvGroups";
import { gammaGammaFit } from "../../../src/analytics/btyd/gammaGammaFit";
import { predictedClv } from "../../../src/analytics/btyd/predictedClv";
import { TimeSlicer } from "../../../src/analytics/numeric/yieldToHost";
import { cdnowSummaryWithSpend } from "../../support/btydFixtures";

// BG/NBD on CDNOW, weeks (Fader, Hardie & Lee 2005, Table 1 / the spreadsheet's worked example).
const FHL = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 };
const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, timeUnit: "week" as const };

describe("clvGroupsAsync", () => {
  it("gives the FHL 2005 worked example's P(alive) 0.7266 for x 2, t_x 213 days, T 272 days (30.43 and 38.86 weeks)", async () => {
    // CDNOW sample customer 1: purchases 1997-01-01, -01-18, -08-02, as of 1997-09-30.
    const t = await clvGroupsAsync(FHL, { x: [2], txDays: [213], TDays: [272] }, options);
    expect(t.count).toBe(1);
    expect(t.pAlive[0]).toBeCloseTo(0.7266, 4);
  });

  it("equals PREDICTEDCLV with the expected spend and the margin put back (CDNOW customers 1–3: 36.30, 4.64, 8.35)", async () => {
    // predictedClv.test.ts's published check: both models fitted on the CDNOW summary, 12 months, 1% a month.
    const d = cdnowSummaryWithSpend();
    const bg = bgnbdFit(d.x, d.tx, d.T);
    const gg = gammaGammaFit(d.x, d.zbar!);
    // The fixture's t_x and T are whole days / 7 (6 decimals): × 7, rounded, gives the day counts back.
    const days = (w: number) => Math.round(w * 7);
    const rows = [0, 1, 2];
    const t = await clvGroupsAsync(bg, { x: rows.map((i) => d.x[i]), txDays: rows.map((i) => days(d.tx[i])), TDays: rows.map((i) => days(d.T[i])) }, options);
    const published = [36.3, 4.64, 8.35];
    rows.forEach((i, g) => {
      const tx = t.txDays[g] / 7;
      const T = t.TDays[g] / 7;
      const clv = t.discountedPurchases[g] * expectedSpend(gg, d.x[i], d.zbar![i]) * 0.3;
      // The same bits as PREDICTEDCLV for the same history (the product is taken in the same order).
      expect(clv).toBe(predictedClv(bg, gg, d.x[i], tx, T, d.zbar![i], { ...options, marginRate: 0.3 }));
      expect(clv / 0.3).toBeCloseTo(published[g], 1);
      expect(t.pAlive[g]).toBe(pAlive(bg, d.x[i], tx, T));
      expect(t.expectedPurchases[g]).toBe(expectedPurchases(bg, 12 * (30.4375 / 7), d.x[i], tx, T));
    });
  });

  it("is Σ_k ΔE_k / (1 + d)^k month by month (two months, 10% a month, in days)", async () => {
    const o = { horizonMonths: 2, monthlyDiscountRate: 0.1, timeUnit: "day" as const };
    const p = { r: 0.8, alpha: 30, a: 0.9, b: 3 };
    const t = await clvGroupsAsync(p, { x: [3], txDays: [100], TDays: [180] }, o);
    const E1 = expectedPurchases(p, 30.4375, 3, 100, 180);
    const E2 = expectedPurchases(p, 60.875, 3, 100, 180);
    expect(t.discountedPurchases[0]).toBeCloseTo(E1 / 1.1 + (E2 - E1) / 1.21, 12);
    expect(t.expectedPurchases[0]).toBeCloseTo(E2, 12);
  });

  it("keeps one row per distinct (x, t_x days, T days), first appearance first", async () => {
    const t = await clvGroupsAsync(FHL, { x: [1, 0, 1, 1, 0], txDays: [5, 0, 5, 6, 0], TDays: [9, 9, 9, 9, 10] }, options);
    expect(t.count).toBe(4);
    expect(Array.from(t.x)).toEqual([1, 0, 1, 0]);
    expect(Array.from(t.txDays)).toEqual([5, 0, 6, 0]);
    expect(Array.from(t.TDays)).toEqual([9, 9, 9, 10]);
    expect(t.pAlive[1]).toBe(1); // x = 0: alive by the model's assumption
  });

  it("refuses a row that is not a whole-day history, naming the row and what was expected", async () => {
    await expect(clvGroupsAsync(FHL, { x: [1, 2], txDays: [3, 9], TDays: [5, 8] }, options)).rejects.toThrow(
      new DayHistoryError(1, "t_x_days 9 is more than T_days 8; expected 0 ≤ t_x_days ≤ T_days"),
    );
    expect(dayHistoryError(1.5, 0, 3)).toMatch(/^x is 1.5; expected a whole number/);
    expect(dayHistoryError(0, 2, 3)).toMatch(/with x 0; a customer without repeat purchases has t_x_days 0$/);
    expect(dayHistoryError(1, 0.5, 3)).toMatch(/^t_x_days is 0.5; expected a whole number of days/);
    await expect(clvGroupsAsync({ ...FHL, a: 0 }, { x: [1], txDays: [1], TDays: [2] }, options)).rejects.toThrow(/^a is 0; every BG\/NBD parameter/);
  });

  it("yields through the slicer and gives the same figures as without it", async () => {
    const n = 20_000;
    const h = { x: Array.from({ length: n }, (_, i) => 1 + (i % 40)), txDays: Array.from({ length: n }, (_, i) => i % 300), TDays: Array.from({ length: n }, (_, i) => 300 + (i % 97)) };
    let pauses = 0;
    const slicer: TimeSlicer = { due: () => true, pause: async () => void pauses++ };
    const sliced = await clvGroupsAsync(FHL, h, options, slicer);
    const plain = await clvGroupsAsync(FHL, h, options);
    expect(pauses).toBeGreaterThan(sliced.count); // every group and every 4,096 input rows
    expect(Array.from(sliced.discountedPurchases)).toEqual(Array.from(plain.discountedPurchases));
    expect(Array.from(sliced.expectedPurchases)).toEqual(Array.from(plain.expectedPurchases));
  });
});
