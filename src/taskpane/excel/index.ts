/**
 * The pane's ONLY contact with the Excel JavaScript API. Components and the model get plain data
 * (types.ts) and never see `Excel`. Every call goes through the global `Excel.run` (with
 * `{ delayForCellEdit: true }` when ExcelApi 1.11 is supported), so a preview can supply its own
 * `Excel` and `Office` globals.
 *
 * EXACT API SURFACE USED (keep in sync; the in-browser fake implements exactly this):
 *
 * Office (common API)
 * - `Office.context.requirements.isSetSupported("ExcelApi", "1.8" | "1.9" | "1.11")`
 * - `Office.context.officeTheme.bodyBackgroundColor` (may be undefined: Excel on the web)
 * - `Office.context.displayLanguage` (culture.ts: the pane's language)
 *
 * Excel.run
 * - `Excel.run(batch)` and `Excel.run({ delayForCellEdit: true }, batch)`; `context.sync()`
 * - `object.load("a,b")` (comma-separated string only) with the properties below; `isNullObject`
 *   read after sync on the results of the `…OrNullObject` methods (never loaded explicitly)
 *
 * RequestContext / Application / Workbook
 * - `context.workbook`, `context.application.suspendApiCalculationUntilNextSync()` (1.6)
 * - culture.ts, only when supported: `application` → load `decimalSeparator,thousandsSeparator,useSystemSeparators` (1.11);
 *   `application.cultureInfo` → load `name` (1.11); `cultureInfo.numberFormat` → load
 *   `numberDecimalSeparator,numberGroupSeparator` (1.11); `cultureInfo.datetimeFormat` → load `shortDatePattern` (1.12)
 * - `workbook.getSelectedRange()` (1.1), `workbook.getSelectedRanges()` → RangeAreas, load `areaCount` (1.9, only when supported)
 * - `workbook.worksheets` → `getItem(name)`, `add(name)` (1.1), `getItemOrNullObject(name)` (1.4)
 * - `workbook.protection` → load `protected` (1.7)
 *
 * Worksheet
 * - `name` (load; set only to rename a half-written sheet that could not be deleted), `protection` → load `protected` (1.2)
 * - `getRangeByIndexes(row, column, rowCount, columnCount)` (1.7)
 * - `getUsedRange(true)` (valuesOnly, 1.2)
 * - `tables.add(range, true)` (1.1)
 * - `charts.add("ColumnClustered", range, "Columns")` (1.1); `charts.add("Line", range, "Columns")` (1.1, cohortsSheet.ts)
 * - `activate()`, `delete()` (1.1)
 *
 * Range
 * - load `address`, `rowIndex`, `columnIndex`, `rowCount`, `columnCount`, `values` (1.1/1.3)
 * - set `values` (2-D, same shape as the range), set `numberFormat` (2-D)
 * - `worksheet` (navigation; load `name`)
 * - `getSurroundingRegion()` (1.7), `getIntersectionOrNullObject(range)` (1.4), `getUsedRangeOrNullObject(true)` (1.4)
 * - `getEntireColumn()`, `insert("Right")`, `delete("Left")`, `clear("Contents")` (1.1)
 * - `format.autofitColumns()` (1.2)
 * - `conditionalFormats.add("ContainsText")` (1.6) → `textComparison.format.fill.color`,
 *   `textComparison.format.font.color`, `textComparison.rule = { operator: "BeginsWith", text }`
 * - `conditionalFormats.add("ColorScale")` (1.6) → `colorScale.criteria = { minimum: { type: "LowestValue", color },
 *   maximum: { type: "HighestValue", color } }` (cohortsSheet.ts: one two-colour scale over the cohort triangle)
 *
 * Chart (1.1 unless noted)
 * - `title.text`, `setPosition(startRange)`, `series.getItemAt(1)` → `chartType = "Line"` (1.7),
 *   `axisGroup = "Secondary"` (1.8)
 *
 * Error codes read from `error.code` (OfficeExtension.Error): `ResponsePayloadSizeLimitExceeded`,
 * `RequestPayloadSizeLimitExceeded`, `InvalidOperationInCellEditMode`, `AccessDenied`,
 * `InvalidSelection`, `ItemNotFound`; anything else is reported as unknown with its message.
 * Requirement sets: ExcelApi 1.8 required; 1.9 (selection areas), 1.11 (delayForCellEdit, regional
 * settings) and 1.12 (date pattern) used when present.
 */
