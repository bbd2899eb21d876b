import * as fs from "fs";
import * as path from "path";
import { cohorts, retentionbyperiod, sbgfit, sbgretention, sbgsurvival } from "../../src/functions/cohorts";
import { serialFromYmd } from "../../src/analytics/orders/dates";
import { excelError } from "../support/customFunctionsStub";

const d = (m: number, day: number, y = 2024) => serialFromYmd(y, m, day);
const column = (values: unknown[]) => values.map((v) => [v]);
const CustomFunctionsError = (globalThis as any).CustomFunctions.Error;

/*
 * The hand-built log of test/analytics/cohortTable.test.ts (months of 2024):
 *   A: Jan 5, Jan 20, Mar 3   B: Jan 10   C: Jan 31, Feb 1, Apr 30   D: Feb 14, Mar 14
 *   E: Feb 28, Apr 2          F: Mar 10, Mar 11                     G: Apr 15
 */
const log: [string, number][] = [
  ["A", d(1, 5)], ["B", d(1, 10)], ["A", d(1, 20)], ["C", d(1, 31)], ["C", d(2, 1)], ["D", d(2, 14)],
  ["E", d(2, 28)], ["A", d(3, 3)], ["F", d(3, 10)], ["F", d(3, 11)], ["D", d(3, 14)], ["E", d(4, 2)],
  ["G", d(4, 15)], ["C", d(4, 30)],
];
const ids = column(log.map(([id]) => id));
const dates = column(log.map(([, date]) => date));

describe("LOYALTY.COHORTS", () => {
  it("spills the triangle of the hand-built log under a header row, empty text where a month has not ended", async () => {
    // January (A, B, C): Feb C 1/3, Mar A 1/3, Apr C 1/3. February (D, E): Mar D 1/2, Apr E 1/2.
    // March (F): April nobody, 0. April (G): only month 0. As of April 30 (the latest order) April has ended.
    expect(await cohorts(ids, dates)).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2", "Month 3"],
      [d(1, 1), 3, 1, 1 / 3, 1 / 3, 1 / 3],
      [d(2, 1), 2, 1, 0.5, 0.5, ""],
      [d(3, 1), 1, 1, 0, "", ""],
      [d(4, 1), 1, 1, "", "", ""],
    ]);
  });

  it("reads ISO text dates, numeric ids, a header row, blank rows and as_of as text", async () => {
    const rows = [
      ["Customer", "Order date"],
      [1001, "2024-01-05"],
      ["1001 ", 45352.75], // 2024-03-01 with a time of day; "1001 " is the same customer as 1001
      [null, null],
      ["", ""],
      [1002, "2024-02-10"],
      [1002, "2024-03-05"],
      [1002, "2024-04-02"], // after as_of: left out
    ];
    const out = await cohorts(column(rows.map((r) => r[0])), column(rows.map((r) => r[1])), "month", "2024-03-31");
    // January (1001): Feb 0, Mar 1/1. February (1002): Mar 1/1.
    expect(out).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
      [d(1, 1), 1, 1, 0, 1],
      [d(2, 1), 1, 1, 1, ""],
    ]);
  });

  it("groups by ISO week, quarter and year", async () => {
    // Weeks: P Mon Jan 1 and Mon Jan 8 → week 1 share 1/1; as_of Sunday Jan 14 ends week 1.
    expect(await cohorts([["P"], ["P"]], [[d(1, 1)], [d(1, 8)]], "week", d(1, 14))).toEqual([
      ["Cohort start", "Customers", "Week 0", "Week 1"],
      [d(1, 1), 1, 1, 1],
    ]);
    // Quarters as of June 30: Q1 cohort A–F (6), of whom C and E ordered in Q2; Q2 cohort G.
    expect(await cohorts(ids, dates, "Quarter", d(6, 30))).toEqual([
      ["Cohort start", "Customers", "Quarter 0", "Quarter 1"],
      [d(1, 1), 6, 1, 2 / 6],
      [d(4, 1), 1, 1, ""],
    ]);
    expect(await cohorts([["A"], ["A"]], [[d(3, 1, 2023)], [d(1, 1, 2024)]], "year", d(12, 31))).toEqual([
      ["Cohort start", "Customers", "Year 0", "Year 1"],
      [d(1, 1, 2023), 1, 1, 1],
    ]);
  });

  it("answers a log without repeat orders with #N/A and a message", async () => {
    const out = await cohorts([["A"], ["A"], ["B"]], [[d(1, 5)], [d(1, 20)], [d(2, 1)]]);
    expect(excelError(out)).toEqual({
      code: "#N/A",
      message:
        "order_dates: no customer ordered again in a month after the month of their first order (2 customers up to 2024-02-01), so there is no cohort retention to show",
    });
  });

  it("fails the call on a bad order row, naming it", async () => {
    expect(excelError(await cohorts([["A"], ["B"]], [[d(1, 5)], ["03/04/2024"]]))).toEqual({
      code: "#VALUE!",
      message: 'order_dates, row 2: expected a date, found text "03/04/2024"; use a real date or ISO text such as 2024-03-31',
    });
    expect(excelError(await cohorts([["A"], [null]], [[d(1, 5)], [d(2, 5)]]))).toEqual({
      code: "#VALUE!",
      message: "customer_ids, row 2: the customer id is blank; fill it in or clear the whole row",
    });
    expect(excelError(await cohorts([["A"], ["B"]], [[d(1, 5)], [""]]))).toEqual({
      code: "#VALUE!",
      message: "order_dates, row 2: the cell is blank; expected the order's date",
    });
    // 0 is not a blank but a date out of Excel's range.
    expect(excelError(await cohorts([["A"], ["B"]], [[d(1, 5)], [0]]))?.message).toBe(
      "order_dates, row 2: expected a date, found 0 (Excel dates run from 1 to 2958465)",
    );
    expect(excelError(await cohorts([["A"], [new CustomFunctionsError("#N/A", "lookup failed")]], [[d(1, 5)], [d(2, 5)]]))).toEqual({
      code: "#N/A",
      message: "customer_ids, row 2: the cell holds #N/A",
    });
  });

  it("fails the call on mismatched lengths, a bad period or as_of_date, and an empty log", async () => {
    expect(excelError(await cohorts([["A"], ["B"]], [[1], [2], [3]]))?.message).toBe(
      "order_dates has 3 rows but customer_ids has 2; give ranges with the same number of rows",
    );
    expect(excelError(await cohorts(ids, dates, "day"))).toEqual({
      code: "#VALUE!",
      message: 'period: expected "week", "month", "quarter" or "year", found "day"',
    });
    expect(excelError(await cohorts(ids, dates, null, "soon"))?.code).toBe("#VALUE!");
    expect(excelError(await cohorts([[null]], [[null]]))).toEqual({ code: "#N/A", message: "order_dates: no orders, so there are no cohorts" });
  });
});

