/**
 * The per-dialect fragments as text (issue 11's list of differences), and every BigQuery and Snowflake
 * query parsed with node-sql-parser's grammars for them (those engines cannot run here). Spark SQL has
 * no grammar there and is checked as text only; DuckDB and PostgreSQL run for real (duckdb.test.ts,
 * postgres.test.ts).
 */
import { Parser } from "node-sql-parser";
import { seqProbabilities } from "../../src/analytics/numeric/quantileSorted";
import { DIALECTS } from "../../src/sql/dialects";
import { DIALECT_NAMES, divide, doubleLiteral } from "../../src/sql/dialect";
import { periodIndexSql } from "../../src/sql/calendarPeriodsSql";
import { clvJoinSql, clvLoadStatements } from "../../src/sql/clvGroupsSql";
import { rfmScoresSql } from "../../src/sql/rfmScoresSql";
import { rfmSegmentsSql } from "../../src/sql/rfmSegmentsSql";
import { allQueries, SOURCE } from "./support/allQueries";

const { duckdb, postgres, bigquery, snowflake, spark } = DIALECTS;

describe("dialect fragments", () => {
  it("writes day differences as end − start with each engine's argument order", () => {
    expect(duckdb.daysBetween("s", "e")).toBe("date_diff('day', s, e)");
    expect(postgres.daysBetween("s", "e")).toBe("(e - s)");
    expect(bigquery.daysBetween("s", "e")).toBe("DATE_DIFF(e, s, DAY)");
    expect(snowflake.daysBetween("s", "e")).toBe("DATEDIFF(day, s, e)");
    expect(spark.daysBetween("s", "e")).toBe("datediff(e, s)");
  });

  it("divides only doubles (PostgreSQL's 213/7 is 30; Snowflake's keeps 6 decimals)", () => {
    expect(divide(postgres, "a", "b")).toBe("CAST(a AS DOUBLE PRECISION) / CAST(b AS DOUBLE PRECISION)");
    expect(divide(snowflake, "a", "b")).toBe("CAST(a AS DOUBLE) / CAST(b AS DOUBLE)");
    expect(divide(bigquery, "a", "b")).toBe("CAST(a AS FLOAT64) / CAST(b AS FLOAT64)");
  });

  it("writes doubles with 17 significant digits so that p_k reads back to the core's bits", () => {
    // R's seq for 5 bins gives p_3 = 3 × 0.2 = 0.6000000000000001 (quantileSorted.ts).
    expect(doubleLiteral(duckdb, 0.6000000000000001)).toBe("CAST(6.0000000000000009e-1 AS DOUBLE)");
    for (const bins of [3, 5, 7, 9]) {
      for (const p of seqProbabilities(bins)) expect(Number(p.toExponential(16))).toBe(p);
    }
    const sql = rfmScoresSql(duckdb, { source: SOURCE, asOf: null, bins: 5 });
    expect(sql).toContain("SELECT 3 AS k, CAST(6.0000000000000009e-1 AS DOUBLE) AS p");
  });

  it("counts Monday weeks from days and months as year·12 + month, never from WEEK or MONTH parts", () => {
    for (const name of DIALECT_NAMES) {
      const d = DIALECTS[name];
      const week = periodIndexSql(d, "week", "o.order_date");
      expect(week).toContain(d.daysBetween(d.dateLiteral("1900-01-01"), "o.order_date"));
      expect(periodIndexSql(d, "month", "x")).toBe(`(${d.year("x")} * 12 + ${d.month("x")} - 1)`);
    }
    expect(bigquery.intDiv("a", "7")).toBe("DIV(a, 7)");
  });

  it("generates integer ranges the way each engine can", () => {
    expect(duckdb.integers("b", "0", "n")).toContain("UNNEST(generate_series(");
    expect(postgres.integers("b", "0", "n")).toBe("SELECT generate_series(CAST(0 AS BIGINT), CAST(n AS BIGINT)) AS k FROM b");
    expect(bigquery.integers("b", "0", "n")).toBe("SELECT k FROM b CROSS JOIN UNNEST(GENERATE_ARRAY(0, n)) AS k");
    expect(snowflake.integers("b", "0", "n")).toContain("TABLE(GENERATOR(ROWCOUNT => 10000))");
    expect(spark.integers("b", "0", "n")).toBe("SELECT explode(sequence(CAST(0 AS BIGINT), CAST(n AS BIGINT))) AS k FROM b");
  });

  it("escapes the apostrophe in \"Can't Lose Them\" per dialect", () => {
    expect(rfmSegmentsSql(postgres, { source: SOURCE, asOf: null })).toContain("THEN 'Can''t Lose Them'");
    expect(rfmSegmentsSql(snowflake, { source: SOURCE, asOf: null })).toContain("THEN 'Can''t Lose Them'");
    expect(rfmSegmentsSql(bigquery, { source: SOURCE, asOf: null })).toContain("THEN 'Can\\'t Lose Them'");
    expect(rfmSegmentsSql(spark, { source: SOURCE, asOf: null })).toContain("THEN 'Can\\'t Lose Them'");
    expect(bigquery.stringLiteral("a\\'b")).toBe("'a\\\\\\'b'");
  });

  it("refuses the default segment rules with more than 5 bins", () => {
    expect(() => rfmSegmentsSql(duckdb, { source: SOURCE, asOf: null, bins: 6 })).toThrow(/^Bins: the default segment rules are written for digits 1–5/);
  });
});