import { CancelledError, Progress, errorCode, inBlocks } from "./blocks";
import type {
  BesideTarget,
  ColumnPlan,
  ExcelFailureKind,
  HostInfo,
  Region,
  SelectionRead,
  SheetPlan,
  SheetWritten,
  WriteTargets,
} from "./types";

export * from "./types";
export { CancelledError, START_BLOCK_ROWS } from "./blocks";
export type { Progress } from "./blocks";
export { ExcelLayerError, toLayerError, supported, run, runRaw } from "./session";
export { NAME_CANDIDATES, sheetNameCandidates, addNewSheet, removeSheet } from "./sheets";
export type { WriteOptions } from "./sheets";
import { ExcelLayerError, run, runRaw, supported, toLayerError } from "./session";
import { addNewSheet, removeSheet, type WriteOptions } from "./sheets";

/* global Excel, Office */

/** Rows read by "Use selection" for header detection and guessing. */
export const PREVIEW_ROWS = 200;
/** Excel's last column index (XFD). */
const LAST_COLUMN = 16_383;

/** Whether the pane runs inside an Excel that has what it needs. */
export function hostInfo(): HostInfo {
  if (typeof Excel === "undefined" || typeof Office === "undefined" || !Office.context?.requirements) return { kind: "noExcel" };
  if (!supported("1.8")) return { kind: "tooOld", needed: "ExcelApi 1.8" };
  return { kind: "ready", cellEditDelay: supported("1.11"), selectionAreas: supported("1.9") };
}

/** "dark" when Office's body background is dark; "light" otherwise, including when there is no theme (Excel on the web). */
export function officeTheme(): "dark" | "light" {
  try {
    const colour = typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
    return isDarkColour(colour) ? "dark" : "light";
  } catch {
    return "light";
  }
}