describe("LOYALTY.RETENTIONBYPERIOD", () => {
  // The hand-built log of test/analytics/retentionByPeriod.test.ts, active_days 31.
  const orders: [string, number][] = [
    ["A", d(1, 10)], ["B", d(1, 20)], ["E", d(1, 31)], ["C", d(2, 5)], ["A", d(2, 20)],
    ["C", d(3, 25)], ["D", d(3, 31)], ["A", d(4, 5)], ["E", d(4, 30)],
  ];
  const rIds = column(orders.map(([id]) => id));
  const rDates = column(orders.map(([, date]) => date));

  it("spills the period table of the hand-built log, retention empty when nobody was active at the start", async () => {
    // Active on Jan 31: A B E; Feb 29: A C E; Mar 31: C D; Apr 30: A D E (see the analytics test).
    expect(await retentionbyperiod(rIds, rDates, "month", 31)).toEqual([
      ["Period start", "Customers at start", "New", "Reactivated", "Customers at end", "Retained", "Retention", "Lost"],
      [d(1, 1), 0, 3, 0, 3, 0, "", 0],
      [d(2, 1), 3, 1, 0, 3, 2, 2 / 3, 1],
      [d(3, 1), 3, 1, 0, 2, 1, 1 / 3, 2],
      [d(4, 1), 2, 0, 2, 3, 1, 1 / 2, 1],
    ]);
  });

  it("uses 365 active days when active_days is left out, and as_of for the current period", async () => {
    // With 365 days nobody lapses within four months: Feb CS 3 (A B E), C new → CE 4, retention 1;
    // as_of April 10: E's April 30 order is left out; April CE on April 10 = A B C D E = 5.
    expect(await retentionbyperiod(rIds, rDates, null, null, "2024-04-10")).toEqual([
      ["Period start", "Customers at start", "New", "Reactivated", "Customers at end", "Retained", "Retention", "Lost"],
      [d(1, 1), 0, 3, 0, 3, 0, "", 0],
      [d(2, 1), 3, 1, 0, 4, 3, 1, 0],
      [d(3, 1), 4, 1, 0, 5, 4, 1, 0],
      [d(4, 1), 5, 0, 0, 5, 5, 1, 0],
    ]);
  });

  it("fails when active_days is shorter than a period or not a whole number of days", async () => {
    expect(excelError(await retentionbyperiod(rIds, rDates, "month", 30))).toEqual({
      code: "#VALUE!",
      message:
        "active_days (30) is shorter than the month starting 2024-01-01 (31 days); give at least 31 so that a new customer is still active at the end of their first month",
    });
    expect(excelError(await retentionbyperiod(rIds, rDates, "week", 0))?.message).toBe(
      "active_days: expected a whole number of days of 1 or more, found 0",
    );
    expect(excelError(await retentionbyperiod(rIds, rDates, "week", "abc"))?.message).toBe(
      'active_days: expected a number of days, found text "abc"',
    );
  });
});

