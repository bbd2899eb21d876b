import { PointsLedger, latestLedgerDate, pointsBalances, pointsBalancesAsync } from "../../../src/analytics/programme/pointsBalance";
import { serialFromYmd as s } from "../../../src/analytics/orders/dates";

type Row = [id: string | null, date: number, earned: number, redeemed: number];

function ledger(rows: Row[]): PointsLedger {
  return {
    ids: rows.map((r) => r[0]),
    dates: Float64Array.from(rows.map((r) => r[1])),
    earned: Float64Array.from(rows.map((r) => r[2])),
    redeemed: Float64Array.from(rows.map((r) => r[3])),
  };
}

/** One customer's [earned, redeemed, expired, balance], or its error. */
function summary(rows: Row[], expiry: number | null, asOf: number, c = 0): unknown {
  const b = pointsBalances(ledger(rows), expiry, asOf);
  return b.errors[c] ?? [b.earned[c], b.redeemed[c], b.expired[c], b.balance[c]];
}

describe("pointsBalances", () => {
  it("lets a point be used on its expiry date, 31 Jan 2024 + 1 month = 29 Feb 2024, and drops it the day after", () => {
    // Earn 100 on 2024-01-31; EDATE(…, 1) = 2024-02-29 (leap year). Redeem 30 on that day.
    const rows: Row[] = [["A", s(2024, 1, 31), 100, 0], ["A", s(2024, 2, 29), 0, 30]];
    expect(summary(rows, 1, s(2024, 2, 29))).toEqual([100, 30, 0, 70]);
    expect(summary(rows, 1, s(2024, 3, 1))).toEqual([100, 30, 70, 0]);
    // Without expiry the 70 stay.
    expect(summary(rows, null, s(2030, 1, 1))).toEqual([100, 30, 0, 70]);
  });

  it("expires 31 Jan 2023 points after 28 Feb 2023 and redeems the oldest lot first", () => {
    // Lots: 50 (2023-01-31, expires 2023-02-28) and 20 (2023-02-15, expires 2023-03-15).
    // Redeem 60 on 2023-02-28: 50 from the first lot, 10 from the second. As of 2023-03-31 the 10 left have expired.
    const rows: Row[] = [["A", s(2023, 1, 31), 50, 0], ["A", s(2023, 2, 15), 20, 0], ["A", s(2023, 2, 28), 0, 60]];
    expect(summary(rows, 1, s(2023, 3, 15))).toEqual([70, 60, 0, 10]);
    expect(summary(rows, 1, s(2023, 3, 31))).toEqual([70, 60, 10, 0]);
    // On 2023-03-01 the first lot has gone: 20 available, 60 asked → the row is named.
    const late: Row[] = [rows[0], rows[1], ["A", s(2023, 3, 1), 0, 60]];
    expect(summary(late, 1, s(2023, 3, 31))).toEqual({
      code: "#VALUE!",
      message: "points_redeemed, row 3: redeems 60 points on 2023-03-01 but the balance then is 20; a customer cannot redeem more than they hold",
    });
  });

  it("takes redemptions from older lots so newer points live longer", () => {
    // 100 on 2024-01-10 (expires 2024-04-10), 100 on 2024-02-10 (expires 2024-05-10); redeem 150 on 2024-03-01:
    // the first lot is used up, 50 of the second remain, and they expire after 2024-05-10.
    const rows: Row[] = [["A", s(2024, 1, 10), 100, 0], ["A", s(2024, 2, 10), 100, 0], ["A", s(2024, 3, 1), 0, 150]];
    expect(summary(rows, 3, s(2024, 5, 10))).toEqual([200, 150, 0, 50]);
    expect(summary(rows, 3, s(2024, 5, 11))).toEqual([200, 150, 50, 0]);
  });

  it("counts a day's earnings before its redemptions, whatever the sheet order", () => {
    const d = s(2024, 6, 1);
    // Row 1 redeems 10 before row 2 earns 10 on the same day: allowed. A row may redeem its own points.
    expect(summary([["A", d, 0, 10], ["A", d, 10, 0]], null, d)).toEqual([10, 10, 0, 0]);
    expect(summary([["A", d, 10, 10]], null, d)).toEqual([10, 10, 0, 0]);
    // Sorted by date: a later row dated earlier counts first.
    expect(summary([["A", d + 1, 0, 5], ["A", d, 5, 0]], null, d + 1)).toEqual([5, 5, 0, 0]);
  });

  it("expires before redeeming on the day after the expiry date (expiry_months 0: usable on the earn day only)", () => {
    const d = s(2024, 6, 1);
    expect(summary([["A", d, 10, 4]], 0, d + 1)).toEqual([10, 4, 6, 0]);
    expect(summary([["A", d, 10, 0], ["A", d + 1, 0, 4]], 0, d + 1)).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^points_redeemed, row 2:/) });
  });

  it("compares fractional points with a tolerance: 0.3 earned, 0.1 + 0.2 redeemed leaves 0", () => {
    const d = s(2024, 6, 1);
    expect(0.1 + 0.2).toBeGreaterThan(0.3); // 0.30000000000000004 in doubles
    expect(summary([["A", d, 0.3, 0], ["A", d, 0, 0.1 + 0.2]], null, d)).toEqual([0.3, 0.1 + 0.2, 0, 0]);
    const split = pointsBalances(ledger([["A", d, 0.3, 0], ["A", d, 0, 0.1], ["A", d, 0, 0.2]]), null, d);
    expect(split.errors[0]).toBeUndefined();
    expect(split.balance[0]).toBeCloseTo(0, 12);
  });

  it("keeps customers apart, in order of first appearance, and leaves out rows after the as-of date", () => {
    const d = s(2024, 1, 1);
    const b = pointsBalances(ledger([["B", d, 10, 0], ["A", d, 5, 0], ["B", d + 5, 0, 3], ["C", d + 9, 7, 0], [null, 0, 0, 0]]), null, d + 5);
    expect(b.ids).toEqual(["B", "A"]);
    expect(b.firstRow).toEqual([0, 1]);
    expect(Array.from(b.balance)).toEqual([7, 5]);
    expect(latestLedgerDate(ledger([["A", d, 1, 0], [null, d + 99, 0, 0], ["A", d + 3, 1, 0]]))).toBe(d + 3);
  });

  it("gives negative points earned an error in that customer's row, naming the input row", () => {
    const d = s(2024, 1, 1);
    const b = pointsBalances(ledger([["A", d, 10, 0], ["B", d, -5, 0]]), null, d);
    expect(b.errors[0]).toBeUndefined();
    expect(b.errors[1]).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^points_earned, row 2: expected points of 0 or more, found -5/) });
    expect(() => pointsBalances(ledger([["A", d, 1, 0]]), 1.5, d)).toThrow(/^expiry_months: expected a whole number/);
  });

  it("gives the same result when it yields between blocks of customers, rows out of date order included", async () => {
    // 10,000 customers (more than one block of 4,096): customer k earns 10 + k % 7 on day d + 1, then
    // (listed first, dated earlier) nothing on day d, and redeems 3 on day d + 2 → balance 7 + k % 7.
    const d = s(2024, 1, 1);
    const rows: Row[] = [];
    for (let k = 0; k < 10000; k++) rows.push([`C${k}`, d + 1, 10 + (k % 7), 0], [`C${k}`, d, 0, 0], [`C${k}`, d + 2, 0, 3]);
    const sync = pointsBalances(ledger(rows), 1, d + 2);
    const async = await pointsBalancesAsync(ledger(rows), 1, d + 2, 0);
    expect(async).toEqual(sync);
    expect(sync.balance[0]).toBe(7);
    expect(sync.balance[9999]).toBe(7 + (9999 % 7));
    expect(sync.errors.every((e) => e === undefined)).toBe(true);
  });
});