/** Relative luminance below 0.5 (sRGB, WCAG 2 formula) counts as dark. "#1f1f1f" → dark, "#ffffff" → light. */
export function isDarkColour(colour: string | undefined): boolean {
  if (!colour) return false;
  const hex = /^#?([0-9a-f]{6})$/i.exec(colour.trim());
  if (!hex) return false;
  const n = parseInt(hex[1], 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return l < 0.5;
}

/**
 * Reads the selection: the selected range intersected with its sheet's used range, or the region
 * around a single selected cell; several areas → ExcelLayerError("multipleAreas"). Returns the
 * region (captured, so later steps use it wherever the user clicks meanwhile) and its first rows.
 */
export async function readSelection(): Promise<SelectionRead> {
  const region = await run(async (context) => {
    const workbook = context.workbook;
    if (supported("1.9")) {
      const areas = workbook.getSelectedRanges();
      areas.load("areaCount");
      await context.sync();
      if (areas.areaCount > 1) throw new ExcelLayerError("multipleAreas");
    }
    const selected = workbook.getSelectedRange();
    selected.load("rowCount,columnCount");
    await context.sync();
    let target: Excel.Range;
    if (selected.rowCount === 1 && selected.columnCount === 1) {
      target = selected.getSurroundingRegion();
    } else {
      const used = selected.worksheet.getUsedRange(true);
      target = selected.getIntersectionOrNullObject(used);
    }
    target.load("address,rowIndex,columnIndex,rowCount,columnCount");
    const sheet = selected.worksheet;
    sheet.load("name");
    await context.sync();
    if (target.isNullObject) {
      return { sheetName: sheet.name, address: "", rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 };
    }
    return {
      sheetName: sheet.name,
      address: target.address,
      rowIndex: target.rowIndex,
      columnIndex: target.columnIndex,
      rowCount: target.rowCount,
      columnCount: target.columnCount,
    };
  });
  const firstRows = region.rowCount === 0 ? [] : await readRows(region, 0, Math.min(region.rowCount, PREVIEW_ROWS));
  return { region, firstRows };
}

export type ReadOptions = { readonly onProgress?: Progress; readonly signal?: AbortSignal; readonly startRows?: number };

/**
 * Reads rows `first` … `first + count − 1` of the region (0 = its first row) as `values`, in
 * blocks, halving a block on ResponsePayloadSizeLimitExceeded.
 */
export async function readRows(region: Region, first: number, count: number, options: ReadOptions = {}): Promise<unknown[][]> {
  const out: unknown[][] = new Array(count);
  try {
    await inBlocks(
      { total: count, payloadError: "ResponsePayloadSizeLimitExceeded", onProgress: options.onProgress, signal: options.signal, startRows: options.startRows },
      (start, n) =>
        runRaw(async (context) => {
          const sheet = context.workbook.worksheets.getItem(region.sheetName);
          const range = sheet.getRangeByIndexes(region.rowIndex + first + start, region.columnIndex, n, region.columnCount);
          range.load("values");
          await context.sync();
          const values = range.values;
          for (let i = 0; i < n; i++) out[start + i] = values[i];
        }),
    );
  } catch (error) {
    throw toLayerError(error);
  }
  return out;
}

/** Whether a new sheet can be added, and what is right of the source region. */
export async function checkWriteTargets(region: Region): Promise<WriteTargets> {
  return run(async (context) => {
    const protection = context.workbook.protection;
    protection.load("protected");
    const sheet = context.workbook.worksheets.getItem(region.sheetName);
    sheet.protection.load("protected");
    const column = region.columnIndex + region.columnCount;
    let used: Excel.Range | null = null;
    if (column <= LAST_COLUMN) {
      used = sheet.getRangeByIndexes(region.rowIndex, column, region.rowCount, 1).getUsedRangeOrNullObject(true);
      used.load("address");
    }
    await context.sync();
    let beside: BesideTarget;
    if (sheet.protection.protected) beside = { kind: "sheetProtected" };
    else if (used === null) beside = { kind: "noRoom" };
    else beside = used.isNullObject ? { kind: "empty" } : { kind: "occupied" };
    return { newSheetAllowed: !protection.protected, beside };
  });
}

function addSegmentRules(range: Excel.Range, plan: { readonly colours: SheetPlan["colours"] }): void {
  for (const colour of plan.colours) {
    const format = range.conditionalFormats.add("ContainsText");
    format.textComparison.format.fill.color = colour.fill;
    format.textComparison.format.font.color = colour.font;
    format.textComparison.rule = { operator: "BeginsWith", text: colour.name };
  }
}

/**
 * Writes the results to a new sheet: values in row blocks first (halving on
 * RequestPayloadSizeLimitExceeded), then table, conditional formats, summary and chart. A sheet
 * left half-written (error or Cancel) is deleted, or renamed with `plan.incompleteName` if it
 * cannot be. Formatting failures leave the values and report `formatted: false`.
 */
export async function writeSegmentsSheet(plan: SheetPlan, options: WriteOptions = {}): Promise<SheetWritten> {
  const sheetName = await addNewSheet(plan.baseName);

  const width = plan.header.length;
  const all = [plan.header, ...plan.rows];
  try {
    await inBlocks(
      { total: all.length, payloadError: "RequestPayloadSizeLimitExceeded", onProgress: options.onProgress, signal: options.signal, startRows: options.startRows },
      (start, n) =>
        runRaw(async (context) => {
          context.application.suspendApiCalculationUntilNextSync();
          const sheet = context.workbook.worksheets.getItem(sheetName);
          sheet.getRangeByIndexes(start, 0, n, width).values = all.slice(start, start + n) as (string | number)[][];
          await context.sync();
        }),
    );
  } catch (error) {
    await removeSheet(sheetName, plan.incompleteName(sheetName));
    throw toLayerError(error);
  }

  let formatted = true;
  try {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const rows = plan.rows.length;
      sheet.tables.add(sheet.getRangeByIndexes(0, 0, rows + 1, width), true);
      if (rows > 0) addSegmentRules(sheet.getRangeByIndexes(1, plan.segmentColumn, rows, 1), plan);

      const s = plan.summary;
      const left = width + 1;
      const k = s.rows.length;
      sheet.getRangeByIndexes(0, left, k + 1, s.header.length).values = [s.header, ...s.rows] as (string | number)[][];
      for (const col of s.percentColumns) {
        if (k > 0) sheet.getRangeByIndexes(1, left + col, k, 1).numberFormat = s.rows.map(() => ["0.0%"]);
      }
      sheet.getRangeByIndexes(0, 0, Math.min(rows + 1, 50), left + s.header.length).format.autofitColumns();
      if (k > 0) {
        const chart = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(0, left, k + 1, 3), "Columns");
        chart.title.text = s.chartTitle;
        const share = chart.series.getItemAt(1);
        share.chartType = "Line";
        share.axisGroup = "Secondary";
        chart.setPosition(sheet.getRangeByIndexes(k + 2, left, 1, 1));
      }
      sheet.activate();
      await context.sync();
    });
  } catch {
    formatted = false;
  }
  return { sheetName, formatted };
}

