/**
 * The warehouse's long-form cohort table read back into the core's CohortTable: equal to the
 * order-log run (triangle, sizes, curves, reading, Cohorts sheet) on cohortsSql.ts's hand example
 * and on the generated SQL executed in DuckDB (@duckdb/node-api, in-process) over the SQL tests'
 * fixture logs, fed in as a sheet holds them (dates as ISO text and as serials, NULL as blank);
 * then every refusal with its message naming the sheet row and column.
 */
import { isoFromSerial, serialFromIsoText } from "../../../src/analytics/orders/dates";
import type { PeriodKind } from "../../../src/analytics/orders/calendarPeriods";
import type { CohortTable } from "../../../src/analytics/retention/cohortTable";
import { DIALECTS } from "../../../src/sql/dialects";
import { cohortsSql } from "../../../src/sql/cohortsSql";
import {
  type CohortColumns,
  type CohortIssue,
  CohortTableError,
  guessCohortColumns,
  guessCohortKind,
  isCohortLongTable,
  readCohortLongTable,
} from "../../../src/taskpane/retention/cohortLongTable";
import { cohortsSheetPlan } from "../../../src/taskpane/retention/cohortsPlan";
import { cohortTableResult, runRetention } from "../../../src/taskpane/retention/retentionRun";
import { stringsFor } from "../../../src/taskpane/i18n";
import { en } from "../../../src/taskpane/strings/en";
import { edgeRows, syntheticRows } from "../../sql/support/datasets";
import { type Engine, type OrderRow, duckdbEngine } from "../../sql/support/engines";

const HEADER = ["cohort_start", "period", "customers", "active", "share"];
const COLUMNS: CohortColumns = { start: 0, period: 1, customers: 2, active: 3, share: 4 };

/**
 * cohortsSql.ts's hand example (months): A orders in January and March, B in January, C in February
 * and March; as_of March 31 (the latest order, so the order-log run's default as-of is the same).
 */
const HAND_LOG: unknown[][] = [
  ["A", "2024-01-10"],
  ["B", "2024-01-20"],
  ["C", "2024-02-05"],
  ["A", "2024-03-15"],
  ["C", "2024-03-31"],
];

/** The same example as the SQL writes it (its doc comment), typed by hand: January 1, 0, 0.5; February 1, 1, NULL. */
const HAND_TABLE: unknown[][] = [
  ["2024-01-01", 0, 2, 2, 1],
  ["2024-01-01", 1, 2, 0, 0],
  ["2024-01-01", 2, 2, 1, 0.5],
  ["2024-02-01", 0, 1, 1, 1],
  ["2024-02-01", 1, 1, 1, 1],
  ["2024-02-01", 2, 1, null, null],
];

/** The long form of a core triangle, one row per (cohort, k), as cohortsSql.ts defines it; `serials` writes dates as Excel serials and NULL as a blank cell. */
function longRows(t: CohortTable, serials = false): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 0; r < t.cohortStart.length; r++) {
    for (let k = 0; k < t.columns; k++) {
      const known = !Number.isNaN(t.shares[k][r]);
      const blank = serials ? "" : null;
      rows.push([serials ? t.cohortStart[r] : isoFromSerial(t.cohortStart[r]), k, t.cohortSize[r], known ? t.active[k][r] : blank, known ? t.shares[k][r] : blank]);
    }
  }
  return rows;
}

/** Triangles compared cell by cell (NaN = not yet known on both sides); asOf apart, since the table cannot know the log's own as-of day. */
function expectSameTriangle(got: CohortTable, want: CohortTable): void {
  expect(got.kind).toBe(want.kind);
  expect(got.columns).toBe(want.columns);
  expect(Array.from(got.cohortStart)).toEqual(Array.from(want.cohortStart));
  expect(Array.from(got.cohortSize)).toEqual(Array.from(want.cohortSize));
  for (let k = 0; k < want.columns; k++) {
    expect(Array.from(got.active[k])).toEqual(Array.from(want.active[k]));
    expect(Array.from(got.shares[k])).toEqual(Array.from(want.shares[k]));
  }
}

