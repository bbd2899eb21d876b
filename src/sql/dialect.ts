/**
 * What differs between the SQL engines Loyalty Lens writes for, and nothing else: every query
 * (rfmTableSql.ts, btydSummarySql.ts, …) is one description built from these few functions, the
 * way sqlglot keeps one expression and a small generator per dialect.
 *
 * Each function takes and returns SQL text. Expressions passed in are already safe (quoted
 * identifiers from identifiers.ts, or text this folder wrote); literals are written here.
 * Rules every dialect follows:
 *   - division only between doubles (`divide`), so 213/7 is 30.428…, never 30 or 30.428571;
 *   - day differences only (`daysBetween(start, end)` = end − start in days), never WEEK or MONTH
 *     parts, which count calendar boundaries;
 *   - periods computed from day counts and year·12 + month (calendarPeriodsSql.ts), never from the
 *     engine's week settings;
 *   - money summed as DECIMAL (`money`), so the total does not depend on the order parallel workers add it.
 * Example: duckdb.daysBetween("a", "b") = "date_diff('day', a, b)"; postgres.daysBetween("a", "b") = "(b - a)".
 */
export type DialectName = "duckdb" | "postgres" | "bigquery" | "snowflake" | "spark";

export const DIALECT_NAMES: readonly DialectName[] = ["duckdb", "postgres", "bigquery", "snowflake", "spark"];

export type Dialect = {
  readonly name: DialectName;
  /** The engine's name for people: "DuckDB". */
  readonly label: string;
  /** One identifier part, quoted: "orders" or `orders`. The part is already validated (identifiers.ts). */
  quotePart(part: string): string;
  /** A text literal with the dialect's escaping. */
  stringLiteral(text: string): string;
  /** CAST(expr AS <text type>). */
  text(expr: string): string;
  /** CAST(expr AS DATE): a timestamp becomes its date in the session time zone (see the header note). */
  date(expr: string): string;
  /** DATE 'YYYY-MM-DD'. */
  dateLiteral(iso: string): string;
  /** CAST(expr AS <64-bit float>). */
  double(expr: string): string;
  /** CAST(expr AS <64-bit integer>). */
  bigint(expr: string): string;
  /** CAST(expr AS <exact decimal>) for money. */
  money(expr: string): string;
  /** Whole days from start to end (end − start), an integer. */
  daysBetween(start: string, end: string): string;
  /** The date `days` (an integer expression) after `date`. */
  addDays(date: string, days: string): string;
  /** The date of year, month, day (integer expressions). */
  makeDate(year: string, month: string, day: string): string;
  /** The calendar year and month (1–12) of a date, as integers. */
  year(date: string): string;
  month(date: string): string;
  /** ⌊a / b⌋ for integers a ≥ 0, b > 0, as an integer. */
  intDiv(a: string, b: string): string;
  /**
   * A SELECT giving one column `k` with the integers lo … hi (expressions over the columns of the
   * one-row relation `source`); no rows when hi < lo. Calendar generation differs in every engine.
   */
  integers(source: string, lo: string, hi: string): string;
};

/** a / b in double precision: the one division every query uses. */
export const divide = (d: Dialect, a: string, b: string): string => `${d.double(a)} / ${d.double(b)}`;

/**
 * A double as a literal that reads back to the same bits in every engine: 17 significant digits
 * in exponent form (DuckDB reads plain 0.6000000000000001 as a DECIMAL), cast to double.
 * Example: 0.6000000000000001 → CAST(6.0000000000000009e-1 AS DOUBLE).
 */
export function doubleLiteral(d: Dialect, value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a SQL double literal must be finite, got ${value}`);
  return d.double(value.toExponential(16));
}
