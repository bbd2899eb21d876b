/**
 * Expected purchases and CLV per customer in the database, from the CLV group table the pane
 * computes (src/analytics/btyd/clvGroups.ts) and exports as CSV (one row per distinct whole-day
 * history: x, t_x_days, T_days, p_alive, expected_purchases, discounted_purchases). The series
 * and lgamma these need are missing from PostgreSQL 15, BigQuery, Snowflake and Spark SQL, so the
 * database only loads the table and joins it to its per-customer BTYD summary on the three
 * integers (never on converted floats), then
 *   expected_spend = p (v + x z̄) / (p x + q − 1), or p v / (q − 1) at x = 0 (EXPECTEDSPEND,
 *                    Fader & Hardie 2013 eq. 5; z̄ = average_spend as BTYDSUMMARY gives it),
 *   clv            = discounted_purchases × expected_spend × margin (LOYALTY.PREDICTEDCLV).
 * The load is the engine's bulk loader, never literal VALUES (the table can exceed Excel's rows and
 * BigQuery's query-text limit): DuckDB read_csv with declared types; PostgreSQL psql's \copy (COPY
 * for a file on the server); BigQuery LOAD DATA from Cloud Storage, or `bq load` for a local file;
 * Snowflake PUT to the user stage and COPY INTO; Spark a temporary view over the CSV with its schema.
 * Example: clvJoinSql(duckdb, { source, asOf: "1997-09-30", unit: "week", groupTable: "clv_groups",
 * gammaGamma, marginRate: 0.3 }) → … LEFT JOIN "clv_groups" AS g ON g.x = c.x AND g.t_x_days = c.t_x_days …
 * Cost: the BTYD summary plus one hash join in the engine.
 */
import { GammaGammaParams } from "../analytics/btyd/gammaGammaFit";
import { gammaGammaParamsError } from "../analytics/btyd/expectedSpend";
import { TimeUnit } from "../analytics/orders/timeUnit";
import { btydDefinition, checkUnit, historyCtes, inUnit } from "./btydSummarySql";
import { Dialect, doubleLiteral } from "./dialect";
import { SqlInputError, identifierParts, quoteTable } from "./identifiers";
import { OrderSource, header, orderCtes } from "./orderSource";
import { cte, statement } from "./statement";

export type ClvJoinRequest = {
  readonly source: OrderSource;
  /** The as-of date the group table's grouped summary was made with (null: the latest order date). */
  readonly asOf: string | null;
  readonly unit?: TimeUnit;
  /** The table the CSV is loaded into. */
  readonly groupTable: string;
  readonly gammaGamma: GammaGammaParams;
  /** Margin on spend, a fraction; default 1. */
  readonly marginRate?: number;
  /** What the CSV was computed for, for the header comment only (the sums are in the file). */
  readonly horizonMonths?: number;
  readonly monthlyDiscountRate?: number;
};

export type ClvLoadRequest = {
  readonly groupTable: string;
  /** Where the CSV is: a path on this computer, or for BigQuery a gs:// URI. */
  readonly csvLocation: string;
};

/** The CSV's columns and their types, in file order. */
const COLUMNS = [
  ["x", "int"],
  ["t_x_days", "int"],
  ["T_days", "int"],
  ["p_alive", "double"],
  ["expected_purchases", "double"],
  ["discounted_purchases", "double"],
] as const;

const INT_TYPE: Record<Dialect["name"], string> = { duckdb: "BIGINT", postgres: "BIGINT", bigquery: "INT64", snowflake: "BIGINT", spark: "BIGINT" };
const DOUBLE_TYPE: Record<Dialect["name"], string> = { duckdb: "DOUBLE", postgres: "DOUBLE PRECISION", bigquery: "FLOAT64", snowflake: "DOUBLE", spark: "DOUBLE" };
const typeOf = (d: Dialect, kind: "int" | "double") => (kind === "int" ? INT_TYPE[d.name] : DOUBLE_TYPE[d.name]);

/**
 * A file location as the loaders take it: letters, digits, spaces and _ . - / : @ ~ + only (no
 * quotes, backslashes, semicolons or line breaks, which would end the string, the psql line or the
 * comment it stands in). Windows paths are written with forward slashes (C:/Users/…/clv_groups.csv).
 */
const LOCATION = /^[A-Za-z0-9_.\-/:@~+ ]+$/;

export function checkCsvLocation(location: string): string {
  const l = location.trim();
  if (l === "" || !LOCATION.test(l) || !/[A-Za-z0-9]/.test(l)) {
    throw new SqlInputError(
      "CSV file",
      `CSV file: "${location}" is refused because it is blank or holds a quote, backslash, semicolon or other character a loader cannot take safely; expected a path of letters, digits, spaces and _ . - / : @ ~ +, with forward slashes (C:/Users/me/clv_groups.csv)`,
    );
  }
  return l;
}

