/**
 * The pane's state and steps (pick → map → segment → summary) as one hook over a discriminated
 * union. Talks to Excel only through the ExcelPort it is given.
 */
import * as React from "react";
import { ExcelLayerError } from "../excel";
import { excelLayerNotice } from "./excelLayerNotice";
import type { Region, WriteTargets } from "../excel/types";
import type { ExcelPort } from "../excel/port";
import { type BehaviourMeasure, type Cutoff, availableMeasures, defaultMeasure } from "../model/behaviour";
import { type Mapping, MappingMemory, detectHeaders, guessMapping, headerTexts, mappingFits } from "../model/mapping";
import { computeBtyd } from "../model/btydModel";
import { columnPlan, sheetPlan } from "../model/plans";
import { RunError, type RunMode, type RunResult, runSegmentation } from "../model/segmentRun";
import { parseNumberIn } from "../i18n/format";
import type { Strings } from "../strings/en";

export type Target = "sheet" | "beside" | "insert";
export type CutoffChoice = { readonly kind: "median" } | { readonly kind: "atLeast"; readonly text: string };

export type Setup = {
  readonly region: Region;
  readonly firstRows: readonly (readonly unknown[])[];
  readonly hasHeaders: boolean;
  readonly mapping: Mapping;
  readonly measure: BehaviourMeasure | null;
  readonly cutoff: CutoffChoice;
  readonly mode: RunMode;
  readonly target: Target;
  readonly targets: WriteTargets;
};

export type Notice = {
  readonly intent: "error" | "warning" | "success" | "info";
  readonly text: string;
  /** A way out the pane offers beside the message. */
  readonly offer?: "rfm" | "column";
};

export type Phase = "reading" | "computing" | "writing";

export type Written = { readonly kind: "sheet"; readonly name: string; readonly formatted: boolean } | { readonly kind: "column" };

export type FlowState =
  | { readonly status: "start"; readonly notice: Notice | null }
  | { readonly status: "picking" }
  | { readonly status: "ready"; readonly setup: Setup; readonly notice: Notice | null }
  | { readonly status: "running"; readonly setup: Setup; readonly phase: Phase; readonly done: number; readonly total: number }
  | { readonly status: "done"; readonly setup: Setup; readonly result: RunResult; readonly written: Written };

/** Session memory of mappings per sheet (lives as long as the pane). */
const memory = new MappingMemory();

export function formatNumber(strings: Strings, value: number, digits = 2): string {
  return strings.format.number(value, digits);
}

/** The plain-language notice for anything a step threw. */
export function noticeFor(error: unknown, strings: Strings, setup?: Setup): Notice {
  const e = strings.errors;
  if (error instanceof RunError) {
    switch (error.kind) {
      case "needAttitude":
        return { intent: "warning", text: e.noAttitude, offer: setup && rfmPossible(setup.mapping) ? "rfm" : undefined };
      case "needCutoff":
        return { intent: "warning", text: e.needCutoff(formatNumber(strings, error.median ?? 0)) };
      case "needRfmColumns":
        return { intent: "error", text: e.needRfmColumns };
      case "needBehaviour":
        return { intent: "error", text: e.needBehaviour };
      case "noRows":
        return { intent: "error", text: e.singleRow };
      case "noUsableRows":
        return { intent: "error", text: e.noUsableRows };
      case "cancelled":
        return { intent: "info", text: e.cancelled };
    }
  }
  if (error instanceof ExcelLayerError && error.kind === "structureProtected") {
    // No new sheet possible: offer the column beside the data where that can still be written.
    const besideKind = setup?.targets.beside.kind;
    const offer = setup && besideKind !== "sheetProtected" && besideKind !== "noRoom" ? "column" : undefined;
    return { intent: "warning", text: e.structureProtected, offer };
  }
  if (error instanceof ExcelLayerError && error.kind === "unknown" && error.message === "occupied") {
    return { intent: "error", text: e.besideTaken };
  }
  return excelLayerNotice(error, strings);
}

