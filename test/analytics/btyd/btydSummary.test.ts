import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { cdnowOrders, cdnowSummary, cdnowSummaryWithSpend, isoOf } from "../../support/btydFixtures";

const d = (iso: string) => serialFromIsoText(iso)!;

/** CDNOW customer 1's four orders as of 1997-09-30, in weeks (whole weeks with `wholePeriods`). */
const customerOne = (wholePeriods: boolean) =>
  btydSummary(["1", "1", "1", "1"], [d("1997-01-01"), d("1997-01-18"), d("1997-08-02"), d("1997-12-12")], [29.33, 29.73, 14.96, 26.48], d("1997-09-30"), "week", wholePeriods);

describe("btydSummary", () => {
  it("builds x, t_x, T and average repeat spend for CDNOW customer 1 by hand", () => {
    // Orders 1997-01-01 29.33, 01-18 29.73, 08-02 14.96, 12-12 26.48; as_of 1997-09-30.
    // x = 3 days − 1 = 2 (the December order is after as_of); t_x = 213 days / 7; T = 272 / 7; spend (29.73 + 14.96) / 2.
    const s = customerOne(false);
    expect(s.x[0]).toBe(2);
    expect(s.tx[0]).toBeCloseTo(213 / 7, 12);
    expect(s.T[0]).toBeCloseTo(272 / 7, 12);
    expect(s.averageSpend![0]).toBeCloseTo(22.345, 12);
  });

  it("counts whole Monday-to-Sunday weeks for CDNOW customer 1 (whole_periods)", () => {
    // The orders fall in the weeks starting Monday 1996-12-30, 1997-01-13 and 1997-07-28; as_of
    // 1997-09-30 is in the week of Monday 1997-09-29. Weeks after the first: 2, 30 and 39, so
    // x = 2, t_x = 30, T = 39 (lifetimes' summary with freq="W" counts the same way); spend as in days.
    const s = customerOne(true);
    expect([s.x[0], s.tx[0], s.T[0]]).toEqual([2, 30, 39]);
    expect(s.averageSpend![0]).toBeCloseTo(22.345, 12);
  });

  it("makes orders in one calendar week one purchase, values summed, and a Sunday and the next Monday two", () => {
    // A: Monday 2024-03-04 (5) and Sunday 2024-03-10 (7) are one purchase of 12; Wednesday 2024-03-13 (4) is week 1.
    // B: Sunday 2024-03-10 and Monday 2024-03-11 are weeks 0 and 1. as_of Tuesday 2024-03-19: week 2 after both firsts.
    // An order of A on Wednesday 2024-03-20, after as_of in as_of's own week, is left out.
    const s = btydSummary(
      ["A", "A", "A", "B", "B", "A"],
      [d("2024-03-04"), d("2024-03-10"), d("2024-03-13"), d("2024-03-10"), d("2024-03-11"), d("2024-03-20")],
      [5, 7, 4, 1, 2, 100],
      d("2024-03-19"),
      "week",
      true,
    );
    expect(s.ids).toEqual(["A", "B"]);
    expect([s.x[0], s.tx[0], s.T[0], s.averageSpend![0]]).toEqual([1, 1, 2, 4]);
    expect([s.x[1], s.tx[1], s.T[1], s.averageSpend![1]]).toEqual([1, 1, 2, 2]);
  });

  it("counts calendar months in whole months, and whole days as the day summary", () => {
    // 2024-01-31 and 2024-02-01 are months 0 and 1 (one day apart); 2024-02-29 joins February; as_of 2024-04-01 is month 3.
    const dates = [d("2024-01-31"), d("2024-02-01"), d("2024-02-29")];
    const m = btydSummary(["A", "A", "A"], dates, [1, 2, 3], d("2024-04-01"), "month", true);
    expect([m.x[0], m.tx[0], m.T[0], m.averageSpend![0]]).toEqual([1, 1, 3, 5]);
    const inDays = btydSummary(["A", "A", "A"], dates, [1, 2, 3], d("2024-04-01"), "day", true);
    expect([inDays.x[0], inDays.tx[0], inDays.T[0], inDays.averageSpend![0]]).toEqual([2, 29, 61, 2.5]);
  });

  it("counts same-day orders as one purchase and gives 0 spend without repeats", () => {
    // Two orders on day 100 → one purchase: x = 0, t_x = 0, T = (110 − 100) days, spend 0.
    const s = btydSummary(["A", "A"], [100, 100], [5, 6], 110, "day");
    expect([s.x[0], s.tx[0], s.T[0], s.averageSpend![0]]).toEqual([0, 0, 10, 0]);
  });

  it("measures in days, weeks or months of 30.4375 days", () => {
    // First purchase on day 1000, last on 1061, as_of 1091: t_x = 61 days, T = 91 days, divided by the unit's days.
    for (const [unit, per] of [["day", 1], ["week", 7], ["month", 30.4375]] as const) {
      const s = btydSummary(["A", "A"], [1000, 1061], null, 1091, unit);
      expect(s.tx[0]).toBeCloseTo(61 / per, 12);
      expect(s.T[0]).toBeCloseTo(91 / per, 12);
    }
  });

  it("defaults as_of to the latest order date and allows t_x = T and T = 0", () => {
    const s = btydSummary(["A", "A", "B"], [10, 20, 20], null, null, "day");
    expect(s.asOf).toBe(20);
    expect([s.x[0], s.tx[0], s.T[0]]).toEqual([1, 10, 10]);
    expect([s.x[1], s.tx[1], s.T[1]]).toEqual([0, 0, 0]);
    expect(s.averageSpend).toBeNull();
  });

  it("leaves out customers whose orders all come after as_of", () => {
    const s = btydSummary(["A", "B"], [10, 30], null, 20, "day");
    expect(s.ids).toEqual(["A"]);
  });

  it("gives NaN figures and the first bad row for a customer with an unusable order", () => {
    const s = btydSummary(["A", "B", "A"], [10, 12, NaN], [1, 2, 3], 20, "day");
    expect(Number.isNaN(s.x[0])).toBe(true);
    expect(s.firstBadRow[0]).toBe(2);
    expect(s.x[1]).toBe(0);
  });

  it("fails when no order has a date", () => {
    expect(() => btydSummary([], [], null, null, "week")).toThrow(/no orders/);
  });

  describe("on CDNOW_sample.txt with as_of 1997-09-30 in weeks", () => {
    const orders = cdnowOrders();
    const s = btydSummary(orders.customer, orders.ymd.map((ymd) => d(isoOf(ymd))), orders.dollars, d("1997-09-30"), "week");
    const published = cdnowSummary();
    const withSpend = cdnowSummaryWithSpend();

    it("reproduces cdnow_customers_summary.csv row for row (x exactly, t_x and T to its 2 decimals)", () => {
      expect(s.ids).toEqual(published.id);
      for (let i = 0; i < s.ids.length; i++) {
        expect(s.x[i]).toBe(published.x[i]);
        expect(Math.abs(s.tx[i] - published.tx[i])).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(s.T[i] - published.T[i])).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    });

    it("reproduces zbar of the _with_transactions file: the mean value of the repeat purchases up to as_of", () => {
      // zbar there is the mean of the calibration-period repeat purchases (same-day orders summed), 0 without repeats, to 2 decimals.
      for (let i = 0; i < s.ids.length; i++) {
        expect(Math.abs(s.averageSpend![i] - withSpend.zbar![i])).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    });
  });
});
