/**
 * One Retention run on plain rows: guess which columns hold the customer id and the order date,
 * read each row with the shared cell readers (bad rows are counted and named by sheet row, not
 * dropped silently), then build the cohort triangle and the period-retention table with the SAME
 * core code as LOYALTY.COHORTS (cohortTable.ts) and LOYALTY.RETENTIONBYPERIOD
 * (retentionByPeriod.ts). Pure: no Office types, no React.
 *
 * The pane's curve is the retention curve of the latest cohorts: for each, the share of the cohort
 * that ordered in its k-th period after the first (period 0 = 100%), for every period that has
 * ended. Its one-line reading takes the latest cohort whose next period has ended.
 *
 * Cost: O(n) parsing in blocks of YIELD_ROWS with a yield (and a Cancel check) between blocks,
 * then the core's O(n) passes.
 */
import { at, isBlank, readDate, readId } from "../../analytics/orders/cells";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import { type CohortTable, cohortTable } from "../../analytics/retention/cohortTable";
import { serialFromIsoText } from "../../analytics/orders/dates";
import { AnalyticsError, isCellError, isExcelErrorCode } from "../../analytics/errors";
import { DEFAULT_ACTIVE_DAYS, type RetentionByPeriod, retentionByPeriod } from "../../analytics/retention/retentionByPeriod";
import { yieldToHost } from "../../analytics/numeric/yieldToHost";

export const YIELD_ROWS = 5_000;
/** Cohorts drawn in the pane's curve and the sheet's line chart. */
export const CURVE_COHORTS = 6;
/** Smallest cohort the pane draws and describes: below it one customer moves a share by over 3 points. */
export const MIN_COHORT_SIZE = 30;
/** Rows named in a bad-row line before "…". */
export const NAMED_ROWS = 10;

/** Longest period of each kind in days: active_days must be at least this (issue 6: shorter → #VALUE!). */
export const LONGEST_PERIOD_DAYS: Readonly<Record<PeriodKind, number>> = { week: 7, month: 31, quarter: 92, year: 366 };

/** The pane's default active_days: LOYALTY.RETENTIONBYPERIOD's 365, or 366 for years (a leap year is 366 days). */
export function defaultActiveDays(kind: PeriodKind): number {
  return Math.max(DEFAULT_ACTIVE_DAYS, LONGEST_PERIOD_DAYS[kind]);
}

/** Which column (0-based within the picked range) holds each field; null = not mapped. */
export type LogMapping = { readonly id: number | null; readonly date: number | null };

/** Why a row could not be used; rendered by the strings module. */
export type LogIssue =
  | { readonly kind: "blankId" }
  | { readonly kind: "badId" }
  | { readonly kind: "blankDate" }
  | { readonly kind: "notDate" }
  | { readonly kind: "errorValue"; readonly field: "id" | "date"; readonly code: string };

export type LogIssueGroup = { readonly issue: LogIssue; readonly count: number; readonly rows: readonly number[] };

export type CurvePoint = { readonly period: number; readonly share: number };
export type Curve = { readonly start: number; readonly size: number; readonly points: readonly CurvePoint[] };

/** The one-line reading: of the cohort starting `start`, `share` ordered again in the next period. */
export type Reading = { readonly start: number; readonly share: number; readonly size: number };

/** What the Retention tab was given: an order log, or a table the warehouse SQL computed from one. */
export type RetentionSource = "log" | "cohortTable" | "periodTable";

export type RetentionResult = {
  readonly source: RetentionSource;
  readonly kind: PeriodKind;
  /** The period table's active days; null when there is no period table (a cohort table as input). */
  readonly activeDays: number | null;
  /** Orders read; null when the input was a table, not an order log. */
  readonly orders: number | null;
  /** The cohort triangle; null when the input was the period table. */
  readonly cohorts: CohortTable | null;
  /** The period table; null when the input was the cohort table. */
  readonly periods: RetentionByPeriod | null;
  /** Latest cohorts (oldest first) of at least MIN_COHORT_SIZE customers with at least one ended period after their own; at most CURVE_COHORTS. */
  readonly curves: readonly Curve[];
  readonly reading: Reading | null;
  /** The smallest cohort size drawn and described: MIN_COHORT_SIZE, or less when no cohort reaches it (then the largest ones are taken). */
  readonly minCohortSize: number;
  /** Recent cohorts (with an ended next period, newer than the oldest drawn) left out for being smaller. */
  readonly smallCohorts: number;
  readonly skipped: number;
  readonly issues: readonly LogIssueGroup[];
};

