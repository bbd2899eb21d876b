/**
 * The warehouse's period table read back into the core's RetentionByPeriod: equal to the order-log
 * run on retentionByPeriodSql.ts's hand example and on the generated SQL executed in DuckDB over the
 * SQL tests' fixture logs (dates as ISO text and as serials); then each refusal with its message.
 */
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import type { PeriodKind } from "../../../src/analytics/orders/calendarPeriods";
import type { RetentionByPeriod } from "../../../src/analytics/retention/retentionByPeriod";
import { DIALECTS } from "../../../src/sql/dialects";
import { retentionByPeriodSql } from "../../../src/sql/retentionByPeriodSql";
import {
  type PeriodTableColumns,
  type PeriodTableIssue,
  PeriodTableError,
  guessPeriodTableColumns,
  isPeriodTable,
  readPeriodRetentionTable,
} from "../../../src/taskpane/retention/periodRetentionTable";
import { cohortsSheetPlan } from "../../../src/taskpane/retention/cohortsPlan";
import { periodTableResult, runRetention } from "../../../src/taskpane/retention/retentionRun";
import { en } from "../../../src/taskpane/strings/en";
import { edgeRows, syntheticRows } from "../../sql/support/datasets";
import { type Engine, type OrderRow, duckdbEngine } from "../../sql/support/engines";

const HEADER = ["period_start", "customers_start", "new_customers", "reactivated", "customers_end", "retained", "retention", "lost"];
const COLUMNS: PeriodTableColumns = { start: 0, customersStart: 1, newCustomers: 2, reactivated: 3, customersEnd: 4, retained: 5, retention: 6, lost: 7 };

/**
 * retentionByPeriodSql.ts's example (months of 2024, active_days 31, as_of April 30): A Jan 10, Feb 20,
 * Apr 5; B Jan 20; C Feb 5, Mar 25; D Mar 31; E Jan 31, Apr 30.
 */
const HAND_LOG: unknown[][] = [
  ["A", "2024-01-10"],
  ["A", "2024-02-20"],
  ["A", "2024-04-05"],
  ["B", "2024-01-20"],
  ["C", "2024-02-05"],
  ["C", "2024-03-25"],
  ["D", "2024-03-31"],
  ["E", "2024-01-31"],
  ["E", "2024-04-30"],
];

/**
 * Its period table by hand (retentionByPeriod.ts's doc comment): active on Jan 31 A, B, E; Feb 29 A, C, E;
 * Mar 31 C, D; Apr 30 A, D, E. January: CS 0, new 3, CE 3; February: CS 3, new 1, CE 3, retained 2 (A, E);
 * March: CS 3, new 1 (D), CE 2, retained 1 (C); April: CS 2, new 0, CE 3, retained 1 (D), reactivated 2.
 */
const HAND_TABLE: unknown[][] = [
  ["2024-01-01", 0, 3, 0, 3, 0, null, 0],
  ["2024-02-01", 3, 1, 0, 3, 2, 2 / 3, 1],
  ["2024-03-01", 3, 1, 0, 2, 1, 1 / 3, 2],
  ["2024-04-01", 2, 0, 2, 3, 1, 0.5, 1],
];

function expectSameTable(got: RetentionByPeriod, want: RetentionByPeriod): void {
  expect(got.kind).toBe(want.kind);
  expect(got.activeDays).toBe(want.activeDays);
  for (const key of ["periodStart", "customersStart", "newCustomers", "reactivated", "customersEnd", "retained", "retention", "lost"] as const) {
    expect([key, Array.from(got[key])]).toEqual([key, Array.from(want[key])]);
  }
}

const read = (rows: unknown[][], kind: PeriodKind = "month", activeDays = 31, columns: PeriodTableColumns = COLUMNS) => readPeriodRetentionTable(rows, columns, 2, kind, activeDays);

