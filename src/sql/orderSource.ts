/**
 * The part every query shares: the user's order table read as the cells read an order log, and the
 * as-of date, as two common table expressions `orders` and `as_of`, plus the header comment.
 *
 * Rules (as RFMTABLE, BTYDSUMMARY, COHORTS read cells):
 *   customer_id = TRIM(CAST(id AS text)); rows with a NULL or blank id are left out;
 *   order_date  = CAST(date AS DATE): a TIMESTAMP becomes its calendar date, a TIMESTAMP WITH TIME
 *                 ZONE its date in the session's time zone (set it first if that matters); rows with
 *                 a NULL date are left out;
 *   amount      = CAST(amount AS DECIMAL) (exact sums); NULL stays NULL and is counted per customer
 *                 in orders_without_amount, since in the cells a blank amount is an error for that customer;
 *   as_of       = the given date, or the latest order date; orders after it are left out by each query.
 * Tables have no row order, so every result is keyed by customer (or period), never by first appearance.
 * Example: { table: "sales.orders", customerId: "cust", orderDate: "day", amount: "total" } in DuckDB →
 *   orders AS (SELECT TRIM(CAST("cust" AS VARCHAR)) AS customer_id, CAST("day" AS DATE) AS order_date, … FROM "sales"."orders" …).
 * Cost: O(length of the names).
 */
import { Dialect } from "./dialect";
import { SqlInputError, quoteColumn, quoteTable } from "./identifiers";

export type OrderSource = {
  /** The order table: table, schema.table or database.schema.table. */
  readonly table: string;
  readonly customerId: string;
  readonly orderDate: string;
  /** The amount column; null or "" when the table has none (queries that need money then refuse). */
  readonly amount?: string | null;
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A validated ISO date (YYYY-MM-DD, a real calendar day), or a SqlInputError naming `field`. */
export function checkIsoDate(field: string, iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return iso;
  }
  throw new SqlInputError(field, `${field}: "${iso}" is not a date; expected YYYY-MM-DD, e.g. 2024-12-31`);
}

export const hasAmount = (source: OrderSource): boolean => typeof source.amount === "string" && source.amount.trim() !== "";

/** The `orders` and `as_of` CTEs (without WITH), one clause a line. */
export function orderCtes(d: Dialect, source: OrderSource, asOf: string | null, withAmount: boolean): string {
  const table = quoteTable(d, "Order table", source.table);
  const id = quoteColumn(d, "Customer id column", source.customerId);
  const date = quoteColumn(d, "Order date column", source.orderDate);
  if (withAmount && !hasAmount(source)) throw new SqlInputError("Amount column", "Amount column: this analysis needs the order amounts; give the amount column");
  const amount = withAmount ? quoteColumn(d, "Amount column", source.amount as string) : null;
  const customer = `TRIM(${d.text(id)})`;
  const asOfSql =
    asOf === null
      ? `  SELECT MAX(order_date) AS as_of FROM orders`
      : `  SELECT ${d.dateLiteral(checkIsoDate("As-of date", asOf))} AS as_of`;
  return [
    `orders AS (`,
    `  SELECT`,
    `    ${customer} AS customer_id,`,
    `    ${d.date(date)} AS order_date${amount ? "," : ""}`,
    ...(amount ? [`    ${d.money(amount)} AS amount`] : []),
    `  FROM ${table}`,
    `  WHERE ${id} IS NOT NULL`,
    `    AND ${customer} <> ''`,
    `    AND ${date} IS NOT NULL`,
    `),`,
    `as_of AS (`,
    asOfSql,
    `)`,
  ].join("\n");
}

/** The header comment: what the query computes, the definition it follows and how SQL differs from cells. */
export function header(d: Dialect, title: string, definition: string[], notes: string[] = []): string {
  const lines = [
    `Loyalty Lens: ${title} (${d.label})`,
    ...definition,
    `Read as the cells read an order log: customer ids compared as TRIM(CAST(id AS text)); rows with a`,
    `NULL id or date left out; timestamps become dates by CAST(... AS DATE), in the session time zone`,
    `for timestamps with a time zone; orders after the as-of date left out; money summed as DECIMAL;`,
    `results keyed by customer or period (a table has no row order).`,
    ...notes,
  ];
  return lines.map((l) => `-- ${l}`.trimEnd()).join("\n");
}
