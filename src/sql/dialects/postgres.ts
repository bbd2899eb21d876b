/**
 * PostgreSQL (12+): double-quoted identifiers, '' in strings, end − start for dates (an integer),
 * date + integer, make_date(int, int, int), EXTRACT (numeric since 14, hence the casts), and
 * generate_series as a set-returning function in the select list.
 * Example: daysBetween("a", "b") = (b - a). O(1) per call.
 */
import { Dialect } from "../dialect";

export const postgres: Dialect = {
  name: "postgres",
  label: "PostgreSQL",
  quotePart: (part) => `"${part}"`,
  stringLiteral: (text) => `'${text.replace(/'/g, "''")}'`,
  text: (e) => `CAST(${e} AS TEXT)`,
  date: (e) => `CAST(${e} AS DATE)`,
  dateLiteral: (iso) => `DATE '${iso}'`,
  double: (e) => `CAST(${e} AS DOUBLE PRECISION)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  money: (e) => `CAST(${e} AS NUMERIC(38, 6))`,
  daysBetween: (start, end) => `(${end} - ${start})`,
  addDays: (date, days) => `(${date} + CAST(${days} AS INTEGER))`,
  makeDate: (y, m, d) => `make_date(CAST(${y} AS INTEGER), CAST(${m} AS INTEGER), CAST(${d} AS INTEGER))`,
  year: (date) => `CAST(EXTRACT(YEAR FROM ${date}) AS BIGINT)`,
  month: (date) => `CAST(EXTRACT(MONTH FROM ${date}) AS BIGINT)`,
  intDiv: (a, b) => `CAST(FLOOR(CAST(${a} AS DOUBLE PRECISION) / ${b}) AS BIGINT)`,
  integers: (source, lo, hi) => `SELECT generate_series(CAST(${lo} AS BIGINT), CAST(${hi} AS BIGINT)) AS k FROM ${source}`,
};
