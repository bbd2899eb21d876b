/**
 * The Retention tab on the period table from the warehouse: the rows src/sql/retentionByPeriodSql.ts
 * writes (period_start, customers_start, new_customers, reactivated, customers_end, retained,
 * retention, lost; or the Cohorts sheet's and LOYALTY.RETENTIONBYPERIOD's own headers), read back
 * into the RetentionByPeriod that retentionByPeriod.ts builds from an order log, so the Cohorts sheet
 * shows the same period table whichever side computed it.
 *
 * The identities of the definition are checked, each refusal naming the sheet row and column:
 *   reactivated = CE − retained − new (0 or more), lost = CS − retained, retained ≤ CS,
 *   retention = retained / CS within 1e-9 relative, blank exactly when CS = 0,
 *   CS of a period = CE of the period before (both count the customers active on the same day),
 * and the periods must be consecutive periods of one length (no gap, no period twice).
 * Example (months of 2024, active_days 31; retentionByPeriodSql.ts's example): February CS 3, new 1,
 * reactivated 0, CE 3, retained 2, retention 2/3, lost 1; March then starts with CS 3.
 * asOf is the last day of the last period (the log's as-of date may lie inside it; the table cannot
 * say). Reactivated, retention and lost are optional: computed when their columns are not mapped.
 * Cost: O(rows) after a sort by period start.
 */
import { isBlank, plainValue, readDate, at } from "../../analytics/orders/cells";
import { type PeriodKind, periodEnd, periodIndex, periodStart } from "../../analytics/orders/calendarPeriods";
import { isoFromSerial } from "../../analytics/orders/dates";
import { isCellError } from "../../analytics/errors";
import type { RetentionByPeriod } from "../../analytics/retention/retentionByPeriod";
import { cellInMessage as shown, headerColumnFinder } from "../model/mapping";
import { SHARE_TOLERANCE, isNullCell as isNull } from "./cohortLongTable";

export const PERIOD_TABLE_ROLES = ["start", "customersStart", "newCustomers", "reactivated", "customersEnd", "retained", "retention", "lost"] as const;
export type PeriodTableRole = (typeof PERIOD_TABLE_ROLES)[number];
export type PeriodTableColumns = Readonly<Record<PeriodTableRole, number | null>>;

/** Roles a period table must have; the others follow from them and are checked when present. */
export const REQUIRED_PERIOD_ROLES: readonly PeriodTableRole[] = ["start", "customersStart", "newCustomers", "customersEnd", "retained"];

// As retentionByPeriodSql.ts and RETENTION_BY_PERIOD_HEADER (the sheet's and the function's header) write them.
const HEADERS: Record<PeriodTableRole, RegExp> = {
  start: /^(period[ _]start|periodenbeginn|periodestart)$/i,
  customersStart: /^(customers[ _](start|at[ _]start)|cs|kunden am anfang|kunder ved start)$/i,
  newCustomers: /^(new[ _]customers|new|cn|neu|neukunden|nye|nye kunder)$/i,
  reactivated: /^(reactivated|reaktiviert|reaktivert)$/i,
  customersEnd: /^(customers[ _](end|at[ _]end)|ce|kunden am ende|kunder ved slutt)$/i,
  retained: /^(retained|gehalten|behalten|beholdt)$/i,
  retention: /^(retention|retention[ _]rate|bindungsquote|retensjon)$/i,
  lost: /^(lost|verloren|tapt)$/i,
};

export function guessPeriodTableColumns(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): PeriodTableColumns {
  const find = headerColumnFinder(rows, hasHeaders, columnCount);
  const out = {} as Record<PeriodTableRole, number | null>;
  for (const role of PERIOD_TABLE_ROLES) out[role] = find(HEADERS[role]);
  return out;
}

export const isPeriodTable = (c: PeriodTableColumns): boolean => REQUIRED_PERIOD_ROLES.every((r) => c[r] !== null);

export type PeriodTableIssue =
  | { readonly kind: "blank" | "notNumber" | "negative" | "notWhole" | "notDate"; readonly role: PeriodTableRole; readonly row: number; readonly value: string }
  | { readonly kind: "notPeriodStart"; readonly role: "start"; readonly row: number; readonly value: string; readonly period: PeriodKind }
  | { readonly kind: "duplicatePeriod"; readonly role: "start"; readonly row: number; readonly value: string; readonly firstRow: number }
  | { readonly kind: "gap"; readonly role: "start"; readonly row: number; readonly value: string; readonly period: PeriodKind; readonly missing: string }
  | { readonly kind: "identity"; readonly role: "reactivated" | "lost" | "retained"; readonly row: number; readonly value: number; readonly expected: number }
  | { readonly kind: "retentionDiffers"; readonly role: "retention"; readonly row: number; readonly value: number; readonly expected: number }
  | { readonly kind: "retentionBlank"; readonly role: "retention"; readonly row: number }
  | { readonly kind: "retentionWithoutStart"; readonly role: "retention"; readonly row: number; readonly value: number }
  | { readonly kind: "startDiffers"; readonly role: "customersStart"; readonly row: number; readonly value: number; readonly previousRow: number; readonly previousEnd: number }
  | { readonly kind: "noRows"; readonly role: "start"; readonly row: 0 };

export class PeriodTableError extends Error {
  constructor(readonly issue: PeriodTableIssue) {
    super(`${issue.kind} in ${issue.role}, row ${issue.row}`);
    this.name = "PeriodTableError";
  }
}


