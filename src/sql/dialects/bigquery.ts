/**
 * BigQuery (GoogleSQL): backquoted identifier parts (`project`.`dataset`.`table`), backslash
 * escapes in strings, DATE_DIFF(end, start, DAY) (arguments the other way round), DATE_ADD with
 * an INTERVAL, DATE(y, m, d), FLOAT64 / INT64 / NUMERIC, and UNNEST(GENERATE_ARRAY(lo, hi)).
 * Its WEEK date part starts on Sunday, which is why weeks are counted from days (calendarPeriodsSql.ts).
 * Example: daysBetween("a", "b") = DATE_DIFF(b, a, DAY). O(1) per call.
 */
import { Dialect } from "../dialect";

export const bigquery: Dialect = {
  name: "bigquery",
  label: "BigQuery",
  quotePart: (part) => `\`${part}\``,
  stringLiteral: (text) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`,
  text: (e) => `CAST(${e} AS STRING)`,
  date: (e) => `CAST(${e} AS DATE)`,
  dateLiteral: (iso) => `DATE '${iso}'`,
  double: (e) => `CAST(${e} AS FLOAT64)`,
  bigint: (e) => `CAST(${e} AS INT64)`,
  money: (e) => `CAST(${e} AS NUMERIC)`,
  daysBetween: (start, end) => `DATE_DIFF(${end}, ${start}, DAY)`,
  addDays: (date, days) => `DATE_ADD(${date}, INTERVAL ${days} DAY)`,
  makeDate: (y, m, d) => `DATE(${y}, ${m}, ${d})`,
  year: (date) => `EXTRACT(YEAR FROM ${date})`,
  month: (date) => `EXTRACT(MONTH FROM ${date})`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  integers: (source, lo, hi) => `SELECT k FROM ${source} CROSS JOIN UNNEST(GENERATE_ARRAY(${lo}, ${hi})) AS k`,
};