function defaultTarget(targets: WriteTargets): Target {
  if (targets.newSheetAllowed) return "sheet";
  if (targets.beside.kind === "empty") return "beside";
  if (targets.beside.kind === "occupied") return "insert";
  return "sheet";
}

/** Targets offered: a new sheet; beside when those cells are empty; insert when they are not. */
export function offeredTargets(targets: WriteTargets): Target[] {
  const out: Target[] = ["sheet"];
  if (targets.beside.kind === "empty") out.push("beside");
  if (targets.beside.kind === "occupied") out.push("insert");
  return out;
}

/** Recency, frequency and monetary are all mapped, so RFM segments can be made. */
export function rfmPossible(mapping: Mapping): boolean {
  const c = mapping.columns;
  return c.recency !== null && c.frequency !== null && c.monetary !== null;
}

/**
 * The four loyalty groups when an attitude column is mapped; RFM segments when it is not and
 * recency, frequency and monetary are (the pane says why in one line); otherwise the groups,
 * whose Segment button then says what is missing.
 */
export function modeFor(mapping: Mapping): RunMode {
  return mapping.columns.attitude === null && rfmPossible(mapping) ? "rfm" : "groups";
}

function withMapping(setup: Setup, mapping: Mapping): Setup {
  const measures = availableMeasures(mapping);
  const measure = setup.measure !== null && measures.includes(setup.measure) ? setup.measure : defaultMeasure(mapping);
  return { ...setup, mapping, measure, mode: modeFor(mapping) };
}

/** The typed cutoff, read in the user's culture ("9,5" and "9.5" alike; "1.234,5" in de). */
export function parseCutoff(choice: CutoffChoice, read: (text: string) => number | null = (text) => parseNumberIn(text, ".", ",")): Cutoff | null {
  if (choice.kind === "median") return { kind: "median" };
  const value = read(choice.text);
  return value === null ? null : { kind: "atLeast", value };
}

