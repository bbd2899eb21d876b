/**
 * One analysis of an order file on DuckDB, independent of how DuckDB runs (DuckDB-Wasm in a worker
 * in the pane, its blocking Node build in tests): settings first (memory_limit, no extension
 * download), the file's view (files/fileSource.ts), then the generated DuckDB SQL (src/sql) wrapped
 * so that every value comes back as a plain number or text for the sheet: dates as Excel serials
 * (days since 1899-12-30), money and day counts as DOUBLE.
 * Analyses:
 * - "rfmTable": one row per customer, as RFMTABLE;
 * - "rfmSegments": the same columns plus the R, F, M digits, the score and the segment name, as
 *   RFMSCORE and RFMSEGMENT give them (5 bins, method "rfm", the default rules; rfmScoresSql.ts,
 *   rfmSegmentsSql.ts); both per-customer forms are refused before the query when the customers
 *   exceed a sheet's rows;
 * - "btydGrouped": one row per distinct (x, t_x, T) with its customers, for BGNBDFIT's weights;
 *   keyed on days, so it grows with the customers: about 400,000 rows for 1,000,000 customers over
 *   two years;
 * - "holdoutGrouped": the calibration/holdout summary grouped by (x, t_x, T, x_holdout) with
 *   customers (holdoutSummarySql.ts, grouped), under the headers "Check the model" recognises
 *   (x, t_x, T, x_holdout, holdout_length, customers); the calibration end is the typed one or the
 *   one Check the model picks by default (calibrationEndOfDayCounts on the orders per day), the
 *   holdout ends on the last order date;
 * - "cohorts": the cohort triangle in long form (cohortsSql.ts); "retention": the period table
 *   (retentionByPeriodSql.ts); both by week, month, quarter or year.
 * Every result longer than a sheet is refused by its rows.
 * Errors are classified for plain-words messages: out of memory, other.
 * Cost: the engine's scan and GROUP BY; O(result rows) here.
 */
import { btydSummarySql } from "../../sql/btydSummarySql";
import { cohortsSql } from "../../sql/cohortsSql";
import { duckdb } from "../../sql/dialects/duckdb";
import { holdoutSummarySql } from "../../sql/holdoutSummarySql";
import { header, orderCtes } from "../../sql/orderSource";
import { retentionByPeriodSql } from "../../sql/retentionByPeriodSql";
import { rfmDigitCtes, rfmScoreDefinition } from "../../sql/rfmScoresSql";
import { segmentCase } from "../../sql/rfmSegmentsSql";
import { RFM_TABLE_DEFINITION, rfmTableCte, rfmTableSql } from "../../sql/rfmTableSql";
import { statement } from "../../sql/statement";
import { inBlocks, timeSlicer } from "../../analytics/numeric/yieldToHost";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import { isoFromSerial } from "../../analytics/orders/dates";
import { DEFAULT_ACTIVE_DAYS } from "../../analytics/retention/retentionByPeriod";
import { RFM_DEFAULT_BINS } from "../../analytics/rfm/rfmScores";
import { DEFAULT_RFM_RULES } from "../../analytics/rfm/rfmSegments";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import { calibrationEndOfDayCounts } from "../model/modelCheck";
import { CancelledError } from "../excel/blocks";
import { FILE_VIEW, VIEW_COLUMNS } from "../files/fileSource";

export type Row = Readonly<Record<string, unknown>>;
/** Runs one SQL statement and gives its rows (integers may come back as bigint). */
export type SqlRunner = (sql: string) => Promise<readonly Row[]>;

export type FileAnalysis = "rfmTable" | "rfmSegments" | "btydGrouped" | "holdoutGrouped" | "cohorts" | "retention";

/** The analyses with one row per customer (refused when the customers exceed a sheet's rows). */
export const PER_CUSTOMER: ReadonlySet<FileAnalysis> = new Set(["rfmTable", "rfmSegments"]);

/** Excel's rows per sheet; the RFM table sheet also holds a title, a blank line and its header. */
export const EXCEL_ROWS = 1_048_576;
export const SHEET_HEADER_ROWS = 3;
export const MAX_CUSTOMER_ROWS = EXCEL_ROWS - SHEET_HEADER_ROWS;

/** Memory DuckDB may use: 1 GiB by default (the engine tops out at 4 GiB and does not spill in the browser). */
export const DEFAULT_MEMORY_LIMIT_MB = 1024;

export type FileJobFailure = "outOfMemory" | "tooManyCustomers" | "tooManyRows" | "badCalibrationEnd" | "engine";

