/**
 * The cohort triangle as SQL, as COHORTS computes it (cohortTable.ts), in long form, since a wide
 * pivot is not portable: one row per (cohort, period k) with
 *   cohort_start = first day of the calendar period of the customers' first order,
 *   customers    = customers in the cohort,
 *   active       = customers of the cohort with an order in its k-th period,
 *   share        = active / customers,
 * for k = 0 … (last period ended by as_of − first cohort's period), the same columns for every cohort
 * as the cells' triangle; active and share are NULL for "not yet known" (period p + k has not ended by
 * as_of; k = 0 is always shown). Periods are Monday weeks, months, quarters or years (calendarPeriodsSql.ts).
 * Example (months): A orders in January and March, B in January, C in February and March, as_of
 * March 31 → January: k 0 share 1, k 1 share 0, k 2 share 0.5; February: k 0 1, k 1 1, k 2 NULL.
 * Cost: one DISTINCT (customer, period) and two GROUP BYs in the engine.
 */
import { PeriodKind, PERIOD_KINDS } from "../analytics/orders/calendarPeriods";
import { Dialect, divide } from "./dialect";
import { SqlInputError } from "./identifiers";
import { OrderSource, header, orderCtes } from "./orderSource";
import { periodIndexSql, periodStartSql } from "./calendarPeriodsSql";
import { cte, statement } from "./statement";

export type CohortsRequest = { readonly source: OrderSource; readonly asOf: string | null; readonly period?: PeriodKind };

export function checkPeriod(period: string): PeriodKind {
  if (!(PERIOD_KINDS as readonly string[]).includes(period)) throw new SqlInputError("Period", `Period: expected week, month, quarter or year, found "${period}"`);
  return period as PeriodKind;
}

export function cohortsSql(d: Dialect, { source, asOf, period = "month" }: CohortsRequest): string {
  checkPeriod(period);
  const shown = `(c.k = 0 OR s.cohort + c.k <= b.last_ended)`;
  return statement(
    header(d, `cohort triangle by ${period}`, [
      `Cohort triangle, as LOYALTY.COHORTS, in long form: cohort = calendar ${period} of the first order;`,
      `share(cohort, k) = customers of the cohort with an order in period cohort + k / cohort size;`,
      `active and share are NULL where period cohort + k has not ended by the as-of date (not yet known).`,
      `Weeks run Monday to Sunday whatever the engine's week setting; months are year * 12 + month.`,
    ]),
    [
      orderCtes(d, source, asOf, false),
      cte("customer_periods", [
        `SELECT DISTINCT o.customer_id, ${periodIndexSql(d, period, "o.order_date")} AS period`,
        `FROM orders AS o`,
        `CROSS JOIN as_of AS a`,
        `WHERE o.order_date <= a.as_of`,
      ]),
      cte("cohort_of", [`SELECT customer_id, MIN(period) AS cohort`, `FROM customer_periods`, `GROUP BY customer_id`]),
      cte("cohort_sizes", [`SELECT cohort, COUNT(*) AS customers`, `FROM cohort_of`, `GROUP BY cohort`]),
      cte("activity", [
        `SELECT c.cohort, p.period - c.cohort AS k, COUNT(*) AS active`,
        `FROM customer_periods AS p`,
        `JOIN cohort_of AS c ON c.customer_id = p.customer_id`,
        `GROUP BY c.cohort, p.period - c.cohort`,
      ]),
      cte("bounds", [
        `SELECT`,
        `  (SELECT MIN(cohort) FROM cohort_sizes) AS first_period,`,
        `  ${periodIndexSql(d, period, d.addDays("a.as_of", "1"))} - 1 AS last_ended`,
        `FROM as_of AS a`,
      ]),
      cte("period_numbers", [d.integers("bounds", "0", "GREATEST(last_ended - first_period, 0)")]),
    ],
    [
      `SELECT`,
      `  ${periodStartSql(d, period, "s.cohort")} AS cohort_start,`,
      `  c.k AS period,`,
      `  s.customers,`,
      `  CASE WHEN ${shown} THEN COALESCE(t.active, 0) END AS active,`,
      `  CASE WHEN ${shown} THEN ${divide(d, "COALESCE(t.active, 0)", "s.customers")} END AS share`,
      `FROM cohort_sizes AS s`,
      `CROSS JOIN period_numbers AS c`,
      `CROSS JOIN bounds AS b`,
      `LEFT JOIN activity AS t ON t.cohort = s.cohort AND t.k = c.k`,
      `ORDER BY cohort_start, period`,
    ].join("\n"),
  );
}
