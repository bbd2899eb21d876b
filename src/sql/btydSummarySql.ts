/**
 * The BTYD summary as SQL, as BTYDSUMMARY computes it (btydSummary.ts; Fader, Hardie & Lee 2005 §2):
 * purchases are distinct order days up to as_of (same-day orders are one purchase, amounts summed), and
 *   x = purchases − 1, t_x = (last − first purchase day) / u, T = (as_of − first purchase day) / u,
 *   average_spend = Σ value of purchases 2 … x + 1 / x (0 when x = 0),
 * with u = 1, 7 or 30.4375 days per unit, divided in double precision. The integer day counts
 * t_x_days and T_days are the keys: group and join on them, never on the converted floats.
 * Three shapes:
 *   "customers" — one row per customer (with average_spend and orders_without_amount when amounts are given);
 *   "grouped"   — one row per distinct (x, t_x_days, T_days) with the number of customers, ready for
 *                 =LOYALTY.BGNBDFIT(x, t_x, T, customers): tens of millions of orders become a few
 *                 hundred thousand rows or fewer;
 *   "spend"     — one row per repeat buyer (x > 0) with x and average_spend, for GAMMAGAMMAFIT
 *                 (spend is continuous, so these rows are not grouped).
 * Example: CDNOW customer 1 (1997-01-01, -01-18, -08-02; as_of 1997-09-30, weeks) → x 2,
 * t_x 213/7 = 30.43, T 272/7 = 38.86, average_spend (29.73 + 14.96)/2 = 22.345.
 * Cost: one GROUP BY on (customer, day) and one on customer in the engine.
 */
import { DAYS_PER_UNIT, TimeUnit } from "../analytics/orders/timeUnit";
import { Dialect, doubleLiteral } from "./dialect";
import { SqlInputError } from "./identifiers";
import { OrderSource, hasAmount, header, orderCtes } from "./orderSource";
import { cte, statement } from "./statement";

export type BtydShape = "customers" | "grouped" | "spend";

export type BtydSummaryRequest = {
  readonly source: OrderSource;
  readonly asOf: string | null;
  readonly unit?: TimeUnit;
  readonly shape?: BtydShape;
};

export function checkUnit(unit: string): TimeUnit {
  if (unit !== "day" && unit !== "week" && unit !== "month") throw new SqlInputError("Time unit", `Time unit: expected day, week or month, found "${unit}"`);
  return unit;
}

/** days / u in double precision; the day count itself (as a double) for days. */
export function inUnit(d: Dialect, days: string, unit: TimeUnit): string {
  return unit === "day" ? d.double(days) : `${d.double(days)} / ${doubleLiteral(d, DAYS_PER_UNIT[unit])}`;
}

/**
 * The `purchases` and `histories` CTEs (customer_id, x, t_x_days, T_days[, repeat_value, orders_without_amount]).
 * `first_purchases` only where the repeat value needs it: a CTE read twice is materialised
 * (DuckDB keeps all ~orders rows of `purchases` in memory), one read once streams.
 */
export function historyCtes(d: Dialect, withAmount: boolean): string[] {
  const T = d.quotePart("T_days");
  return [
    cte("purchases", [
      `SELECT`,
      `  o.customer_id,`,
      `  o.order_date${withAmount ? "," : ""}`,
      ...(withAmount ? [`  SUM(o.amount) AS value,`, `  COUNT(*) - COUNT(o.amount) AS without_amount`] : []),
      `FROM orders AS o`,
      `CROSS JOIN as_of AS a`,
      `WHERE o.order_date <= a.as_of`,
      `GROUP BY o.customer_id, o.order_date`,
    ]),
    ...(withAmount ? [cte("first_purchases", [`SELECT customer_id, MIN(order_date) AS first_day`, `FROM purchases`, `GROUP BY customer_id`])] : []),
    cte("histories", [
      `SELECT`,
      `  p.customer_id,`,
      `  COUNT(*) - 1 AS x,`,
      `  ${d.daysBetween("MIN(p.order_date)", "MAX(p.order_date)")} AS t_x_days,`,
      `  ${d.daysBetween("MIN(p.order_date)", "MAX(a.as_of)")} AS ${T}${withAmount ? "," : ""}`,
      ...(withAmount
        ? [`  SUM(CASE WHEN p.order_date > f.first_day THEN p.value END) AS repeat_value,`, `  SUM(p.without_amount) AS orders_without_amount`]
        : []),
      `FROM purchases AS p`,
      ...(withAmount ? [`JOIN first_purchases AS f ON f.customer_id = p.customer_id`] : []),
      `CROSS JOIN as_of AS a`,
      `GROUP BY p.customer_id`,
    ]),
  ];
}