export class FileJobError extends Error {
  constructor(
    readonly kind: FileJobFailure,
    message: string,
    readonly customers?: number,
    /** Rows of a result too long for a sheet ("tooManyRows"). */
    readonly rows?: number,
    /** The file's first and last order dates as serials ("badCalibrationEnd": the calibration end must fall between them). */
    readonly dates?: { readonly first: number; readonly last: number },
  ) {
    super(message);
    this.name = "FileJobError";
  }
}

/** The failure kind of an engine error, by DuckDB's messages. */
export function classifyEngineError(error: unknown): FileJobError {
  if (error instanceof FileJobError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/out of memory|could not allocate|memory_limit|Array buffer allocation failed|Out of bounds memory access|RangeError: WebAssembly\.Memory/i.test(message))
    return new FileJobError("outOfMemory", message);
  return new FileJobError("engine", message);
}

/** Settings run before anything else: the memory limit, and never an extension download. */
export function settingsSql(memoryLimitMb: number): string[] {
  if (!Number.isInteger(memoryLimitMb) || memoryLimitMb < 64) throw new Error(`memoryLimitMb: expected a whole number of MB ≥ 64, got ${memoryLimitMb}`);
  return [
    `SET autoinstall_known_extensions = false`,
    `SET autoload_known_extensions = false`,
    `SET memory_limit = '${memoryLimitMb}MB'`,
    `SET preserve_insertion_order = false`,
  ];
}

const source = { table: FILE_VIEW, customerId: VIEW_COLUMNS.id, orderDate: VIEW_COLUMNS.date, amount: VIEW_COLUMNS.amount };
const withoutSemicolon = (sql: string): string => sql.trimEnd().replace(/;$/, "");
const serial = (date: string): string => `CAST(date_diff('day', DATE '1899-12-30', ${date}) AS DOUBLE)`;

/**
 * `inner` (a generated query) with plain values for the sheet, in the order of `columns`: the date
 * columns as Excel serials, text columns as they are, every other column as DOUBLE; sorted by
 * `orderBy`. One place for the cast list, so it cannot drift from the column lists below.
 */
function plainSelect(inner: string, columns: readonly string[], kinds: { readonly dates?: readonly string[]; readonly texts?: readonly string[] }, orderBy: readonly string[]): string {
  const name = (c: string): string => (c === "T" ? `"T"` : c);
  const cast = (c: string): string =>
    kinds.texts?.includes(c) ? name(c) : kinds.dates?.includes(c) ? `${serial(c)} AS ${name(c)}` : `CAST(${name(c)} AS DOUBLE) AS ${name(c)}`;
  return [
    `SELECT`,
    columns.map((c, k) => `  ${cast(c)}${k === columns.length - 1 ? "" : ","}`).join("\n"),
    `FROM (`,
    withoutSemicolon(inner),
    `) AS q`,
    `ORDER BY ${orderBy.map(name).join(", ")}`,
  ].join("\n");
}

/** The RFM table query with plain values: customer, first/last order (serials), orders, revenue, recency days, orders without amount. */
export function rfmTableJobSql(asOf: string | null): string {
  return plainSelect(rfmTableSql(duckdb, { source, asOf }), RFM_COLUMNS, { texts: ["customer"], dates: ["first_order", "last_order"] }, ["customer"]);
}

/** The grouped BTYD summary with plain values: x, t_x, T (in `unit`, or whole calendar periods of it), customers. */
export function btydGroupedJobSql(asOf: string | null, unit: TimeUnit, wholePeriods = false): string {
  const inner = btydSummarySql(duckdb, { source: { ...source, amount: null }, asOf, unit, shape: "grouped", wholePeriods });
  return plainSelect(inner, BTYD_COLUMNS, {}, ["x", "t_x", "T"]);
}

/**
 * The RFM table's columns with RFMSCORE's digits and score and RFMSEGMENT's name, in one pass over
 * the file: the generator's CTEs (rfm_table, then rfm_digits over it) joined on the customer.
 * Digits 0, score and segment NULL (blank cells) for a customer with an order without amount.
 */
