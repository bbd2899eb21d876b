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