const fileName = (location: string) => location.slice(location.lastIndexOf("/") + 1);

function columnList(d: Dialect): string {
  return COLUMNS.map(([name]) => d.quotePart(name)).join(", ");
}

function columnDefinitions(d: Dialect, notNullKeys: boolean): string {
  return COLUMNS.map(([name, kind]) => `${d.quotePart(name)} ${typeOf(d, kind)}${notNullKeys && kind === "int" ? " NOT NULL" : ""}`).join(", ");
}

/**
 * The statements that load the CSV into `groupTable`, one per element, each with its own terminator
 * (PostgreSQL's \copy is a psql command: one line, no semicolon). Comments (lines starting with --)
 * say what to run where.
 */
export function clvLoadStatements(d: Dialect, { groupTable, csvLocation }: ClvLoadRequest): string[] {
  const table = quoteTable(d, "Group table", groupTable);
  const location = checkCsvLocation(csvLocation);
  const file = d.stringLiteral(location);
  switch (d.name) {
    case "duckdb": {
      const columns = COLUMNS.map(([name, kind]) => `${d.stringLiteral(name)}: ${d.stringLiteral(typeOf(d, kind))}`).join(", ");
      return [`CREATE OR REPLACE TABLE ${table} AS\nSELECT * FROM read_csv(${file}, header = true, delim = ',', quote = '"', columns = {${columns}});`];
    }
    case "postgres":
      return [
        `DROP TABLE IF EXISTS ${table};`,
        `CREATE TABLE ${table} (${columnDefinitions(d, true)}, PRIMARY KEY (x, t_x_days, ${d.quotePart("T_days")}));`,
        `-- psql reads the file on this computer with \\copy (one line, no semicolon). For a file on the database`,
        `-- server use COPY instead: the same line without the backslash and ending in ;, which needs the pg_read_server_files role.`,
        `\\copy ${table} (${columnList(d)}) FROM ${file} WITH (FORMAT csv, HEADER true)`,
      ];
    case "bigquery": {
      const create = `CREATE OR REPLACE TABLE ${table} (${columnDefinitions(d, true)});`;
      if (location.startsWith("gs://")) {
        return [create, `LOAD DATA INTO ${table}\nFROM FILES (format = 'CSV', skip_leading_rows = 1, uris = [${file}]);`];
      }
      const parts = identifierParts(d, "Group table", groupTable, 3);
      const bqTable = parts.length === 3 ? `${parts[0]}:${parts[1]}.${parts[2]}` : parts.join(".");
      const schema = COLUMNS.map(([name, kind]) => `${name}:${typeOf(d, kind)}`).join(",");
      return [
        create,
        `-- LOAD DATA reads only from Cloud Storage. Load the file on this computer from a shell with bq, then run the query below:`,
        `--   bq load --source_format=CSV --skip_leading_rows=1 --replace ${bqTable} '${location}' ${schema}`,
        `-- or copy it to a bucket first (gcloud storage cp) and give its gs:// address as the CSV file.`,
      ];
    }
    case "snowflake":
      return [
        `CREATE OR REPLACE TABLE ${table} (${columnDefinitions(d, true)});`,
        `-- PUT runs in SnowSQL or the Snowflake CLI (not in a worksheet) and takes an absolute path.`,
        `PUT 'file://${location}' @~/loyalty_lens AUTO_COMPRESS = TRUE OVERWRITE = TRUE;`,
        `COPY INTO ${table} (${columnList(d)})\nFROM @~/loyalty_lens\nFILES = (${d.stringLiteral(`${fileName(location)}.gz`)})\nFILE_FORMAT = (TYPE = CSV SKIP_HEADER = 1 FIELD_DELIMITER = ',' FIELD_OPTIONALLY_ENCLOSED_BY = '"' EMPTY_FIELD_AS_NULL = TRUE)\nON_ERROR = ABORT_STATEMENT;`,
      ];
    default: {
      const parts = identifierParts(d, "Group table", groupTable, 3);
      if (parts.length > 1) {
        throw new SqlInputError("Group table", `Group table: "${groupTable}" is refused because a Spark temporary view has a plain name without dots; expected a name such as clv_groups`);
      }
      return [`CREATE OR REPLACE TEMPORARY VIEW ${table} (${columnDefinitions(d, false)})\nUSING csv\nOPTIONS (path ${file}, header 'true', sep ',', quote '"', mode 'FAILFAST');`];
    }
  }
}

