/**
 * Writes the Retention view's `Cohorts` sheet with the report-sheet writer (reportSheet.ts): plain
 * blocks of values (the cohort triangle, the period-retention table, the curve data), then number
 * formats, ONE colour-scale conditional
 * format over the triangle's shares, and a native line chart of the latest cohorts' curves.
 * Part of the Excel layer (see index.ts for the API surface it uses); the plan is built by
 * src/taskpane/retention/cohortsPlan.ts and holds no Office types.
 *
 * Every non-empty string cell is set to the text format "@" in the same request, before its value
 * (textCells.ts), so labels and ids stay as written.
 *
 * Never overwrites: the sheet is always new (`Cohorts`, `Cohorts (2)`, …). Values go in row blocks
 * (halving on RequestPayloadSizeLimitExceeded); a sheet left half-written by an error or Cancel is
 * deleted, or renamed with `plan.incompleteName` if it cannot be. A formatting failure keeps the
 * values and reports `formatted: false`.
 */
import { type SheetArea, type SheetBlock, writeReportSheet } from "./reportSheet";
import type { WriteOptions } from "./sheets";
import type { SheetWritten } from "./types";

export type { SheetArea, SheetBlock } from "./reportSheet";

export type CohortsSheetPlan = {
  /** Preferred sheet name; "(2)", "(3)" … are appended when taken. */
  readonly baseName: string;
  /** Name for a sheet that could be neither finished nor removed. */
  readonly incompleteName: (name: string) => string;
  readonly blocks: readonly SheetBlock[];
  /** Number formats: one format for every cell of the area. */
  readonly formats: readonly (SheetArea & { readonly format: string })[];
  /** Two-colour scale from the lowest to the highest value of the area; null when there is nothing to colour. */
  readonly colourScale: (SheetArea & { readonly low: string; readonly high: string }) | null;
  /** Line chart over the area (first column: category labels, first row: series names), placed at `anchor`. */
  readonly chart: (SheetArea & { readonly title: string; readonly anchor: { readonly row: number; readonly column: number } }) | null;
  /** Areas whose columns are autofitted (tables without their one-cell titles, which may overflow). */
  readonly autofit: readonly SheetArea[];
};

/** Writes the plan to a new sheet (reportSheet.ts); resolves with its name and whether formatting succeeded. */
export async function writeCohortsSheet(plan: CohortsSheetPlan, options: WriteOptions = {}): Promise<SheetWritten> {
  return writeReportSheet(
    {
      baseName: plan.baseName,
      incompleteName: plan.incompleteName,
      blocks: plan.blocks,
      formats: plan.formats,
      colourScales: plan.colourScale ? [plan.colourScale] : [],
      charts: plan.chart ? [{ ...plan.chart, type: "Line" }] : [],
      autofit: plan.autofit,
    },
    options,
  );
}
