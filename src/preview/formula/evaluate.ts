/**
 * PREVIEW ONLY — evaluates a parsed formula box entry by calling the function that
 * dist/functions.js associated with `CustomFunctions.associate`, passing arguments the way
 * Excel does for the parameter's declared dimensionality (functions.json): a range or array
 * as `any[][]` (blank cells as null, error cells as CustomFunctions.Error), a single value as
 * itself, omitted optional arguments as null. The result (a value or a 2-D array, possibly a
 * promise) is spilled into the grid from the formula's cell; a blocked spill gives #SPILL!.
 */
import { Rect, cellAddress, columnLetters, quoteSheet } from "../fakeExcel/address";
import { CellValue, SheetModel, WorkbookModel, isErrorCell } from "../fakeExcel/workbook";
import { separatorsOf } from "../fakeExcel/culture";
import { Expr, Literal, parseFormula, syntaxFor } from "./parse";
import { messageShown } from "../host/customFunctions";

export type ParameterInfo = {
  readonly name: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
  readonly repeating?: boolean;
};
export type FunctionInfo = {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly ParameterInfo[];
  readonly options?: { readonly stream?: boolean; readonly cancelable?: boolean; readonly requiresAddress?: boolean; readonly requiresParameterAddresses?: boolean };
};

type ErrorFactory = new (code: string, message?: string) => { code: string; message?: string };

export type Host = {
  readonly model: WorkbookModel;
  readonly functions: ReadonlyMap<string, FunctionInfo>;
  readonly registry: ReadonlyMap<string, (...args: unknown[]) => unknown>;
  readonly ErrorClass: ErrorFactory;
};

/** A mistake in the formula itself: Excel would refuse to enter it. */
export class FormulaInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormulaInputError";
  }
}

type Value = unknown;
type Grid = Value[][];

const ERROR_CODES = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!"]);

function isErrorObject(value: unknown): value is { code: string; message?: string } {
  return typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string" && ERROR_CODES.has((value as { code: string }).code);
}

/** A stored cell as a custom function receives it. */
function argumentValue(cell: CellValue, host: Host): Value {
  if (isErrorCell(cell)) return new host.ErrorClass(ERROR_CODES.has(cell.error) && cell.error !== "#SPILL!" && cell.error !== "#CALC!" ? cell.error : "#VALUE!", cell.message);
  return cell;
}

function literalValue(value: Literal, host: Host): Value {
  return typeof value === "object" ? new host.ErrorClass(value.error) : value;
}

function readRange(host: Host, sheet: SheetModel, rect: Rect): Grid {
  const out: Grid = new Array(rect.rows);
  for (let r = 0; r < rect.rows; r++) {
    const line: Value[] = new Array(rect.cols);
    for (let c = 0; c < rect.cols; c++) line[c] = argumentValue(sheet.get(rect.row + r, rect.col + c), host);
    out[r] = line;
  }
  return out;
}

type Evaluated = { grid: Grid; address: string | null };

async function evaluateExpr(expr: Expr, host: Host, sheet: SheetModel, address: string): Promise<Evaluated> {
  switch (expr.kind) {
    case "literal":
      return { grid: [[literalValue(expr.value, host)]], address: null };
    case "array":
      return { grid: expr.rows.map((row) => row.map((v) => literalValue(v, host))), address: null };
    case "range": {
      const target = expr.sheet === null ? sheet : host.model.sheet(expr.sheet);
      if (!target) throw new FormulaInputError(`There is no sheet named "${expr.sheet}" (${expr.text}).`);
      const end = expr.rect.rows * expr.rect.cols > 1 ? `:${cellAddress(expr.rect.row + expr.rect.rows - 1, expr.rect.col + expr.rect.cols - 1)}` : "";
      return { grid: readRange(host, target, expr.rect), address: `${quoteSheet(target.name)}!${cellAddress(expr.rect.row, expr.rect.col)}${end}` };
    }
    case "call":
      return { grid: toGrid(await callFunction(expr, host, sheet, address), host), address: null };
  }
}

/** The function's result as a grid of values (a single value becomes 1×1). */
function toGrid(result: Value, host: Host): Grid {
  if (Array.isArray(result)) {
    if (result.length === 0 || !result.every((row) => Array.isArray(row)) || result.some((row) => (row as unknown[]).length !== (result[0] as unknown[]).length)) {
      return [[new host.ErrorClass("#VALUE!", "the function returned an array that is not a rectangle")]];
    }
    return result as Grid;
  }
  return [[result]];
}