describe.each(DIALECT_NAMES)("every %s query", (name) => {
  const queries = Object.entries(allQueries(DIALECTS[name]));

  it.each(queries)("%s has a header naming its definition, and no NTILE, percentile, APPROX_ or WEEK/MONTH date part", (_title, sql) => {
    expect(sql).toMatch(/^-- Loyalty Lens: .+\n-- .*(LOYALTY\.|Fader)/);
    expect(sql).toContain(`(${DIALECTS[name].label})`);
    const body = sql.replace(/^--.*$/gm, "");
    expect(body).not.toMatch(/\bNTILE\b|percentile_cont|percentile_disc|quantile_cont|quantile_disc|APPROX_|MEDIAN\s*\(/i);
    expect(body).not.toMatch(/\b(WEEK|MONTH|ISOWEEK)\b\s*[,)]|'week'|'month'|DATE_TRUNC|months_between/i);
    expect(body.trim().endsWith(";")).toBe(true);
    expect(body.match(/;/g)).toHaveLength(1);
  });
});

describe.each([
  ["bigquery", "BigQuery"],
  ["snowflake", "Snowflake"],
] as const)("node-sql-parser's %s grammar", (name, database) => {
  const parser = new Parser();

  it.each(Object.entries(allQueries(DIALECTS[name])))("parses the %s query", (_title, sql) => {
    expect(() => parser.astify(sql, { database })).not.toThrow();
  });

  it("refuses broken SQL, so a pass means something", () => {
    expect(() => parser.astify("SELECT customer_id FROM orders WHERE (x", { database })).toThrow();
  });
});

