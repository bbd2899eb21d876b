/**
 * The RFM table as SQL, as RFMTABLE computes it (rfmTable.ts; rsquaredacademy/rfm `rfm_table_order`):
 * per customer over the orders with date ≤ as_of,
 *   first_order = MIN(date), last_order = MAX(date), orders = COUNT(*), revenue = SUM(amount),
 *   recency_days = as_of − last_order (whole days), orders_without_amount = COUNT(*) − COUNT(amount).
 * Every order row counts (two orders on one day are two). A customer whose orders all come after
 * as_of is not in the table. In the cells a blank amount makes that customer an error; here the
 * customer keeps a row and orders_without_amount says how many amounts are missing (revenue then
 * sums the known ones only; do not use it).
 * Example: (A, 2023-03-15, 10), (B, 2023-03-17, 5), (A, 2023-03-25, 20), (B, 2023-04-04, 7), as_of
 * 2023-03-30 → A: 2 orders, revenue 30, recency 5; B: 1 order, revenue 5, recency 13.
 * Cost: one scan and one GROUP BY in the engine.
 */
import { Dialect } from "./dialect";
import { OrderSource, header, orderCtes } from "./orderSource";
import { cte, statement } from "./statement";

export type RfmTableRequest = { readonly source: OrderSource; readonly asOf: string | null };

/** The `rfm_table` CTE over `orders` and `as_of`. */
export function rfmTableCte(d: Dialect): string {
  return cte("rfm_table", [
    `SELECT`,
    `  o.customer_id,`,
    `  MIN(o.order_date) AS first_order,`,
    `  MAX(o.order_date) AS last_order,`,
    `  COUNT(*) AS orders,`,
    `  SUM(o.amount) AS revenue,`,
    `  ${d.daysBetween("MAX(o.order_date)", "MAX(a.as_of)")} AS recency_days,`,
    `  COUNT(*) - COUNT(o.amount) AS orders_without_amount`,
    `FROM orders AS o`,
    `CROSS JOIN as_of AS a`,
    `WHERE o.order_date <= a.as_of`,
    `GROUP BY o.customer_id`,
  ]);
}

export const RFM_TABLE_DEFINITION = [
  `RFM table, as LOYALTY.RFMTABLE (rsquaredacademy/rfm rfm_table_order): one row per customer with`,
  `first and last order, orders (every row counts), revenue and recency days = as_of - last order.`,
  `orders_without_amount > 0 marks a customer whose figures the cells refuse (a blank amount).`,
];

export function rfmTableSql(d: Dialect, { source, asOf }: RfmTableRequest): string {
  return statement(
    header(d, "RFM table", RFM_TABLE_DEFINITION),
    [orderCtes(d, source, asOf, true), rfmTableCte(d)],
    [
      `SELECT`,
      `  customer_id AS customer,`,
      `  first_order,`,
      `  last_order,`,
      `  orders,`,
      `  revenue,`,
      `  recency_days,`,
      `  orders_without_amount`,
      `FROM rfm_table`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}
