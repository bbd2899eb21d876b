/**
 * The Retention tab on a cohort table from the warehouse instead of an order log: the long form
 * that src/sql/cohortsSql.ts writes (one row per cohort and period k: cohort_start, period,
 * customers, active, share; active and share NULL where period cohort + k has not ended), read
 * back into the same CohortTable that cohortTable.ts builds from the order log, so the triangle,
 * the curves, the one-line reading and the Cohorts sheet are the same whichever side computed it.
 *
 * Rebuilding: cohorts sorted by start; columns C = 1 + the largest period k; the last ended period
 * is L = p₀ + C − 1 (p₀ = the first cohort's period: the SQL's period numbers run 0 … last_ended − p₀);
 * cell (cohort p, k) is known iff k = 0 or p + k ≤ L, as in the SQL and the core;
 * shares[k][r] = active / customers, computed here exactly as the core computes it (the sheet's share
 * is only checked: |share − active/customers| ≤ 1e-9 · active/customers). asOf is the last day of
 * period L (the log's own as-of date may lie later inside the unfinished period; the table cannot say).
 * Example (months): rows (2024-01-01, 0, 2, 2, 1), (2024-01-01, 1, 2, 0, 0), (2024-01-01, 2, 2, 1, 0.5),
 * (2024-02-01, 0, 1, 1, 1), (2024-02-01, 1, 1, 1, 1), (2024-02-01, 2, 1, NULL, NULL) → C = 3,
 * L = March 2024, January cohort 1, 0, 0.5; February 1, 1, blank; asOf 2024-03-31: cohortsSql.ts's hand example.
 *
 * Checked strictly, each refusal naming the sheet row and column (CohortTableError): blank, non-number
 * and non-whole cells, cohort starts that are not dates or not the first day of a period of the chosen
 * length (a table mixing weeks and months), customers differing within a cohort, active above
 * customers, a share that disagrees with active/customers, a (cohort, k) given twice, a period missing
 * from a cohort, a blank before a known period, blank cells where the period has ended and values
 * where it has not. Cost: O(rows) with a Map per cohort, yielding every YIELD_ROWS rows.
 */
import { isBlank, plainValue, readDate, at } from "../../analytics/orders/cells";
import { type PeriodKind, PERIOD_KINDS, periodEnd, periodIndex, periodStart } from "../../analytics/orders/calendarPeriods";
import { isoFromSerial } from "../../analytics/orders/dates";
import { isCellError } from "../../analytics/errors";
import { type CohortTable, MAX_COHORT_COLUMNS } from "../../analytics/retention/cohortTable";
import { yieldToHost } from "../../analytics/numeric/yieldToHost";
import { cellInMessage as shown, headerColumnFinder } from "../model/mapping";

export const COHORT_ROLES = ["start", "period", "customers", "active", "share"] as const;
export type CohortRole = (typeof COHORT_ROLES)[number];
export type CohortColumns = Readonly<Record<CohortRole, number | null>>;

/** Largest relative difference allowed between the sheet's share and active / customers. */
export const SHARE_TOLERANCE = 1e-9;

const YIELD_ROWS = 5_000;

// Header names as cohortsSql.ts writes them, and the usual variants in English, German and Norwegian.
const HEADERS: Record<CohortRole, RegExp> = {
  start: /^(cohort[ _]?(start|date|month|week|period)?|kohorte(n?(start|beginn|monat|woche))?|kohort(start|måned|uke)?)$/i,
  period: /^(period|k|period[ _]?(k|index|number|no\.?)|periods?[ _]since[ _]first|periode|periodenindex|periode[ _]?k|zeitraum)$/i,
  customers: /^(customers|cohort[ _]?size|size|n|kunden|kohortengr(ö|oe)(ß|ss)e|kunder|kohortstørrelse|antall[ _]kunder)$/i,
  active: /^(active|active[ _]customers|returning|retained|aktiv|aktive|aktive[ _]kunden|aktive[ _]kunder)$/i,
  share: /^(share|retention|retention[ _]rate|rate|anteil|quote|andel|retensjon)$/i,
};

