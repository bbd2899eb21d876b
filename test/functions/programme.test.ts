import { breakage, pointsallocation, pointsbalance, pointsearned, pointsrevenue, tier } from "../../src/functions/programme";
import { StubError, excelError } from "../support/customFunctionsStub";
import { serialFromYmd as s } from "../../src/analytics/orders/dates";

/** Error objects as { code, message } so results compare as plain data. */
function plain(value: unknown): unknown {
  if (value instanceof StubError) return { code: value.code, message: value.message };
  if (Array.isArray(value)) return value.map(plain);
  return value;
}
const col = (...values: unknown[]) => values.map((v) => [v]);

describe("LOYALTY.POINTSEARNED", () => {
  it("rounds down by default, exactly for cent amounts, and toward zero for refunds", async () => {
    // 37.80 → 37 (issue's example); 0.29 × 100 → 29, not the doubles' 28; −12.34 × 10 → −123.
    expect(await pointsearned(col(37.8), [[1]])).toEqual([[37]]);
    expect(await pointsearned(col(0.29, -12.34, null, ""), [[100]])).toEqual([[29], [-1234], [""], [""]]);
    expect(await pointsearned(col(-12.34), [[10]])).toEqual([[-123]]);
  });

  it("applies rounding and per-order multipliers before rounding", async () => {
    // 37.80 × 1.5 = 56.7 → 56 down, 57 nearest, 56.7 none; a blank multiplier is 1.
    expect(await pointsearned(col(37.8, 37.8), [[1]], "nearest", col(1.5, null))).toEqual([[57], [38]]);
    expect(plain((await pointsearned(col(37.8), [[1]], "none", col(1.5))))).toEqual([[expect.closeTo(56.7, 12)]]);
    expect(await pointsearned(col(37.8), [[1]], "DOWN", col(1.5))).toEqual([[56]]);
  });

  it("names the row of text, and rejects an unknown rounding and mismatched lengths", async () => {
    expect(plain((await pointsearned(col(10, "ten"), [[1]])))).toEqual([[10], [{ code: "#VALUE!", message: 'amounts, row 2: expected an amount, found text "ten"' }]]);
    expect(plain((await pointsearned(col(10, 5), col(1, -1))))).toEqual([[10], [{ code: "#VALUE!", message: expect.stringMatching(/^points_per_unit, row 2: expected a number of points per currency unit, 0 or more, found -1/) }]]);
    expect(excelError((await pointsearned(col(1), [[1]], "up")))).toEqual({ code: "#VALUE!", message: 'rounding: expected "down", "nearest" or "none", found "up"' });
    expect(excelError((await pointsearned(col(1, 2), col(1, 2, 3))))?.message).toMatch(/same number of rows/);
  });
});

describe("LOYALTY.POINTSBALANCE", () => {
  const header = ["Customer", "Earned", "Redeemed", "Expired", "Balance"];

  it("spills balances per customer with EDATE expiry across a month end", async () => {
    // A earns 100 on 2024-01-31 (expires 2024-02-29) and redeems 30 on 2024-02-29; B earns 40 on 2024-02-01
    // (expires 2024-03-01). As of 2024-03-01: A has 70 expired, B still holds 40 (last day of use).
    const result = await pointsbalance(col("A", 1002, "A"), col(s(2024, 1, 31), "2024-02-01", s(2024, 2, 29)), col(100, 40, null), col(null, 0, 30), 1, "2024-03-01");
    expect(plain(result)).toEqual([header, ["A", 100, 30, 70, 0], [1002, 40, 0, 0, 40]]);
  });

  it("defaults to the latest date and to no expiry, and skips a heading row and blank rows", async () => {
    const result = await pointsbalance(col("Customer", "A", null, "A"), col("Date", s(2024, 1, 1), null, s(2025, 6, 1)), col("Earned", 10, null, 5), col("Redeemed", 0, null, 12), null, null);
    expect(plain(result)).toEqual([header, ["A", 15, 12, 0, 3]]);
  });

  it("gives a redemption above the balance #VALUE! in that customer's row, naming the input row", async () => {
    const d = s(2024, 1, 1);
    const result = plain(await pointsbalance(col("A", "B", "B"), col(d, d, d + 1), col(10, 5, 0), col(0, 0, 6), null, null)) as unknown[][];
    expect(result[1]).toEqual(["A", 10, 0, 0, 10]);
    const error = { code: "#VALUE!", message: "customer B: points_redeemed, row 3: redeems 6 points on 2024-01-02 but the balance then is 5; a customer cannot redeem more than they hold" };
    expect(result[2]).toEqual(["B", error, error, error, error]);
  });

  it("gives negative points earned and a bad date an error naming the row", async () => {
    const d = s(2024, 1, 1);
    const result = plain(await pointsbalance(col("A", "B"), col(d, "01/02/2024"), col(-5, 1), col(0, 0), null, d)) as unknown[][];
    expect((result[1][1] as { message: string }).message).toMatch(/^customer A: points_earned, row 1: expected points of 0 or more, found -5/);
    expect((result[2][1] as { message: string }).message).toMatch(/^customer B: dates, row 2: expected a date/);
  });

  it("fails the call for a blank id on a used row and a bad expiry_months", async () => {
    expect(excelError(await pointsbalance(col("A", null), col(1, 2), col(1, 1), col(0, 0), null, null))?.message).toMatch(/^customer_ids, row 2: the customer id is blank/);
    expect(excelError(await pointsbalance(col("A"), col(1), col(1), col(0), 1.5, null))?.message).toBe("expiry_months: expected a whole number of months, 0 or more, found 1.5");
  });
});

