/**
 * The thin edge between Excel's custom-function calling convention and the
 * analytics core: `any[][]` ranges become typed lists, core errors become
 * `CustomFunctions.Error` values, and no exception ever escapes to Excel.
 *
 * Conventions (the contract every LOYALTY function keeps):
 * - a range argument is a single column or a single row; a single cell arrives as [[v]];
 * - a single cell beside longer ranges is reused for every row;
 * - range arguments of one call must have the same number of rows;
 * - omitted optional arguments arrive as null;
 * - a per-row error stays in its row; a wrong shape or bad single value fails the call.
 */
import { AnalyticsError, CellError, ExcelErrorCode, failValue, isCellError, raise } from "../analytics/errors";
import { at, readBoolean } from "../analytics/orders/cells";
import { TimeSlicer, inBlocks } from "../analytics/numeric/yieldToHost";

export type ExcelValue = unknown;
export type ExcelResult = number | string | boolean | CustomFunctions.Error;

/** A range argument as a list of values (a column or a row). */
export function listOf(range: unknown, arg: string): unknown[] {
  if (!Array.isArray(range)) return [range];
  if (range.length === 0) return [];
  const first = range[0];
  if (!Array.isArray(first)) return range.slice();
  const rows = range.length;
  const cols = first.length;
  if (rows > 1 && cols > 1) {
    failValue(`${arg}: expected a single column or row, got ${rows} rows × ${cols} columns`);
  }
  if (cols !== 1 && rows === 1) return first.slice();
  // One tight loop into a preallocated list (a full sheet is 1,048,576 rows).
  const list = new Array<unknown>(rows);
  for (let i = 0; i < rows; i++) list[i] = (range[i] as unknown[])[0];
  return list;
}

/**
 * A range argument as a column without copying it: `cells[i]` is row i's value, or (nested) the
 * one-element row array Excel passes for a column, whose [0] is the value. Same shape rules and
 * messages as listOf. Readers index it with cellOf; a full sheet is read once, in one loop.
 */
export type RangeColumn = { readonly arg: string; readonly length: number; readonly cells: readonly unknown[]; readonly nested: boolean };

export function columnOf(range: unknown, arg: string): RangeColumn {
  if (!Array.isArray(range)) return { arg, length: 1, cells: [range], nested: false };
  if (range.length === 0) return { arg, length: 0, cells: range, nested: false };
  const first = range[0];
  if (!Array.isArray(first)) return { arg, length: range.length, cells: range, nested: false };
  const rows = range.length;
  const cols = first.length;
  if (rows > 1 && cols > 1) {
    failValue(`${arg}: expected a single column or row, got ${rows} rows × ${cols} columns`);
  }
  if (cols !== 1 && rows === 1) return { arg, length: cols, cells: first, nested: false };
  return { arg, length: rows, cells: range, nested: true };
}

/** Row i's value of a RangeColumn (no reuse of a single cell: see valueAt). */
export function cellOf(column: RangeColumn, i: number): unknown {
  return column.nested ? (column.cells[i] as unknown[])[0] : column.cells[i];
}

/** Row i's value of a RangeColumn, a single cell standing for every row (as valueAt for lists). */
export function reusedCellOf(column: RangeColumn, i: number): unknown {
  return column.length === 1 ? cellOf(column, 0) : cellOf(column, i);
}

export type NamedList = { readonly arg: string; readonly values: { readonly length: number } };

/**
 * The number of rows a call covers. Lists of length 1 are reused for every row;
 * all others must agree, else the whole call fails naming both arguments.
 */
export function rowCount(lists: readonly NamedList[]): number {
  let longest: NamedList | undefined;
  for (const list of lists) {
    if (list.values.length === 1) continue;
    if (longest === undefined) longest = list;
    else if (list.values.length !== longest.values.length) {
      failValue(
        `${list.arg} has ${list.values.length} rows but ${longest.arg} has ${longest.values.length}; give ranges with the same number of rows`,
      );
    }
  }
  return longest ? longest.values.length : lists.length > 0 ? 1 : 0;
}

/** The value of a list at row i, reusing a single value for every row. */
export function valueAt(values: readonly unknown[], i: number): unknown {
  return values.length === 1 ? values[0] : values[i];
}

/** A single-value argument: unwraps a 1×1 range, rejects a larger one. Omitted → null. */
export function single(value: unknown, arg: string): unknown {
  if (!Array.isArray(value)) return value === undefined ? null : value;
  const list = listOf(value, arg);
  if (list.length !== 1) failValue(`${arg}: expected a single value, got a range of ${list.length} cells`);
  return list[0];
}