export type RetentionFailure = "noOrders" | "noRepeats" | "activeDaysTooShort" | "cancelled" | "core";

/** A run that cannot give a table; `detail` is the core's own message for "core". */
export class RetentionError extends Error {
  readonly kind: RetentionFailure;
  readonly issues: readonly LogIssueGroup[];
  constructor(kind: RetentionFailure, detail = "", issues: readonly LogIssueGroup[] = []) {
    super(detail || kind);
    this.name = "RetentionError";
    this.kind = kind;
    this.issues = issues;
  }
}

// ---------------------------------------------------------------------------------------------
// Column guesses

const ID_HEADER = /customer|client|account|member|buyer|user|kunde|kund|cust(\b|[^o])|(^|[^a-z])(id|no\.?|nr\.?|#|number|code|key)([^a-z]|$)/i;
const NOT_CUSTOMER = /order|invoice|transaction|receipt|line|item|product|sku|date|dato|datum|bestell|ordre/i;
const DATE_HEADER = /date|day|time|when|ordered|purchased|dato|datum|tag|bestelldatum/i;

/** Date-like: whole serials from 1950 on (18264) or ISO date text, for at least `share` of the non-blank sample. */
function looksLikeDates(values: readonly unknown[], share = 0.8): boolean {
  let seen = 0;
  let dates = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    seen++;
    if (typeof v === "number" && v >= 18264 && v < 2958466) dates++;
    else if (typeof v === "string" && serialFromIsoText(v) !== null) dates++;
  }
  return seen > 0 && dates >= share * seen;
}

function looksLikeIds(values: readonly unknown[]): boolean {
  let seen = 0;
  let ids = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    seen++;
    if ((typeof v === "string" && !isExcelErrorCode(v.trim())) || (typeof v === "number" && Number.isInteger(v))) ids++;
  }
  return seen > 0 && ids >= 0.8 * seen;
}

/**
 * Guesses the id and date columns of an order log from headers and sample values: the order date
 * is a date-like column (a date-ish header with at least half its sample dates first, else 80%
 * dates); the customer id is a column headed like a
 * customer (not an order or invoice number), else the first text or whole-number column left.
 */
export function guessLogMapping(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): LogMapping {
  const head = (c: number): string => (hasHeaders && rows.length > 0 && !isBlank(rows[0][c]) ? String(rows[0][c]).trim() : "");
  const sample = hasHeaders ? rows.slice(1) : rows;
  const column = (c: number): unknown[] => sample.map((r) => r[c]);

  let date: number | null = null;
  // A date-ish header needs only half its sample to be dates: a log may hold a few bad rows.
  for (let c = 0; c < columnCount && date === null; c++) if (DATE_HEADER.test(head(c)) && looksLikeDates(column(c), 0.5)) date = c;
  for (let c = 0; c < columnCount && date === null; c++) if (looksLikeDates(column(c))) date = c;

  let id: number | null = null;
  const free = (c: number): boolean => c !== date && looksLikeIds(column(c)) && !looksLikeDates(column(c));
  for (let c = 0; c < columnCount && id === null; c++) if (ID_HEADER.test(head(c)) && !NOT_CUSTOMER.test(head(c)) && free(c)) id = c;
  for (let c = 0; c < columnCount && id === null; c++) if (!NOT_CUSTOMER.test(head(c)) && free(c)) id = c;
  return { id, date };
}

// ---------------------------------------------------------------------------------------------
// Reading the log

export type ParsedLog = {
  /** One entry per data row; null where the row is not used. */
  readonly ids: (string | null)[];
  readonly dates: Float64Array;
  readonly orders: number;
  readonly skipped: number;
  readonly issues: readonly LogIssueGroup[];
};