export function rfmSegmentsJobSql(asOf: string | null): string {
  const segment = segmentCase(duckdb, DEFAULT_RFM_RULES).map((l) => `  ${l}`);
  segment[segment.length - 1] += " AS segment";
  return statement(
    header(duckdb, "RFM table, scores and segments", [
      `RFM segments, as LOYALTY.RFMSEGMENT with the default rules (rsquaredacademy/rfm), beside the RFM table's columns.`,
      ...rfmScoreDefinition(RFM_DEFAULT_BINS, "rfm"),
      ...RFM_TABLE_DEFINITION,
    ]),
    [orderCtes(duckdb, source, asOf, true), rfmTableCte(duckdb), ...rfmDigitCtes(duckdb, RFM_DEFAULT_BINS, "rfm")],
    [
      `SELECT`,
      `  t.customer_id AS customer,`,
      `  ${serial("t.first_order")} AS first_order,`,
      `  ${serial("t.last_order")} AS last_order,`,
      `  CAST(t.orders AS DOUBLE) AS orders,`,
      `  CAST(t.revenue AS DOUBLE) AS revenue,`,
      `  CAST(t.recency_days AS DOUBLE) AS recency_days,`,
      `  CAST(t.orders_without_amount AS DOUBLE) AS orders_without_amount,`,
      `  CAST(g.r AS DOUBLE) AS r,`,
      `  CAST(g.f AS DOUBLE) AS f,`,
      `  CAST(g.m AS DOUBLE) AS m,`,
      `  CAST(g.score AS DOUBLE) AS score,`,
      ...segment,
      `FROM rfm_table AS t`,
      `JOIN rfm_digits AS g ON g.customer_id = t.customer_id`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}

/** The orders per day (serial), ascending, read as every query reads the file (ids trimmed, rows without id or date left out). */
export function ordersPerDaySql(): string {
  return statement(
    header(duckdb, "orders per day", [`Orders per order date, for the default calibration end of "Check the model".`]),
    [orderCtes(duckdb, { ...source, amount: null }, null, false)],
    [`SELECT`, `  ${serial("order_date")} AS day,`, `  CAST(COUNT(*) AS DOUBLE) AS n`, `FROM orders`, `GROUP BY order_date`, `ORDER BY order_date`].join("\n"),
  );
}

/** The grouped calibration/holdout summary with plain values, under the headers Check the model reads. */
export function holdoutGroupedJobSql(calibrationEnd: string, holdoutEnd: string, unit: TimeUnit): string {
  const inner = holdoutSummarySql(duckdb, { source: { ...source, amount: null }, calibrationEnd, holdoutEnd, unit, grouped: true });
  return plainSelect(inner, HOLDOUT_COLUMNS, {}, ["x", "t_x", "T", "x_holdout"]);
}

/** The cohort triangle in long form with plain values: cohort start (serial), period k, customers, active and share (blank where not yet known). */
export function cohortsJobSql(asOf: string | null, period: PeriodKind): string {
  const inner = cohortsSql(duckdb, { source: { ...source, amount: null }, asOf, period });
  return plainSelect(inner, COHORT_COLUMNS, { dates: ["cohort_start"] }, ["cohort_start", "period"]);
}

/** The period retention table with plain values: period start (serial), the counts, retention (blank where no customer was active at the start). */
export function retentionJobSql(asOf: string | null, period: PeriodKind, activeDays: number): string {
  const inner = retentionByPeriodSql(duckdb, { source: { ...source, amount: null }, asOf, period, activeDays });
  return plainSelect(inner, RETENTION_COLUMNS, { dates: ["period_start"] }, ["period_start"]);
}

export const RFM_COLUMNS = ["customer", "first_order", "last_order", "orders", "revenue", "recency_days", "orders_without_amount"] as const;
export const RFM_SEGMENT_COLUMNS = [...RFM_COLUMNS, "r", "f", "m", "score", "segment"] as const;
export const BTYD_COLUMNS = ["x", "t_x", "T", "customers"] as const;
export const HOLDOUT_COLUMNS = ["x", "t_x", "T", "x_holdout", "holdout_length", "customers"] as const;
export const COHORT_COLUMNS = ["cohort_start", "period", "customers", "active", "share"] as const;
export const RETENTION_COLUMNS = ["period_start", "customers_start", "new_customers", "reactivated", "customers_end", "retained", "retention", "lost"] as const;

const COLUMNS: Readonly<Record<FileAnalysis, readonly string[]>> = {
  rfmTable: RFM_COLUMNS,
  rfmSegments: RFM_SEGMENT_COLUMNS,
  btydGrouped: BTYD_COLUMNS,
  holdoutGrouped: HOLDOUT_COLUMNS,
  cohorts: COHORT_COLUMNS,
  retention: RETENTION_COLUMNS,
};

export type FileJobRequest = {
  readonly analysis: FileAnalysis;
  /** CREATE VIEW statement for the file (fileViewSql). */
  readonly viewSql: string;
  readonly asOf: string | null;
  readonly unit: TimeUnit;
  /** "btydGrouped": count whole calendar weeks or months (BTYDSUMMARY's whole_periods); days ignore it. */
  readonly wholePeriods?: boolean;
  /** "holdoutGrouped": the calibration end as a serial; null or absent for Check the model's default. */
  readonly calibrationEnd?: number | null;
  /** "cohorts" and "retention": the calendar period (month unless given). */
  readonly period?: PeriodKind;
  /** "retention": days a customer stays active after an order (LOYALTY.RETENTIONBYPERIOD's 365 unless given). */
  readonly activeDays?: number;
  readonly memoryLimitMb?: number;
  /** Data rows a sheet can take below the title and header: MAX_CUSTOMER_ROWS unless a test says less. */
  readonly maxRows?: number;
};

export type FileJobResult = {
  readonly columns: readonly string[];
  readonly rows: (string | number)[][];
  readonly orders: number;
  /** "holdoutGrouped": the calibration and holdout ends used, as serials. */
  readonly calibrationEnd?: number;
  readonly holdoutEnd?: number;
};

const plain = (v: unknown): string | number => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : v === null || v === undefined ? "" : String(v));

/**
 * The calibration end (the given serial, or Check the model's default from the orders per day) and
 * the holdout end (the last order date); a calibration end not strictly between the first and last
 * order dates is refused with them.
 */
async function holdoutEnds(query: SqlRunner, given: number | null): Promise<{ calibrationEnd: number; holdoutEnd: number }> {
  const perDay = await query(ordersPerDaySql());
  if (perDay.length === 0) throw new FileJobError("engine", "No order has both a customer id and an order date");
  const days = perDay.map((r) => Number(r.day));
  const first = days[0];
  const last = days[days.length - 1];
  const calibrationEnd = given ?? calibrationEndOfDayCounts(days, perDay.map((r) => Number(r.n)));
  if (!(calibrationEnd > first && calibrationEnd < last))
    throw new FileJobError("badCalibrationEnd", `The calibration end must fall after ${isoFromSerial(first)} and before ${isoFromSerial(last)}`, undefined, undefined, { first, last });
  return { calibrationEnd, holdoutEnd: last };
}

/** Runs the request; rows hold numbers and text only. Throws FileJobError. */
export async function runFileJob(query: SqlRunner, request: FileJobRequest): Promise<FileJobResult> {
  try {
    for (const s of settingsSql(request.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB)) await query(s);
    await query(request.viewSql);
    const [count] = await query(`SELECT COUNT(*) AS orders, COUNT(DISTINCT TRIM(CAST(${VIEW_COLUMNS.id} AS VARCHAR))) AS customers FROM "${FILE_VIEW}"`);
    const orders = Number(count.orders);
    const customers = Number(count.customers);
    const maxRows = request.maxRows ?? MAX_CUSTOMER_ROWS;
    if (PER_CUSTOMER.has(request.analysis) && customers > maxRows)
      throw new FileJobError("tooManyCustomers", `${customers} customers do not fit on one sheet`, customers);
    const columns = COLUMNS[request.analysis];
    const period = request.period ?? "month";
    let ends: { calibrationEnd: number; holdoutEnd: number } | null = null;
    let sql: string;
    switch (request.analysis) {
      case "rfmTable":
        sql = rfmTableJobSql(request.asOf);
        break;
      case "rfmSegments":
        sql = rfmSegmentsJobSql(request.asOf);
        break;
      case "btydGrouped":
        sql = btydGroupedJobSql(request.asOf, request.unit, request.wholePeriods === true);
        break;
      case "holdoutGrouped":
        ends = await holdoutEnds(query, request.calibrationEnd ?? null);
        sql = holdoutGroupedJobSql(isoFromSerial(ends.calibrationEnd), isoFromSerial(ends.holdoutEnd), request.unit);
        break;
      case "cohorts":
        sql = cohortsJobSql(request.asOf, period);
        break;
      case "retention":
        sql = retentionJobSql(request.asOf, period, request.activeDays ?? DEFAULT_ACTIVE_DAYS);
        break;
    }
    const objects = await query(sql);
    const rows = new Array<(string | number)[]>(objects.length);
    await inBlocks(objects.length, timeSlicer(), (from, to) => {
      for (let i = from; i < to; i++) rows[i] = columns.map((c) => plain(objects[i][c]));
    });
    if (rows.length > maxRows) throw new FileJobError("tooManyRows", `${rows.length} rows do not fit on one sheet`, undefined, rows.length);
    return { columns, rows, orders, ...(ends ?? {}) };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    throw classifyEngineError(error);
  }
}
