import { pointsAllocation } from "../../../src/analytics/programme/pointsAllocation";

const base = { goodsStandalonePrice: null, standalonePricePerPoint: null };

describe("pointsAllocation (IFRS 15 relative stand-alone selling price)", () => {
  it("reproduces IFRS 15 Illustrative Example 52: goods 91,324, points 8,676", () => {
    // IE 267–IE 268: sales 100,000; 10,000 points at 1 each; 95% expected to be redeemed → SSP 9,500.
    const r = pointsAllocation({ sales: 100000, pointsIssued: 10000, valuePerPoint: 1, expectedRedemptionRate: 0.95, ...base });
    if ("code" in r) throw new Error(r.message);
    expect(Math.abs(r.goods - 91324)).toBeLessThan(1);
    expect(Math.abs(r.points - 8676)).toBeLessThan(1);
    expect(r.points).toBeCloseTo((100000 * 9500) / 109500, 9); // unrounded: 8,675.799…
    expect(r.goods + r.points).toBeCloseTo(100000, 9);
  });

  it("reproduces KPMG's variant (Revenue – IFRS 15 handbook, Example 10A): 97% → points SSP 9,700 of 109,700", () => {
    // KPMG rounds the ratio to 9% and allocates 9,000; unrounded it is 100,000 × 9,700 / 109,700 = 8,842.3.
    const r = pointsAllocation({ sales: 100000, pointsIssued: 10000, valuePerPoint: 1, expectedRedemptionRate: 0.97, ...base });
    if ("code" in r) throw new Error(r.message);
    expect(r.points).toBeCloseTo((100000 * 9700) / 109700, 9);
    expect(Math.round((r.points / 100000) * 100)).toBe(9);
  });

  it("uses the stand-alone prices when given (B42)", () => {
    // Goods SSP 120,000, points SSP 10,000 × 0.5 = 5,000 → points 100,000 × 5,000 / 125,000 = 4,000.
    const r = pointsAllocation({ sales: 100000, pointsIssued: 10000, valuePerPoint: 1, expectedRedemptionRate: 0.95, goodsStandalonePrice: 120000, standalonePricePerPoint: 0.5 });
    expect(r).toEqual({ goods: 96000, points: 4000 });
  });

  it("rejects a redemption rate above 1, naming the row, and both prices 0 as #DIV/0!", () => {
    expect(pointsAllocation({ sales: 10, pointsIssued: 1, valuePerPoint: 1, expectedRedemptionRate: 95, ...base }, 2)).toEqual({
      code: "#VALUE!",
      message: "expected_redemption_rate, row 2: expected a fraction from 0 to 1 (95% is 0.95), found 95",
    });
    expect(pointsAllocation({ sales: 0, pointsIssued: 0, valuePerPoint: 1, expectedRedemptionRate: 0.9, ...base })).toMatchObject({ code: "#DIV/0!" });
  });
});