/** The query that joins the loaded group table to the per-customer summary and gives P(alive), expected purchases and CLV. */
export function clvJoinSql(d: Dialect, { source, asOf, unit = "week", groupTable, gammaGamma, marginRate = 1, horizonMonths, monthlyDiscountRate }: ClvJoinRequest): string {
  checkUnit(unit);
  const problem = gammaGammaParamsError(gammaGamma);
  if (problem) throw new SqlInputError("Gamma-Gamma parameters", `Gamma-Gamma parameters: ${problem}`);
  if (!Number.isFinite(marginRate) || marginRate < 0) throw new SqlInputError("Margin", `Margin: ${marginRate} is not a fraction of 0 or more (30% is 0.3)`);
  const groups = quoteTable(d, "Group table", groupTable);
  const [p, q, v, margin] = [gammaGamma.p, gammaGamma.q, gammaGamma.v, marginRate].map((n) => doubleLiteral(d, n));
  const T = d.quotePart("T");
  const Tdays = d.quotePart("T_days");
  const x = d.double("c.x");
  const made =
    horizonMonths === undefined ? [] : [`The group table must be the pane's export for these BG/NBD parameters, ${horizonMonths} months${monthlyDiscountRate === undefined ? "" : ` and ${monthlyDiscountRate} discount a month`}, and this as-of date and unit.`];
  return statement(
    header(d, "expected purchases and CLV per customer from the group table", [
      `P(alive), expected purchases and CLV, as LOYALTY.PALIVE, LOYALTY.EXPECTEDPURCHASES and LOYALTY.PREDICTEDCLV:`,
      `the group table (one row per distinct x, t_x_days, T_days, computed by the pane and bulk-loaded from CSV) joined on`,
      `those whole-day keys; expected_spend = p * (v + x * average_spend) / (p * x + q - 1), p * v / (q - 1) at x = 0`,
      `(EXPECTEDSPEND, Fader & Hardie 2013); clv = discounted_purchases * expected_spend * margin.`,
      `Gamma-Gamma p ${gammaGamma.p}, q ${gammaGamma.q}, v ${gammaGamma.v}; margin ${marginRate}.`,
      ...made,
      ...btydDefinition(unit),
    ], [
      `A customer whose (x, t_x_days, T_days) is not in the group table gets NULL predictions (the table was made for another`,
      `as-of date or order table); expected_spend and clv are NULL where orders_without_amount > 0.`,
    ]),
    [
      orderCtes(d, source, asOf, true),
      ...historyCtes(d, true),
      cte("customers", [
        `SELECT`,
        `  customer_id,`,
        `  x,`,
        `  t_x_days,`,
        `  ${Tdays},`,
        `  orders_without_amount,`,
        `  CASE WHEN orders_without_amount > 0 THEN NULL WHEN x = 0 THEN 0 ELSE ${d.double("repeat_value")} / ${d.double("x")} END AS average_spend`,
        `FROM histories`,
      ]),
      cte("scored", [
        `SELECT`,
        `  c.customer_id,`,
        `  c.x,`,
        `  c.t_x_days,`,
        `  c.${Tdays},`,
        `  c.orders_without_amount,`,
        `  c.average_spend,`,
        `  g.p_alive,`,
        `  g.expected_purchases,`,
        `  g.discounted_purchases,`,
        `  CASE WHEN c.orders_without_amount > 0 THEN NULL`,
        `    WHEN c.x = 0 THEN ${p} * ${v} / (${q} - 1)`,
        `    ELSE ${p} * (${v} + ${x} * c.average_spend) / (${p} * ${x} + ${q} - 1)`,
        `  END AS expected_spend`,
        `FROM customers AS c`,
        `LEFT JOIN ${groups} AS g`,
        `  ON g.x = c.x AND g.t_x_days = c.t_x_days AND g.${Tdays} = c.${Tdays}`,
      ]),
    ],
    [
      `SELECT`,
      `  customer_id AS customer,`,
      `  x,`,
      `  ${inUnit(d, "t_x_days", unit)} AS t_x,`,
      `  ${inUnit(d, Tdays, unit)} AS ${T},`,
      `  t_x_days,`,
      `  ${Tdays},`,
      `  orders_without_amount,`,
      `  average_spend,`,
      `  p_alive,`,
      `  expected_purchases,`,
      `  discounted_purchases,`,
      `  expected_spend,`,
      `  discounted_purchases * expected_spend * ${margin} AS clv`,
      `FROM scored`,
      `ORDER BY customer`,
    ].join("\n"),
  );
}

/** The whole script for the Warehouse tab: the load statements, then the join query. */
export function clvGroupsScript(d: Dialect, request: ClvJoinRequest & ClvLoadRequest): string {
  const join = clvJoinSql(d, request);
  const load = clvLoadStatements(d, request);
  return [
    `-- Loyalty Lens: load the CLV group table (${d.label}) from the CSV the pane exported, then join it.`,
    ...load,
    ``,
    join,
  ].join("\n");
}
