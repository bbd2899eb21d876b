/**
 * RFM scores as SQL, digit for digit as RFMSCORE computes them (rfmScores.ts; rsquaredacademy/rfm):
 * for each of recency (days), frequency (orders) and monetary (revenue) over the customers with a value,
 *   p_k = k × (1/bins), k = 1 … bins − 1, written as 17-digit doubles computed here, as the core does;
 *   x[1] ≤ … ≤ x[n] numbered with ROW_NUMBER(), index = 1 + (n − 1)·p_k, lo = ⌊index⌋, hi = ⌈index⌉,
 *   q_k = x[lo] when index = lo or x[hi] = x[lo], else (1 − h)·x[lo] + h·x[hi], h = index − lo (R type 7);
 *   breaks b_k = q_k + 1 ("rfm") or q_k ("quantile"); intervals [min, b_1) [b_1, b_2) … [b_{bins−1}, max + 1);
 *   digit = the highest interval holding the value (ties therefore share a digit); recency reversed.
 * NTILE (it splits ties) and percentile_cont / quantile_cont (lo + (hi − lo)·h, which differs from R in
 * the last bit and flips whole groups of tied values at a break point) are not used, nor APPROX_*.
 * A customer with orders_without_amount > 0 has no monetary value: M digit 0 and no score, as in the cells.
 * Example (frequency, 5 bins): orders 1 1 1 2 2 3 4 5 8 12 → digits 1 1 1 2 2 3 3 4 5 5 (rfmScores.ts).
 * Cost: three sorts of the customers (window ROW_NUMBER) in the engine.
 */
import { RFM_DEFAULT_BINS, RfmMethod, checkBins } from "../analytics/rfm/rfmScores";
import { seqProbabilities } from "../analytics/numeric/quantileSorted";
import { Dialect, doubleLiteral } from "./dialect";
import { SqlInputError } from "./identifiers";
import { OrderSource, header, orderCtes } from "./orderSource";
import { RFM_TABLE_DEFINITION, rfmTableCte } from "./rfmTableSql";
import { cte, statement } from "./statement";

export type RfmScoresRequest = {
  readonly source: OrderSource;
  readonly asOf: string | null;
  readonly bins?: number;
  readonly method?: RfmMethod;
};

const COLUMNS = ["recency", "frequency", "monetary"] as const;

/** Checks bins and method, with the pane's field names. */
export function checkRfmOptions(bins: number, method: string): void {
  try {
    checkBins(bins);
  } catch {
    throw new SqlInputError("Bins", `Bins: expected a whole number from 2 to 9, found ${bins}`);
  }
  if (method !== "rfm" && method !== "quantile") throw new SqlInputError("Method", `Method: expected "rfm" or "quantile", found "${method}"`);
}

