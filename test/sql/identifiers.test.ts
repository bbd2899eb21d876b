/**
 * User-typed table and column names are an injection boundary (issue 11): plain or dotted names are
 * quoted per dialect, anything else is refused with a message naming the field.
 */
import { DIALECTS } from "../../src/sql/dialects";
import { SqlInputError, quoteColumn, quoteTable } from "../../src/sql/identifiers";
import { rfmTableSql } from "../../src/sql/rfmTableSql";
import { checkIsoDate } from "../../src/sql/orderSource";

const { duckdb, postgres, bigquery, snowflake, spark } = DIALECTS;

describe("identifiers", () => {
  it("quotes plain and dotted names part by part in each dialect", () => {
    expect(quoteTable(duckdb, "Order table", "sales.orders")).toBe('"sales"."orders"');
    expect(quoteTable(postgres, "Order table", "orders")).toBe('"orders"');
    expect(quoteTable(snowflake, "Order table", "DB.PUBLIC.ORDERS")).toBe('"DB"."PUBLIC"."ORDERS"');
    expect(quoteTable(bigquery, "Order table", "my-project.shop.orders")).toBe("`my-project`.`shop`.`orders`");
    expect(quoteTable(spark, "Order table", "main.shop.orders")).toBe("`main`.`shop`.`orders`");
    expect(quoteColumn(duckdb, "Customer id column", "_id2")).toBe('"_id2"');
  });

  it.each([
    ['orders"; DROP TABLE x; --', "a quote"],
    ["orders`", "a quote"],
    ["o'rders", "a quote"],
    ["orders;drop", "a semicolon"],
    ["orders--x", "a comment marker"],
    ["orders/*x*/", "a comment marker"],
    ["my orders", "a space"],
    ["orders\t", "a space"],
    ["", "blank"],
    ["sales..orders", "an empty part"],
    ["1orders", "starts with a digit"],
    ["orders(x)", "a character other than"],
  ])("refuses the table name %j, saying it has %s and naming the field", (name, why) => {
    let error: unknown;
    try {
      quoteTable(duckdb, "Order table", name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SqlInputError);
    expect((error as SqlInputError).field).toBe("Order table");
    expect((error as Error).message).toMatch(/^Order table: .* is refused because it /);
    expect((error as Error).message).toContain(why);
  });

  it("refuses dotted column names, more than three table parts, and hyphens outside a BigQuery project", () => {
    expect(() => quoteColumn(duckdb, "Amount column", "t.amount")).toThrow("Amount column: \"t.amount\" is refused because a column name has no dots");
    expect(() => quoteTable(duckdb, "Order table", "a.b.c.d")).toThrow("more than three parts");
    expect(() => quoteTable(duckdb, "Order table", "my-project.shop.orders")).toThrow(SqlInputError);
    expect(() => quoteTable(bigquery, "Order table", "shop.my-orders")).toThrow(SqlInputError);
  });

  it("names the field of the bad name when a whole query is asked for", () => {
    const source = { table: "orders", customerId: "id", orderDate: "day; DELETE FROM orders", amount: "total" };
    expect(() => rfmTableSql(postgres, { source, asOf: null })).toThrow(/^Order date column: "day; DELETE FROM orders" is refused because it contains a semicolon/);
    expect(() => rfmTableSql(postgres, { source: { ...source, orderDate: "day", amount: "" }, asOf: null })).toThrow(/^Amount column: /);
  });

  it("accepts only real calendar dates as the as-of date", () => {
    expect(checkIsoDate("As-of date", "2024-02-29")).toBe("2024-02-29");
    expect(() => checkIsoDate("As-of date", "2023-02-29")).toThrow('As-of date: "2023-02-29" is not a date');
    expect(() => checkIsoDate("As-of date", "2024-01-01' OR 1=1")).toThrow(SqlInputError);
  });
});
