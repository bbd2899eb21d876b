/**
 * User-typed table and column names are identifiers, never SQL: this is the injection boundary.
 *
 * Rule: a column is one plain name, a table one to three plain names joined by dots
 * (table, schema.table, database.schema.table); a plain name is a letter or _ followed by letters,
 * digits or _ (ASCII). BigQuery's project (the first of three parts) may also hold hyphens, as
 * project ids do. Anything else (quotes, backquotes, semicolons, comments, spaces, brackets) is
 * refused with a message naming the field; an accepted name is quoted part by part in the dialect.
 * Example: quoteName(duckdb, "table", "sales.orders") → "sales"."orders";
 * quoteName(duckdb, "customer id column", "id; DROP TABLE x") → SqlInputError naming the field.
 * Cost: O(length).
 */
import { Dialect } from "./dialect";

/** A generator input that cannot be turned into SQL; the message names the field. */
export class SqlInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "SqlInputError";
  }
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BIGQUERY_PROJECT = /^[a-z][a-z0-9-]*[a-z0-9]$/;
const MAX_PART = 128;

/** What is wrong with a name, in words, for the message. */
function whatIsWrong(name: string): string {
  if (name.trim() === "") return "it is blank";
  if (/['"`]/.test(name)) return "it contains a quote";
  if (name.includes(";")) return "it contains a semicolon";
  if (name.includes("--") || name.includes("/*") || name.includes("*/") || name.includes("#")) return "it contains a comment marker";
  if (/\s/.test(name)) return "it contains a space";
  if (/^\.|\.$|\.\./.test(name)) return "it has an empty part between dots";
  return "it contains a character other than letters, digits, _ and dots, or starts with a digit";
}

/**
 * The validated parts of a name, or a SqlInputError naming `field`.
 * `maxParts` is 1 for a column and 3 for a table.
 */
export function identifierParts(d: Dialect, field: string, name: string, maxParts: number): string[] {
  const refuse = (why: string): never => {
    const shape = maxParts === 1 ? "a plain column name" : "a plain or dotted table name (orders, sales.orders)";
    throw new SqlInputError(field, `${field}: "${name}" is refused because ${why}; expected ${shape} of letters, digits and _`);
  };
  if (typeof name !== "string") refuse("it is not text");
  const parts = name.split(".");
  const ok = (part: string, i: number) =>
    part.length <= MAX_PART && (PLAIN.test(part) || (d.name === "bigquery" && parts.length === 3 && i === 0 && BIGQUERY_PROJECT.test(part)));
  if (parts.every(ok)) {
    if (parts.length > maxParts) refuse(maxParts === 1 ? "a column name has no dots" : "it has more than three parts");
    return parts;
  }
  return refuse(whatIsWrong(name));
}

/** A validated, quoted table name. Example: bigquery, "my-project.sales.orders" → `my-project`.`sales`.`orders`. */
export function quoteTable(d: Dialect, field: string, name: string): string {
  return identifierParts(d, field, name, 3).map(d.quotePart).join(".");
}

/** A validated, quoted column name. */
export function quoteColumn(d: Dialect, field: string, name: string): string {
  return d.quotePart(identifierParts(d, field, name, 1)[0]);
}
