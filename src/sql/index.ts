/**
 * sql/ — the same definitions as the cells, written as SQL for the customer's database (issue 11):
 * the RFM table, scores and segments, the BTYD summary (per customer, grouped with weights, spend
 * rows), the calibration/holdout summary, the cohort triangle in long form, period retention,
 * P(alive) scoring, and the load and join of the pane's CLV group table (expected purchases and
 * CLV per customer), for DuckDB, PostgreSQL, BigQuery, Snowflake and Spark SQL. One description per
 * query; the per-dialect differences live in dialects/, one small file each.
 *
 * May import: ../analytics (constants and definitions it must match). Nothing from the pane, the
 * custom functions or Office; no package.
 */
export * from "./btydSummarySql";
export * from "./calendarPeriodsSql";
export * from "./clvGroupsSql";
export * from "./cohortsSql";
export * from "./dialect";
export * from "./dialects";
export * from "./holdoutSummarySql";
export * from "./identifiers";
export * from "./orderSource";
export * from "./pAliveSql";
export * from "./retentionByPeriodSql";
export * from "./rfmScoresSql";
export * from "./rfmSegmentsSql";
export * from "./rfmTableSql";
export * from "./statement";