/**
 * Writes a Segment column beside the source region: into the empty column right of it
 * ("beside", refused with "occupied" if cells there are no longer empty) or into a newly inserted
 * sheet column ("insert"). Values first in blocks, then the colour rules. On failure the cells
 * written are cleared again (or the inserted column removed), so nothing is left half-done.
 */
export async function writeSegmentColumn(plan: ColumnPlan, options: WriteOptions = {}): Promise<void> {
  const { region } = plan;
  const column = region.columnIndex + region.columnCount;
  if (column > LAST_COLUMN) throw new ExcelLayerError("unknown", "no column right of the data");
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(region.sheetName);
    sheet.protection.load("protected");
    const target = sheet.getRangeByIndexes(region.rowIndex, column, region.rowCount, 1);
    if (plan.mode === "insert") {
      await context.sync();
      if (sheet.protection.protected) throw new ExcelLayerError("sheetProtected");
      target.getEntireColumn().insert("Right");
    } else {
      const used = target.getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      if (sheet.protection.protected) throw new ExcelLayerError("sheetProtected");
      if (!used.isNullObject) throw new ExcelLayerError("unknown", "occupied");
    }
    await context.sync();
  });

  const cells: string[][] = plan.header === null ? [] : [[plan.header]];
  for (const v of plan.values) cells.push([v]);
  const undo = async (): Promise<void> => {
    try {
      await runRaw(async (context) => {
        const sheet = context.workbook.worksheets.getItem(region.sheetName);
        const target = sheet.getRangeByIndexes(region.rowIndex, column, region.rowCount, 1);
        if (plan.mode === "insert") target.getEntireColumn().delete("Left");
        else target.clear("Contents");
        await context.sync();
      });
    } catch {
      // Best effort; the failure itself is reported.
    }
  };
  try {
    await inBlocks(
      { total: cells.length, payloadError: "RequestPayloadSizeLimitExceeded", onProgress: options.onProgress, signal: options.signal, startRows: options.startRows },
      (start, n) =>
        runRaw(async (context) => {
          context.application.suspendApiCalculationUntilNextSync();
          const sheet = context.workbook.worksheets.getItem(region.sheetName);
          sheet.getRangeByIndexes(region.rowIndex + start, column, n, 1).values = cells.slice(start, start + n);
          await context.sync();
        }),
    );
  } catch (error) {
    await undo();
    throw toLayerError(error);
  }
  try {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(region.sheetName);
      const offset = plan.header === null ? 0 : 1;
      if (plan.values.length > 0) addSegmentRules(sheet.getRangeByIndexes(region.rowIndex + offset, column, plan.values.length, 1), plan);
      await context.sync();
    });
  } catch {
    // Values are in place; colours are a nicety.
  }
}

export { writeCohortsSheet } from "./cohortsSheet";
export { displayLanguage, readCulture } from "./culture";
export type { CultureSettings } from "./culture";
export type { CohortsSheetPlan, SheetArea, SheetBlock } from "./cohortsSheet";