/** An optional TRUE/FALSE argument (one cell); blank or omitted is FALSE, anything else fails naming `arg`. */
export function singleFlag(value: unknown, arg: string): boolean {
  const v = single(value, arg);
  if (v === null || v === "") return false;
  const flag = readBoolean(v, at(arg));
  if (isCellError(flag)) raise(flag);
  return flag === true;
}

const OUTPUT_CODES: Record<ExcelErrorCode, CustomFunctions.ErrorCode | undefined> = {
  "#VALUE!": "#VALUE!" as CustomFunctions.ErrorCode,
  "#N/A": "#N/A" as CustomFunctions.ErrorCode,
  "#DIV/0!": "#DIV/0!" as CustomFunctions.ErrorCode,
  "#NUM!": "#NUM!" as CustomFunctions.ErrorCode,
  "#NULL!": "#NULL!" as CustomFunctions.ErrorCode,
  // Excel cannot return these from a custom function; they become #VALUE! with the reason.
  "#REF!": undefined,
  "#NAME?": undefined,
  "#SPILL!": undefined,
  "#CALC!": undefined,
  "#GETTING_DATA": undefined,
  "#BUSY!": undefined,
};

/** A core error as the error value Excel shows. #DIV/0! cannot carry a message. */
export function toExcelError(error: CellError): CustomFunctions.Error {
  const code = OUTPUT_CODES[error.code];
  if (code === undefined) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, error.message);
  if (code === ("#DIV/0!" as CustomFunctions.ErrorCode)) return new CustomFunctions.Error(code);
  return new CustomFunctions.Error(code, error.message);
}

/** Why a result cell is an error instead of NaN or ±Infinity (#VALUE!, since only it and #N/A show a message). */
export const NOT_FINITE = "the result is not a finite number";

/** One result cell: numbers must be finite, blanks are "", errors become Excel errors. */
export function toExcelValue(value: unknown): ExcelResult {
  if (typeof value === "number") {
    return Number.isFinite(value)
      ? value
      : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, NOT_FINITE);
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value === null || value === undefined) return "";
  if (isCellError(value)) return toExcelError(value);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, "unexpected result type");
}

export function toExcelGrid(rows: readonly (readonly unknown[])[]): ExcelResult[][] {
  return rows.map((row) => row.map(toExcelValue));
}

/*
 * Spilled columns share one row array between rows of the same small value (segment names, RFM
 * scores, whole counts): Excel only reads a result, and a million one-element arrays are most of
 * the cost of a call on a full sheet (allocation and garbage collection). Up to SHARED_TEXTS
 * distinct texts and the whole numbers 0…SHARED_NUMBERS − 1 are shared; other values get their own row.
 */
const SHARED_TEXTS = 64;
const SHARED_NUMBERS = 1024;

/** A per-customer list spilled as a column. An empty list spills one blank cell. */
export function toExcelColumn(values: readonly unknown[]): ExcelResult[][] {
  if (values.length === 0) return [[""]];
  const writer = columnWriter(values);
  writer.write(0, values.length);
  return writer.out;
}

/** toExcelColumn for a long call: the same rows, built in blocks with `slicer` asked between them. */
export async function toExcelColumnAsync(values: readonly unknown[], slicer: TimeSlicer): Promise<ExcelResult[][]> {
  if (values.length === 0) return [[""]];
  const writer = columnWriter(values);
  await inBlocks(values.length, slicer, writer.write);
  return writer.out;
}

/** Texts compared with === before the Map: a column of a few names (segments, tiers) never hashes. */
const RECENT_TEXTS = 8;

function columnWriter(values: readonly unknown[]) {
  const out = new Array<ExcelResult[]>(values.length);
  const texts = new Map<string, ExcelResult[]>();
  const recentTexts: string[] = [];
  const recentRows: ExcelResult[][] = [];
  const numbers: (ExcelResult[] | undefined)[] = [];
  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const v = values[i];
      // Fast paths: text and finite numbers (nearly every cell) need no conversion.
      if (typeof v === "string") {
        let k = 0;
        while (k < recentTexts.length && recentTexts[k] !== v) k++;
        if (k < recentTexts.length) {
          out[i] = recentRows[k];
          continue;
        }
        let row = texts.get(v);
        if (row === undefined) {
          row = [v];
          if (texts.size >= SHARED_TEXTS) {
            out[i] = row; // past the shared texts: a row of its own
            continue;
          }
          texts.set(v, row);
        }
        if (recentTexts.length < RECENT_TEXTS) {
          recentTexts.push(v);
          recentRows.push(row);
        }
        out[i] = row;
      } else if (typeof v === "number" && v - v === 0) {
        out[i] = v >= 0 && v < SHARED_NUMBERS && (v | 0) === v && !Object.is(v, -0) ? (numbers[v] ??= [v]) : [v];
      } else out[i] = [toExcelValue(v)];
    }
  };
  return { out, write };
}

