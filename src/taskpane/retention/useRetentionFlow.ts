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
import { detectHeaders } from "../model/mapping";
import type { Strings } from "../strings/en";
import { cohortsSheetPlan } from "./cohortsPlan";
import {
  LONGEST_PERIOD_DAYS,
  type LogIssueGroup,
  type LogMapping,
  RetentionError,
  type RetentionResult,
  defaultActiveDays,
  guessLogMapping,
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
  readonly mapping: LogMapping;
  readonly period: PeriodKind;
  /** As typed; checked when the user builds. */
  readonly activeDays: string;
  /** Whether the user typed active days (then a period change keeps them). */
  readonly activeDaysEdited: boolean;
};

export type RetentionNotice = { readonly intent: "error" | "warning" | "info"; readonly text: string };

export type RetentionPhase = "reading" | "computing" | "writing";

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
      const setup: RetentionSetup = {
        region,
        firstRows,
        hasHeaders,
        mapping: guessLogMapping(firstRows, hasHeaders, region.columnCount),
        period: "month",
        activeDays: String(defaultActiveDays("month")),
        activeDaysEdited: false,
      };
      setState({ status: "ready", setup, notice: null, issues: [] });
    } catch (error) {
      setState({ status: "start", notice: retentionNotice(error, strings) });
    }
  }, [port, strings]);

  const update = React.useCallback((change: (setup: RetentionSetup) => RetentionSetup) => {
    setState((s) => (s.status === "ready" ? { ...s, setup: change(s.setup), notice: s.notice?.intent === "error" ? null : s.notice } : s));
  }, []);

  const setHasHeaders = React.useCallback(
    (hasHeaders: boolean) => update((s) => ({ ...s, hasHeaders, mapping: guessLogMapping(s.firstRows, hasHeaders, s.region.columnCount) })),
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

  const cancel = React.useCallback(() => abort.current?.abort(), []);
  const startOver = React.useCallback(() => setState({ status: "start", notice: null }), []);

  return { state, pickSelection, setHasHeaders, setMapping, setPeriod, setActiveDays, build, cancel, startOver };
}