describe("LOYALTY.TIER", () => {
  const ladder = [[0, "Basic"], [500, "Silver"], [2000, "Gold"], [null, null]];

  it("puts values exactly at a bound in the higher tier (0 Basic, 500 Silver, 2,000 Gold)", async () => {
    expect(await tier(col(0, 499.99, 500, 2000, 10000, null), ladder)).toEqual([["Basic"], ["Basic"], ["Silver"], ["Gold"], ["Gold"], [""]]);
    expect(await tier(col(750), col(0, 500, 2000), col("Basic", "Silver", "Gold"))).toEqual([["Silver"]]);
    expect(await tier(col(750), col(0, 500, 2000))).toEqual([[500]]);
  });

  it("rejects thresholds out of order, naming the row, and gives #N/A below the lowest bound", async () => {
    expect(excelError((await tier(col(1), [[0, "Basic"], [2000, "Gold"], [500, "Silver"]])))).toEqual({
      code: "#VALUE!",
      message: "thresholds, row 3: the bound 500 is not above the bound 2000 of row 2; list the tiers from the lowest bound up, each bound higher than the one before",
    });
    expect(plain((await tier(col(-1, "x"), ladder)))).toEqual([
      [{ code: "#N/A", message: "values, row 1: -1 is below the lowest tier's bound 0, so it has no tier" }],
      [{ code: "#VALUE!", message: 'values, row 2: expected a number (spend, points or tenure), found text "x"' }],
    ]);
    expect(excelError((await tier(col(1), [[0, null]])))?.message).toBe("thresholds, row 1: the tier name is blank");
  });
});

describe("LOYALTY.POINTSALLOCATION", () => {
  it("reproduces IFRS 15 Illustrative Example 52: goods 91,324, points 8,676", async () => {
    const [[goods, points]] = (await pointsallocation([[100000]], [[10000]], [[1]], [[0.95]])) as number[][];
    expect(Math.abs(goods - 91324)).toBeLessThan(1);
    expect(Math.abs(points - 8676)).toBeLessThan(1);
  });

  it("works per row with stand-alone prices and names a bad row", async () => {
    // Row 1: goods SSP 120,000, point SSP 0.5 → points 4,000 of 100,000. Row 2: rate 95 (a percentage typed as a number).
    const result = plain((await pointsallocation(col(100000, 100), col(10000, 10), [[1]], col(0.95, 95), col(120000, null), col(0.5, null)))) as unknown[][];
    expect(result[0]).toEqual([96000, 4000]);
    const error = { code: "#VALUE!", message: "expected_redemption_rate, row 2: expected a fraction from 0 to 1 (95% is 0.95), found 95" };
    expect(result[1]).toEqual([error, error]);
    expect(plain((await pointsallocation(col(null), [[1]], [[1]], [[1]])))).toEqual([[
      { code: "#VALUE!", message: "sales: the cell is blank; expected the sale amount" },
      { code: "#VALUE!", message: "sales: the cell is blank; expected the sale amount" },
    ]]);
  });
});