describe("readPeriodRetentionTable", () => {
  it("reads retentionByPeriodSql.ts's example, typed by hand, into the order-log run's period table", async () => {
    const log = await runRetention({ rows: HAND_LOG, firstSheetRow: 2, idColumn: 0, dateColumn: 1, period: "month", activeDays: 31 });
    const table = read(HAND_TABLE);
    expectSameTable(table, log.periods!);
    expect(Array.from(table.retention)).toEqual([NaN, 2 / 3, 1 / 3, 0.5]);
    expect(table.asOf).toBe(serialFromIsoText("2024-04-30"));
  });

  it("computes reactivated, retention and lost when their columns are not mapped", async () => {
    const log = await runRetention({ rows: HAND_LOG, firstSheetRow: 2, idColumn: 0, dateColumn: 1, period: "month", activeDays: 31 });
    expectSameTable(read(HAND_TABLE, "month", 31, { ...COLUMNS, reactivated: null, retention: null, lost: null }), log.periods!);
  });

  it("recognises the SQL's header and the Cohorts sheet's, and writes the period table alone", () => {
    expect(guessPeriodTableColumns([HEADER], true, 8)).toEqual(COLUMNS);
    expect(guessPeriodTableColumns([en.retention.sheet.tableHeaders as unknown[]], true, 8)).toEqual(COLUMNS);
    expect(isPeriodTable(guessPeriodTableColumns([["cohort_start", "period", "customers", "active", "share"]], true, 5))).toBe(false);
    const plan = cohortsSheetPlan(periodTableResult(read(HAND_TABLE)), en);
    // Title and table only: no triangle, no chart.
    expect(plan.blocks.map((b) => b.row)).toEqual([0, 1]);
    expect(plan.blocks[1].values[0]).toEqual(en.retention.sheet.tableHeaders);
    expect(plan.blocks[1].values[2]).toEqual([serialFromIsoText("2024-02-01"), 3, 1, 0, 3, 2, 2 / 3, 1]);
    expect(plan.blocks[1].values[1][6]).toBe(""); // CS = 0: an empty cell
    expect(plan.chart).toBeNull();
    expect(plan.colourScale).toBeNull();
  });
});

describe("readPeriodRetentionTable on the SQL executed in DuckDB", () => {
  let engine: Engine;
  const d = DIALECTS.duckdb;
  const source = { table: "orders_log", customerId: "customer_id", orderDate: "order_date", amount: null };
  const logs: Record<string, OrderRow[]> = { edge: edgeRows(), synthetic: syntheticRows(5, 1200) };

  beforeAll(async () => {
    engine = await duckdbEngine();
  }, 60_000);
  afterAll(async () => engine.close());

  it.each([
    ["edge", "month", 365],
    ["synthetic", "week", 30],
    ["synthetic", "quarter", 92],
  ] as const)("gives RETENTIONBYPERIOD's table on the %s log by %s with %d active days", async (name, period, activeDays) => {
    const rows = logs[name];
    await engine.load("orders_log", rows);
    const got = await engine.query(retentionByPeriodSql(d, { source, asOf: null, period, activeDays }));
    const header = Object.keys(got[0]);
    expect(guessPeriodTableColumns([header], true, header.length)).toEqual(COLUMNS);
    // The order-log run: rows without an id or a date are left out, as the SQL leaves them out.
    const want = (await runRetention({ rows: rows.map((r) => [r.id ?? "", r.date ?? ""]), firstSheetRow: 2, idColumn: 0, dateColumn: 1, period, activeDays })).periods!;
    const sheet = got.map((r) => header.map((h) => r[h]));
    expectSameTable(read(sheet, period, activeDays), want);
    const serials = sheet.map((r) => [serialFromIsoText(String(r[0])), ...r.slice(1).map((v) => v ?? "")]);
    expectSameTable(read(serials, period, activeDays), want);
  }, 60_000);
});

function refusal(rows: unknown[][], kind: PeriodKind = "month"): PeriodTableIssue {
  try {
    read(rows, kind);
  } catch (error) {
    if (error instanceof PeriodTableError) return error.issue;
    throw error;
  }
  throw new Error("the table was accepted");
}

const withRow = (i: number, row: unknown[]) => HAND_TABLE.map((r, j) => (j === i ? row : r));
const message = (issue: PeriodTableIssue) =>
  en.retention.table.periodIssue(issue, en.map.columnOption(String.fromCharCode(65 + (COLUMNS[issue.role] as number)), HEADER[COLUMNS[issue.role] as number]));

