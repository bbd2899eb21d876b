/**
 * One analysis of an order file on DuckDB, independent of how DuckDB runs (DuckDB-Wasm in a worker
 * in the pane, its blocking Node build in tests): settings first (memory_limit, no extension
 * download), the file's view (files/fileSource.ts), then the generated DuckDB SQL (src/sql) wrapped
 * so that every value comes back as a plain number or text for the sheet: dates as Excel serials
 * (days since 1899-12-30), money and day counts as DOUBLE.
 * Analyses: "rfmTable" (one row per customer, as RFMTABLE; refused before the query when the
 * customers exceed a sheet's rows) and "btydGrouped" (one row per distinct (x, t_x, T) with its
 * customers, for BGNBDFIT's weights; keyed on days, so it grows with the customers: about 400,000
 * rows for 1,000,000 customers over two years, and refused when it exceeds a sheet's rows).
 * Errors are classified for plain-words messages: out of memory, Parquet not available, other.
 * Cost: the engine's scan and GROUP BY; O(result rows) here.
 */
import { btydSummarySql } from "../../sql/btydSummarySql";
import { duckdb } from "../../sql/dialects/duckdb";
import { rfmTableSql } from "../../sql/rfmTableSql";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import { CancelledError } from "../excel/blocks";
import { FILE_VIEW, VIEW_COLUMNS } from "../files/fileSource";

export type Row = Readonly<Record<string, unknown>>;
/** Runs one SQL statement and gives its rows (integers may come back as bigint). */
export type SqlRunner = (sql: string) => Promise<readonly Row[]>;

export type FileAnalysis = "rfmTable" | "btydGrouped";

/** Excel's rows per sheet; the RFM table sheet also holds a title, a blank line and its header. */
export const EXCEL_ROWS = 1_048_576;
export const SHEET_HEADER_ROWS = 3;
export const MAX_CUSTOMER_ROWS = EXCEL_ROWS - SHEET_HEADER_ROWS;

/** Memory DuckDB may use: 1 GiB by default (the engine tops out at 4 GiB and does not spill in the browser). */
export const DEFAULT_MEMORY_LIMIT_MB = 1024;

export type FileJobFailure = "outOfMemory" | "parquetMissing" | "tooManyCustomers" | "tooManyRows" | "engine";

export class FileJobError extends Error {
  constructor(
    readonly kind: FileJobFailure,
    message: string,
    readonly customers?: number,
    /** Rows of a result too long for a sheet ("tooManyRows"). */
    readonly rows?: number,
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
  if (/read_parquet|parquet extension/i.test(message)) return new FileJobError("parquetMissing", message);
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

/** The RFM table query with plain values: customer, first/last order (serials), orders, revenue, recency days, orders without amount. */
export function rfmTableJobSql(asOf: string | null): string {
  return [
    `SELECT`,
    `  customer,`,
    `  ${serial("first_order")} AS first_order,`,
    `  ${serial("last_order")} AS last_order,`,
    `  CAST(orders AS DOUBLE) AS orders,`,
    `  CAST(revenue AS DOUBLE) AS revenue,`,
    `  CAST(recency_days AS DOUBLE) AS recency_days,`,
    `  CAST(orders_without_amount AS DOUBLE) AS orders_without_amount`,
    `FROM (`,
    withoutSemicolon(rfmTableSql(duckdb, { source, asOf })),
    `) AS r`,
    `ORDER BY customer`,
  ].join("\n");
}

/** The grouped BTYD summary with plain values: x, t_x, T (in `unit`), customers. */
export function btydGroupedJobSql(asOf: string | null, unit: TimeUnit): string {
  return [
    `SELECT`,
    `  CAST(x AS DOUBLE) AS x,`,
    `  CAST(t_x AS DOUBLE) AS t_x,`,
    `  CAST("T" AS DOUBLE) AS "T",`,
    `  CAST(customers AS DOUBLE) AS customers`,
    `FROM (`,
    withoutSemicolon(btydSummarySql(duckdb, { source: { ...source, amount: null }, asOf, unit, shape: "grouped" })),
    `) AS g`,
    `ORDER BY x, t_x, "T"`,
  ].join("\n");
}

export const RFM_COLUMNS = ["customer", "first_order", "last_order", "orders", "revenue", "recency_days", "orders_without_amount"] as const;
export const BTYD_COLUMNS = ["x", "t_x", "T", "customers"] as const;

export type FileJobRequest = {
  readonly analysis: FileAnalysis;
  /** CREATE VIEW statement for the file (fileViewSql). */
  readonly viewSql: string;
  readonly asOf: string | null;
  readonly unit: TimeUnit;
  readonly memoryLimitMb?: number;
  /** Data rows a sheet can take below the title and header: MAX_CUSTOMER_ROWS unless a test says less. */
  readonly maxRows?: number;
};

export type FileJobResult = { readonly columns: readonly string[]; readonly rows: (string | number)[][]; readonly orders: number };

const plain = (v: unknown): string | number => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : v === null || v === undefined ? "" : String(v));

/** Runs the request; rows hold numbers and text only. Throws FileJobError. */
export async function runFileJob(query: SqlRunner, request: FileJobRequest): Promise<FileJobResult> {
  try {
    for (const s of settingsSql(request.memoryLimitMb ?? DEFAULT_MEMORY_LIMIT_MB)) await query(s);
    await query(request.viewSql);
    const [count] = await query(`SELECT COUNT(*) AS orders, COUNT(DISTINCT TRIM(CAST(${VIEW_COLUMNS.id} AS VARCHAR))) AS customers FROM "${FILE_VIEW}"`);
    const orders = Number(count.orders);
    const customers = Number(count.customers);
    const maxRows = request.maxRows ?? MAX_CUSTOMER_ROWS;
    if (request.analysis === "rfmTable" && customers > maxRows)
      throw new FileJobError("tooManyCustomers", `${customers} customers do not fit on one sheet`, customers);
    const columns = request.analysis === "rfmTable" ? RFM_COLUMNS : BTYD_COLUMNS;
    const sql = request.analysis === "rfmTable" ? rfmTableJobSql(request.asOf) : btydGroupedJobSql(request.asOf, request.unit);
    const rows = (await query(sql)).map((r) => columns.map((c) => plain(r[c])));
    if (rows.length > maxRows) throw new FileJobError("tooManyRows", `${rows.length} rows do not fit on one sheet`, undefined, rows.length);
    return { columns, rows, orders };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    throw classifyEngineError(error);
  }
}