function issueKey(issue: LogIssue): string {
  return issue.kind === "errorValue" ? `${issue.kind}:${issue.field}:${issue.code}` : issue.kind;
}

function idIssue(error: { code: string }): LogIssue {
  return error.code === "#VALUE!" ? { kind: "badId" } : { kind: "errorValue", field: "id", code: error.code };
}

function dateIssue(error: { code: string }): LogIssue {
  return error.code === "#VALUE!" ? { kind: "notDate" } : { kind: "errorValue", field: "date", code: error.code };
}

export type ParseInput = {
  /** Data rows only (no header row). */
  readonly rows: readonly (readonly unknown[])[];
  /** Sheet row number (1-based) of rows[0], for naming bad rows. */
  readonly firstSheetRow: number;
  /** Column of the id and of the date within each row. */
  readonly idColumn: number;
  readonly dateColumn: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
};

/**
 * Reads every row: a wholly blank row (id and date blank) is passed over quietly, as
 * LOYALTY.COHORTS does; any other row without a usable id and date is counted under its reason,
 * with its sheet row number (the first NAMED_ROWS of each reason are kept).
 */
export async function parseOrderLog(input: ParseInput): Promise<ParsedLog> {
  const { rows, idColumn, dateColumn } = input;
  const n = rows.length;
  const ids: (string | null)[] = new Array(n).fill(null);
  const dates = new Float64Array(n);
  const groups = new Map<string, { issue: LogIssue; count: number; rows: number[] }>();
  let orders = 0;
  let skipped = 0;
  const note = (issue: LogIssue, row: number): void => {
    skipped++;
    const key = issueKey(issue);
    let group = groups.get(key);
    if (!group) {
      group = { issue, count: 0, rows: [] };
      groups.set(key, group);
    }
    group.count++;
    if (group.rows.length < NAMED_ROWS) group.rows.push(row);
  };
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % YIELD_ROWS === 0) {
      input.onProgress?.(i, n);
      await yieldToHost();
      if (input.signal?.aborted) throw new RetentionError("cancelled");
    }
    const sheetRow = input.firstSheetRow + i;
    const row = rows[i] ?? [];
    const idCell = row[idColumn];
    const dateCell = row[dateColumn];
    if (isBlank(idCell) && isBlank(dateCell)) continue;
    const id = readId(idCell, at("customer id", sheetRow));
    const date = readDate(dateCell, at("order date", sheetRow));
    if (isCellError(id)) note(idIssue(id), sheetRow);
    else if (id === null) note({ kind: "blankId" }, sheetRow);
    else if (isCellError(date)) note(dateIssue(date), sheetRow);
    else if (date === null) note({ kind: "blankDate" }, sheetRow);
    else {
      ids[i] = id;
      dates[i] = date;
      orders++;
    }
  }
  input.onProgress?.(n, n);
  return { ids, dates, orders, skipped, issues: [...groups.values()] };
}

// ---------------------------------------------------------------------------------------------
// Curves and reading

/**
 * The size threshold for curves and reading: `minSize`, or, when no cohort with an ended period 1
 * reaches it, the size of the `count`-th largest such cohort (so the largest recent ones are shown).
 */
export function cohortSizeThreshold(table: CohortTable, minSize = MIN_COHORT_SIZE, count = CURVE_COHORTS): number {
  if (table.columns < 2) return minSize;
  const sizes: number[] = [];
  for (let r = 0; r < table.cohortStart.length; r++) if (!Number.isNaN(table.shares[1][r])) sizes.push(table.cohortSize[r]);
  if (sizes.length === 0 || sizes.some((n) => n >= minSize)) return minSize;
  sizes.sort((x, y) => y - x);
  return sizes[Math.min(count, sizes.length) - 1];
}

/** The latest cohorts (up to `count`) of at least `minSize` customers whose period 1 has ended, oldest first, with every ended period. */
export function latestCurves(table: CohortTable, count = CURVE_COHORTS, minSize = 1): Curve[] {
  const out: Curve[] = [];
  if (table.columns < 2) return out;
  for (let r = table.cohortStart.length - 1; r >= 0 && out.length < count; r--) {
    if (Number.isNaN(table.shares[1][r]) || table.cohortSize[r] < minSize) continue;
    const points: CurvePoint[] = [];
    for (let k = 0; k < table.columns; k++) {
      const share = table.shares[k][r];
      if (!Number.isNaN(share)) points.push({ period: k, share });
    }
    out.push({ start: table.cohortStart[r], size: table.cohortSize[r], points });
  }
  return out.reverse();
}

