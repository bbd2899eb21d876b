/**
 * The Retention view's state and steps (pick → map → periods → build → curve) as one hook over a
 * discriminated union. Talks to Excel only through the RetentionPort it is given.
 */
import * as React from "react";
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import { ExcelLayerError, writeCohortsSheet } from "../excel";
import { excelLayerNotice } from "../components/excelLayerNotice";
import type { ExcelPort } from "../excel/port";
import type { Region, SheetWritten } from "../excel/types";
import { columnLetter, detectHeaders, headerTexts, withColumnFor } from "../model/mapping";
import type { Strings } from "../strings/en";
import { cohortsSheetPlan } from "./cohortsPlan";
import {
  COHORT_ROLES,
  type CohortColumns,
  type CohortRole,
  CohortTableError,
  guessCohortColumns,
  guessCohortKind,
  isCohortLongTable,
  readCohortLongTable,
} from "./cohortLongTable";
import {
  PERIOD_TABLE_ROLES,
  type PeriodTableColumns,
  type PeriodTableRole,
  PeriodTableError,
  REQUIRED_PERIOD_ROLES,
  guessPeriodTableColumns,
  isPeriodTable,
  readPeriodRetentionTable,
} from "./periodRetentionTable";
import {
  LONGEST_PERIOD_DAYS,
  type LogIssueGroup,
  type LogMapping,
  RetentionError,
  type RetentionResult,
  type RetentionSource,
  cohortTableResult,
  defaultActiveDays,
  guessLogMapping,
  periodTableResult,
  runRetention,
} from "./retentionRun";

/** What the view needs from Excel: the Segment pane's selection reading, and the Cohorts writer. */
export type RetentionPort = {
  readonly officeTheme: ExcelPort["officeTheme"];
  readonly readSelection: ExcelPort["readSelection"];
  readonly readRows: ExcelPort["readRows"];
  readonly writeCohortsSheet: typeof writeCohortsSheet;
};

/** The pane's own port plus the real Cohorts writer. */
export function retentionPortOf(port: ExcelPort): RetentionPort {
  return { officeTheme: port.officeTheme, readSelection: port.readSelection, readRows: port.readRows, writeCohortsSheet };
}

export type RetentionSetup = {
  readonly region: Region;
  readonly firstRows: readonly (readonly unknown[])[];
  readonly hasHeaders: boolean;
  /** What the selection holds: an order log, or the cohort or period table of the warehouse SQL. */
  readonly input: RetentionSource;
  /** Whether `input` was recognised from the headers (and not chosen by the user). */
  readonly detected: boolean;
  readonly mapping: LogMapping;
  readonly cohortColumns: CohortColumns;
  readonly periodColumns: PeriodTableColumns;
  readonly period: PeriodKind;
  /** As typed; checked when the user builds. */
  readonly activeDays: string;
  /** Whether the user typed active days (then a period change keeps them). */
  readonly activeDaysEdited: boolean;
};

export type RetentionNotice = { readonly intent: "error" | "warning" | "info"; readonly text: string };

export type RetentionPhase = "reading" | "readingTable" | "computing" | "checking" | "writing";

export type RetentionState =
  | { readonly status: "start"; readonly notice: RetentionNotice | null }
  | { readonly status: "picking" }
  | { readonly status: "ready"; readonly setup: RetentionSetup; readonly notice: RetentionNotice | null; readonly issues: readonly LogIssueGroup[] }
  | { readonly status: "running"; readonly setup: RetentionSetup; readonly phase: RetentionPhase; readonly done: number; readonly total: number }
  | { readonly status: "done"; readonly setup: RetentionSetup; readonly result: RetentionResult; readonly written: SheetWritten };

/** The plain-language notice for anything a step threw. */
export function retentionNotice(error: unknown, strings: Strings, period: PeriodKind = "month"): RetentionNotice {
  const r = strings.retention.errors;
  const e = strings.errors;
  if (error instanceof RetentionError) {
    switch (error.kind) {
      case "noOrders":
        return { intent: "error", text: r.noOrders };
      case "noRepeats":
        return { intent: "warning", text: r.noRepeats(period) };
      case "activeDaysTooShort":
        return { intent: "error", text: r.activeDays(LONGEST_PERIOD_DAYS[period]) };
      case "cancelled":
        return { intent: "info", text: e.cancelled };
      case "core":
        return { intent: "error", text: r.core(error.message) };
    }
  }
  if (error instanceof ExcelLayerError && error.kind === "structureProtected") return { intent: "warning", text: r.structureProtected };
  return excelLayerNotice(error, strings);
}