/** The CTEs from rfm_table to `rfm_digits` (customer_id, recency_days, orders, revenue, r, f, m, score). */
export function rfmDigitCtes(d: Dialect, bins: number, method: RfmMethod): string[] {
  checkRfmOptions(bins, method);
  const probabilities = Array.from(seqProbabilities(bins));
  const shift = method === "rfm" ? " + 1" : "";
  const ctes: string[] = [
    cte("rfm_values", [
      `SELECT`,
      `  customer_id,`,
      `  recency_days,`,
      `  orders,`,
      `  revenue,`,
      `  ${d.double("recency_days")} AS recency,`,
      `  ${d.double("orders")} AS frequency,`,
      `  CASE WHEN orders_without_amount = 0 THEN ${d.double("revenue")} END AS monetary`,
      `FROM rfm_table`,
    ]),
    cte(
      "probabilities",
      probabilities.map((p, i) => `${i === 0 ? "SELECT" : "UNION ALL SELECT"} ${i + 1} AS k, ${doubleLiteral(d, p)} AS p`),
    ),
  ];
  for (const c of COLUMNS) {
    ctes.push(
      cte(`${c}_sorted`, [`SELECT ${c} AS v, ROW_NUMBER() OVER (ORDER BY ${c}) AS i`, `FROM rfm_values`, `WHERE ${c} IS NOT NULL`]),
      cte(`${c}_positions`, [
        `SELECT p.k, 1 + ${d.double("s.n - 1")} * p.p AS idx`,
        `FROM probabilities AS p`,
        `CROSS JOIN (SELECT COUNT(*) AS n FROM ${c}_sorted) AS s`,
        `WHERE s.n > 0`,
      ]),
      cte(`${c}_quantiles`, [
        `SELECT`,
        `  q.k,`,
        `  CASE`,
        `    WHEN q.idx > FLOOR(q.idx) AND hi.v <> lo.v`,
        `    THEN (1 - (q.idx - FLOOR(q.idx))) * lo.v + (q.idx - FLOOR(q.idx)) * hi.v`,
        `    ELSE lo.v`,
        `  END AS q`,
        `FROM ${c}_positions AS q`,
        `JOIN ${c}_sorted AS lo ON lo.i = FLOOR(q.idx)`,
        `JOIN ${c}_sorted AS hi ON hi.i = CEIL(q.idx)`,
      ]),
      cte(`${c}_breaks`, [
        `SELECT`,
        `  (SELECT MIN(v) FROM ${c}_sorted) AS b0,`,
        ...probabilities.map((_, k) => `  MAX(CASE WHEN k = ${k + 1} THEN q END)${shift} AS b${k + 1},`),
        `  (SELECT MAX(v) FROM ${c}_sorted) + 1 AS top`,
        `FROM ${c}_quantiles`,
      ]),
    );
  }
  const digit = (c: (typeof COLUMNS)[number], alias: string, reversed: boolean): string[] => {
    const bound = (k: number) => (k === bins ? `${alias}.top` : `${alias}.b${k}`);
    const lines = [`CASE`];
    for (let k = bins - 1; k >= 0; k--) {
      lines.push(`  WHEN v.${c} >= ${bound(k)} AND v.${c} < ${bound(k + 1)} THEN ${reversed ? bins - k : k + 1}`);
    }
    lines.push(`  ELSE 0`, `END`);
    return lines;
  };
  const indent = (lines: string[]) => lines.map((l) => `  ${l}`);
  ctes.push(
    cte("rfm_digits_only", [
      `SELECT`,
      `  v.customer_id,`,
      `  v.recency_days,`,
      `  v.orders,`,
      `  v.revenue,`,
      ...indent(digit("recency", "rb", true)).map((l, i, all) => (i === all.length - 1 ? `${l} AS r,` : l)),
      ...indent(digit("frequency", "fb", false)).map((l, i, all) => (i === all.length - 1 ? `${l} AS f,` : l)),
      ...indent(digit("monetary", "mb", false)).map((l, i, all) => (i === all.length - 1 ? `${l} AS m` : l)),
      `FROM rfm_values AS v`,
      `CROSS JOIN recency_breaks AS rb`,
      `CROSS JOIN frequency_breaks AS fb`,
      `CROSS JOIN monetary_breaks AS mb`,
    ]),
    cte("rfm_digits", [
      `SELECT`,
      `  customer_id, recency_days, orders, revenue, r, f, m,`,
      `  CASE WHEN r = 0 OR f = 0 OR m = 0 THEN NULL ELSE r * 100 + f * 10 + m END AS score`,
      `FROM rfm_digits_only`,
    ]),
  );
  return ctes;
}

export const rfmScoreDefinition = (bins: number, method: RfmMethod): string[] => [
  `RFM scores, as LOYALTY.RFMSCORE with bins ${bins} and method "${method}" (rsquaredacademy/rfm): R type-7`,
  `quantiles at p_k = k * (1/${bins}) computed from ROW_NUMBER() positions, breaks ${method === "rfm" ? "q_k + 1" : "q_k"}, intervals`,
  `[lower, upper), ties share a digit, recency reversed; digit 0 and score NULL where a value is missing.`,
];

export function rfmScoresSql(d: Dialect, { source, asOf, bins = RFM_DEFAULT_BINS, method = "rfm" }: RfmScoresRequest): string {
  return statement(
    header(d, "RFM scores", [...rfmScoreDefinition(bins, method), ...RFM_TABLE_DEFINITION]),
    [orderCtes(d, source, asOf, true), rfmTableCte(d), ...rfmDigitCtes(d, bins, method)],
    [`SELECT`, `  customer_id AS customer,`, `  recency_days,`, `  orders,`, `  revenue,`, `  r,`, `  f,`, `  m,`, `  score`, `FROM rfm_digits`, `ORDER BY customer`].join("\n"),
  );
}