/** The latest cohort of at least `minSize` customers whose next period has ended, and the share of it that ordered in that period. */
export function readingOf(table: CohortTable, minSize = 1): Reading | null {
  if (table.columns < 2) return null;
  for (let r = table.cohortStart.length - 1; r >= 0; r--) {
    const share = table.shares[1][r];
    if (!Number.isNaN(share) && table.cohortSize[r] >= minSize) return { start: table.cohortStart[r], share, size: table.cohortSize[r] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// The run

export type RunInput = ParseInput & { readonly period: PeriodKind; readonly activeDays: number };

/** Parses the log, then runs the cohort triangle and the period table on the usable rows. */
export async function runRetention(input: RunInput): Promise<RetentionResult> {
  const { period, activeDays } = input;
  if (!Number.isInteger(activeDays) || activeDays < LONGEST_PERIOD_DAYS[period]) throw new RetentionError("activeDaysTooShort");
  const log = await parseOrderLog(input);
  if (log.orders === 0) throw new RetentionError("noOrders", "", log.issues);
  const pause = async (): Promise<void> => {
    await yieldToHost();
    if (input.signal?.aborted) throw new RetentionError("cancelled");
  };
  let cohorts: CohortTable;
  let periods: RetentionByPeriod;
  try {
    cohorts = await cohortTable(log.ids, log.dates, { period, pause });
    periods = await retentionByPeriod(log.ids, log.dates, { period, activeDays, pause });
  } catch (error) {
    if (error instanceof RetentionError) throw error;
    // There are orders, so #N/A from the triangle means nobody ordered in a later period than their first.
    if (error instanceof AnalyticsError && error.code === "#N/A") throw new RetentionError("noRepeats", error.message, log.issues);
    if (error instanceof AnalyticsError) throw new RetentionError("core", error.message, log.issues);
    throw error;
  }
  return { ...curvesOf(cohorts), source: "log", kind: period, activeDays, orders: log.orders, periods, skipped: log.skipped, issues: log.issues };
}

/** The curves, the reading and the small cohorts left out of them: the same for a triangle from the log or from a cohort table. */
export function curvesOf(cohorts: CohortTable): Pick<RetentionResult, "cohorts" | "curves" | "reading" | "minCohortSize" | "smallCohorts"> {
  const minCohortSize = cohortSizeThreshold(cohorts);
  const curves = latestCurves(cohorts, CURVE_COHORTS, minCohortSize);
  let smallCohorts = 0;
  if (cohorts.columns >= 2) {
    const oldest = curves.length > 0 ? curves[0].start : -Infinity;
    for (let r = 0; r < cohorts.cohortStart.length; r++) {
      if (!Number.isNaN(cohorts.shares[1][r]) && cohorts.cohortStart[r] > oldest && cohorts.cohortSize[r] < minCohortSize) smallCohorts++;
    }
  }
  return { cohorts, curves, reading: readingOf(cohorts, minCohortSize), minCohortSize, smallCohorts };
}

/** The result of a cohort table read from the warehouse (cohortLongTable.ts): the triangle, its curves and reading; no period table. */
export function cohortTableResult(cohorts: CohortTable): RetentionResult {
  return { ...curvesOf(cohorts), source: "cohortTable", kind: cohorts.kind, activeDays: null, orders: null, periods: null, skipped: 0, issues: [] };
}

/** The result of a period table read from the warehouse (periodRetentionTable.ts): the table alone, no triangle or curves. */
export function periodTableResult(periods: RetentionByPeriod): RetentionResult {
  return {
    source: "periodTable",
    kind: periods.kind,
    activeDays: periods.activeDays,
    orders: null,
    cohorts: null,
    periods,
    curves: [],
    reading: null,
    minCohortSize: MIN_COHORT_SIZE,
    smallCohorts: 0,
    skipped: 0,
    issues: [],
  };
}