export const btydDefinition = (unit: TimeUnit): string[] => [
  `BTYD summary, as LOYALTY.BTYDSUMMARY (Fader, Hardie & Lee 2005): purchases = distinct order days,`,
  `x = purchases - 1, t_x = (last - first purchase) / u, T = (as_of - first purchase) / u, u = ${DAYS_PER_UNIT[unit]} day(s) (${unit}).`,
  `t_x_days and T_days are whole days: key and join on them, never on the converted t_x and T.`,
];

export function btydSummarySql(d: Dialect, { source, asOf, unit = "week", shape = "customers" }: BtydSummaryRequest): string {
  checkUnit(unit);
  const T = d.quotePart("T");
  const Tdays = d.quotePart("T_days");
  if (shape === "grouped") {
    return statement(
      header(d, "BTYD summary, grouped", [
        ...btydDefinition(unit),
        `Grouped: one row per distinct (x, t_x_days, T_days) with the number of customers, for`,
        `=LOYALTY.BGNBDFIT(x, t_x, T, customers) (the weights argument).`,
      ]),
      [orderCtes(d, source, asOf, false), ...historyCtes(d, false)],
      [
        `SELECT`,
        `  x,`,
        `  t_x_days,`,
        `  ${Tdays},`,
        `  ${inUnit(d, "t_x_days", unit)} AS t_x,`,
        `  ${inUnit(d, Tdays, unit)} AS ${T},`,
        `  COUNT(*) AS customers`,
        `FROM histories`,
        `GROUP BY x, t_x_days, ${Tdays}`,
        `ORDER BY x, t_x_days, ${Tdays}`,
      ].join("\n"),
    );
  }
  if (shape === "spend" && !hasAmount(source)) throw new SqlInputError("Amount column", "Amount column: the spend rows need the order amounts; give the amount column");
  const withAmount = hasAmount(source);
  const spend = `CASE WHEN orders_without_amount > 0 THEN NULL WHEN x = 0 THEN 0 ELSE ${d.double("repeat_value")} / ${d.double("x")} END`;
  if (shape === "spend") {
    return statement(
      header(d, "BTYD repeat buyers' spend", [
        ...btydDefinition(unit),
        `Spend rows: one row per repeat buyer (x > 0) with average_spend = mean value of purchases 2 ... x + 1,`,
        `for =LOYALTY.GAMMAGAMMAFIT(x, average_spend). Customers with a missing amount are left out.`,
      ]),
      [orderCtes(d, source, asOf, true), ...historyCtes(d, true)],
      [`SELECT`, `  customer_id AS customer,`, `  x,`, `  ${spend} AS average_spend`, `FROM histories`, `WHERE x > 0`, `  AND orders_without_amount = 0`, `ORDER BY customer`].join("\n"),
    );
  }
  return statement(
    header(d, "BTYD summary", [
      ...btydDefinition(unit),
      ...(withAmount ? [`average_spend = mean value of purchases 2 ... x + 1 (0 when x = 0); NULL where orders_without_amount > 0.`] : []),
    ]),
    [orderCtes(d, source, asOf, withAmount), ...historyCtes(d, withAmount)],
    [
      `SELECT`,
      `  customer_id AS customer,`,
      `  x,`,
      `  ${inUnit(d, "t_x_days", unit)} AS t_x,`,
      `  ${inUnit(d, Tdays, unit)} AS ${T},`,
      ...(withAmount ? [`  ${spend} AS average_spend,`, `  orders_without_amount,`] : []),
      `  t_x_days,`,
      `  ${Tdays}`,
      `FROM histories`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}
