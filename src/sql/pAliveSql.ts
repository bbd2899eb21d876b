/**
 * Scoring in the database from fitted BG/NBD parameters: P(alive) per customer in closed form
 * (Fader, Hardie & Lee 2005, eq. 13; bgnbdPredictions.ts), so a base of millions is scored where it lives:
 *   P(alive | x, t_x, T) = 1 / (1 + exp(z)),  z = ln(a / (b + x − 1)) + (r + x)·ln((α + T) / (α + t_x))
 * for x > 0, and P = 1 at x = 0. z is clipped to [−700, 700] so that no engine overflows
 * (PostgreSQL raises an error on exp(710)); beyond that P is below 1e−304 or 1 to the last bit.
 * This closed form is BG/NBD's only: expected purchases and CLV need the hypergeometric series and
 * lgamma, which PostgreSQL 15, BigQuery, Snowflake and Spark SQL lack (see clvGroupsSql.ts).
 * Example: CDNOW fit (r 0.2426, α 4.4135, a 0.7929, b 2.4258), x 2, t_x 30.43, T 38.86 → 0.7266.
 * Cost: the BTYD summary plus O(1) per customer.
 */
import { BgnbdParams } from "../analytics/btyd/bgnbdLogLikelihood";
import { bgnbdParamsError } from "../analytics/btyd/bgnbdPredictions";
import { TimeUnit } from "../analytics/orders/timeUnit";
import { btydDefinition, checkUnit, historyCtes, inUnit } from "./btydSummarySql";
import { Dialect, doubleLiteral } from "./dialect";
import { SqlInputError } from "./identifiers";
import { OrderSource, header, orderCtes } from "./orderSource";
import { cte, statement } from "./statement";

export type PAliveRequest = {
  readonly source: OrderSource;
  readonly asOf: string | null;
  readonly unit?: TimeUnit;
  /** Fitted in the same time unit. */
  readonly params: BgnbdParams;
};

export const Z_CLIP = 700;

export function pAliveSql(d: Dialect, { source, asOf, unit = "week", params }: PAliveRequest): string {
  checkUnit(unit);
  const problem = bgnbdParamsError(params);
  if (problem) throw new SqlInputError("BG/NBD parameters", `BG/NBD parameters: ${problem}`);
  const [r, alpha, a, b] = [params.r, params.alpha, params.a, params.b].map((v) => doubleLiteral(d, v));
  const T = d.quotePart("T");
  const x = d.double("x");
  return statement(
    header(d, "BG/NBD P(alive)", [
      `P(alive), BG/NBD (Fader, Hardie & Lee 2005, eq. 13), as LOYALTY.PALIVE: 1 / (1 + exp(z)) with`,
      `z = ln(a / (b + x - 1)) + (r + x) * ln((alpha + T) / (alpha + t_x)) for x > 0, clipped to +-${Z_CLIP}; 1 at x = 0.`,
      `Parameters r ${params.r}, alpha ${params.alpha}, a ${params.a}, b ${params.b}, fitted in ${unit}s.`,
      ...btydDefinition(unit),
    ]),
    [
      orderCtes(d, source, asOf, false),
      ...historyCtes(d, false),
      cte("summary", [
        `SELECT`,
        `  customer_id,`,
        `  x,`,
        `  ${inUnit(d, "t_x_days", unit)} AS t_x,`,
        `  ${inUnit(d, d.quotePart("T_days"), unit)} AS ${T}`,
        `FROM histories`,
      ]),
      cte("log_odds", [
        `SELECT`,
        `  customer_id,`,
        `  x,`,
        `  t_x,`,
        `  ${T},`,
        `  CASE WHEN x > 0`,
        `    THEN LN(${a} / (${b} + ${x} - 1)) + (${r} + ${x}) * LN((${alpha} + ${T}) / (${alpha} + t_x))`,
        `  END AS z`,
        `FROM summary`,
      ]),
    ],
    [
      `SELECT`,
      `  customer_id AS customer,`,
      `  x,`,
      `  t_x,`,
      `  ${T},`,
      `  CASE WHEN x = 0 THEN ${doubleLiteral(d, 1)} ELSE 1 / (1 + EXP(LEAST(GREATEST(z, -${Z_CLIP}), ${Z_CLIP}))) END AS p_alive`,
      `FROM log_odds`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}
