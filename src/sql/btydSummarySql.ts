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
 * With `wholePeriods` (weeks or months, BTYDSUMMARY's whole_periods): purchases are distinct calendar
 * weeks (Monday to Sunday) or months and t_x, T whole numbers of them (period indices from
 * calendarPeriodsSql.ts), so the grouped form has far fewer rows; t_x and T are then the keys.
 * Example: CDNOW customer 1 (1997-01-01, -01-18, -08-02; as_of 1997-09-30, weeks) → x 2,
 * t_x 213/7 = 30.43, T 272/7 = 38.86, average_spend (29.73 + 14.96)/2 = 22.345; in whole weeks
 * x 2, t_x 30, T 39.
 * Cost: one GROUP BY on (customer, day) and one on customer in the engine.
 */
import { DAYS_PER_UNIT, TimeUnit } from "../analytics/orders/timeUnit";
import { PeriodKind } from "../analytics/orders/calendarPeriods";
import { periodIndexSql } from "./calendarPeriodsSql";
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
  /** Weeks or months as whole calendar periods (BTYDSUMMARY's whole_periods); ignored for days. */
  readonly wholePeriods?: boolean;
};

export function checkUnit(unit: string): TimeUnit {
  if (unit !== "day" && unit !== "week" && unit !== "month") throw new SqlInputError("Time unit", `Time unit: expected day, week or month, found "${unit}"`);
  return unit;
}

/** days / u in double precision; the day count itself (as a double) for days. */
export function inUnit(d: Dialect, days: string, unit: TimeUnit): string {
  return unit === "day" ? d.double(days) : `${d.double(days)} / ${doubleLiteral(d, DAYS_PER_UNIT[unit])}`;
}

/** The history columns' names: whole days (the join keys), or whole periods with `wholePeriods`. */
type HistoryKeys = { readonly tx: string; readonly T: string };
const DAY_KEYS: HistoryKeys = { tx: "t_x_days", T: "T_days" };
const PERIOD_KEYS: HistoryKeys = { tx: "t_x_periods", T: "T_periods" };

/**
 * The `purchases` and `histories` CTEs (customer_id, x, t_x_days, T_days[, repeat_value, orders_without_amount]);
 * with `periods` (week or month) purchases are distinct periods and the times t_x_periods, T_periods whole periods.
 * `first_purchases` only where the repeat value needs it: a CTE read twice is materialised
 * (DuckDB keeps all ~orders rows of `purchases` in memory), one read once streams.
 */
export function historyCtes(d: Dialect, withAmount: boolean, periods: PeriodKind | null = null): string[] {
  const keys = periods ? PERIOD_KEYS : DAY_KEYS;
  const T = d.quotePart(keys.T);
  const when = periods ? "period_index" : "order_date";
  const purchaseKey = periods ? periodIndexSql(d, periods, "o.order_date") : "o.order_date";
  const span = (from: string, to: string): string => (periods ? `${to} - ${from}` : d.daysBetween(from, to));
  const asOfKey = periods ? periodIndexSql(d, periods, "a.as_of") : "a.as_of";
  return [
    cte("purchases", [
      `SELECT`,
      `  o.customer_id,`,
      `  ${periods ? `${purchaseKey} AS ${when}` : "o.order_date"}${withAmount ? "," : ""}`,
      ...(withAmount ? [`  SUM(o.amount) AS value,`, `  COUNT(*) - COUNT(o.amount) AS without_amount`] : []),
      `FROM orders AS o`,
      `CROSS JOIN as_of AS a`,
      `WHERE o.order_date <= a.as_of`,
      `GROUP BY o.customer_id, ${purchaseKey}`,
    ]),
    ...(withAmount ? [cte("first_purchases", [`SELECT customer_id, MIN(${when}) AS first_key`, `FROM purchases`, `GROUP BY customer_id`])] : []),
    cte("histories", [
      `SELECT`,
      `  p.customer_id,`,
      `  COUNT(*) - 1 AS x,`,
      `  ${span(`MIN(p.${when})`, `MAX(p.${when})`)} AS ${keys.tx},`,
      `  ${span(`MIN(p.${when})`, `MAX(${asOfKey})`)} AS ${T}${withAmount ? "," : ""}`,
      ...(withAmount
        ? [`  SUM(CASE WHEN p.${when} > f.first_key THEN p.value END) AS repeat_value,`, `  SUM(p.without_amount) AS orders_without_amount`]
        : []),
      `FROM purchases AS p`,
      ...(withAmount ? [`JOIN first_purchases AS f ON f.customer_id = p.customer_id`] : []),
      `CROSS JOIN as_of AS a`,
      `GROUP BY p.customer_id`,
    ]),
  ];
}