/** Guesses the columns from the header row; null where no header matches. */
export function guessCohortColumns(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): CohortColumns {
  const find = headerColumnFinder(rows, hasHeaders, columnCount);
  const start = find(HEADERS.start);
  const period = find(HEADERS.period);
  const customers = find(HEADERS.customers);
  const active = find(HEADERS.active);
  const share = find(HEADERS.share);
  return { start, period, customers, active, share };
}

/** Whether the guessed columns make the selection a long-form cohort table rather than an order log. */
export const isCohortLongTable = (c: CohortColumns): boolean => c.start !== null && c.period !== null && c.customers !== null && (c.active !== null || c.share !== null);

/** Whether `serial` is the first day of a period of `kind`. */
const startsPeriod = (serial: number, kind: PeriodKind): boolean => periodStart(periodIndex(serial, kind), kind) === serial;

/**
 * The period length of a sample of cohort starts: the longest kind of which every start is the first
 * day (a quarterly table's starts are also month starts, a yearly one's quarter starts), or null when
 * no kind fits them all (starts of mixed period lengths, or not dates). Example: 2024-01-01, 2024-04-01
 * → quarter; 2024-01-01, 2024-02-01 → month; 2024-01-01 (a Monday), 2024-01-08 → week.
 */
export function guessCohortKind(rows: readonly (readonly unknown[])[], startColumn: number | null): PeriodKind | null {
  if (startColumn === null) return null;
  const starts = new Set<number>();
  for (const row of rows) {
    const v = readDate(row[startColumn], at("cohort_start"));
    if (typeof v === "number") starts.add(v);
  }
  if (starts.size === 0) return null;
  for (let i = PERIOD_KINDS.length - 1; i >= 0; i--) {
    const kind = PERIOD_KINDS[i];
    if ([...starts].every((s) => startsPeriod(s, kind))) return kind;
  }
  return null;
}

/** What is wrong with the table, for the pane to say in the user's language. Rows are sheet rows; dates ISO text. */
export type CohortIssue =
  | { readonly kind: "blank" | "notNumber" | "negative" | "notWhole" | "notDate"; readonly role: CohortRole; readonly row: number; readonly value: string }
  | { readonly kind: "notPeriodStart"; readonly role: "start"; readonly row: number; readonly value: string; readonly period: PeriodKind }
  | { readonly kind: "noCustomers"; readonly role: "customers"; readonly row: number }
  | { readonly kind: "activeAboveCustomers"; readonly role: "active" | "share"; readonly row: number; readonly value: number; readonly customers: number }
  | { readonly kind: "shareDiffers"; readonly role: "share"; readonly row: number; readonly value: number; readonly expected: number }
  | { readonly kind: "halfBlank"; readonly role: "active" | "share"; readonly row: number }
  | { readonly kind: "customersDiffer"; readonly role: "customers"; readonly row: number; readonly value: number; readonly cohort: string; readonly firstRow: number; readonly firstValue: number }
  | { readonly kind: "duplicate"; readonly role: "period"; readonly row: number; readonly cohort: string; readonly period: number; readonly firstRow: number }
  | { readonly kind: "missingPeriod"; readonly role: "period"; readonly row: number; readonly cohort: string; readonly period: number; readonly last: number }
  | { readonly kind: "blankInside"; readonly role: "active" | "share"; readonly row: number; readonly cohort: string; readonly period: number; readonly laterRow: number }
  | {
      readonly kind: "blankEnded" | "valueNotEnded";
      readonly role: "active" | "share";
      readonly row: number;
      readonly cohort: string;
      readonly period: number;
      readonly kindOfPeriod: PeriodKind;
      /** First day of the period the cell stands for. */
      readonly periodStart: string;
      /** First day of the last period the table covers (its first cohort's last period). */
      readonly lastStart: string;
    }
  | { readonly kind: "tooManyPeriods"; readonly role: "period"; readonly row: number; readonly value: number }
  | { readonly kind: "noRows"; readonly role: "start"; readonly row: 0 };

export class CohortTableError extends Error {
  constructor(readonly issue: CohortIssue) {
    super(`${issue.kind} in ${issue.role}, row ${issue.row}`);
    this.name = "CohortTableError";
  }
}