describe("LOYALTY.POINTSREVENUE", () => {
  it("spills the IE 52 schedule: year 1 revenue 4,110, liability 4,566; year 2 revenue 3,493, liability 1,073", async () => {
    // Year 2 from IE 270: 8,500 redeemed of 9,700 now expected; 8,676 × 8,500 / 9,700 − 4,110 = 3,493.
    const [y1, y2] = (await pointsrevenue([[8676]], col(4500, 8500), col(9500, 9700))) as number[][];
    const within1 = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1);
    within1(y1[0], 4110);
    within1(y1[1], 4110);
    within1(y1[2], 4566);
    within1(y2[0], 3493);
    within1(y2[1], 7603);
    within1(y2[2], 1073);
  });

  it("takes an opening recognised_before, or one per row", async () => {
    // 9,000 allocated (KPMG Example 10A): year 3 alone, 4,175 recognised before → 3,552.
    const [[period]] = (await pointsrevenue([[9000]], [[8500]], [[9900]], [[9000 * 4500 / 9700]])) as number[][];
    expect(Math.round(period)).toBe(3552);
    expect(await pointsrevenue([[100]], col(500, 500), col(1000, 1000), col(10, 50))).toEqual([[40, 50, 50], [0, 50, 50]]);
  });

  it("shows a bad row's error and the next row's dependence on it", async () => {
    const result = plain((await pointsrevenue([[100]], col(500, "x", 900), [[1000]]))) as unknown[][];
    expect(result[0]).toEqual([50, 50, 50]);
    expect((result[1][0] as { message: string }).message).toBe('points_redeemed_cumulative, row 2: expected the points redeemed to date, found text "x"');
    expect((result[2][0] as { message: string }).message).toMatch(/^row 3: the row before is in error/);
    expect(plain((await pointsrevenue([[100]], [[1]], [[0]])))).toEqual([[{ code: "#DIV/0!", message: undefined }, { code: "#DIV/0!", message: undefined }, { code: "#DIV/0!", message: undefined }]]);
  });
});

describe("LOYALTY.BREAKAGE", () => {
  // The hand-worked triangle of test/analytics/programme/breakage.test.ts: rates 0.6, 0.72, 0.4714.
  const triangle = [[300, 500, 600], [400, 600, null], [200, "", null]];

  it("spills issued, redeemed so far, rate and breakage per cohort and the note row", async () => {
    const result = breakage(col(1000, 1000, 800), triangle) as unknown[][];
    expect(result[0]).toEqual(["Issued", "Redeemed so far", "Ultimate redemption rate", "Breakage"]);
    expect(result[1]).toEqual([1000, 600, 0.6, expect.closeTo(0.4, 12)]);
    expect(result[2]).toEqual([1000, 600, expect.closeTo(0.72, 12), expect.closeTo(0.28, 12)]);
    expect(result[3]).toEqual([800, 200, expect.closeTo(0.4714285714, 9), expect.closeTo(0.5285714286, 9)]);
    expect(result[4]).toEqual(["Development factors (volume-weighted): age 1→2: 1.5714 on 2 cohorts; age 2→3: 1.2 on 1 cohort", "", "", ""]);
    expect((breakage(col(1000, 1000, 800), triangle, 1.05) as number[][])[3][2]).toBeCloseTo(0.495, 12);
  });

  it("rejects a triangle with a hole, naming row and column, and text in a cell", async () => {
    expect(excelError(breakage(col(10, 10), [[1, null, 3], [1, 2, 3]]))?.message).toMatch(/^redeemed_triangle, row 1, column 3: a value after a blank at column 2/);
    expect(excelError(breakage(col(10), [[1, "two"]]))?.message).toBe('redeemed_triangle, row 1, column 2: expected cumulative points redeemed, found text "two"');
    expect(excelError(breakage(col(10, 10), [[1]]))?.message).toMatch(/^issued has 2 rows but redeemed_triangle has 1/);
  });
});
