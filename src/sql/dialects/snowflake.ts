/**
 * Snowflake: double-quoted identifiers (case-sensitive when quoted: unquoted names are stored in
 * capitals, so type them as stored), '' in strings, DATEDIFF(day, start, end), DATEADD(day, n, d),
 * DATE_FROM_PARTS, NUMBER(38, 6) for money, and a GENERATOR for integer ranges. Its integer division
 * keeps only 6 decimals and its WEEK part follows the WEEK_START session setting, hence `divide` on
 * doubles and weeks counted from days.
 * Example: daysBetween("a", "b") = DATEDIFF(day, a, b). O(1) per call.
 */
import { Dialect } from "../dialect";

/** Rows the GENERATOR offers: more periods than any table needs (a weekly table of 190 years). */
export const SNOWFLAKE_MAX_SERIES = 10_000;

export const snowflake: Dialect = {
  name: "snowflake",
  label: "Snowflake",
  quotePart: (part) => `"${part}"`,
  stringLiteral: (text) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  date: (e) => `CAST(${e} AS DATE)`,
  dateLiteral: (iso) => `DATE '${iso}'`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  money: (e) => `CAST(${e} AS NUMBER(38, 6))`,
  daysBetween: (start, end) => `DATEDIFF(day, ${start}, ${end})`,
  addDays: (date, days) => `DATEADD(day, ${days}, ${date})`,
  makeDate: (y, m, d) => `DATE_FROM_PARTS(${y}, ${m}, ${d})`,
  year: (date) => `EXTRACT(YEAR FROM ${date})`,
  month: (date) => `EXTRACT(MONTH FROM ${date})`,
  intDiv: (a, b) => `CAST(FLOOR(CAST(${a} AS DOUBLE) / ${b}) AS BIGINT)`,
  integers: (source, lo, hi) =>
    `SELECT k FROM (SELECT s.lo + ROW_NUMBER() OVER (ORDER BY SEQ4()) - 1 AS k, s.hi AS hi FROM (SELECT ${lo} AS lo, ${hi} AS hi FROM ${source}) AS s CROSS JOIN TABLE(GENERATOR(ROWCOUNT => ${SNOWFLAKE_MAX_SERIES}))) AS g WHERE k <= hi`,
};