export const btydDefinition = (unit: TimeUnit, periods: PeriodKind | null = null): string[] =>
  periods
    ? [
        `BTYD summary in whole periods, as LOYALTY.BTYDSUMMARY(..., "${unit}", TRUE): purchases = distinct calendar ${unit}s`,
        `(${periods === "week" ? "Monday to Sunday, whatever the engine's week setting" : "year * 12 + month"}), amounts summed; x = purchases - 1,`,
        `t_x = last - first purchase period, T = as_of's period - first purchase period, in whole ${unit}s (as lifetimes' freq).`,
        `Orders after the as-of date are left out, also within its own ${unit}. t_x and T are whole numbers: key and join on them.`,
      ]
    : [
        `BTYD summary, as LOYALTY.BTYDSUMMARY (Fader, Hardie & Lee 2005): purchases = distinct order days,`,
        `x = purchases - 1, t_x = (last - first purchase) / u, T = (as_of - first purchase) / u, u = ${DAYS_PER_UNIT[unit]} day(s) (${unit}).`,
        `t_x_days and T_days are whole days: key and join on them, never on the converted t_x and T.`,
      ];

export function btydSummarySql(d: Dialect, request: BtydSummaryRequest): string {
  const unit = checkUnit(request.unit ?? "week");
  return request.wholePeriods && unit !== "day" ? periodSummarySql(d, request, unit) : daySummarySql(d, request, unit);
}

function daySummarySql(d: Dialect, { source, asOf, shape = "customers" }: BtydSummaryRequest, unit: TimeUnit): string {
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
  const withAmount = spendShape(source, shape);
  if (shape === "spend") return spendSql(d, source, asOf, unit, null);
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
      ...(withAmount ? [`  ${averageSpend(d)} AS average_spend,`, `  orders_without_amount,`] : []),
      `  t_x_days,`,
      `  ${Tdays}`,
      `FROM histories`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}

/** BTYDSUMMARY(..., unit, TRUE) as SQL: purchases in whole calendar weeks or months, t_x and T whole periods. */
function periodSummarySql(d: Dialect, { source, asOf, shape = "customers" }: BtydSummaryRequest, unit: "week" | "month"): string {
  const T = d.quotePart("T");
  const Tperiods = d.quotePart(PERIOD_KEYS.T);
  const definition = btydDefinition(unit, unit);
  if (shape === "grouped") {
    return statement(
      header(d, `BTYD summary in whole ${unit}s, grouped`, [
        ...definition,
        `Grouped: one row per distinct (x, t_x, T) with the number of customers, for`,
        `=LOYALTY.BGNBDFIT(x, t_x, T, customers) (the weights argument).`,
      ]),
      [orderCtes(d, source, asOf, false), ...historyCtes(d, false, unit)],
      [
        `SELECT`,
        `  x,`,
        `  ${PERIOD_KEYS.tx} AS t_x,`,
        `  ${Tperiods} AS ${T},`,
        `  COUNT(*) AS customers`,
        `FROM histories`,
        `GROUP BY x, ${PERIOD_KEYS.tx}, ${Tperiods}`,
        `ORDER BY x, t_x, ${T}`,
      ].join("\n"),
    );
  }
  const withAmount = spendShape(source, shape);
  if (shape === "spend") return spendSql(d, source, asOf, unit, unit);
  return statement(
    header(d, `BTYD summary in whole ${unit}s`, [
      ...definition,
      ...(withAmount ? [`average_spend = mean value of purchases 2 ... x + 1 (0 when x = 0); NULL where orders_without_amount > 0.`] : []),
    ]),
    [orderCtes(d, source, asOf, withAmount), ...historyCtes(d, withAmount, unit)],
    [
      `SELECT`,
      `  customer_id AS customer,`,
      `  x,`,
      `  ${PERIOD_KEYS.tx} AS t_x,`,
      `  ${Tperiods} AS ${T}${withAmount ? "," : ""}`,
      ...(withAmount ? [`  ${averageSpend(d)} AS average_spend,`, `  orders_without_amount`] : []),
      `FROM histories`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}

/** Whether the shape reads amounts; the spend rows refuse a source without them. */
function spendShape(source: OrderSource, shape: BtydShape): boolean {
  if (shape === "spend" && !hasAmount(source)) throw new SqlInputError("Amount column", "Amount column: the spend rows need the order amounts; give the amount column");
  return hasAmount(source);
}

const averageSpend = (d: Dialect): string =>
  `CASE WHEN orders_without_amount > 0 THEN NULL WHEN x = 0 THEN 0 ELSE ${d.double("repeat_value")} / ${d.double("x")} END`;

/** The repeat buyers' (x, average_spend) rows for GAMMAGAMMAFIT, in days or whole periods. */
function spendSql(d: Dialect, source: OrderSource, asOf: string | null, unit: TimeUnit, periods: PeriodKind | null): string {
  return statement(
    header(d, "BTYD repeat buyers' spend", [
      ...btydDefinition(unit, periods),
      `Spend rows: one row per repeat buyer (x > 0) with average_spend = mean value of purchases 2 ... x + 1,`,
      `for =LOYALTY.GAMMAGAMMAFIT(x, average_spend). Customers with a missing amount are left out.`,
    ]),
    [orderCtes(d, source, asOf, true), ...historyCtes(d, true, periods)],
    [`SELECT`, `  customer_id AS customer,`, `  x,`, `  ${averageSpend(d)} AS average_spend`, `FROM histories`, `WHERE x > 0`, `  AND orders_without_amount = 0`, `ORDER BY customer`].join("\n"),
  );
}
