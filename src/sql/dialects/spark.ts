/**
 * Spark SQL (Databricks): backquoted identifiers, backslash escapes in strings, datediff(end, start)
 * (end first), date_add(d, n), make_date, and explode(sequence(lo, hi)). Its months_between is
 * fractional, so months are year·12 + month like everywhere else.
 * Example: daysBetween("a", "b") = datediff(b, a). O(1) per call.
 */
import { Dialect } from "../dialect";

export const spark: Dialect = {
  name: "spark",
  label: "Spark SQL",
  quotePart: (part) => `\`${part}\``,
  stringLiteral: (text) => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`,
  text: (e) => `CAST(${e} AS STRING)`,
  date: (e) => `CAST(${e} AS DATE)`,
  dateLiteral: (iso) => `DATE '${iso}'`,
  double: (e) => `CAST(${e} AS DOUBLE)`,
  bigint: (e) => `CAST(${e} AS BIGINT)`,
  money: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
  daysBetween: (start, end) => `datediff(${end}, ${start})`,
  addDays: (date, days) => `date_add(${date}, CAST(${days} AS INT))`,
  makeDate: (y, m, d) => `make_date(CAST(${y} AS INT), CAST(${m} AS INT), CAST(${d} AS INT))`,
  year: (date) => `CAST(EXTRACT(YEAR FROM ${date}) AS BIGINT)`,
  month: (date) => `CAST(EXTRACT(MONTH FROM ${date}) AS BIGINT)`,
  intDiv: (a, b) => `CAST(FLOOR(CAST(${a} AS DOUBLE) / ${b}) AS BIGINT)`,
  integers: (source, lo, hi) => `SELECT explode(sequence(CAST(${lo} AS BIGINT), CAST(${hi} AS BIGINT))) AS k FROM ${source}`,
};