describe("readPeriodRetentionTable refuses a table it cannot trust, naming the sheet row and column", () => {
  it("a missing period", () => {
    const issue = refusal(HAND_TABLE.filter((_, i) => i !== 2));
    expect(issue).toEqual({ kind: "gap", role: "start", row: 4, value: "2024-04-01", period: "month", missing: "2024-03-01" });
    expect(message(issue)).toBe(
      "Row 4, period_start (column A): the table goes on with the month starting 2024-04-01, but the month starting 2024-03-01 is missing. The period table has a row for every month, with no gaps.",
    );
  });

  it("mixed period lengths and a period given twice", () => {
    expect(refusal(withRow(1, ["2024-02-05", 3, 1, 0, 3, 2, 2 / 3, 1]))).toEqual({ kind: "notPeriodStart", role: "start", row: 3, value: "2024-02-05", period: "month" });
    const twice = refusal(withRow(2, ["2024-02-01", 3, 1, 0, 2, 1, 1 / 3, 2]));
    expect(message(twice)).toBe("Row 4, period_start (column A): the period starting 2024-02-01 is there twice (also in row 3).");
  });

  it("a retention that disagrees with retained ÷ customers at start, or is blank where it has a value", () => {
    const differs = refusal(withRow(1, ["2024-02-01", 3, 1, 0, 3, 2, 0.6667, 1]));
    expect(differs).toEqual({ kind: "retentionDiffers", role: "retention", row: 3, value: 0.6667, expected: 2 / 3 });
    expect(message(differs)).toBe(`Row 3, retention (column G): the retention 0.6667 disagrees with retained ÷ customers at start = ${2 / 3}; they may differ by at most 1e-9 of it.`);
    expect(refusal(withRow(1, ["2024-02-01", 3, 1, 0, 3, 2, null, 1]))).toEqual({ kind: "retentionBlank", role: "retention", row: 3 });
    expect(refusal(withRow(0, ["2024-01-01", 0, 3, 0, 3, 0, 0, 0]))).toEqual({ kind: "retentionWithoutStart", role: "retention", row: 2, value: 0 });
  });

  it("counts that break the definition's identities", () => {
    const reactivated = refusal(withRow(3, ["2024-04-01", 2, 0, 1, 3, 1, 0.5, 1]));
    expect(reactivated).toEqual({ kind: "identity", role: "reactivated", row: 5, value: 1, expected: 2 });
    expect(message(reactivated)).toBe("Row 5, reactivated (column D): 1 reactivated, but customers at end − retained − new gives 2.");
    expect(refusal(withRow(3, ["2024-04-01", 2, 0, 2, 3, 1, 0.5, 0]))).toEqual({ kind: "identity", role: "lost", row: 5, value: 0, expected: 1 });
    // March starts with 3 customers, as February ended; 4 cannot be.
    const start = refusal(withRow(2, ["2024-03-01", 4, 1, 0, 2, 1, 0.25, 3]));
    expect(start).toEqual({ kind: "startDiffers", role: "customersStart", row: 4, value: 4, previousRow: 3, previousEnd: 3 });
    expect(message(start)).toBe(
      "Row 4, customers_start (column B): 4 customers at start, but the period before (row 3) ends with 3. Both count the customers active on the same day, so they are equal.",
    );
  });

  it("blank, text and fractional counts", () => {
    expect(message(refusal(withRow(1, ["2024-02-01", "", 1, 0, 3, 2, 2 / 3, 1])))).toBe(
      "Row 3, customers_start (column B): the cell is blank. Every row of the period table needs a value here.",
    );
    expect(refusal(withRow(1, ["2024-02-01", 3, 1.5, 0, 3, 2, 2 / 3, 1]))).toEqual({ kind: "notWhole", role: "newCustomers", row: 3, value: "1.5" });
    expect(refusal(withRow(1, ["Feb", 3, 1, 0, 3, 2, 2 / 3, 1]))).toEqual({ kind: "notDate", role: "start", row: 3, value: "Feb" });
    expect(refusal([])).toEqual({ kind: "noRows", role: "start", row: 0 });
  });
});
