/**
 * The Warehouse tab's form turned into SQL with src/sql: one call per analysis, and the generator's
 * refusal (a bad name, a bad date) as a message naming the field instead of SQL.
 */
import { DialectName } from "../../sql/dialect";
import { DIALECTS } from "../../sql/dialects";
import { SqlInputError } from "../../sql/identifiers";
import { btydSummarySql } from "../../sql/btydSummarySql";
import { cohortsSql } from "../../sql/cohortsSql";
import { holdoutSummarySql } from "../../sql/holdoutSummarySql";
import { retentionByPeriodSql } from "../../sql/retentionByPeriodSql";
import { rfmScoresSql } from "../../sql/rfmScoresSql";
import { rfmSegmentsSql } from "../../sql/rfmSegmentsSql";
import { rfmTableSql } from "../../sql/rfmTableSql";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { TimeUnit } from "../../analytics/orders/timeUnit";

export type Analysis = "rfmTable" | "rfmScores" | "rfmSegments" | "btydGrouped" | "btydCustomers" | "btydSpend" | "holdoutGrouped" | "cohorts" | "retention";

export const ANALYSES: readonly Analysis[] = ["rfmTable", "rfmScores", "rfmSegments", "btydGrouped", "btydCustomers", "btydSpend", "holdoutGrouped", "cohorts", "retention"];

export type WarehouseForm = {
  readonly analysis: Analysis;
  readonly dialect: DialectName;
  readonly table: string;
  readonly customerId: string;
  readonly orderDate: string;
  readonly amount: string;
  readonly asOf: string;
  readonly calibrationEnd: string;
  readonly unit: TimeUnit;
  readonly period: PeriodKind;
};

export const usesUnit = (a: Analysis): boolean => a.startsWith("btyd") || a === "holdoutGrouped";
export const usesPeriod = (a: Analysis): boolean => a === "cohorts" || a === "retention";

/** Why the generator refused, so the pane can say it in its own language (strings.warehouse.refused). */
export type RefusalReason = "name" | "date" | "amount" | "order" | "holdoutEnd" | "other";

export type WarehouseResult =
  | { readonly kind: "sql"; readonly sql: string }
  | { readonly kind: "refused"; readonly message: string; readonly field: string; readonly reason: RefusalReason };

/** The generator's refusal by kind: its messages name the field and say what is wrong (src/sql). */
function reasonOf(e: SqlInputError): RefusalReason {
  if (/ is refused because /.test(e.message)) return "name";
  if (/ is not a date;/.test(e.message)) return "date";
  if (/needs? the order amounts/.test(e.message)) return "amount";
  if (/ must come after /.test(e.message)) return "order";
  return "other";
}

export function warehouseSql(f: WarehouseForm): WarehouseResult {
  const d = DIALECTS[f.dialect];
  const source = { table: f.table.trim(), customerId: f.customerId.trim(), orderDate: f.orderDate.trim(), amount: f.amount.trim() || null };
  const asOf = f.asOf.trim() === "" ? null : f.asOf.trim();
  try {
    switch (f.analysis) {
      case "rfmTable":
        return { kind: "sql", sql: rfmTableSql(d, { source, asOf }) };
      case "rfmScores":
        return { kind: "sql", sql: rfmScoresSql(d, { source, asOf }) };
      case "rfmSegments":
        return { kind: "sql", sql: rfmSegmentsSql(d, { source, asOf }) };
      case "btydGrouped":
        return { kind: "sql", sql: btydSummarySql(d, { source, asOf, unit: f.unit, shape: "grouped" }) };
      case "btydCustomers":
        return { kind: "sql", sql: btydSummarySql(d, { source, asOf, unit: f.unit }) };
      case "btydSpend":
        return { kind: "sql", sql: btydSummarySql(d, { source, asOf, unit: f.unit, shape: "spend" }) };
      case "holdoutGrouped":
        if (asOf === null) return { kind: "refused", message: "As-of date: the holdout summary needs a holdout end date (YYYY-MM-DD)", field: "As-of date", reason: "holdoutEnd" };
        return { kind: "sql", sql: holdoutSummarySql(d, { source, calibrationEnd: f.calibrationEnd.trim(), holdoutEnd: asOf, unit: f.unit, grouped: true }) };
      case "cohorts":
        return { kind: "sql", sql: cohortsSql(d, { source, asOf, period: f.period }) };
      default:
        return { kind: "sql", sql: retentionByPeriodSql(d, { source, asOf, period: f.period }) };
    }
  } catch (e) {
    if (e instanceof SqlInputError) return { kind: "refused", message: e.message, field: e.field, reason: reasonOf(e) };
    throw e;
  }
}