/** The active days as a whole number, or null when the text is not one. */
export function parseActiveDays(text: string): number | null {
  const t = text.trim().replace(/[\s,.](?=\d{3}\b)/g, "");
  return /^\d+$/.test(t) ? Number(t) : null;
}

/**
 * Reads the id and date columns of the data rows as [id, date] pairs, both columns in the same
 * request for every block (never one pass per column: a sort between two passes would pair the
 * wrong ids and dates). A change between blocks stops the read (readRows).
 */
async function readLog(port: RetentionPort, setup: RetentionSetup, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<unknown[][]> {
  const { region, mapping } = setup;
  const first = setup.hasHeaders ? 1 : 0;
  return port.readRows(region, first, region.rowCount - first, { signal, onProgress, columns: [mapping.id as number, mapping.date as number] });
}

/**
 * Every guess made from the picked rows: the log's columns, the warehouse tables' columns, which of
 * the three the selection holds (a period table's or cohort table's headers win over a log guess),
 * and, for a table, its period length from the start dates.
 */
export function guessSetup(region: Region, firstRows: readonly (readonly unknown[])[], hasHeaders: boolean): Omit<RetentionSetup, "activeDays" | "activeDaysEdited"> {
  const mapping = guessLogMapping(firstRows, hasHeaders, region.columnCount);
  const cohortColumns = guessCohortColumns(firstRows, hasHeaders, region.columnCount);
  const periodColumns = guessPeriodTableColumns(firstRows, hasHeaders, region.columnCount);
  const input: RetentionSource = isPeriodTable(periodColumns) ? "periodTable" : isCohortLongTable(cohortColumns) ? "cohortTable" : "log";
  const sample = hasHeaders ? firstRows.slice(1) : firstRows;
  const start = input === "periodTable" ? periodColumns.start : cohortColumns.start;
  const period = (input === "log" ? null : guessCohortKind(sample, start)) ?? "month";
  return { region, firstRows, hasHeaders, input, detected: input !== "log", mapping, cohortColumns, periodColumns, period };
}

/** The columns of `roles` that are mapped, in role order, and the same mapping renumbered 0, 1, … for the rows read with them. */
function readPlan<R extends string>(roles: readonly R[], columns: Readonly<Record<R, number | null>>): { read: number[]; local: Record<R, number | null> } {
  const read: number[] = [];
  const local = {} as Record<R, number | null>;
  for (const role of roles) {
    const c = columns[role];
    local[role] = c === null ? null : read.push(c) - 1;
  }
  return { read, local };
}

/** A column as the pane names it: "share (column E)". */
function columnName(setup: RetentionSetup, column: number | null, fallback: string, strings: Strings): string {
  if (column === null) return fallback;
  return strings.map.columnOption(columnLetter(setup.region.columnIndex + column), headerTexts(setup.firstRows, setup.hasHeaders, setup.region.columnCount)[column]);
}

export function useRetentionFlow(port: RetentionPort, strings: Strings) {
  const [state, setState] = React.useState<RetentionState>({ status: "start", notice: null });
  const abort = React.useRef<AbortController | null>(null);

  const pickSelection = React.useCallback(async () => {
    setState({ status: "picking" });
    try {
      const { region, firstRows } = await port.readSelection();
      if (region.rowCount === 0 || firstRows.every((row) => row.every((v) => v === "" || v === null))) {
        setState({ status: "start", notice: { intent: "error", text: strings.retention.errors.empty } });
        return;
      }
      const hasHeaders = detectHeaders(firstRows);
      if (region.rowCount - (hasHeaders ? 1 : 0) < 1 || region.rowCount === 1) {
        setState({ status: "start", notice: { intent: "error", text: strings.retention.errors.singleRow } });
        return;
      }
      const guess = guessSetup(region, firstRows, hasHeaders);
      const setup: RetentionSetup = { ...guess, activeDays: String(defaultActiveDays(guess.period)), activeDaysEdited: false };
      setState({ status: "ready", setup, notice: null, issues: [] });
    } catch (error) {
      setState({ status: "start", notice: retentionNotice(error, strings) });
    }
  }, [port, strings]);

  const update = React.useCallback((change: (setup: RetentionSetup) => RetentionSetup) => {
    setState((s) => (s.status === "ready" ? { ...s, setup: change(s.setup), notice: s.notice?.intent === "error" ? null : s.notice } : s));
  }, []);

  const setHasHeaders = React.useCallback(
    (hasHeaders: boolean) =>
      update((s) => {
        const guess = guessSetup(s.region, s.firstRows, hasHeaders);
        // A detected input follows the new guess; one the user chose stays.
        return { ...s, ...guess, input: s.detected ? guess.input : s.input, detected: s.detected && guess.detected, period: s.detected ? guess.period : s.period };
      }),
    [update],
  );
  const setInput = React.useCallback(
    (input: RetentionSource) =>
      update((s) => {
        const sample = s.hasHeaders ? s.firstRows.slice(1) : s.firstRows;
        const start = input === "periodTable" ? s.periodColumns.start : input === "cohortTable" ? s.cohortColumns.start : null;
        const period = guessCohortKind(sample, start) ?? s.period;
        return { ...s, input, detected: false, period, activeDays: s.activeDaysEdited ? s.activeDays : String(defaultActiveDays(period)) };
      }),
    [update],
  );
  /** A column plays one role: taking it for `role` takes it from the role that had it. */
  const setCohortColumn = React.useCallback(
    (role: CohortRole, column: number | null) =>
      update((s) => ({
        ...s,
        cohortColumns: withColumnFor(s.cohortColumns, COHORT_ROLES, role, column, null),
      })),
    [update],
  );
  const setPeriodColumn = React.useCallback(
    (role: PeriodTableRole, column: number | null) =>
      update((s) => ({
        ...s,
        periodColumns: withColumnFor(s.periodColumns, PERIOD_TABLE_ROLES, role, column, null),
      })),
    [update],
  );
  const setMapping = React.useCallback((mapping: LogMapping) => update((s) => ({ ...s, mapping })), [update]);
  const setPeriod = React.useCallback(
    (period: PeriodKind) => update((s) => ({ ...s, period, activeDays: s.activeDaysEdited ? s.activeDays : String(defaultActiveDays(period)) })),
    [update],
  );
  const setActiveDays = React.useCallback((text: string) => update((s) => ({ ...s, activeDays: text, activeDaysEdited: true })), [update]);

  const build = React.useCallback(async () => {
    if (state.status !== "ready") return;
    const setup = state.setup;
    const r = strings.retention.errors;
    const fail = (notice: RetentionNotice, issues: readonly LogIssueGroup[] = []): void => setState({ status: "ready", setup, notice, issues });
    if (setup.input !== "log") return buildFromTable(setup, fail);
    const { id, date } = setup.mapping;
    if (id === null) return fail({ intent: "error", text: r.noId });
    if (date === null) return fail({ intent: "error", text: r.noDate });
    if (id === date) return fail({ intent: "error", text: r.sameColumn });
    const activeDays = parseActiveDays(setup.activeDays);
    const minimum = LONGEST_PERIOD_DAYS[setup.period];
    if (activeDays === null || activeDays < minimum) return fail({ intent: "error", text: r.activeDays(minimum) });

    const controller = new AbortController();
    abort.current = controller;
    const signal = controller.signal;
    const progress = (phase: RetentionPhase) => (done: number, total: number) => setState({ status: "running", setup, phase, done, total });
    try {
      const dataRows = setup.region.rowCount - (setup.hasHeaders ? 1 : 0);
      progress("reading")(0, dataRows);
      const rows = await readLog(port, setup, signal, progress("reading"));
      const result = await runRetention({
        rows,
        firstSheetRow: setup.region.rowIndex + (setup.hasHeaders ? 1 : 0) + 1,
        idColumn: 0,
        dateColumn: 1,
        period: setup.period,
        activeDays,
        signal,
        onProgress: progress("computing"),
      });
      if (signal.aborted) throw new RetentionError("cancelled");
      const written = await port.writeCohortsSheet(cohortsSheetPlan(result, strings), { signal, onProgress: progress("writing") });
      setState({ status: "done", setup, result, written });
    } catch (error) {
      fail(retentionNotice(error, strings, setup.period), error instanceof RetentionError ? error.issues : []);
    } finally {
      abort.current = null;
    }
  }, [state, port, strings]);

  /** The warehouse's cohort or period table: read every mapped column, check it strictly, write the same Cohorts sheet. */
  const buildFromTable = async (setup: RetentionSetup, fail: (notice: RetentionNotice) => void): Promise<void> => {
    const r = strings.retention.errors;
    const t = strings.retention.table;
    let activeDays = 0;
    if (setup.input === "cohortTable") {
      const c = setup.cohortColumns;
      if (c.start === null || c.period === null || c.customers === null || (c.active === null && c.share === null)) return fail({ intent: "error", text: t.needCohortColumns });
    } else {
      if (REQUIRED_PERIOD_ROLES.some((role) => setup.periodColumns[role] === null)) return fail({ intent: "error", text: t.needPeriodColumns });
      const typed = parseActiveDays(setup.activeDays);
      const minimum = LONGEST_PERIOD_DAYS[setup.period];
      if (typed === null || typed < minimum) return fail({ intent: "error", text: r.activeDays(minimum) });
      activeDays = typed;
    }
    const controller = new AbortController();
    abort.current = controller;
    const signal = controller.signal;
    const progress = (phase: RetentionPhase) => (done: number, total: number) => setState({ status: "running", setup, phase, done, total });
    const first = setup.hasHeaders ? 1 : 0;
    const firstSheetRow = setup.region.rowIndex + first + 1;
    try {
      progress("readingTable")(0, setup.region.rowCount - first);
      let result: RetentionResult;
      if (setup.input === "cohortTable") {
        const plan = readPlan(COHORT_ROLES, setup.cohortColumns);
        const rows = await port.readRows(setup.region, first, setup.region.rowCount - first, { signal, onProgress: progress("readingTable"), columns: plan.read });
        const table = await readCohortLongTable(rows, plan.local, firstSheetRow, setup.period, {
          signal,
          onProgress: progress("checking"),
          cancelled: () => new RetentionError("cancelled"),
        });
        result = cohortTableResult(table);
      } else {
        const plan = readPlan(PERIOD_TABLE_ROLES, setup.periodColumns);
        const rows = await port.readRows(setup.region, first, setup.region.rowCount - first, { signal, onProgress: progress("readingTable"), columns: plan.read });
        progress("checking")(0, rows.length);
        result = periodTableResult(readPeriodRetentionTable(rows, plan.local, firstSheetRow, setup.period, activeDays));
      }
      if (signal.aborted) throw new RetentionError("cancelled");
      const written = await port.writeCohortsSheet(cohortsSheetPlan(result, strings), { signal, onProgress: progress("writing") });
      setState({ status: "done", setup, result, written });
    } catch (error) {
      if (error instanceof CohortTableError) {
        const role = error.issue.role;
        fail({ intent: "error", text: t.cohortIssue(error.issue, columnName(setup, setup.cohortColumns[role], t.cohortRoles[role], strings)) });
      } else if (error instanceof PeriodTableError) {
        const role = error.issue.role;
        fail({ intent: "error", text: t.periodIssue(error.issue, columnName(setup, setup.periodColumns[role], t.periodRoles[role], strings)) });
      } else fail(retentionNotice(error, strings, setup.period));
    } finally {
      abort.current = null;
    }
  };

  const cancel = React.useCallback(() => abort.current?.abort(), []);
  const startOver = React.useCallback(() => setState({ status: "start", notice: null }), []);

  return { state, pickSelection, setHasHeaders, setInput, setMapping, setCohortColumn, setPeriodColumn, setPeriod, setActiveDays, build, cancel, startOver };
}