/** A blank cell, or the text NULL a database export leaves for "no value". */
export const isNullCell = (v: unknown): boolean => isBlank(v) || (typeof v === "string" && /^null$/i.test(v.trim()));

type Cell = { readonly row: number; readonly active: number | null; readonly share: number | null };
type Cohort = { readonly start: number; readonly firstRow: number; readonly customers: number; readonly cells: Map<number, Cell> };

export type ReadOptions = { readonly signal?: AbortSignal; readonly onProgress?: (done: number, total: number) => void; readonly cancelled?: () => Error };

/**
 * Reads the mapped columns of `rows` (data rows only; `firstSheetRow` is the sheet row of rows[0])
 * as a cohort table of period `kind`. Wholly blank rows are skipped; anything else wrong throws
 * CohortTableError with the first problem met (rows in sheet order, then cohort by cohort).
 */
export async function readCohortLongTable(
  rows: readonly (readonly unknown[])[],
  columns: CohortColumns,
  firstSheetRow: number,
  kind: PeriodKind,
  options: ReadOptions = {},
): Promise<CohortTable> {
  const n = rows.length;
  const mapped = COHORT_ROLES.filter((r) => columns[r] !== null);
  const cohorts = new Map<number, Cohort>();
  const issue = (i: CohortIssue): never => {
    throw new CohortTableError(i);
  };
  const cellOf = (row: readonly unknown[], role: CohortRole): unknown => plainValue(row[columns[role] as number]);
  /** A number 0 or more (whole when asked), or null for blank when `blankAllowed`. */
  const number = (row: readonly unknown[], role: CohortRole, sheetRow: number, whole: boolean, blankAllowed: boolean): number | null => {
    const v = cellOf(row, role);
    if (isNullCell(v)) {
      if (blankAllowed) return null;
      return issue({ kind: "blank", role, row: sheetRow, value: "" });
    }
    if (typeof v !== "number" || !Number.isFinite(v)) return issue({ kind: "notNumber", role, row: sheetRow, value: shown(v) });
    if (v < 0) return issue({ kind: "negative", role, row: sheetRow, value: String(v) });
    if (whole && Math.floor(v) !== v) return issue({ kind: "notWhole", role, row: sheetRow, value: String(v) });
    return v;
  };

  for (let i = 0; i < n; i++) {
    if (i > 0 && i % YIELD_ROWS === 0) {
      options.onProgress?.(i, n);
      await yieldToHost();
      if (options.signal?.aborted && options.cancelled) throw options.cancelled();
    }
    const row = rows[i] ?? [];
    const sheetRow = firstSheetRow + i;
    if (mapped.every((r) => isBlank(cellOf(row, r)))) continue;

    const startCell = cellOf(row, "start");
    if (isBlank(startCell)) issue({ kind: "blank", role: "start", row: sheetRow, value: "" });
    const start = readDate(startCell, at("cohort_start", sheetRow));
    if (start === null || isCellError(start)) return issue({ kind: "notDate", role: "start", row: sheetRow, value: shown(startCell) });
    if (!startsPeriod(start, kind)) issue({ kind: "notPeriodStart", role: "start", row: sheetRow, value: isoFromSerial(start), period: kind });
    const k = number(row, "period", sheetRow, true, false) as number;
    if (k >= MAX_COHORT_COLUMNS) issue({ kind: "tooManyPeriods", role: "period", row: sheetRow, value: k });
    const customers = number(row, "customers", sheetRow, true, false) as number;
    if (customers === 0) issue({ kind: "noCustomers", role: "customers", row: sheetRow });
    const active = columns.active === null ? null : number(row, "active", sheetRow, true, true);
    const share = columns.share === null ? null : number(row, "share", sheetRow, false, true);
    if (columns.active !== null && columns.share !== null && (active === null) !== (share === null)) {
      issue({ kind: "halfBlank", role: active === null ? "active" : "share", row: sheetRow });
    }
    let count = active;
    if (count !== null && count > customers) issue({ kind: "activeAboveCustomers", role: "active", row: sheetRow, value: count, customers });
    if (share !== null) {
      if (count === null) {
        // No active column: the share must be a whole number of the cohort's customers.
        const whole = Math.round(share * customers);
        if (Math.abs(whole / customers - share) > SHARE_TOLERANCE * (whole / customers)) {
          issue({ kind: "shareDiffers", role: "share", row: sheetRow, value: share, expected: whole / customers });
        }
        count = whole;
        if (count > customers) issue({ kind: "activeAboveCustomers", role: "share", row: sheetRow, value: count, customers });
      } else {
        const expected = count / customers;
        if (Math.abs(share - expected) > SHARE_TOLERANCE * expected) issue({ kind: "shareDiffers", role: "share", row: sheetRow, value: share, expected });
      }
    }

    let cohort = cohorts.get(start);
    if (!cohort) {
      cohort = { start, firstRow: sheetRow, customers, cells: new Map() };
      cohorts.set(start, cohort);
    } else if (cohort.customers !== customers) {
      issue({ kind: "customersDiffer", role: "customers", row: sheetRow, value: customers, cohort: isoFromSerial(start), firstRow: cohort.firstRow, firstValue: cohort.customers });
    }
    const before = cohort.cells.get(k);
    if (before) issue({ kind: "duplicate", role: "period", row: sheetRow, cohort: isoFromSerial(start), period: k, firstRow: before.row });
    cohort.cells.set(k, { row: sheetRow, active: count, share });
  }
  options.onProgress?.(n, n);
  if (cohorts.size === 0) issue({ kind: "noRows", role: "start", row: 0 });

  const sorted = [...cohorts.values()].sort((a, b) => a.start - b.start);
  let columnsCount = 0;
  for (const c of sorted) for (const k of c.cells.keys()) columnsCount = Math.max(columnsCount, k + 1);
  const valueRole = columns.active !== null ? "active" : "share";
  const first = periodIndex(sorted[0].start, kind);
  const lastEnded = first + columnsCount - 1;

  for (const c of sorted) {
    const cohortIso = isoFromSerial(c.start);
    for (let k = 0; k < columnsCount; k++) {
      if (!c.cells.has(k)) issue({ kind: "missingPeriod", role: "period", row: c.firstRow, cohort: cohortIso, period: k, last: columnsCount - 1 });
    }
    // A blank followed by a value: only the end of a row may be blank.
    let blankAt = -1;
    for (let k = 0; k < columnsCount; k++) {
      const cell = c.cells.get(k) as Cell;
      if (cell.active === null && blankAt < 0) blankAt = k;
      else if (cell.active !== null && blankAt >= 0) {
        const blank = c.cells.get(blankAt) as Cell;
        issue({ kind: "blankInside", role: valueRole, row: blank.row, cohort: cohortIso, period: blankAt, laterRow: cell.row });
      }
    }
    const p = periodIndex(c.start, kind);
    for (let k = 0; k < columnsCount; k++) {
      const cell = c.cells.get(k) as Cell;
      const known = k === 0 || p + k <= lastEnded;
      if (known === (cell.active !== null)) continue;
      issue({
        kind: known ? "blankEnded" : "valueNotEnded",
        role: valueRole,
        row: cell.row,
        cohort: cohortIso,
        period: k,
        kindOfPeriod: kind,
        periodStart: isoFromSerial(periodStart(p + k, kind)),
        lastStart: isoFromSerial(periodStart(lastEnded, kind)),
      });
    }
  }

  const count = sorted.length;
  const cohortStart = new Float64Array(count);
  const cohortSize = new Float64Array(count);
  const active: Float64Array[] = [];
  const shares: Float64Array[] = [];
  for (let k = 0; k < columnsCount; k++) {
    active.push(new Float64Array(count));
    shares.push(new Float64Array(count));
  }
  sorted.forEach((c, r) => {
    cohortStart[r] = c.start;
    cohortSize[r] = c.customers;
    for (let k = 0; k < columnsCount; k++) {
      const a = (c.cells.get(k) as Cell).active;
      active[k][r] = a === null ? NaN : a;
      shares[k][r] = a === null ? NaN : a / c.customers;
    }
  });
  return { kind, asOf: periodEnd(lastEnded, kind), cohortStart, cohortSize, columns: columnsCount, active, shares };
}
