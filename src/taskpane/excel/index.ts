/**
 * The pane's ONLY contact with the Excel JavaScript API. Components and the model get plain data
 * (types.ts) and never see `Excel`. Every call goes through the global `Excel.run` (with
 * `{ delayForCellEdit: true }` when ExcelApi 1.11 is supported), so a preview can supply its own
 * `Excel` and `Office` globals.
 *
 * EXACT API SURFACE USED (keep in sync; the in-browser fake implements exactly this):
 *
 * Office (common API)
 * - `Office.context.requirements.isSetSupported("ExcelApi", "1.8" | "1.9" | "1.10" | "1.11" | "1.12")`
 * - `Office.context.officeTheme.bodyBackgroundColor` (may be undefined: Excel on the web)
 * - `Office.context.displayLanguage` (culture.ts: the pane's language)
 *
 * Excel.run
 * - `Excel.run(batch)` and `Excel.run({ delayForCellEdit: true }, batch)`; `context.sync()`;
 *   `Excel.run(handlerResult.context, batch)` to remove event handlers (watch.ts)
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
 * - `workbook.names` → `add(name, range)` (1.4), `getItem(name)` (1.1); NamedItem: set `visible` (1.1),
 *   `getRange()` (1.1), `delete()` (1.4) (columnWriter.ts: the hidden temporary anchor of the target)
 *
 * Worksheet
 * - `name` (load; set only to rename a half-written sheet that could not be deleted), `protection` → load `protected` (1.2)
 * - `getRangeByIndexes(row, column, rowCount, columnCount)` (1.7)
 * - `getUsedRange(true)` (valuesOnly, 1.2)
 * - `tables.add(range, true)` (1.1)
 * - `charts.add("ColumnClustered", range, "Columns")` (1.1); `charts.add("Line", range, "Columns")` (1.1, reportSheet.ts:
 *   the Cohorts and Model report sheets)
 * - `activate()`, `delete()` (1.1)
 * - `onChanged.add(handler)` (1.7; reads `address`, `changeType` and `triggerSource`, 1.14, of the event);
 *   `onRowSorted.add(handler)`, `onColumnSorted.add(handler)` (1.10, only when supported; reads `address`);
 *   the EventHandlerResult's `context` and `remove()` (watch.ts)
 *
 * Range
 * - load `address`, `rowIndex`, `columnIndex`, `rowCount`, `columnCount`, `values`, `formulas`, `numberFormat` (1.1/1.3)
 * - set `values`, `formulas` and `numberFormat` (2-D, same shape as the range); every write of strings
 *   sets `numberFormat` "@" on its non-empty string cells first, in the same request (textCells.ts)
 * - `getRow(index)` (1.1), `getResizedRange(deltaRows, deltaColumns)` (1.2)
 * - `worksheet` (navigation; load `name`)
 * - `getSurroundingRegion()` (1.7), `getIntersectionOrNullObject(range)` (1.4), `getUsedRangeOrNullObject(true)` (1.4)
 * - `getEntireColumn()`, `insert("Right")`, `delete("Left")`, `clear("Contents")` (1.1)
 * - `format.autofitColumns()` (1.2)
 * - `conditionalFormats.add("ContainsText")` (1.6) → `textComparison.format.fill.color`,
 *   `textComparison.format.font.color`, `textComparison.rule = { operator: "BeginsWith", text }`
 * - `conditionalFormats.add("ColorScale")` (1.6) → `colorScale.criteria = { minimum: { type: "LowestValue", color },
 *   maximum: { type: "HighestValue", color } }` (reportSheet.ts: two-colour scales over the cohort triangle and the
 *   Model report's heatmaps)
 *
 * Chart (1.1 unless noted)
 * - `title.text`, `setPosition(startRange)`, `series.getItemAt(1)` → `chartType = "Line"` (1.7),
 *   `series.getItemAt(i)` → `chartType = "ColumnClustered"` (1.7; reportSheet.ts: the calibration-end marker),
 *   `axisGroup = "Secondary"` (1.8)
 *
 * Error codes read from `error.code` (OfficeExtension.Error): `ResponsePayloadSizeLimitExceeded`,
 * `RequestPayloadSizeLimitExceeded`, `InvalidOperationInCellEditMode`, `AccessDenied`,
 * `InvalidSelection`, `ItemNotFound`; anything else is reported as unknown with its message.
 * Requirement sets: ExcelApi 1.8 required; 1.9 (selection areas), 1.10 (sort events), 1.11
 * (delayForCellEdit, regional settings) and 1.12 (date pattern) used when present; 1.14's
 * `triggerSource` read when the event carries it.
 *
 * Relied on although not documented (observed in Office today; the README says so): a load queued
 * before a write in the same request returns the cells as they were before that write.
 */
