/**
 * The Warehouse tab's form turned into SQL with src/sql: one call per analysis, and the generator's
 * refusal (a bad name, a bad date) as a message naming the field instead of SQL.
 */
import { DialectName } from "../../sql/dialect";
import { DIALECTS } from "../../sql/dialects";
import { SqlInputError } from "../../sql/identifiers";
import { btydSummarySql } from "../../sql/btydSummarySql";
import { clvGroupsScript } from "../../sql/clvGroupsSql";
import { cohortsSql } from "../../sql/cohortsSql";
import { parseNumberIn } from "../i18n/format";
import { holdoutSummarySql } from "../../sql/holdoutSummarySql";
import { retentionByPeriodSql } from "../../sql/retentionByPeriodSql";
import { rfmScoresSql } from "../../sql/rfmScoresSql";
import { rfmSegmentsSql } from "../../sql/rfmSegmentsSql";
import { rfmTableSql } from "../../sql/rfmTableSql";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { TimeUnit } from "../../analytics/orders/timeUnit";

export type Analysis = "rfmTable" | "rfmScores" | "rfmSegments" | "btydGrouped" | "btydCustomers" | "btydSpend" | "holdoutGrouped" | "clvJoin" | "cohorts" | "retention";

export const ANALYSES: readonly Analysis[] = ["rfmTable", "rfmScores", "rfmSegments", "btydGrouped", "btydCustomers", "btydSpend", "holdoutGrouped", "clvJoin", "cohorts", "retention"];

/** The numbers the CLV load-and-join needs, as typed (read in the pane's culture). */
export type ClvFields = {
  readonly r: string;
  readonly alpha: string;
  readonly a: string;
  readonly b: string;
  readonly p: string;
  readonly q: string;
  readonly v: string;
  readonly horizonMonths: string;
  readonly monthlyDiscountRate: string;
  readonly marginRate: string;
  readonly groupTable: string;
  readonly csvFile: string;
};

export type ClvNumberField = Exclude<keyof ClvFields, "groupTable" | "csvFile">;

/** The generator's English field names for the numbers (the pane maps them to its labels). */
export const CLV_FIELD_NAMES: Readonly<Record<ClvNumberField, string>> = {
  r: "BG/NBD r",
  alpha: "BG/NBD alpha",
  a: "BG/NBD a",
  b: "BG/NBD b",
  p: "Gamma-Gamma p",
  q: "Gamma-Gamma q",
  v: "Gamma-Gamma v",
  horizonMonths: "Horizon",
  monthlyDiscountRate: "Monthly discount rate",
  marginRate: "Margin",
};

export type ClvNumbers = Readonly<Record<ClvNumberField, number>>;

/** What the SQL needs (the spend model, margin and, for its header, horizon and discount) and what the group table needs. */
export const SQL_NUMBERS: readonly ClvNumberField[] = ["p", "q", "v", "marginRate", "horizonMonths", "monthlyDiscountRate"];
export const GROUP_NUMBERS: readonly ClvNumberField[] = ["r", "alpha", "a", "b", "horizonMonths", "monthlyDiscountRate"];

/** The typed numbers among `keys`, or the first field that is not a number (blank included). */
export function clvNumbers(f: ClvFields, parse: (text: string) => number | null, keys: readonly ClvNumberField[]): ClvNumbers | { readonly field: string; readonly key: ClvNumberField } {
  const out: Partial<Record<ClvNumberField, number>> = {};
  for (const key of keys) {
    const value = parse(f[key].trim());
    if (value === null || !Number.isFinite(value)) return { field: CLV_FIELD_NAMES[key], key };
    out[key] = value;
  }
  return out as ClvNumbers;
}

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
  /** BTYD summaries in whole calendar weeks or months (BTYDSUMMARY's whole_periods). */
  readonly wholePeriods: boolean;
  readonly period: PeriodKind;
  readonly clv: ClvFields;
};

export const usesUnit = (a: Analysis): boolean => a.startsWith("btyd") || a === "holdoutGrouped" || a === "clvJoin";
/** The BTYD summaries can count whole calendar weeks or months (not the holdout summary or the CLV join, whose keys are days). */
export const offersWholePeriods = (a: Analysis, unit: TimeUnit): boolean => a.startsWith("btyd") && unit !== "day";
export const usesPeriod = (a: Analysis): boolean => a === "cohorts" || a === "retention";

/** Why the generator refused, so the pane can say it in its own language (strings.warehouse.refused). */
export type RefusalReason = "name" | "date" | "amount" | "order" | "holdoutEnd" | "number" | "file" | "other";

export type WarehouseResult =
  | { readonly kind: "sql"; readonly sql: string }
  | { readonly kind: "refused"; readonly message: string; readonly field: string; readonly reason: RefusalReason };

/** The generator's refusal by kind: its messages name the field and say what is wrong (src/sql). */
function reasonOf(e: SqlInputError): RefusalReason {
  if (/ is refused because /.test(e.message)) return "name";
  if (/ is not a date;/.test(e.message)) return "date";
  if (/needs? the order amounts/.test(e.message)) return "amount";
  if (/ must come after /.test(e.message)) return "order";
  if (e.field === "CSV file") return "file";
  return "other";
}

/** `parse` reads the typed numbers (the pane passes its culture's parser). */
export function warehouseSql(f: WarehouseForm, parse: (text: string) => number | null = (t) => parseNumberIn(t, ".", ",")): WarehouseResult {
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
        return { kind: "sql", sql: btydSummarySql(d, { source, asOf, unit: f.unit, shape: "grouped", wholePeriods: f.wholePeriods }) };
      case "btydCustomers":
        return { kind: "sql", sql: btydSummarySql(d, { source, asOf, unit: f.unit, wholePeriods: f.wholePeriods }) };
      case "btydSpend":
        return { kind: "sql", sql: btydSummarySql(d, { source, asOf, unit: f.unit, shape: "spend", wholePeriods: f.wholePeriods }) };
      case "holdoutGrouped":
        if (asOf === null) return { kind: "refused", message: "As-of date: the holdout summary needs a holdout end date (YYYY-MM-DD)", field: "As-of date", reason: "holdoutEnd" };
        return { kind: "sql", sql: holdoutSummarySql(d, { source, calibrationEnd: f.calibrationEnd.trim(), holdoutEnd: asOf, unit: f.unit, grouped: true }) };
      case "clvJoin": {
        const n = clvNumbers(f.clv, parse, SQL_NUMBERS);
        if ("field" in n) return { kind: "refused", message: `${n.field}: type a number, such as 0.25`, field: n.field, reason: "number" };
        const sql = clvGroupsScript(d, {
          source,
          asOf,
          unit: f.unit,
          groupTable: f.clv.groupTable.trim(),
          csvLocation: f.clv.csvFile,
          gammaGamma: { p: n.p, q: n.q, v: n.v },
          marginRate: n.marginRate,
          horizonMonths: n.horizonMonths,
          monthlyDiscountRate: n.monthlyDiscountRate,
        });
        return { kind: "sql", sql };
      }
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