const logRun = (rows: readonly (readonly unknown[])[], period: PeriodKind = "month") =>
  runRetention({ rows, firstSheetRow: 2, idColumn: 0, dateColumn: 1, period, activeDays: 366 });

const read = (rows: unknown[][], kind: PeriodKind = "month", columns: CohortColumns = COLUMNS) => readCohortLongTable(rows, columns, 2, kind);

describe("readCohortLongTable on cohortsSql.ts's hand example", () => {
  it("reads the SQL's rows, typed by hand, into the order-log run's triangle, curves and reading", async () => {
    const log = await logRun(HAND_LOG);
    const table = await read(HAND_TABLE);
    expectSameTriangle(table, log.cohorts!);
    // By hand: January 2/2, 0/2, 1/2; February 1/1, 1/1, not yet known.
    expect(Array.from(table.shares[2])).toEqual([0.5, NaN]);
    expect(table.asOf).toBe(serialFromIsoText("2024-03-31"));
    const result = cohortTableResult(table);
    expect(result.curves).toEqual(log.curves);
    expect(result.reading).toEqual(log.reading);
    expect(result.reading).toEqual({ start: serialFromIsoText("2024-02-01"), share: 1, size: 1 });
  });

  it("reads the long form built from the core's own triangle back into it, with dates as ISO text and as serials", async () => {
    const log = await logRun(HAND_LOG);
    expect(longRows(log.cohorts!)).toEqual(HAND_TABLE);
    expectSameTriangle(await read(longRows(log.cohorts!)), log.cohorts!);
    expectSameTriangle(await read(longRows(log.cohorts!, true)), log.cohorts!);
  });

  it("takes the rows in any order: a database table has none", async () => {
    const log = await logRun(HAND_LOG);
    expectSameTriangle(await read([...HAND_TABLE].reverse()), log.cohorts!);
  });

  it("writes the same triangle and chart on the Cohorts sheet as the order-log run, and no period table", async () => {
    const log = await logRun(HAND_LOG);
    const fromLog = cohortsSheetPlan(log, en);
    const fromTable = cohortsSheetPlan(cohortTableResult(await read(HAND_TABLE)), en);
    // Log: triangle title, triangle, period title, period table, chart title, chart data; table: the same without the period table.
    expect(fromTable.blocks.slice(0, 2)).toEqual(fromLog.blocks.slice(0, 2));
    expect(fromTable.blocks.slice(2).map((b) => b.values)).toEqual(fromLog.blocks.slice(4).map((b) => b.values));
    expect(fromTable.blocks.some((b) => b.values[0][0] === en.retention.sheet.tableHeaders[0])).toBe(false);
    expect(fromTable.colourScale).toEqual(fromLog.colourScale);
    expect(fromTable.chart?.rows).toBe(fromLog.chart?.rows);
  });

  it("reads the share alone (no active column) as a whole number of the cohort", async () => {
    const log = await logRun(HAND_LOG);
    const table = await read(HAND_TABLE, "month", { ...COLUMNS, active: null });
    expectSameTriangle(table, log.cohorts!);
  });
});

describe("guessing the columns and the period", () => {
  it("recognises the SQL's own header and the usual variants", () => {
    expect(guessCohortColumns([HEADER], true, 5)).toEqual(COLUMNS);
    const variant = guessCohortColumns([["Cohort", "Period index", "Cohort size", "Active customers", "Retention"]], true, 5);
    expect(variant).toEqual(COLUMNS);
    expect(isCohortLongTable(variant)).toBe(true);
    // An order log is not one.
    expect(isCohortLongTable(guessCohortColumns([["Customer", "Order date"]], true, 2))).toBe(false);
  });

  it("takes the longest period of which every start is a first day", () => {
    expect(guessCohortKind([["2024-01-01"], ["2024-04-01"]], 0)).toBe("quarter");
    expect(guessCohortKind([["2024-01-01"], ["2024-02-01"]], 0)).toBe("month");
    expect(guessCohortKind([["2024-01-01"], [serialFromIsoText("2024-01-08")]], 0)).toBe("week"); // Mondays
    expect(guessCohortKind([["2023-01-01"], ["2024-01-01"]], 0)).toBe("year");
    // A Monday that is not a month's first day and a month's first day that is not a Monday: no period fits.
    expect(guessCohortKind([["2024-01-08"], ["2024-02-01"]], 0)).toBeNull();
  });
});