/**
 * Numbers spilled as a column straight from a typed array (no list of boxed values in between):
 * finite values as they are, NaN or ±Infinity rows as the error `problem(i)` gives (a CellError,
 * or null for "not a finite number"). An empty column spills one blank cell. O(n).
 */
export function spillNumbers(values: ArrayLike<number>, problem: (i: number) => CellError | null): ExcelResult[][] {
  if (values.length === 0) return [[""]];
  const writer = numberWriter(values, problem);
  writer.write(0, values.length);
  return writer.out;
}

/** spillNumbers for a long call: the same rows, built in blocks with `slicer` asked between them. */
export async function spillNumbersAsync(values: ArrayLike<number>, problem: (i: number) => CellError | null, slicer: TimeSlicer): Promise<ExcelResult[][]> {
  if (values.length === 0) return [[""]];
  const writer = numberWriter(values, problem);
  await inBlocks(values.length, slicer, writer.write);
  return writer.out;
}

function numberWriter(values: ArrayLike<number>, problem: (i: number) => CellError | null) {
  const out = new Array<ExcelResult[]>(values.length);
  const shared: (ExcelResult[] | undefined)[] = [];
  const write = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const v = values[i];
      if (v - v === 0) out[i] = v >= 0 && v < SHARED_NUMBERS && (v | 0) === v && !Object.is(v, -0) ? (shared[v] ??= [v]) : [v];
      else {
        const error = problem(i);
        out[i] = [error ? toExcelError(error) : new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, NOT_FINITE)];
      }
    }
  };
  return { out, write };
}

/** Whole-call failure or an unexpected exception, as the error Excel shows. */
export function toExcelFailure(thrown: unknown): CustomFunctions.Error {
  if (thrown instanceof AnalyticsError || isCellError(thrown)) return toExcelError(thrown);
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Loyalty Lens could not compute this: ${message}`);
}

/** Runs a function body so that nothing escapes: the result, or the Excel error for whatever went wrong. */
export function guard<T>(body: () => T): T | CustomFunctions.Error {
  try {
    return body();
  } catch (thrown) {
    return toExcelFailure(thrown);
  }
}

/** The async form of `guard`, for functions that yield between blocks. */
export async function guardAsync<T>(body: () => Promise<T>): Promise<T | CustomFunctions.Error> {
  try {
    return await body();
  } catch (thrown) {
    return toExcelFailure(thrown);
  }
}

/** A range argument as a grid (a single value becomes 1×1). */
export function gridOf(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  // Excel passes every row as an array: then the range is the grid, with no million-row copy.
  for (let r = 0; r < range.length; r++) if (!Array.isArray(range[r])) return range.map((row) => (Array.isArray(row) ? row : [row]));
  return range as unknown[][];
}

export type NamedGrid = { readonly arg: string; readonly grid: readonly (readonly unknown[])[] };

/**
 * The shape that same-shape range arguments share, for element-wise functions.
 * 1×1 grids are reused for every cell; any other mismatch fails the call.
 */
export function commonShape(grids: readonly NamedGrid[]): { rows: number; cols: number } {
  let shape: { rows: number; cols: number; arg: string } | undefined;
  for (const { arg, grid } of grids) {
    const rows = grid.length;
    const cols = rows === 0 ? 0 : grid[0].length;
    if (rows === 1 && cols === 1) continue;
    if (!shape) shape = { rows, cols, arg };
    else if (shape.rows !== rows || shape.cols !== cols) {
      failValue(`${arg} is ${rows}×${cols} cells but ${shape.arg} is ${shape.rows}×${shape.cols}; give ranges of the same shape`);
    }
  }
  return shape ? { rows: shape.rows, cols: shape.cols } : { rows: 1, cols: 1 };
}

/** The value of a grid at (r, c), reusing a 1×1 grid for every cell. */
export function cellAt(grid: readonly (readonly unknown[])[], r: number, c: number): unknown {
  return grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid[r][c];
}
