/**
 * Writes the Retention view's `Cohorts` sheet: plain blocks of values (the cohort triangle, the
 * period-retention table, the curve data), then number formats, ONE colour-scale conditional
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
import { inBlocks } from "./blocks";
import { ExcelLayerError, run, runRaw, toLayerError } from "./session";
import { addNewSheet, removeSheet, type WriteOptions } from "./sheets";
import { textFormats } from "./textCells";
import type { SheetWritten } from "./types";

/* global Excel */

/** A rectangle of the new sheet, 0-based. */
export type SheetArea = { readonly row: number; readonly column: number; readonly rows: number; readonly columns: number };

/** Values written from column A at `row`; every line as long as the widest (padded with ""). */
export type SheetBlock = { readonly row: number; readonly values: readonly (readonly (string | number)[])[] };

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

function padded(block: SheetBlock): (string | number)[][] {
  const width = Math.max(1, ...block.values.map((line) => line.length));
  return block.values.map((line) => {
    const out = [...line];
    while (out.length < width) out.push("");
    return out;
  });
}

/** Writes the plan to a new sheet; resolves with its name and whether formatting succeeded. */
export async function writeCohortsSheet(plan: CohortsSheetPlan, options: WriteOptions = {}): Promise<SheetWritten> {
  const sheetName = await addNewSheet(plan.baseName);

  const blocks = plan.blocks.filter((b) => b.values.length > 0).map((b) => ({ row: b.row, values: padded(b) }));
  const total = blocks.reduce((n, b) => n + b.values.length, 0);
  let before = 0;
  try {
    for (const block of blocks) {
      const width = block.values[0].length;
      const offset = before;
      await inBlocks(
        {
          total: block.values.length,
          payloadError: "RequestPayloadSizeLimitExceeded",
          onProgress: options.onProgress ? (done) => options.onProgress?.(offset + done, total) : undefined,
          signal: options.signal,
          startRows: options.startRows,
        },
        (start, n) =>
          runRaw(async (context) => {
            context.application.suspendApiCalculationUntilNextSync();
            const sheet = context.workbook.worksheets.getItem(sheetName);
            const range = sheet.getRangeByIndexes(block.row + start, 0, n, width);
            const values = block.values.slice(start, start + n);
            // Strings stay text (cohort labels such as "2024-03" would become dates): "@" first.
            range.numberFormat = textFormats(values);
            range.values = values;
            await context.sync();
          }),
      );
      before += block.values.length;
    }
  } catch (error) {
    await removeSheet(sheetName, plan.incompleteName(sheetName));
    throw toLayerError(error);
  }

  let formatted = true;
  try {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const area = (a: SheetArea): Excel.Range => sheet.getRangeByIndexes(a.row, a.column, a.rows, a.columns);
      for (const f of plan.formats) {
        if (f.rows < 1 || f.columns < 1) continue;
        const line = new Array<string>(f.columns).fill(f.format);
        area(f).numberFormat = Array.from({ length: f.rows }, () => line);
      }
      const scale = plan.colourScale;
      if (scale && scale.rows > 0 && scale.columns > 0) {
        const format = area(scale).conditionalFormats.add("ColorScale");
        format.colorScale.criteria = {
          minimum: { type: "LowestValue", color: scale.low },
          maximum: { type: "HighestValue", color: scale.high },
        };
      }
      for (const a of plan.autofit) if (a.rows > 0 && a.columns > 0) area(a).format.autofitColumns();
      const c = plan.chart;
      if (c && c.rows > 1 && c.columns > 1) {
        const chart = sheet.charts.add("Line", area(c), "Columns");
        chart.title.text = c.title;
        chart.setPosition(sheet.getRangeByIndexes(c.anchor.row, c.anchor.column, 1, 1));
      }
      sheet.activate();
      await context.sync();
    });
  } catch {
    formatted = false;
  }
  return { sheetName, formatted };
}
