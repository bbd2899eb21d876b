/**
 * The Retention view's pure model: column guesses, bad rows named by sheet row, and the triangle
 * and period table from the same core as LOYALTY.COHORTS / LOYALTY.RETENTIONBYPERIOD on a
 * hand-built log whose numbers are worked out below.
 */
import { cohorts, retentionbyperiod } from "../../../src/functions/cohorts";
import {
  RetentionError,
  defaultActiveDays,
  guessLogMapping,
  latestCurves,
  parseOrderLog,
  readingOf,
  runRetention,
} from "../../../src/taskpane/retention/retentionRun";

// Serials: 2024-01-01 = 45292, so Jan 10 = 45301, Jan 20 = 45311, Feb 5 = 45327,
// Mar 2 = 45353, Mar 15 = 45366, Mar 31 = 45382.
/** Sheet rows 2–11 of an order log under a header row. */
const LOG: unknown[][] = [
  ["A", 45301], // row 2
  ["B", "2024-01-20"], // row 3 (ISO text)
  ["C", 45327], // row 4
  ["A", 45366], // row 5
  [" C ", 45382], // row 6 (trimmed: the same customer C)
  ["", 45353], // row 7: blank id
  ["D", "next week"], // row 8: not a date
  ["", ""], // row 9: wholly blank, passed over quietly
  ["E", "#N/A"], // row 10: error value in the date
  [1001, null], // row 11: blank date
];

const run = (rows: unknown[][], activeDays = 31, period: "month" | "week" | "quarter" | "year" = "month") =>
  runRetention({ rows, firstSheetRow: 2, idColumn: 0, dateColumn: 1, period, activeDays });

describe("guessLogMapping", () => {
  it("takes the customer column, not the order number, and the date column from realistic headers", () => {
    const rows = [
      ["Order #", "Cust ID", "Order date", "Amount"],
      [5001, "C-17", 45301, 12.5],
      [5002, "C-03", 45302, 40],
      [5003, "C-17", 45340, 9.99],
    ];
    expect(guessLogMapping(rows, true, 4)).toEqual({ id: 1, date: 2 });
  });

  it("finds the date by its values and the id as the first text column without headers", () => {
    const rows = [
      [45301, "C-17", 3],
      ["2024-01-11", "C-03", 1],
    ];
    // column 0: one serial from 1950 on and one ISO text → dates; column 1: text → id
    expect(guessLogMapping(rows, false, 3)).toEqual({ id: 1, date: 0 });
  });

  it("leaves a field unmapped when no column fits", () => {
    expect(guessLogMapping([["Name"], ["Ann"]], true, 1)).toEqual({ id: 0, date: null });
  });
});

describe("parseOrderLog", () => {
  it("counts bad rows under their reason with sheet row numbers and skips wholly blank rows quietly", async () => {
    const log = await parseOrderLog({ rows: LOG, firstSheetRow: 2, idColumn: 0, dateColumn: 1 });
    expect(log.orders).toBe(5); // rows 2–6
    expect(log.skipped).toBe(4); // rows 7, 8, 10, 11 (row 9 is wholly blank)
    expect(log.issues).toEqual([
      { issue: { kind: "blankId" }, count: 1, rows: [7] },
      { issue: { kind: "notDate" }, count: 1, rows: [8] },
      { issue: { kind: "errorValue", field: "date", code: "#N/A" }, count: 1, rows: [10] },
      { issue: { kind: "blankDate" }, count: 1, rows: [11] },
    ]);
    expect(log.ids.slice(0, 5)).toEqual(["A", "B", "C", "A", "C"]);
    expect(Array.from(log.dates.slice(0, 5))).toEqual([45301, 45311, 45327, 45366, 45382]);
  });

  it("names at most ten rows of a reason but counts them all", async () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 12; i++) rows.push(["", 45301]);
    const log = await parseOrderLog({ rows, firstSheetRow: 5, idColumn: 0, dateColumn: 1 });
    expect(log.issues).toEqual([{ issue: { kind: "blankId" }, count: 12, rows: [5, 6, 7, 8, 9, 10, 11, 12, 13, 14] }]);
  });

  it("reads a number id as text and an id holding an error value as that error", async () => {
    const log = await parseOrderLog({ rows: [[1001, 45301], ["#REF!", 45301], [true, 45301]], firstSheetRow: 2, idColumn: 0, dateColumn: 1 });
    expect(log.ids[0]).toBe("1001");
    expect(log.issues).toEqual([
      { issue: { kind: "errorValue", field: "id", code: "#REF!" }, count: 1, rows: [3] },
      { issue: { kind: "badId" }, count: 1, rows: [4] },
    ]);
  });
});

