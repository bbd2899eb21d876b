/**
 * Period retention as SQL, as RETENTIONBYPERIOD computes it (retentionByPeriod.ts, issue 6):
 * a customer is active on day D when they ordered in (D − active_days, D]; for each calendar period
 * from the first order's to the one holding as_of, with B_t = the day before it starts and
 * B_{t+1} = its last day (as_of for the current period):
 *   CS = active at B_t, CE = active at B_{t+1}, new = first order ever in the period,
 *   retained = active at both, reactivated = CE − retained − new, lost = CS − retained,
 *   retention = retained / CS (NULL when CS = 0) = (CE − new − reactivated) / CS,
 * which is the seed's (CE − CN) / CS when nobody reactivates.
 * active_days must cover the longest period of the kind (7, 31, 92 or 366 days), so that every new
 * customer is active at the end of their first period; the cells check only the periods in the table.
 * Example (months of 2024, active_days 31, as_of April 30; A Jan 10, Feb 20, Apr 5; B Jan 20; C Feb 5,
 * Mar 25; D Mar 31; E Jan 31, Apr 30) → February: CS 3, new 1, CE 3, retained 2, retention 2/3.
 * Cost: a range join of orders with the period boundaries (each order meets about active_days / period
 * length of them) and a self-join of the active (customer, boundary) pairs.
 */
import { PeriodKind } from "../analytics/orders/calendarPeriods";
import { DEFAULT_ACTIVE_DAYS } from "../analytics/retention/retentionByPeriod";
import { checkPeriod } from "./cohortsSql";
import { Dialect, divide } from "./dialect";
import { SqlInputError } from "./identifiers";
import { OrderSource, header, orderCtes } from "./orderSource";
import { periodIndexSql, periodStartSql } from "./calendarPeriodsSql";
import { cte, statement } from "./statement";

export type RetentionByPeriodRequest = {
  readonly source: OrderSource;
  readonly asOf: string | null;
  readonly period?: PeriodKind;
  readonly activeDays?: number;
};

/** The longest period of each kind, in days. */
export const LONGEST_PERIOD_DAYS: Readonly<Record<PeriodKind, number>> = { week: 7, month: 31, quarter: 92, year: 366 };

export function retentionByPeriodSql(d: Dialect, { source, asOf, period = "month", activeDays = DEFAULT_ACTIVE_DAYS }: RetentionByPeriodRequest): string {
  checkPeriod(period);
  if (!Number.isInteger(activeDays) || activeDays < LONGEST_PERIOD_DAYS[period]) {
    throw new SqlInputError(
      "Active days",
      `Active days: expected a whole number of days of at least ${LONGEST_PERIOD_DAYS[period]} (the longest ${period}), found ${activeDays}`,
    );
  }
  const n = (alias: string) => `COALESCE(${alias}.n, 0)`;
  return statement(
    header(d, `retention by ${period}`, [
      `Period retention, as LOYALTY.RETENTIONBYPERIOD: active on day D = an order in (D - ${activeDays}, D];`,
      `CS = active the day before the ${period} starts, CE = active on its last day (or the as-of date),`,
      `retained = active at both, reactivated = CE - retained - new, retention = retained / CS = (CE - new - reactivated) / CS.`,
    ]),
    [
      orderCtes(d, source, asOf, false),
      cte("counted", [`SELECT o.customer_id, o.order_date`, `FROM orders AS o`, `CROSS JOIN as_of AS a`, `WHERE o.order_date <= a.as_of`]),
      cte("bounds", [
        `SELECT`,
        `  (SELECT ${periodIndexSql(d, period, "MIN(order_date)")} FROM counted) AS first_period,`,
        `  ${periodIndexSql(d, period, "a.as_of")} AS last_period`,
        `FROM as_of AS a`,
      ]),
      cte("period_numbers", [d.integers("bounds", "first_period", "last_period")]),
      cte("periods", [
        `SELECT p.k AS period, p.k - b.first_period AS j, ${periodStartSql(d, period, "p.k")} AS period_start`,
        `FROM period_numbers AS p`,
        `CROSS JOIN bounds AS b`,
      ]),
      cte("boundaries", [
        `SELECT j, ${d.addDays("period_start", "-1")} AS day`,
        `FROM periods`,
        `UNION ALL`,
        `SELECT MAX(p.j) + 1 AS j, MAX(a.as_of) AS day`,
        `FROM periods AS p`,
        `CROSS JOIN as_of AS a`,
      ]),
      cte("active", [
        `SELECT DISTINCT c.customer_id, b.j`,
        `FROM counted AS c`,
        `JOIN boundaries AS b ON c.order_date <= b.day AND c.order_date > ${d.addDays("b.day", `-${activeDays}`)}`,
      ]),
      cte("active_counts", [`SELECT j, COUNT(*) AS n`, `FROM active`, `GROUP BY j`]),
      cte("retained_counts", [
        `SELECT s.j, COUNT(*) AS n`,
        `FROM active AS s`,
        `JOIN active AS e ON e.customer_id = s.customer_id AND e.j = s.j + 1`,
        `GROUP BY s.j`,
      ]),
      cte("first_periods", [`SELECT customer_id, ${periodIndexSql(d, period, "MIN(order_date)")} AS period`, `FROM counted`, `GROUP BY customer_id`]),
      cte("new_counts", [`SELECT period, COUNT(*) AS n`, `FROM first_periods`, `GROUP BY period`]),
    ],
    [
      `SELECT`,
      `  p.period_start,`,
      `  ${n("cs")} AS customers_start,`,
      `  ${n("nc")} AS new_customers,`,
      `  ${n("ce")} - ${n("r")} - ${n("nc")} AS reactivated,`,
      `  ${n("ce")} AS customers_end,`,
      `  ${n("r")} AS retained,`,
      `  CASE WHEN ${n("cs")} > 0 THEN ${divide(d, n("r"), n("cs"))} END AS retention,`,
      `  ${n("cs")} - ${n("r")} AS lost`,
      `FROM periods AS p`,
      `LEFT JOIN active_counts AS cs ON cs.j = p.j`,
      `LEFT JOIN active_counts AS ce ON ce.j = p.j + 1`,
      `LEFT JOIN retained_counts AS r ON r.j = p.j`,
      `LEFT JOIN new_counts AS nc ON nc.period = p.period`,
      `ORDER BY p.period_start`,
    ].join("\n"),
  );
}
