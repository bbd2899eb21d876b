import { pointsRevenueRow, pointsRevenueSchedule } from "../../../src/analytics/programme/pointsRevenue";

const allocated = (100000 * 9500) / 109500; // IE 52's 8,676, unrounded

describe("pointsRevenueSchedule (cumulative catch-up)", () => {
  it("reproduces IFRS 15 Illustrative Example 52, both years", () => {
    // Year 1 (IE 269): 4,500 of 9,500 expected → revenue 4,110, liability 4,566.
    // Year 2 (IE 270): 4,000 more redeemed (8,500 cumulative), 9,700 now expected in total →
    // cumulative 8,676 × 8,500 / 9,700 = 7,603; revenue 7,603 − 4,110 = 3,493; liability 1,073.
    // The standard's figures are rounded per step; unrounded they are 3,492.96 and 1,073.25.
    const rows = pointsRevenueSchedule([
      { allocated, redeemedCumulative: 4500, expectedTotal: 9500, recognisedBefore: null },
      { allocated, redeemedCumulative: 8500, expectedTotal: 9700, recognisedBefore: null },
    ]);
    const [y1, y2] = rows as { period: number; cumulative: number; liability: number }[];
    expect(Math.abs(y1.period - 4110)).toBeLessThan(1);
    expect(Math.abs(y1.liability - 4566)).toBeLessThan(1);
    expect(Math.abs(y2.cumulative - 7603)).toBeLessThan(1);
    expect(Math.abs(y2.period - 3493)).toBeLessThan(1);
    expect(Math.abs(y2.liability - 1073)).toBeLessThan(1);
    expect(y2.period).toBeCloseTo(allocated * (8500 / 9700 - 4500 / 9500), 9);
  });

  it("reproduces KPMG's Examples 10A and 10B (allocated 9,000)", () => {
    // 10A: 4,500 of 9,700 → 4,175; then 8,500 of 9,900 → 3,552. 10B: 8,500 of 9,200 → 4,140.
    const a = pointsRevenueSchedule([
      { allocated: 9000, redeemedCumulative: 4500, expectedTotal: 9700, recognisedBefore: null },
      { allocated: 9000, redeemedCumulative: 8500, expectedTotal: 9900, recognisedBefore: null },
    ]) as { period: number }[];
    expect(Math.round(a[0].period)).toBe(4175);
    expect(Math.round(a[1].period)).toBe(3552);
    const b = pointsRevenueRow({ allocated: 9000, redeemedCumulative: 8500, expectedTotal: 9200, recognisedBefore: null }, 9000 * 4500 / 9700);
    expect(Math.round((b as { period: number }).period)).toBe(4140);
  });

  it("gives negative period revenue when the expected total rises, and caps at the allocation", () => {
    // 500 of 1,000 → 50 of 100; then 500 of 2,000 → cumulative 25, period −25.
    const r = pointsRevenueSchedule([
      { allocated: 100, redeemedCumulative: 500, expectedTotal: 1000, recognisedBefore: null },
      { allocated: 100, redeemedCumulative: 500, expectedTotal: 2000, recognisedBefore: null },
      { allocated: 100, redeemedCumulative: 2500, expectedTotal: 2000, recognisedBefore: null },
    ]);
    expect(r).toEqual([
      { period: 50, cumulative: 50, liability: 50 },
      { period: -25, cumulative: 25, liability: 75 },
      { period: 75, cumulative: 100, liability: 0 },
    ]);
  });

  it("takes an opening value or a row's own revenue recognised before", () => {
    const r = pointsRevenueSchedule([{ allocated: 100, redeemedCumulative: 500, expectedTotal: 1000, recognisedBefore: null }], 20);
    expect(r).toEqual([{ period: 30, cumulative: 50, liability: 50 }]);
  });

  it("gives #DIV/0! for no expected redemptions and #VALUE! naming the row for a negative count", () => {
    const r = pointsRevenueSchedule([
      { allocated: 100, redeemedCumulative: -1, expectedTotal: 1000, recognisedBefore: null },
      { allocated: 100, redeemedCumulative: 1, expectedTotal: 0, recognisedBefore: 0 },
    ]);
    expect(r[0]).toEqual({ code: "#VALUE!", message: "points_redeemed_cumulative, row 1: expected the points redeemed to date, 0 or more, found -1" });
    expect(r[1]).toMatchObject({ code: "#DIV/0!" });
  });
});
