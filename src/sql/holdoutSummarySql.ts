/**
 * The calibration/holdout summary as SQL, as HOLDOUTSUMMARY computes it (holdoutSummary.ts; Fader,
 * Hardie & Lee 2005 §4). Purchases are distinct order days up to holdout_end; per customer whose first
 * purchase is on or before calibration_end (later first-timers are left out):
 *   x, t_x, T         as BTYDSUMMARY from the purchases on or before calibration_end (T up to it);
 *   x_holdout         = purchases in (calibration_end, holdout_end];
 *   holdout_length    = (holdout_end − calibration_end) / u.
 * "grouped" gives one row per distinct (x, t_x_days, T_days, x_holdout) with the number of
 * customers, so "Check the model" can run on warehouse data.
 * Example: A buys on days 0, 10, 10, 30, 50; calibration_end day 20, holdout_end day 60, days →
 * x 1, t_x 10, T 20, x_holdout 2, holdout_length 40.
 * Cost: one GROUP BY on (customer, day) and one on customer in the engine.
 */
import { TimeUnit } from "../analytics/orders/timeUnit";
import { checkUnit, inUnit } from "./btydSummarySql";
import { Dialect } from "./dialect";
import { SqlInputError } from "./identifiers";
import { OrderSource, checkIsoDate, header, orderCtes } from "./orderSource";
import { cte, statement } from "./statement";

export type HoldoutSummaryRequest = {
  readonly source: OrderSource;
  readonly calibrationEnd: string;
  readonly holdoutEnd: string;
  readonly unit?: TimeUnit;
  readonly grouped?: boolean;
};

export function holdoutSummarySql(d: Dialect, { source, calibrationEnd, holdoutEnd, unit = "week", grouped = false }: HoldoutSummaryRequest): string {
  checkUnit(unit);
  checkIsoDate("Calibration end", calibrationEnd);
  checkIsoDate("Holdout end", holdoutEnd);
  if (!(holdoutEnd > calibrationEnd)) {
    throw new SqlInputError("Holdout end", `Holdout end (${holdoutEnd}) must come after the calibration end (${calibrationEnd}); the holdout is the period between them`);
  }
  const cal = d.dateLiteral(calibrationEnd);
  const T = d.quotePart("T");
  const Tdays = d.quotePart("T_days");
  const holdoutLength = inUnit(d, d.daysBetween(cal, d.dateLiteral(holdoutEnd)), unit);
  const ctes = [
    orderCtes(d, source, holdoutEnd, false),
    cte("purchases", [`SELECT DISTINCT o.customer_id, o.order_date`, `FROM orders AS o`, `CROSS JOIN as_of AS a`, `WHERE o.order_date <= a.as_of`]),
    cte("histories", [
      `SELECT`,
      `  customer_id,`,
      `  SUM(CASE WHEN order_date <= ${cal} THEN 1 ELSE 0 END) - 1 AS x,`,
      `  ${d.daysBetween("MIN(order_date)", `MAX(CASE WHEN order_date <= ${cal} THEN order_date END)`)} AS t_x_days,`,
      `  ${d.daysBetween("MIN(order_date)", cal)} AS ${Tdays},`,
      `  SUM(CASE WHEN order_date > ${cal} THEN 1 ELSE 0 END) AS x_holdout`,
      `FROM purchases`,
      `GROUP BY customer_id`,
      `HAVING MIN(order_date) <= ${cal}`,
    ]),
  ];
  const definition = [
    `Calibration/holdout summary, as LOYALTY.HOLDOUTSUMMARY (Fader, Hardie & Lee 2005 section 4): x, t_x, T`,
    `from the purchase days on or before ${calibrationEnd}; x_holdout = purchase days after it, up to ${holdoutEnd};`,
    `customers whose first order falls in the holdout are left out. Time unit: ${unit}.`,
  ];
  if (grouped) {
    return statement(
      header(d, "Calibration/holdout summary, grouped", [...definition, `Grouped: one row per distinct (x, t_x_days, T_days, x_holdout) with the number of customers.`]),
      ctes,
      [
        `SELECT`,
        `  x,`,
        `  t_x_days,`,
        `  ${Tdays},`,
        `  x_holdout,`,
        `  ${inUnit(d, "t_x_days", unit)} AS t_x,`,
        `  ${inUnit(d, Tdays, unit)} AS ${T},`,
        `  ${holdoutLength} AS holdout_length,`,
        `  COUNT(*) AS customers`,
        `FROM histories`,
        `GROUP BY x, t_x_days, ${Tdays}, x_holdout`,
        `ORDER BY x, t_x_days, ${Tdays}, x_holdout`,
      ].join("\n"),
    );
  }
  return statement(
    header(d, "Calibration/holdout summary", definition),
    ctes,
    [
      `SELECT`,
      `  customer_id AS customer,`,
      `  x,`,
      `  ${inUnit(d, "t_x_days", unit)} AS t_x,`,
      `  ${inUnit(d, Tdays, unit)} AS ${T},`,
      `  x_holdout,`,
      `  ${holdoutLength} AS holdout_length,`,
      `  t_x_days,`,
      `  ${Tdays}`,
      `FROM histories`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}