describe("readCohortLongTable on the SQL executed in DuckDB", () => {
  let engine: Engine;
  const d = DIALECTS.duckdb;
  const source = { table: "orders_log", customerId: "customer_id", orderDate: "order_date", amount: null };
  const logs: Record<string, OrderRow[]> = { edge: edgeRows(), synthetic: syntheticRows(11, 1500) };

  beforeAll(async () => {
    engine = await duckdbEngine();
  }, 60_000);
  afterAll(async () => engine.close());

  it.each([
    ["edge", "month"],
    ["edge", "week"],
    ["synthetic", "month"],
    ["synthetic", "quarter"],
    ["synthetic", "week"],
  ] as const)("gives the order-log run's triangle, curves and reading on the %s log by %s", async (name, period) => {
    const rows = logs[name];
    await engine.load("orders_log", rows);
    const got = await engine.query(cohortsSql(d, { source, asOf: null, period }));
    const header = Object.keys(got[0]);
    expect(header).toEqual(HEADER);
    const sheet = [header, ...got.map((r) => header.map((h) => r[h]))];
    const log = await logRun(rows.map((r) => [r.id ?? "", r.date ?? ""]), period);

    // As pasted: ISO dates, NULL as null; the columns and the period found from the rows, as the pane does.
    const columns = guessCohortColumns(sheet, true, header.length);
    expect(columns).toEqual(COLUMNS);
    expect(guessCohortKind(sheet.slice(1), columns.start)).toBe(period);
    const fromIso = await read(sheet.slice(1), period, columns);
    expectSameTriangle(fromIso, log.cohorts!);
    expect(cohortTableResult(fromIso).curves).toEqual(log.curves);
    expect(cohortTableResult(fromIso).reading).toEqual(log.reading);

    // As Excel holds them after a paste: dates as serials, NULL as an empty cell.
    const serials = sheet.slice(1).map((r) => [serialFromIsoText(String(r[0])), r[1], r[2], r[3] ?? "", r[4] ?? ""]);
    expectSameTriangle(await read(serials, period), log.cohorts!);
  }, 60_000);
});

/** Reads `rows` (under the header, from sheet row 2) and returns the refusal. */
async function refusal(rows: unknown[][], kind: PeriodKind = "month", columns: CohortColumns = COLUMNS): Promise<CohortIssue> {
  try {
    await read(rows, kind, columns);
  } catch (error) {
    if (error instanceof CohortTableError) return error.issue;
    throw error;
  }
  throw new Error("the table was accepted");
}

/** The hand table with row i (0-based data row; sheet row i + 2) replaced. */
const withRow = (i: number, row: unknown[]) => HAND_TABLE.map((r, j) => (j === i ? row : r));
const column = (c: number) => en.map.columnOption(String.fromCharCode(65 + c), HEADER[c]);
const message = (issue: CohortIssue) => en.retention.table.cohortIssue(issue, column(COLUMNS[issue.role] as number));

