import { BundleCases } from "./types";

/**
 * Black-box cases for the loyalty programme functions (issue 16), with Excel-shaped arguments.
 * Sources: IFRS 15 Illustrative Example 52 (IE267–IE270) and the hand-worked cases of
 * test/analytics/programme/*.test.ts, whose arithmetic is in the comments there.
 */
// 2024-01-31 = 45322, 2024-02-29 = 45351, 2024-03-01 = 45352 (Excel serials).
export const programmeCases: BundleCases = {
  POINTSEARNED: [
    // 37.80 at 1 → 37 (issue); 0.29 at 100 → 29 (28 with a plain floor in doubles); −12.34 at 100 → −1234.
    { title: "rounds down exactly, refunds toward zero", args: [[[37.8], [0.29], [-12.34]], [[1], [100], [100]], null, null], expect: { values: [[37], [29], [-1234]] } },
    // 37.80 × 1.5 = 56.7 → 57.
    { title: "nearest with a multiplier", args: [[[37.8]], [[1]], "nearest", [[1.5]]], expect: { values: [[57]] } },
    { title: "text amount names the row", args: [[[1], ["x"]], [[1]], null, null], expect: { values: [[1], [{ code: "#VALUE!", message: 'amounts, row 2: expected an amount, found text "x"' }]] } },
    { title: "unknown rounding", args: [[[1]], [[1]], "up", null], expect: { error: "#VALUE!", message: /^rounding: expected "down", "nearest" or "none"/ } },
  ],
  POINTSBALANCE: [
    // A: 100 earned 2024-01-31, expires 2024-02-29 (EDATE), 30 redeemed on that day → 70 expired as of 2024-03-01.
    {
      title: "EDATE expiry across the end of February",
      args: [[["A"], ["A"]], [[45322], [45351]], [[100], [0]], [[0], [30]], 1, 45352],
      expect: { values: [["Customer", "Earned", "Redeemed", "Expired", "Balance"], ["A", 100, 30, 70, 0]] },
    },
    // The 0.3 points of A are gone on 2024-03-01, so redeeming 0.2 then names row 2.
    {
      title: "redemption above the balance names the row",
      args: [[["A"], ["A"]], [[45322], [45352]], [[0.3], [0]], [[0], [0.2]], 1, null],
      expect: {
        values: [
          ["Customer", "Earned", "Redeemed", "Expired", "Balance"],
          ["A", ...Array(4).fill({ code: "#VALUE!", message: "customer A: points_redeemed, row 2: redeems 0.2 points on 2024-03-01 but the balance then is 0; a customer cannot redeem more than they hold" })],
        ],
      },
    },
  ],
  TIER: [
    { title: "values at the bounds go to the higher tier", args: [[[0], [499.99], [500], [2000]], [[0, "Basic"], [500, "Silver"], [2000, "Gold"]], null], expect: { values: [["Basic"], ["Basic"], ["Silver"], ["Gold"]] } },
    { title: "thresholds out of order", args: [[[1]], [[0, "Basic"], [2000, "Gold"], [500, "Silver"]], null], expect: { error: "#VALUE!", message: /^thresholds, row 3: the bound 500 is not above the bound 2000 of row 2/ } },
  ],
  POINTSALLOCATION: [
    // IE 52: 100,000 × 100,000 / 109,500 = 91,324.2; 100,000 × 9,500 / 109,500 = 8,675.8.
    { title: "IFRS 15 IE 52", args: [[[100000]], [[10000]], [[1]], [[0.95]], null, null], expect: { close: [[91324.2, 8675.8]], digits: 1 } },
    { title: "rate as a percentage number", args: [[[100]], [[10]], [[1]], [[95]], null, null], expect: { values: [[{ code: "#VALUE!", message: "expected_redemption_rate: expected a fraction from 0 to 1 (95% is 0.95), found 95" }, { code: "#VALUE!", message: "expected_redemption_rate: expected a fraction from 0 to 1 (95% is 0.95), found 95" }]] } },
  ],
  POINTSREVENUE: [
    // IE 52 with 8,676 allocated: year 1 4,500/9,500 → 4,109.7, liability 4,566.3; year 2 8,500/9,700 → cumulative 7,602.7, period 3,493.0, liability 1,073.3.
    {
      title: "IFRS 15 IE 52, both years",
      args: [[[8676]], [[4500], [8500]], [[9500], [9700]], null],
      expect: { close: [[(8676 * 4500) / 9500, (8676 * 4500) / 9500, 8676 - (8676 * 4500) / 9500], [(8676 * 8500) / 9700 - (8676 * 4500) / 9500, (8676 * 8500) / 9700, 8676 - (8676 * 8500) / 9700]], digits: 6 },
    },
    { title: "no points expected", args: [[[100]], [[1]], [[0]], null], expect: { values: [[{ code: "#DIV/0!" }, { code: "#DIV/0!" }, { code: "#DIV/0!" }]] } },
  ],
  BREAKAGE: [
    // f1 = 1,100 / 700, f2 = 1.2 → rates 0.6, 0.72, 200 × 11/7 × 1.2 / 800 = 0.471429.
    {
      title: "hand-worked triangle",
      args: [[[1000], [1000], [800]], [[300, 500, 600], [400, 600, null], [200, null, null]], null],
      expect: {
        close: [
          ["Issued", "Redeemed so far", "Ultimate redemption rate", "Breakage"],
          [1000, 600, 0.6, 0.4],
          [1000, 600, 0.72, 0.28],
          [800, 200, 0.471429, 0.528571],
          ["Development factors (volume-weighted): age 1→2: 1.5714 on 2 cohorts; age 2→3: 1.2 on 1 cohort", "", "", ""],
        ],
        digits: 6,
      },
    },
    { title: "a hole in the triangle", args: [[[10], [10]], [[1, null, 3], [1, 2, 3]], null], expect: { error: "#VALUE!", message: /^redeemed_triangle, row 1, column 3: a value after a blank/ } },
  ],
};