type Line = { row: number; start: number; cs: number; nc: number; re: number; ce: number; kept: number; rate: number; lost: number };

/** Reads the mapped columns (data rows only; `firstSheetRow` is the sheet row of rows[0]) as a period table of `kind`. */
export function readPeriodRetentionTable(
  rows: readonly (readonly unknown[])[],
  columns: PeriodTableColumns,
  firstSheetRow: number,
  kind: PeriodKind,
  activeDays: number,
): RetentionByPeriod {
  const mapped = PERIOD_TABLE_ROLES.filter((r) => columns[r] !== null);
  const issue = (i: PeriodTableIssue): never => {
    throw new PeriodTableError(i);
  };
  const cellOf = (row: readonly unknown[], role: PeriodTableRole): unknown => plainValue(row[columns[role] as number]);
  const count = (row: readonly unknown[], role: PeriodTableRole, sheetRow: number): number => {
    const v = cellOf(row, role);
    if (isNull(v)) return issue({ kind: "blank", role, row: sheetRow, value: "" });
    if (typeof v !== "number" || !Number.isFinite(v)) return issue({ kind: "notNumber", role, row: sheetRow, value: shown(v) });
    if (v < 0) return issue({ kind: "negative", role, row: sheetRow, value: String(v) });
    if (Math.floor(v) !== v) return issue({ kind: "notWhole", role, row: sheetRow, value: String(v) });
    return v;
  };
  const lines: Line[] = [];
  const seen = new Map<number, number>();
  rows.forEach((row, i) => {
    const sheetRow = firstSheetRow + i;
    if (mapped.every((r) => isBlank(cellOf(row, r)))) return;
    const startCell = cellOf(row, "start");
    if (isNull(startCell)) issue({ kind: "blank", role: "start", row: sheetRow, value: "" });
    const start = readDate(startCell, at("period_start", sheetRow));
    if (start === null || isCellError(start)) return issue({ kind: "notDate", role: "start", row: sheetRow, value: shown(startCell) });
    if (periodStart(periodIndex(start, kind), kind) !== start) issue({ kind: "notPeriodStart", role: "start", row: sheetRow, value: isoFromSerial(start), period: kind });
    const before = seen.get(start);
    if (before !== undefined) issue({ kind: "duplicatePeriod", role: "start", row: sheetRow, value: isoFromSerial(start), firstRow: before });
    seen.set(start, sheetRow);
    const cs = count(row, "customersStart", sheetRow);
    const nc = count(row, "newCustomers", sheetRow);
    const ce = count(row, "customersEnd", sheetRow);
    const kept = count(row, "retained", sheetRow);
    if (kept > cs) issue({ kind: "identity", role: "retained", row: sheetRow, value: kept, expected: cs });
    const re = ce - kept - nc;
    if (re < 0) issue({ kind: "identity", role: "retained", row: sheetRow, value: kept, expected: ce - nc });
    if (columns.reactivated !== null) {
      const given = count(row, "reactivated", sheetRow);
      if (given !== re) issue({ kind: "identity", role: "reactivated", row: sheetRow, value: given, expected: re });
    }
    const lost = cs - kept;
    if (columns.lost !== null) {
      const given = count(row, "lost", sheetRow);
      if (given !== lost) issue({ kind: "identity", role: "lost", row: sheetRow, value: given, expected: lost });
    }
    const rate = cs > 0 ? kept / cs : NaN;
    if (columns.retention !== null) {
      const v = cellOf(row, "retention");
      if (isNull(v)) {
        if (cs > 0) issue({ kind: "retentionBlank", role: "retention", row: sheetRow });
      } else if (typeof v !== "number" || !Number.isFinite(v)) issue({ kind: "notNumber", role: "retention", row: sheetRow, value: shown(v) });
      else if (cs === 0) issue({ kind: "retentionWithoutStart", role: "retention", row: sheetRow, value: v });
      else if (Math.abs(v - rate) > SHARE_TOLERANCE * rate) issue({ kind: "retentionDiffers", role: "retention", row: sheetRow, value: v, expected: rate });
    }
    lines.push({ row: sheetRow, start, cs, nc, re, ce, kept, rate, lost });
  });
  if (lines.length === 0) issue({ kind: "noRows", role: "start", row: 0 });
  lines.sort((a, b) => a.start - b.start);
  for (let t = 1; t < lines.length; t++) {
    const previous = lines[t - 1];
    const line = lines[t];
    const expected = periodStart(periodIndex(previous.start, kind) + 1, kind);
    if (line.start !== expected) issue({ kind: "gap", role: "start", row: line.row, value: isoFromSerial(line.start), period: kind, missing: isoFromSerial(expected) });
    if (line.cs !== previous.ce) issue({ kind: "startDiffers", role: "customersStart", row: line.row, value: line.cs, previousRow: previous.row, previousEnd: previous.ce });
  }
  const column = (pick: (l: Line) => number) => Float64Array.from(lines, pick);
  return {
    kind,
    asOf: periodEnd(periodIndex(lines[lines.length - 1].start, kind), kind),
    activeDays,
    periodStart: column((l) => l.start),
    customersStart: column((l) => l.cs),
    newCustomers: column((l) => l.nc),
    reactivated: column((l) => l.re),
    customersEnd: column((l) => l.ce),
    retained: column((l) => l.kept),
    retention: column((l) => l.rate),
    lost: column((l) => l.lost),
  };
}