describe("the CLV group table's bulk load (never literal VALUES)", () => {
  const load = (name: (typeof DIALECT_NAMES)[number], csvLocation = "/home/me/clv_groups.csv", groupTable = name === "spark" ? "clv_groups" : "sales.clv_groups") =>
    clvLoadStatements(DIALECTS[name], { groupTable, csvLocation });
  const parser = new Parser();

  it("declares the six columns' types in every dialect and never writes VALUES", () => {
    for (const name of DIALECT_NAMES) expect(load(name).join("\n")).not.toMatch(/\bVALUES\b/i);
    expect(load("duckdb")).toEqual([
      `CREATE OR REPLACE TABLE "sales"."clv_groups" AS\nSELECT * FROM read_csv('/home/me/clv_groups.csv', header = true, delim = ',', quote = '"', columns = {'x': 'BIGINT', 't_x_days': 'BIGINT', 'T_days': 'BIGINT', 'p_alive': 'DOUBLE', 'expected_purchases': 'DOUBLE', 'discounted_purchases': 'DOUBLE'});`,
    ]);
    expect(load("spark")).toEqual([
      `CREATE OR REPLACE TEMPORARY VIEW \`clv_groups\` (\`x\` BIGINT, \`t_x_days\` BIGINT, \`T_days\` BIGINT, \`p_alive\` DOUBLE, \`expected_purchases\` DOUBLE, \`discounted_purchases\` DOUBLE)\nUSING csv\nOPTIONS (path '/home/me/clv_groups.csv', header 'true', sep ',', quote '"', mode 'FAILFAST');`,
    ]);
  });

  it("writes psql's \\copy for PostgreSQL, with a primary key on the whole-day keys and a note on server-side COPY", () => {
    const s = load("postgres");
    expect(s[1]).toBe(
      `CREATE TABLE "sales"."clv_groups" ("x" BIGINT NOT NULL, "t_x_days" BIGINT NOT NULL, "T_days" BIGINT NOT NULL, "p_alive" DOUBLE PRECISION, "expected_purchases" DOUBLE PRECISION, "discounted_purchases" DOUBLE PRECISION, PRIMARY KEY (x, t_x_days, "T_days"));`,
    );
    expect(s[4]).toBe(`\\copy "sales"."clv_groups" ("x", "t_x_days", "T_days", "p_alive", "expected_purchases", "discounted_purchases") FROM '/home/me/clv_groups.csv' WITH (FORMAT csv, HEADER true)`);
    expect(s.filter((l) => l.startsWith("--")).join(" ")).toContain("pg_read_server_files");
  });

  it("loads BigQuery from Cloud Storage with LOAD DATA, or gives the bq load command for a local file", () => {
    const gs = load("bigquery", "gs://shop-exports/clv_groups.csv", "my-project.sales.clv_groups");
    expect(gs[1]).toBe("LOAD DATA INTO `my-project`.`sales`.`clv_groups`\nFROM FILES (format = 'CSV', skip_leading_rows = 1, uris = ['gs://shop-exports/clv_groups.csv']);");
    const local = load("bigquery", "C:/Users/me/Downloads/clv groups.csv", "my-project.sales.clv_groups");
    expect(local[2]).toBe(
      "--   bq load --source_format=CSV --skip_leading_rows=1 --replace my-project:sales.clv_groups 'C:/Users/me/Downloads/clv groups.csv' x:INT64,t_x_days:INT64,T_days:INT64,p_alive:FLOAT64,expected_purchases:FLOAT64,discounted_purchases:FLOAT64",
    );
    // node-sql-parser's BigQuery grammar has CREATE TABLE but no LOAD DATA: the table is parsed, LOAD DATA checked as text above.
    expect(() => parser.astify(gs[0], { database: "BigQuery" })).not.toThrow();
    expect(gs[0]).toContain("`x` INT64 NOT NULL");
  });

  it("PUTs the file to the Snowflake user stage and COPYs INTO the table (the compressed name)", () => {
    const s = load("snowflake", "/home/me/clv_groups.csv", "SALES.CLV_GROUPS");
    expect(s[2]).toBe("PUT 'file:///home/me/clv_groups.csv' @~/loyalty_lens AUTO_COMPRESS = TRUE OVERWRITE = TRUE;");
    expect(s[3]).toContain(`COPY INTO "SALES"."CLV_GROUPS" ("x", "t_x_days", "T_days", "p_alive", "expected_purchases", "discounted_purchases")\nFROM @~/loyalty_lens\nFILES = ('clv_groups.csv.gz')`);
    expect(s[3]).toContain("SKIP_HEADER = 1");
    // The Snowflake grammar parses the CREATE TABLE; PUT and COPY INTO are not in it (checked as text above).
    expect(() => parser.astify(s[0], { database: "Snowflake" })).not.toThrow();
  });

  it("refuses a group table or file location that could break out of the SQL, naming the field", () => {
    expect(() => load("duckdb", "/tmp/x.csv", "clv; DROP TABLE orders")).toThrow(/^Group table: "clv; DROP TABLE orders" is refused because it contains a semicolon/);
    expect(() => load("postgres", "/tmp/x.csv'); DROP TABLE orders; --")).toThrow(/^CSV file: ".*" is refused because/);
    expect(() => load("bigquery", "clv.csv\nrm -rf /")).toThrow(/^CSV file: /);
    expect(() => load("postgres", "C:\\Users\\me\\new.csv")).toThrow(/with forward slashes/);
    expect(() => load("spark", "/tmp/x.csv", "sales.clv_groups")).toThrow(/^Group table: "sales.clv_groups" is refused because a Spark temporary view has a plain name/);
  });

  it("joins on the integer day keys, never on the converted t_x and T, and multiplies discounted purchases by spend and margin", () => {
    for (const name of DIALECT_NAMES) {
      const d = DIALECTS[name];
      const sql = clvJoinSql(d, { source: SOURCE, asOf: "2024-12-31", groupTable: "clv_groups", gammaGamma: { p: 6.25, q: 3.74, v: 15.44 }, marginRate: 0.3 });
      const T = d.quotePart("T_days");
      expect(sql).toContain(`ON g.x = c.x AND g.t_x_days = c.t_x_days AND g.${T} = c.${T}`);
      expect(sql).toContain(`discounted_purchases * expected_spend * ${doubleLiteral(d, 0.3)} AS clv`);
    }
    expect(() => clvJoinSql(duckdb, { source: { ...SOURCE, amount: null }, asOf: null, groupTable: "g", gammaGamma: { p: 6.25, q: 3.74, v: 15.44 } })).toThrow(/^Amount column/);
    expect(() => clvJoinSql(duckdb, { source: SOURCE, asOf: null, groupTable: "g", gammaGamma: { p: 6.25, q: 0.9, v: 15.44 } })).toThrow(/^Gamma-Gamma parameters: q is 0.9/);
  });
});