describe("LOYALTY.RETENTIONBYPERIOD by year", () => {
  // A ordered 2023-06-01 and 2024-03-01; B only 2024-01-01. 2024 is a leap year (366 days).
  const yIds = column(["A", "A", "B"]);
  const yDates = column([d(6, 1, 2023), d(3, 1, 2024), d(1, 1, 2024)]);

  it("defaults to 366 active days for yearly tables, so a leap year fits", async () => {
    // 2023: A new, active at 2023-12-31 (ordered within 366 days) → CS 0, CN 1, CE 1.
    // 2024: CS 1 (A). A active at 2024-12-31 (March order within 366 days); B new and, with 366 days, its
    // Jan 1 order is still inside (2023-12-31, 2024-12-31] → CE 2, retained 1, retention 1, lost 0.
    expect(await retentionbyperiod(yIds, yDates, "year")).toEqual([
      ["Period start", "Customers at start", "New", "Reactivated", "Customers at end", "Retained", "Retention", "Lost"],
      [d(1, 1, 2023), 0, 1, 0, 1, 0, "", 0],
      [d(1, 1, 2024), 1, 1, 0, 2, 1, 1, 0],
    ]);
  });

  it("still refuses a typed 365 when the table holds a leap year", async () => {
    expect(excelError(await retentionbyperiod(yIds, yDates, "year", 365))?.code).toBe("#VALUE!");
  });
});

describe("LOYALTY.SBGFIT", () => {
  const csv = fs.readFileSync(path.join(__dirname, "../fixtures/sbg_fader_hardie_2007_survivors.csv"), "utf8").trim().split(/\r?\n/);
  const rows = csv.slice(1).map((line) => line.split(",").map(Number));
  const regular = column(rows.map((r) => r[2]));
  const highEnd = column(rows.map((r) => r[1]));

  it("reproduces the paper's fits from the survivor columns", async () => {
    // Fader & Hardie (2007): regular α 0.704, β 1.182, LL −1680.27; high end α 0.668, β 3.806, LL −1611.16.
    const out = sbgfit(regular);
    expect(out[0]).toEqual(["alpha", "beta", "log-likelihood"]);
    expect(out[1][0]).toBeCloseTo(0.704, 3);
    expect(out[1][1]).toBeCloseTo(1.182, 3);
    expect(Math.abs(out[1][2] - -1680.27)).toBeLessThan(0.01);
    const high = sbgfit(highEnd);
    expect(high[1][0]).toBeCloseTo(0.668, 3);
    expect(high[1][1]).toBeCloseTo(3.806, 3);
    expect(Math.abs(high[1][2] - -1611.16)).toBeLessThan(0.01);
  });

  it("fits percentages the same way and ignores blank cells at the end of the range", async () => {
    const percent = sbgfit([...rows.map((r) => [r[2] / 1000]), [null], [""]]);
    expect(percent[1][0]).toBeCloseTo(0.704, 3);
    expect(percent[1][1]).toBeCloseTo(1.182, 3);
  });

  it("rejects too few values, increasing counts, counts above the cohort size, blanks and text", async () => {
    expect(excelError(sbgfit([[1000], [600]]))?.message).toMatch(/^customers_remaining: expected at least 3 values/);
    expect(excelError(sbgfit([[1000], [600], [650]]))).toEqual({
      code: "#VALUE!",
      message: "customers_remaining, row 3: 650 is more than the 600 of row 2; customers remaining cannot increase",
    });
    expect(excelError(sbgfit([[1000], [1200], [900]]))?.message).toBe("customers_remaining, row 2: 1200 is above the cohort size 1000 (row 1)");
    expect(excelError(sbgfit([[1000], [null], [900]]))?.message).toBe(
      "customers_remaining, row 2: the cell is blank; expected a count of customers",
    );
    expect(excelError(sbgfit([[1000], ["x"], [900]]))?.message).toBe('customers_remaining, row 2: expected a count of customers, found text "x"');
    expect(excelError(sbgfit([[1000, 900], [800, 700]]))?.message).toBe("customers_remaining: expected a single column or row, got 2 rows × 2 columns");
  });
});