async function callFunction(expr: Extract<Expr, { kind: "call" }>, host: Host, sheet: SheetModel, address: string): Promise<Value> {
  const info = host.functions.get(expr.name);
  const fn = host.registry.get(expr.name);
  if (!info || !fn) return new host.ErrorClass("#NAME?", `LOYALTY.${expr.name} is not a function of this add-in`);
  const params = info.parameters;
  const required = params.filter((p) => !p.optional).length;
  if (expr.args.length > params.length) {
    throw new FormulaInputError(`You've entered too many arguments for LOYALTY.${expr.name}: it takes ${params.length} (${params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")}).`);
  }
  const missing = params.slice(0, required).findIndex((_, i) => expr.args[i] === undefined || expr.args[i] === null);
  if (expr.args.length < required || missing >= 0) {
    throw new FormulaInputError(`You've entered too few arguments for LOYALTY.${expr.name}: ${params.filter((p) => !p.optional).map((p) => p.name).join(", ")} are required.`);
  }
  const args: Value[] = [];
  const addresses: (string | null)[] = [];
  for (let i = 0; i < params.length; i++) {
    const arg = expr.args[i];
    if (arg === undefined || arg === null) {
      args.push(null);
      addresses.push(null);
      continue;
    }
    const { grid, address: argAddress } = await evaluateExpr(arg, host, sheet, address);
    addresses.push(argAddress);
    if (params[i].dimensionality === "matrix") args.push(grid);
    else if (grid.length === 1 && grid[0].length === 1) args.push(grid[0][0]);
    else return new host.ErrorClass("#VALUE!", `${params[i].name} expects a single value, not a range of ${grid.length}×${grid[0].length} cells`);
  }
  const options = info.options ?? {};
  let streamed: Promise<Value> | null = null;
  if (options.stream || options.cancelable || options.requiresAddress || options.requiresParameterAddresses) {
    const invocation: Record<string, unknown> = { address, functionName: `LOYALTY.${expr.name}` };
    if (options.requiresParameterAddresses) invocation.parameterAddresses = addresses;
    if (options.stream) {
      streamed = new Promise((resolve) => {
        invocation.setResult = resolve;
      });
    }
    args.push(invocation);
  }
  try {
    const returned = fn(...args);
    return streamed ?? (await returned);
  } catch (thrown) {
    // Excel shows #VALUE! for an exception escaping a custom function.
    return new host.ErrorClass("#VALUE!", `the function threw: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
  }
}

/** A result value as a stored cell: finite numbers, text, booleans, Excel errors; null shows as 0 (as in Excel). */
export function toCell(value: Value): CellValue {
  // Excel shows a non-finite result as a bare #NUM! (no message on that code).
  if (typeof value === "number") return Number.isFinite(value) ? value : { error: "#NUM!" };
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "boolean") return value;
  if (value === null || value === undefined) return 0;
  if (isErrorObject(value)) return value.message === undefined || !messageShown(value.code) ? { error: value.code } : { error: value.code, message: value.message };
  return { error: "#VALUE!", message: "the function returned a value of an unsupported type" };
}

/** Spill areas by sheet, keyed by the formula's cell, so that re-entering a formula clears its old spill. */
const spills = new WeakMap<SheetModel, Map<string, Rect>>();

function spillsOf(sheet: SheetModel): Map<string, Rect> {
  let map = spills.get(sheet);
  if (!map) spills.set(sheet, (map = new Map()));
  return map;
}

/** Clears a cell and the spill of the formula it held. */
export function clearCell(sheet: SheetModel, row: number, col: number): void {
  const key = cellAddress(row, col);
  const old = spillsOf(sheet).get(key);
  if (old) {
    sheet.clear(old);
    spillsOf(sheet).delete(key);
  }
  sheet.setFormula(row, col, null);
  sheet.set(row, col, null);
}

export type EntryResult = { readonly rows: number; readonly cols: number; readonly anchor: CellValue };

/**
 * Evaluates `text` (a formula) in the cell at (row, col) of `sheet` and spills the result.
 * Throws FormulaSyntaxError / FormulaInputError for a formula Excel would not accept.
 */
export async function enterFormula(host: Host, sheet: SheetModel, row: number, col: number, text: string): Promise<EntryResult> {
  // The formula box reads the workbook's culture: "=LOYALTY.CLV(100; 0,8; 0,1)" with a decimal comma.
  const expr = parseFormula(text, syntaxFor(separatorsOf(host.model).decimal));
  const address = `${quoteSheet(sheet.name)}!${columnLetters(col)}${row + 1}`;
  const { grid } = await evaluateExpr(expr, host, sheet, address);
  clearCell(sheet, row, col);
  const formula = text.trim().startsWith("=") ? text.trim() : `=${text.trim()}`;
  const rows = grid.length;
  const cols = grid[0].length;
  let blocked: string | null = null;
  for (let r = 0; r < rows && blocked === null; r++) {
    for (let c = 0; c < cols; c++) {
      if (r === 0 && c === 0) continue;
      if (!sheet.isBlank(row + r, col + c)) {
        blocked = cellAddress(row + r, col + c);
        break;
      }
    }
  }
  sheet.setFormula(row, col, formula);
  if (blocked !== null) {
    const anchor: CellValue = { error: "#SPILL!", message: `Spill range isn't blank: ${blocked} holds a value; the result needs ${rows}×${cols} cells.` };
    sheet.set(row, col, anchor);
    return { rows: 1, cols: 1, anchor };
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) sheet.set(row + r, col + c, toCell(grid[r][c]));
  if (rows * cols > 1) spillsOf(sheet).set(cellAddress(row, col), { row, col, rows, cols });
  host.model.changed();
  return { rows, cols, anchor: sheet.get(row, col) };
}

/**
 * Enters a constant typed into a cell, as Excel reads typing: a number, TRUE/FALSE, an error
 * value such as #N/A, or text; a leading apostrophe keeps the rest as text ('10 is the text
 * "10"); empty clears the cell. Numbers use the culture's decimal separator `decimal` ("0,8" with
 * a decimal comma; "0.8" is then text, not a number).
 */
export function enterConstant(sheet: SheetModel, row: number, col: number, text: string, decimal = "."): CellValue {
  clearCell(sheet, row, col);
  const trimmed = text.trim();
  let value: CellValue = null;
  if (trimmed === "") value = null;
  else if (text.startsWith("'")) value = text.slice(1);
  else if (ERROR_CODES.has(trimmed.toUpperCase()) && trimmed.toUpperCase() !== "#SPILL!") value = { error: trimmed.toUpperCase() };
  else if (decimal === "," && /^[+-]?(\d+,?\d*|,\d+)([eE][+-]?\d+)?$/.test(trimmed)) value = Number(trimmed.replace(",", "."));
  else if (decimal !== "," && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) value = Number(trimmed);
  else if (/^(TRUE|FALSE)$/i.test(trimmed)) value = trimmed.toUpperCase() === "TRUE";
  else value = text;
  sheet.set(row, col, value);
  return value;
}