export function useSegmentFlow(port: ExcelPort, strings: Strings) {
  const [state, setState] = React.useState<FlowState>({ status: "start", notice: null });
  const abort = React.useRef<AbortController | null>(null);

  const pickSelection = React.useCallback(async () => {
    setState({ status: "picking" });
    try {
      const read = await port.readSelection();
      const { region, firstRows } = read;
      if (region.rowCount === 0 || firstRows.every((row) => row.every((v) => v === "" || v === null))) {
        setState({ status: "start", notice: { intent: "error", text: strings.errors.empty } });
        return;
      }
      const hasHeaders = detectHeaders(firstRows);
      if (region.rowCount - (hasHeaders ? 1 : 0) < 1 || region.rowCount === 1) {
        setState({ status: "start", notice: { intent: "error", text: strings.errors.singleRow } });
        return;
      }
      const heads = headerTexts(firstRows, hasHeaders, region.columnCount);
      const remembered = memory.recall(region.sheetName, heads);
      const mapping = remembered && mappingFits(remembered, region.columnCount) ? remembered : guessMapping(firstRows, hasHeaders, region.columnCount);
      let targets: WriteTargets;
      try {
        targets = await port.checkWriteTargets(region);
      } catch {
        targets = { newSheetAllowed: true, beside: { kind: "occupied" } };
      }
      const setup: Setup = {
        region,
        firstRows,
        hasHeaders,
        mapping,
        measure: defaultMeasure(mapping),
        cutoff: { kind: "median" },
        mode: modeFor(mapping),
        target: defaultTarget(targets),
        targets,
      };
      // Without an attitude column the pane goes straight to RFM segments when it can (one line says so).
      const notice = setup.mode === "groups" && mapping.columns.attitude === null ? noticeFor(new RunError("needAttitude"), strings, setup) : null;
      setState({ status: "ready", setup, notice });
    } catch (error) {
      setState({ status: "start", notice: noticeFor(error, strings) });
    }
  }, [port, strings]);

  const update = React.useCallback((change: (setup: Setup) => Setup) => {
    setState((s) => (s.status === "ready" ? { status: "ready", setup: change(s.setup), notice: s.notice?.intent === "error" ? null : s.notice } : s));
  }, []);

  const setMapping = React.useCallback((mapping: Mapping) => update((s) => withMapping(s, mapping)), [update]);

  const setHasHeaders = React.useCallback(
    (hasHeaders: boolean) => update((s) => withMapping({ ...s, hasHeaders }, guessMapping(s.firstRows, hasHeaders, s.region.columnCount))),
    [update],
  );

  const segment = React.useCallback(async () => {
    if (state.status !== "ready") return;
    const setup = state.setup;
    const fail = (notice: Notice): void => setState({ status: "ready", setup, notice });
    if (setup.mapping.columns.id === null) return fail({ intent: "error", text: strings.errors.noId });
    if (setup.mode === "groups" && setup.mapping.columns.attitude === null) return fail(noticeFor(new RunError("needAttitude"), strings, setup));
    if (setup.mode === "groups" && setup.measure === null) return fail({ intent: "error", text: strings.behaviour.noBehaviour });
    const cutoff = parseCutoff(setup.cutoff, strings.format.parseNumber);
    if (cutoff === null) return fail({ intent: "error", text: strings.errors.badCutoff });

    memory.remember(setup.region.sheetName, headerTexts(setup.firstRows, setup.hasHeaders, setup.region.columnCount), setup.mapping);
    const controller = new AbortController();
    abort.current = controller;
    const signal = controller.signal;
    const headerRows = setup.hasHeaders ? 1 : 0;
    const dataRows = setup.region.rowCount - headerRows;
    const progress = (phase: Phase) => (done: number, total: number) => setState({ status: "running", setup, phase, done, total });
    try {
      progress("reading")(0, dataRows);
      const rows = await port.readRows(setup.region, headerRows, dataRows, { signal, onProgress: progress("reading") });
      const segmented = await runSegmentation({
        rows,
        firstSheetRow: setup.region.rowIndex + headerRows + 1,
        mapping: setup.mapping,
        mode: setup.mode,
        measure: setup.measure ?? "rfmSum",
        cutoff,
        signal,
        onProgress: progress("computing"),
      });
      // Predicted value when histories are mapped or derivable; a failed fit leaves the run as it was.
      const btyd = await computeBtyd({
        rows,
        firstSheetRow: segmented.firstSheetRow,
        mapping: setup.mapping,
        segments: segmented.segments,
        names: segmented.summary.rows.map((r) => r.segment),
        groups: segmented.mode === "groups",
        weights: segmented.weights,
        signal,
      });
      if (signal.aborted) throw new RunError("cancelled");
      const result: RunResult = btyd === null ? segmented : { ...segmented, btyd };
      let written: Written;
      if (setup.target === "sheet") {
        const plan = sheetPlan(result, setup.mapping.attitudeScale, strings);
        const done = await port.writeSegmentsSheet(plan, { signal, onProgress: progress("writing") });
        written = { kind: "sheet", name: done.sheetName, formatted: done.formatted };
      } else {
        const plan = columnPlan(result, setup.region, setup.hasHeaders, setup.target, strings);
        await port.writeSegmentColumn(plan, { signal, onProgress: progress("writing") });
        written = { kind: "column" };
      }
      setState({ status: "done", setup, result, written });
    } catch (error) {
      fail(noticeFor(error, strings, setup));
    } finally {
      abort.current = null;
    }
  }, [state, port, strings]);

  const cancel = React.useCallback(() => abort.current?.abort(), []);

  const startOver = React.useCallback(() => setState({ status: "start", notice: null }), []);

  const accept = React.useCallback(
    (offer: "rfm" | "column") => {
      if (offer === "rfm") update((s) => ({ ...s, mode: "rfm" }));
      else update((s) => ({ ...s, target: s.targets.beside.kind === "empty" ? "beside" : "insert" }));
      setState((s) => (s.status === "ready" ? { ...s, notice: null } : s));
    },
    [update],
  );

  return { state, pickSelection, update, setMapping, setHasHeaders, segment, cancel, startOver, accept };
}