describe("readCohortLongTable refuses a table it cannot trust, naming the sheet row and column", () => {
  it("a cohort start that is not a date", async () => {
    const issue = await refusal(withRow(1, ["Jan 2024", 1, 2, 0, 0]));
    expect(issue).toEqual({ kind: "notDate", role: "start", row: 3, value: "Jan 2024" });
    expect(message(issue)).toBe('Row 3, cohort_start (column A): "Jan 2024" is not a date. A cohort start is an Excel date or ISO text such as 2024-03-01.');
  });

  it("mixed period lengths: a cohort starting on a Monday in a table of months", async () => {
    // 2024-01-08 is a Monday; months start on the 1st.
    const issue = await refusal(withRow(3, ["2024-01-08", 0, 1, 1, 1]));
    expect(issue).toEqual({ kind: "notPeriodStart", role: "start", row: 5, value: "2024-01-08", period: "month" });
    expect(message(issue)).toBe(
      "Row 5, cohort_start (column A): 2024-01-08 is not the first day of a month (months start on the 1st). Every cohort must start on the first day of a period of the length chosen under Periods; a table that mixes period lengths cannot be read.",
    );
  });

  it("a share that disagrees with active ÷ customers by more than 1e-9 relative, but not one within it", async () => {
    const issue = await refusal(withRow(2, ["2024-01-01", 2, 2, 1, 0.5 + 1e-9]));
    expect(issue).toEqual({ kind: "shareDiffers", role: "share", row: 4, value: 0.5 + 1e-9, expected: 0.5 });
    expect(message(issue)).toBe(`Row 4, share (column E): the share ${0.5 + 1e-9} disagrees with active ÷ customers = 0.5; they may differ by at most 1e-9 of it.`);
    // 0.5 · (1 + 4e-10) is within 1e-9 relative: accepted, and the share used is the core's active / customers.
    const table = await read(withRow(2, ["2024-01-01", 2, 2, 1, 0.5 * (1 + 4e-10)]));
    expect(table.shares[2][0]).toBe(0.5);
  });

  it("customers differing within one cohort", async () => {
    const issue = await refusal(withRow(2, ["2024-01-01", 2, 3, 1, 1 / 3]));
    expect(issue).toEqual({ kind: "customersDiffer", role: "customers", row: 4, value: 3, cohort: "2024-01-01", firstRow: 2, firstValue: 2 });
    expect(message(issue)).toBe("Row 4, customers (column C): 3 customers, but row 2 gives 2 for the same cohort (2024-01-01). A cohort has one size in all its rows.");
  });

  it("a (cohort, k) given twice", async () => {
    const issue = await refusal(withRow(2, ["2024-01-01", 1, 2, 0, 0]));
    expect(issue).toEqual({ kind: "duplicate", role: "period", row: 4, cohort: "2024-01-01", period: 1, firstRow: 3 });
    expect(message(issue)).toBe("Row 4, period (column B): period 1 of the cohort 2024-01-01 is there twice (also in row 3).");
  });

  it("a missing period", async () => {
    const issue = await refusal(HAND_TABLE.filter((_, i) => i !== 4));
    expect(issue).toEqual({ kind: "missingPeriod", role: "period", row: 5, cohort: "2024-02-01", period: 1, last: 2 });
    expect(message(issue)).toBe(
      "period (column B): the cohort 2024-02-01 (from row 5) has no row for period 1. The table runs from period 0 to 2, and each cohort needs a row for every one of them (blank where not yet known).",
    );
  });

  it("a NULL before a known period of the same cohort", async () => {
    const issue = await refusal(withRow(1, ["2024-01-01", 1, 2, null, null]));
    expect(issue).toEqual({ kind: "blankInside", role: "active", row: 3, cohort: "2024-01-01", period: 1, laterRow: 4 });
    expect(message(issue)).toBe(
      "Row 3, active (column D): period 1 of the cohort 2024-01-01 is blank, but row 4 gives a later period of it. Only the last periods of a cohort's row, those not yet ended, may be blank.",
    );
  });

  it("a NULL at the end of a row whose period has ended", async () => {
    const issue = await refusal(withRow(2, ["2024-01-01", 2, 2, null, null]));
    expect(issue).toEqual({
      kind: "blankEnded",
      role: "active",
      row: 4,
      cohort: "2024-01-01",
      period: 2,
      kindOfPeriod: "month",
      periodStart: "2024-03-01",
      lastStart: "2024-03-01",
    });
    expect(message(issue)).toBe(
      "Row 4, active (column D): period 2 of the cohort 2024-01-01 (the month starting 2024-03-01) is blank, but that month has ended: the table's first cohort runs to the month starting 2024-03-01. Only periods that have not ended may be blank.",
    );
    // A later cohort's ended period blank at the end of its row: February's period 1 is March.
    expect(await refusal(withRow(4, ["2024-02-01", 1, 1, null, null]))).toMatchObject({ kind: "blankEnded", row: 6, periodStart: "2024-03-01" });
  });

  it("a value where the period has not ended", async () => {
    const issue = await refusal(withRow(5, ["2024-02-01", 2, 1, 1, 1]));
    expect(issue).toMatchObject({ kind: "valueNotEnded", role: "active", row: 7, period: 2, periodStart: "2024-04-01", lastStart: "2024-03-01" });
    expect(message(issue)).toContain("Row 7, active (column D): period 2 of the cohort 2024-02-01 (the month starting 2024-04-01) has a value");
  });

  it("active and share not blank together, active above customers, blank and fractional cells", async () => {
    expect(await refusal(withRow(5, ["2024-02-01", 2, 1, null, 0]))).toEqual({ kind: "halfBlank", role: "active", row: 7 });
    const above = await refusal(withRow(1, ["2024-01-01", 1, 2, 3, 1.5]));
    expect(above).toEqual({ kind: "activeAboveCustomers", role: "active", row: 3, value: 3, customers: 2 });
    expect(message(above)).toBe("Row 3, active (column D): 3 active customers, more than the cohort's 2.");
    const blank = await refusal(withRow(0, ["2024-01-01", 0, "", 2, 1]));
    expect(message(blank)).toBe("Row 2, customers (column C): the cell is blank. Every row of the cohort table needs a value here.");
    const fraction = await refusal(withRow(1, ["2024-01-01", 1.5, 2, 0, 0]));
    expect(message(fraction)).toBe("Row 3, period (column B): 1.5 is not a whole number; periods are counted 0, 1, 2, ….");
    expect(await refusal(withRow(0, ["2024-01-01", 0, "two", 2, 1]))).toEqual({ kind: "notNumber", role: "customers", row: 2, value: "two" });
    expect(await refusal(withRow(0, ["2024-01-01", -1, 2, 2, 1]))).toEqual({ kind: "negative", role: "period", row: 2, value: "-1" });
    expect(await refusal([])).toEqual({ kind: "noRows", role: "start", row: 0 });
  });

  it("reads NULL typed as text as blank and passes over wholly blank rows", async () => {
    const log = await logRun(HAND_LOG);
    const rows = [...withRow(5, ["2024-02-01", 2, 1, "NULL", "NULL"]), ["", "", "", "", ""]];
    expectSameTriangle(await read(rows), log.cohorts!);
  });

  it("says every refusal in German and Norwegian too, with the row and column", async () => {
    const issue = await refusal(withRow(2, ["2024-01-01", 2, 3, 1, 1 / 3]));
    const de = stringsFor("de", null);
    const nb = stringsFor("nb", null);
    expect(de.retention.table.cohortIssue(issue, "customers (Spalte C)")).toBe(
      "Zeile 4, customers (Spalte C): 3 Kunden, aber Zeile 2 nennt 2 für dieselbe Kohorte (2024-01-01). Eine Kohorte hat in all ihren Zeilen dieselbe Größe.",
    );
    expect(nb.retention.table.cohortIssue(issue, "customers (kolonne C)")).toBe(
      "Rad 4, customers (kolonne C): 3 kunder, men rad 2 oppgir 2 for samme kohort (2024-01-01). En kohort har samme størrelse i alle radene sine.",
    );
  });
});