describe("runRetention", () => {
  it("builds the triangle and the period table of a hand-built log, as LOYALTY.COHORTS and LOYALTY.RETENTIONBYPERIOD do", async () => {
    const result = await run(LOG);
    const t = result.cohorts!;
    // as_of = latest order, 2024-03-31, the last day of March: January, February and March have ended → 3 columns.
    expect(t.columns).toBe(3);
    // January cohort: A, B (first orders Jan 10, Jan 20); February cohort: C (Feb 5).
    expect(Array.from(t.cohortStart)).toEqual([45292, 45323]);
    expect(Array.from(t.cohortSize)).toEqual([2, 1]);
    // January: month 0 = 2/2 = 1; month 1 (February) nobody of A, B → 0/2 = 0; month 2 (March) A → 1/2 = 0.5.
    // February: month 0 = 1; month 1 (March) C → 1/1 = 1; month 2 (April) has not ended → NaN (an empty cell).
    expect(Array.from(t.shares[0])).toEqual([1, 1]);
    expect(Array.from(t.shares[1])).toEqual([0, 1]);
    expect(t.shares[2][0]).toBe(0.5);
    expect(Number.isNaN(t.shares[2][1])).toBe(true);

    // Period table, active_days 31: active on D = ordered in (D − 31, D].
    // Jan 31: A (Jan 10), B (Jan 20). Feb 29: C (Feb 5). Mar 31: A (Mar 15), C (Mar 31).
    const p = result.periods!;
    expect(Array.from(p.periodStart)).toEqual([45292, 45323, 45352]);
    expect(Array.from(p.customersStart)).toEqual([0, 2, 1]); // nobody on Dec 31; A, B on Jan 31; C on Feb 29
    expect(Array.from(p.newCustomers)).toEqual([2, 1, 0]); // A, B in January; C in February
    expect(Array.from(p.customersEnd)).toEqual([2, 1, 2]);
    expect(Array.from(p.retained)).toEqual([0, 0, 1]); // March: C active on Feb 29 and Mar 31
    expect(Array.from(p.reactivated)).toEqual([0, 0, 1]); // March: A = 2 − 1 retained − 0 new
    expect(Number.isNaN(p.retention[0])).toBe(true); // CS = 0 → empty
    expect(Array.from(p.retention.slice(1))).toEqual([0, 1]); // 0/2, 1/1
    expect(Array.from(p.lost)).toEqual([0, 2, 0]); // CS − retained

    // The same numbers as the custom functions on the same cells (minus the bad rows, which fail a formula).
    const good = LOG.slice(0, 5);
    const formula = await cohorts(good.map((r) => [r[0]]), good.map((r) => [r[1]]), "month");
    expect(formula.slice(1)).toEqual([
      [45292, 2, 1, 0, 0.5],
      [45323, 1, 1, 1, ""],
    ]);
    const table = await retentionbyperiod(good.map((r) => [r[0]]), good.map((r) => [r[1]]), "month", 31);
    expect(table.slice(1).map((r) => r[6])).toEqual(["", 0, 1]);

    expect(result.orders).toBe(5);
    expect(result.skipped).toBe(4);
  });

  it("draws the curves of the latest cohorts with an ended next period, oldest first, and reads the latest", async () => {
    const result = await run(LOG);
    expect(result.curves).toEqual([
      { start: 45292, size: 2, points: [{ period: 0, share: 1 }, { period: 1, share: 0 }, { period: 2, share: 0.5 }] },
      { start: 45323, size: 1, points: [{ period: 0, share: 1 }, { period: 1, share: 1 }] },
    ]);
    // February 2024 is the latest cohort whose month 1 (March) has ended: 1/1 ordered again.
    // No cohort reaches 30 customers, so the largest recent ones (here both) are taken: threshold 1.
    expect(result.reading).toEqual({ start: 45323, share: 1, size: 1 });
    expect(result.minCohortSize).toBe(1);
    expect(result.smallCohorts).toBe(0);
    expect(latestCurves(result.cohorts!, 1).map((c) => c.start)).toEqual([45323]);
    expect(readingOf(result.cohorts!)).toEqual(result.reading);
  });

  it("draws and describes only cohorts of at least 30 customers, and counts the newer small ones it leaves out", async () => {
    // January 2024 (45292): 30 customers J0…J29, 12 of them (J0…J11) order again in February.
    // February 2024 (45323): 3 customers F0…F2, all order again in March. March (45352): one order each of F0…F2, and
    // April (45383) closes March. The February cohort is newer but has 3 < 30 customers.
    const rows: unknown[][] = [];
    for (let i = 0; i < 30; i++) rows.push([`J${i}`, 45292]);
    for (let i = 0; i < 12; i++) rows.push([`J${i}`, 45323]);
    for (let i = 0; i < 3; i++) rows.push([`F${i}`, 45323], [`F${i}`, 45352]);
    rows.push(["Z", 45383]);
    const result = await run(rows);
    expect(result.minCohortSize).toBe(30);
    expect(result.curves.map((c) => [c.start, c.size])).toEqual([[45292, 30]]);
    // 12 of 30 = 40 % bought again the next month; the 3-customer February cohort (100 %) is not the headline.
    expect(result.reading).toEqual({ start: 45292, share: 0.4, size: 30 });
    expect(result.smallCohorts).toBe(1);
  });

  it("says there are no repeat orders instead of giving an empty triangle", async () => {
    // A orders twice, but both in January: no order in a later month than the first.
    const rows = [
      ["A", 45301],
      ["A", 45311],
      ["B", 45327],
    ];
    await expect(run(rows)).rejects.toMatchObject({ kind: "noRepeats" });
  });

  it("fails with noOrders when no row has both an id and a date, keeping the reasons", async () => {
    const error = (await run([["", 45301], ["A", "soon"]]).catch((e) => e)) as RetentionError;
    expect(error).toBeInstanceOf(RetentionError);
    expect(error.kind).toBe("noOrders");
    expect(error.issues.map((g) => g.issue.kind)).toEqual(["blankId", "notDate"]);
  });

  it("refuses active days shorter than the longest period before reading", async () => {
    await expect(run(LOG, 30)).rejects.toMatchObject({ kind: "activeDaysTooShort" }); // a month can have 31 days
    await expect(run(LOG, 365, "year")).rejects.toMatchObject({ kind: "activeDaysTooShort" }); // a leap year has 366
    await expect(run(LOG, 7.5, "week")).rejects.toMatchObject({ kind: "activeDaysTooShort" });
    expect(defaultActiveDays("month")).toBe(365);
    expect(defaultActiveDays("year")).toBe(366);
  });

  it("stops between blocks when cancelled", async () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 12_000; i++) rows.push([`C${i % 100}`, 45301 + (i % 90)]);
    const controller = new AbortController();
    let calls = 0;
    const promise = runRetention({
      rows,
      firstSheetRow: 2,
      idColumn: 0,
      dateColumn: 1,
      period: "month",
      activeDays: 365,
      signal: controller.signal,
      onProgress: () => {
        calls++;
        controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({ kind: "cancelled" });
    expect(calls).toBe(1); // the first block of 5,000 rows, then the check after the yield
  });

  it("counts weeks from Monday: a Sunday order and the next day's are in different weeks", async () => {
    // 2024-03-03 (45354) is a Sunday, 2024-03-04 (45355) a Monday; as_of 2024-03-10 (45361), a Sunday.
    const rows = [
      ["A", 45354],
      ["A", 45355],
      ["B", 45361],
    ];
    const result = await run(rows, 365, "week");
    expect(Array.from(result.cohorts!.cohortStart)).toEqual([45348, 45355]); // Mondays Feb 26 and Mar 4
    expect(result.cohorts!.shares[1][0]).toBe(1); // A (cohort of Feb 26) ordered again in the week of Mar 4
    expect(Number.isNaN(result.cohorts!.shares[1][1])).toBe(true); // B's next week (Mar 11) has not ended by Mar 10
  });
});