describe("LOYALTY.SBGSURVIVAL and LOYALTY.SBGRETENTION", () => {
  const fit = [["alpha", "beta", "log-likelihood"], [1, 1, -100]];

  it("project α = β = 1 from the SBGFIT result: S(t) = 1/(t + 1), r_t = t/(t + 1)", async () => {
    // P(T=1) = 1/2, P(T=2) = 1/6, P(T=3) = 2/4 · 1/6 = 1/12: S = 1, 1/2, 1/3, 1/4.
    const s = await sbgsurvival([[0], [1], [2], [3]], fit);
    [1, 1 / 2, 1 / 3, 1 / 4].forEach((v, i) => expect(s[i][0]).toBeCloseTo(v, 14));
    const r = await sbgretention([[1], [2], [3]], fit);
    [1 / 2, 2 / 3, 3 / 4].forEach((v, i) => expect(r[i][0]).toBeCloseTo(v, 14));
  });

  it("take alpha and beta from two cells and keep the shape of a row of periods", async () => {
    // Regular segment α 0.704, β 1.182: r_1 = 1.182/1.886, r_2 = 2.182/2.886; S(2) = r_1 · r_2.
    const out = await sbgsurvival([[1, 2]], [[0.704], [1.182]]);
    expect(out.length).toBe(1);
    expect(out[0][0]).toBeCloseTo(1.182 / 1.886, 12);
    expect(out[0][1]).toBeCloseTo((1.182 / 1.886) * (2.182 / 2.886), 12);
  });

  it("keep a bad period's error in its own cell", async () => {
    const out = await sbgretention([[1], [0], [2.5], [""], ["x"]], fit);
    expect(out[0][0]).toBeCloseTo(0.5, 14);
    expect(excelError(out[1][0])?.message).toBe("periods, row 2: expected a whole number of periods from 1 to 1,000,000, found 0");
    expect(excelError(out[2][0])?.message).toBe("periods, row 3: expected a whole number of periods from 1 to 1,000,000, found 2.5");
    expect(excelError(out[3][0])?.message).toBe("periods, row 4: the cell is blank; expected a whole number of periods");
    expect(excelError(out[4][0])?.code).toBe("#VALUE!");
    // Survival accepts t = 0.
    expect(await sbgsurvival([[0]], fit)).toEqual([[1]]);
  });

  it("fail the call on unusable parameters", async () => {
    expect(excelError((await sbgsurvival([[1]], [["alpha"], [0.5]])))?.message).toBe(
      "sbg_params: expected alpha and beta (the result of LOYALTY.SBGFIT, or two cells), found 1 number",
    );
    expect(excelError((await sbgretention([[1]], [[0], [1]])))?.message).toBe("sbg_params: alpha must be a number above 0, found 0");
    expect(excelError((await sbgretention([[1]], [[new CustomFunctionsError("#VALUE!", "x")], [1]])))?.code).toBe("#VALUE!");
  });
});
