import { expectedPurchases } from "../../../src/analytics/btyd/bgnbdPredictions";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { calibrationEndOfDayCounts, checkModel, defaultCalibrationEnd, guessOrderLogColumns, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { cdnowOrders, cdnowSummary, isoOf } from "../../support/btydFixtures";

const iso = (text: string): number => serialFromIsoText(text) as number;

describe("order log reading", () => {
  it("guesses the date column and an id-like column, with or without headers", () => {
    const rows = [
      ["Order no", "Customer", "Date", "Amount"],
      [1, "A", "2024-01-01", 10],
      [2, "B", 45300, 12],
    ];
    // "Customer" is id-like; "Order no" is not a customer column
    expect(guessOrderLogColumns(rows, true, 4)).toEqual({ id: 1, date: 2 });
    // no headers: the first column that is not the date column
    expect(guessOrderLogColumns(rows.slice(1), false, 4)).toEqual({ id: 0, date: 2 });
  });

  it("keeps orders with an id and a date, ignores blank rows and counts the rest", () => {
    const rows = [
      ["A", "2024-01-01"],
      ["", ""], // blank: ignored
      ["B", "not a date"], // counted
      ["", 45300], // no id: counted
      ["C", 45300], // 2024-01-09
    ];
    const log = readOrderLog(rows, 0, 1, 2);
    expect(log.orders).toBe(2);
    expect(log.skipped).toBe(2);
    expect(log.firstDate).toBe(iso("2024-01-01"));
    expect(log.lastDate).toBe(45300);
    // midpoint of 2024-01-01 (45292) and 45300: 45296
    expect(defaultCalibrationEnd(log)).toBe(45296);
  });

  it("keeps the default calibration end in the log's main span when one order lies years away", () => {
    // 200 orders, one a day from 2024-01-01 (45292) to 2024-07-18 (45491), and one stray order of 2001-06-01 (37043).
    const rows: unknown[][] = Array.from({ length: 200 }, (_, i) => [`C${i % 40}`, 45292 + i]);
    rows.push(["C0", "2001-06-01"]);
    const log = readOrderLog(rows, 0, 1, 1);
    expect(log.firstDate).toBe(37043);
    // The span's midpoint would be (37043 + 45491) / 2 = 41267 (2012-12-24), before every 2024 order.
    // Type 7 on the 201 sorted dates: p = 0.01 → position 2, the 2nd 2024 order 45293; p = 0.99 → position 198, 45489;
    // (45293 + 45489) / 2 = 45391 (2024-04-09).
    expect(defaultCalibrationEnd(log)).toBe(45391);
  });

  it("gives the same default from the orders counted per day as from the listed dates", () => {
    // The same 201 orders as above, per day: 37043 once, then 45292 … 45491 once each → 45391.
    const days = [37043, ...Array.from({ length: 200 }, (_, i) => 45292 + i)];
    expect(calibrationEndOfDayCounts(days, days.map(() => 1))).toBe(45391);
    // Hand example: days 45000, 45001, 45100 with 1, 98 and 1 orders (100 in all): p = 0.01 → index 1.99,
    // 0.01·45000 + 0.99·45001 = 45000.99; p = 0.99 → index 99.01, 0.99·45001 + 0.01·45100 = 45001.99; ⌊45001.49⌋.
    expect(calibrationEndOfDayCounts([45000, 45001, 45100], [1, 98, 1])).toBe(45001);
    // Two days: the clamp inside (first, last) leaves no day, as defaultCalibrationEnd does (first + 1 = last).
    expect(calibrationEndOfDayCounts([45000, 45001], [3, 3])).toBe(defaultCalibrationEnd(readOrderLog([["A", 45000], ["A", 45001]], 0, 1, 1)));
    expect(() => calibrationEndOfDayCounts([45000], [])).toThrow(/as many counts as days/);
  });
});

describe("checkModel on CDNOW_sample.txt", () => {
  const orders = cdnowOrders();
  const rows = orders.customer.map((c, i) => [c, isoOf(orders.ymd[i])]);
  const log = readOrderLog(rows, 0, 1, 1);

  it("defaults the calibration end to the midpoint of the 1st and 99th percentile order dates: 1997-09-24, near FHL's week 39", () => {
    expect(log.firstDate).toBe(iso("1997-01-01"));
    expect(log.lastDate).toBe(iso("1998-06-30"));
    // 6,919 sorted order dates, type 7: p = 0.01 → position 69.18, orders 70 and 71 both 1997-01-04 (35434);
    // p = 0.99 → position 6848.82, both 1998-06-14 (35960); (35434 + 35960) / 2 = 35697 = 1997-09-24
    expect(defaultCalibrationEnd(log)).toBe(iso("1997-09-24"));
    // The same from the 6,919 orders counted per day (what "Open a file…" reads from DuckDB).
    const perDay = new Map<number, number>();
    for (let i = 0; i < log.ids.length; i++) if (log.ids[i] !== null) perDay.set(log.dates[i], (perDay.get(log.dates[i]) ?? 0) + 1);
    const days = [...perDay.keys()].sort((a, b) => a - b);
    expect(calibrationEndOfDayCounts(days, days.map((d) => perDay.get(d) as number))).toBe(iso("1997-09-24"));
  });

  it("compares actual and predicted holdout repeat purchases per frequency group 0 … 7+", async () => {
    const result = await checkModel(log, iso("1997-09-30"));
    // holdout 1997-10-01 … 1998-06-30: 273 days = 39 weeks
    expect(result.holdoutWeeks).toBe(39);
    // every CDNOW cohort member first bought in the first quarter of 1997
    expect(result.customers).toBe(2357);
    expect(result.leftOut).toBe(0);
    // calibration x per customer equals cdnow_customers_summary.csv's, so the group sizes must match it
    const summary = cdnowSummary();
    const sizes = new Array(8).fill(0);
    for (const x of summary.x) sizes[Math.min(x, 7)]++;
    expect(result.groups.map((g) => g.customers)).toEqual(sizes);
    expect(result.groups.map((g) => g.x)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.groups[7].last).toBe(true);
    // fitted on the calibration period: FHL 2005's estimates (r 0.2426, alpha 4.4135, a 0.7929, b 2.4258)
    expect(result.params.r).toBeCloseTo(0.2426, 3);
    expect(result.params.alpha).toBeCloseTo(4.4135, 2);
    // actual holdout purchases counted here from the log: distinct order days after 1997-09-30 per customer
    const days = new Map<string, Set<string>>();
    orders.customer.forEach((c, i) => {
      if (orders.ymd[i] > "19970930") {
        if (!days.has(c)) days.set(c, new Set());
        (days.get(c) as Set<string>).add(orders.ymd[i]);
      }
    });
    let actual = 0;
    for (const s of days.values()) actual += s.size;
    expect(result.actualTotal).toBe(actual);
    // predicted for the x = 0 group: every such customer has t_x 0, so E[Y(39)] depends on T only
    const zero = summary.x.reduce((n, x) => n + (x === 0 ? 1 : 0), 0);
    let predictedZero = 0;
    for (let i = 0; i < summary.x.length; i++) if (summary.x[i] === 0) predictedZero += expectedPurchases(result.params, 39, 0, 0, summary.T[i]);
    // T differs from the summary's 2-decimal T by < 0.005 weeks
    expect(result.groups[0].predicted).toBeCloseTo(predictedZero / zero, 3);
    // the groups rank as the model says: more calibration purchases, more holdout purchases, actual and predicted
    // (this run: actual 0.237, 0.697, 1.39, 1.56, 2.53, 2.95, 3.86, 6.36; predicted 0.225, 0.523, 1.04, 1.52, 2.16, 2.65, 3.50, 6.16)
    for (let g = 1; g < result.groups.length; g++) {
      expect(result.groups[g].actual).toBeGreaterThan(result.groups[g - 1].actual);
      expect(result.groups[g].predicted).toBeGreaterThan(result.groups[g - 1].predicted);
    }
    expect(result.predictedTotal).toBeCloseTo(result.groups.reduce((a, g) => a + g.predicted * g.customers, 0), 6);
  });

  it("says in the core's words when the calibration period cannot identify the model", async () => {
    // Nobody repeats before 1997-01-02: the fit is refused with the reason.
    await expect(checkModel(log, iso("1997-01-02"))).rejects.toThrow(/nobody made a repeat purchase/);
  });
});
