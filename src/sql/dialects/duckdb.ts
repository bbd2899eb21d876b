/**
 * DuckDB (1.x): double-quoted identifiers, '' in strings, date_diff('day', start, end),
 * date + integer, make_date, generate_series in the select list through UNNEST.
 * Example: daysBetween("a", "b") = date_diff('day', a, b). O(1) per call.
 */
import { Dialect } from "../dialect";

export const duckdb: Dialect = {
  name: "duckdb",
  label: "DuckDB",
  quotePart: (part) => `"${part}"`,
  stringLiteral: (text) => `'${text.replace(/'/g, "''")}'`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  date: (e) => `CAST(${e} AS DATE)`,
  dateLiteral: (iso) => `DATE '${iso}'`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  money: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
  daysBetween: (start, end) => `date_diff('day', ${start}, ${end})`,
  addDays: (date, days) => `CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`,
  makeDate: (y, m, d) => `make_date(CAST(${y} AS BIGINT), CAST(${m} AS BIGINT), CAST(${d} AS BIGINT))`,
  year: (date) => `CAST(EXTRACT(YEAR FROM ${date}) AS BIGINT)`,
  month: (date) => `CAST(EXTRACT(MONTH FROM ${date}) AS BIGINT)`,
  intDiv: (a, b) => `CAST(FLOOR(CAST(${a} AS DOUBLE) / ${b}) AS BIGINT)`,
  integers: (source, lo, hi) => `SELECT UNNEST(generate_series(CAST(${lo} AS BIGINT), CAST(${hi} AS BIGINT))) AS k FROM ${source}`,
};