import { Progress, inBlocks } from "./blocks";
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
import { LAST_COLUMN, addSegmentRules } from "./columnWriter";
import { textFormats } from "./textCells";
import { watchSheet } from "./watch";

/* global Excel, Office */

/** Rows read by "Use selection" for header detection and guessing. */
export const PREVIEW_ROWS = 200;

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
  const firstRows = region.rowCount === 0 ? [] : await readRows(region, 0, Math.min(region.rowCount, PREVIEW_ROWS), { watch: false });
  return { region, firstRows };
}

export type ReadOptions = {
  readonly onProgress?: Progress;
  readonly signal?: AbortSignal;
  readonly startRows?: number;
  /** Only these columns of the region (0-based), all read in the same request; rows come back in this order. */
  readonly columns?: readonly number[];
  /** false: no watch (the first rows "Use selection" shows, which nothing is computed from). */
  readonly watch?: boolean;
};

/**
 * Reads rows `first` … `first + count − 1` of the region (0 = its first row) as `values`, in
 * blocks, halving a block on ResponsePayloadSizeLimitExceeded. Every column a block needs is read
 * in the same request. The sheet is watched during the read (onChanged, the sort events) and each
 * block also reads the sheet's used range: a change between blocks (Excel may refuse a block as
 * too large, so even a short read can take several) stops the read with "changedWhileReading"
 * rather than mix old and new rows.
 */
export async function readRows(region: Region, first: number, count: number, options: ReadOptions = {}): Promise<unknown[][]> {
  const out: unknown[][] = new Array(count);
  const several = count > 1 && options.watch !== false;
  const columns = options.columns;
  let watch: Awaited<ReturnType<typeof watchSheet>> | null = null;
  let usedAddress: string | null = null;
  const stopIfChanged = (): void => {
    const change = watch?.change() ?? null;
    if (change) throw new ExcelLayerError("changedWhileReading", change.address, { change });
  };
  try {
    if (several) watch = await watchSheet(region.sheetName);
    await inBlocks(
      { total: count, payloadError: "ResponsePayloadSizeLimitExceeded", onProgress: options.onProgress, signal: options.signal, startRows: options.startRows },
      (start, n) =>
        runRaw(async (context) => {
          stopIfChanged();
          const sheet = context.workbook.worksheets.getItem(region.sheetName);
          const row = region.rowIndex + first + start;
          const ranges = columns
            ? columns.map((c) => sheet.getRangeByIndexes(row, region.columnIndex + c, n, 1))
            : [sheet.getRangeByIndexes(row, region.columnIndex, n, region.columnCount)];
          for (const range of ranges) range.load("values");
          const used = several ? sheet.getUsedRange(true) : null;
          used?.load("address");
          await context.sync();
          if (used) {
            if (usedAddress === null) usedAddress = used.address;
            else if (used.address !== usedAddress) throw new ExcelLayerError("changedWhileReading", used.address, { change: { kind: "resized", address: used.address.replace(/^.*!/, "") } });
          }
          stopIfChanged();
          if (columns) {
            const parts = ranges.map((r) => r.values);
            for (let i = 0; i < n; i++) out[start + i] = parts.map((p) => p[i][0]);
          } else {
            const values = ranges[0].values;
            for (let i = 0; i < n; i++) out[start + i] = values[i];
          }
        }),
    );
  } catch (error) {
    throw toLayerError(error);
  } finally {
    await watch?.stop();
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
          const block = sheet.getRangeByIndexes(start, 0, n, width);
          const values = all.slice(start, start + n) as (string | number)[][];
          // Strings stay text ("=1+1", "0012", "1/2" as ids): format "@" before the values.
          block.numberFormat = textFormats(values);
          block.values = values;
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
      if (rows > 0) addSegmentRules(sheet.getRangeByIndexes(1, plan.segmentColumn, rows, 1), plan.colours);

      const s = plan.summary;
      const left = width + 1;
      const k = s.rows.length;
      const summary = sheet.getRangeByIndexes(0, left, k + 1, s.header.length);
      const summaryValues = [s.header, ...s.rows] as (string | number)[][];
      summary.numberFormat = textFormats(summaryValues);
      summary.values = summaryValues;
      s.formats.forEach((format, col) => {
        if (k > 0 && format) sheet.getRangeByIndexes(1, left + col, k, 1).numberFormat = s.rows.map(() => [format]);
      });
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

export { writeSegmentColumn } from "./columnWriter";

export { writeCohortsSheet } from "./cohortsSheet";
export { displayLanguage, readCulture } from "./culture";
export type { CultureSettings } from "./culture";
export type { CohortsSheetPlan, SheetArea, SheetBlock } from "./cohortsSheet";
export { writeReportSheet } from "./reportSheet";
export type { ColourScale, ReportSheetPlan, SheetChart } from "./reportSheet";
