/**
 * Writes a report sheet of several tables, each with its native chart beside it: plain blocks of
 * values first (in row blocks, halving on RequestPayloadSizeLimitExceeded, each block its own
 * request so the pane yields between them), then number formats, two-colour scales, column
 * autofit and the charts. Used by the Model report of Check the model and by the Cohorts sheet
 * (cohortsSheet.ts, one table with one chart). Part of the Excel layer (see index.ts for the API
 * surface); the plans hold no Office types.
 *
 * Every non-empty string cell is set to the text format "@" in the same request, before its value
 * (textCells.ts), so labels stay as written.
 *
 * Never overwrites: the sheet is always new (`Model report`, `Model report (2)`, …). A sheet left
 * half-written by an error or Cancel is deleted, or renamed with `plan.incompleteName` if it cannot
 * be. A formatting failure keeps the values and reports `formatted: false`.
 */
import { inBlocks } from "./blocks";
import { run, runRaw, toLayerError } from "./session";
import { addNewSheet, removeSheet, type WriteOptions } from "./sheets";
import { textFormats } from "./textCells";
import type { SheetWritten } from "./types";

/* global Excel */

/** A rectangle of the new sheet, 0-based. */
export type SheetArea = { readonly row: number; readonly column: number; readonly rows: number; readonly columns: number };

/** Values written from `column` (A unless given) at `row`; every line as long as the widest (padded with ""). */
export type SheetBlock = { readonly row: number; readonly column?: number; readonly values: readonly (readonly (string | number)[])[] };

/** Two-colour scale from the lowest to the highest value of the area. */
export type ColourScale = SheetArea & { readonly low: string; readonly high: string };

/**
 * A native chart over the area (first column: category labels, first row: series names, series by
 * columns), its top-left corner at `anchor`. `columnSeries`: series (0-based) drawn as columns in a
 * line chart, such as a marker of the calibration end.
 */
export type SheetChart = SheetArea & {
  readonly type: "ColumnClustered" | "Line";
  readonly title: string;
  readonly anchor: { readonly row: number; readonly column: number };
  readonly columnSeries?: readonly number[];
};

export type ReportSheetPlan = {
  /** Preferred sheet name; "(2)", "(3)" … are appended when taken. */
  readonly baseName: string;
  /** Name for a sheet that could be neither finished nor removed. */
  readonly incompleteName: (name: string) => string;
  readonly blocks: readonly SheetBlock[];
  /** Number formats: one format for every cell of the area. */
  readonly formats: readonly (SheetArea & { readonly format: string })[];
  readonly colourScales: readonly ColourScale[];
  readonly charts: readonly SheetChart[];
  /** Areas whose columns are autofitted (tables without their one-cell titles, which may overflow). */
  readonly autofit: readonly SheetArea[];
};

/**
 * The block's lines all as wide as its widest (Excel writes rectangles). A loop, not
 * Math.max(...lines): spreading a file result of 200,000 lines into arguments overflows the stack.
 * Lines already that wide are passed on as they are.
 */
function padded(block: SheetBlock): readonly (readonly (string | number)[])[] {
  let width = 1;
  for (const line of block.values) if (line.length > width) width = line.length;
  return block.values.map((line) => {
    if (line.length === width) return line;
    const out = [...line];
    while (out.length < width) out.push("");
    return out;
  });
}

/** Rows per number-format request (about 1 MB of formats at two date columns). */
export const FORMAT_ROWS = 50_000;

const filled = (a: SheetArea): boolean => a.rows > 0 && a.columns > 0;

/** Writes the plan to a new sheet; resolves with its name and whether formatting succeeded. */
export async function writeReportSheet(plan: ReportSheetPlan, options: WriteOptions = {}): Promise<SheetWritten> {
  const sheetName = await addNewSheet(plan.baseName);

  const blocks = plan.blocks.filter((b) => b.values.length > 0).map((b) => ({ row: b.row, column: b.column ?? 0, values: padded(b) }));
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
            const range = sheet.getRangeByIndexes(block.row + start, block.column, n, width);
            const values = block.values.slice(start, start + n);
            // Strings stay text (labels such as "2024-03" or "7+" would become dates or formulas): "@" first.
            range.numberFormat = textFormats(values);
            range.values = values as (string | number)[][];
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
      // A format area of a file result can hold a million rows: its formats go in pieces of
      // FORMAT_ROWS with a sync after each, so no request nears Excel on the web's payload limit.
      for (const f of plan.formats) {
        if (!filled(f)) continue;
        const line = new Array<string>(f.columns).fill(f.format);
        for (let start = 0; start < f.rows; start += FORMAT_ROWS) {
          const rows = Math.min(FORMAT_ROWS, f.rows - start);
          area({ ...f, row: f.row + start, rows }).numberFormat = Array.from({ length: rows }, () => line);
          if (f.rows > FORMAT_ROWS) await context.sync();
        }
      }
      for (const scale of plan.colourScales) {
        if (!filled(scale)) continue;
        const format = area(scale).conditionalFormats.add("ColorScale");
        format.colorScale.criteria = {
          minimum: { type: "LowestValue", color: scale.low },
          maximum: { type: "HighestValue", color: scale.high },
        };
      }
      for (const a of plan.autofit) if (filled(a)) area(a).format.autofitColumns();
      for (const c of plan.charts) {
        if (c.rows < 2 || c.columns < 2) continue;
        const chart = sheet.charts.add(c.type, area(c), "Columns");
        chart.title.text = c.title;
        for (const s of c.columnSeries ?? []) chart.series.getItemAt(s).chartType = "ColumnClustered";
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
