/**
 * Reading one spreadsheet cell value into a typed value, with the rules every
 * adapter shares (custom functions and the task pane alike):
 * - blank is `null`, `undefined`, `""` or whitespace-only text; the number 0 is always 0;
 * - an error value in the cell is passed on with the same code;
 * - a data-type object (entity, linked data type, formatted number) is rejected;
 * - text is never silently read as a number (`"1.234"` means 1234 in German and 1.234 in English);
 * - dates are serials, truncated to whole days, or ISO text such as `2024-03-31` (read strictly: no
 *   two-digit-year mapping, no invalid time, nothing before 1900-03-01; see dates.ts).
 *
 * Each reader returns the value, `null` for blank, or a `CellError` whose message
 * names the argument, the row and what was expected.
 * Example: readNumber("abc", at("scores", 3)) → #VALUE! `scores, row 3: expected a number, found text "abc"`.
 */
import { CellError, isCellError, isExcelErrorCode, valueError } from "../errors";
import { readIsoDate } from "./dates";

/** Where a value came from, for messages: argument (or column) name and 1-based row within it. */
export type Where = { readonly arg: string; readonly row?: number; readonly col?: number };

export const at = (arg: string, row?: number, col?: number): Where => ({ arg, row, col });

export function describeWhere(where: Where): string {
  const row = where.row === undefined ? "" : `, row ${where.row}`;
  const col = where.col === undefined ? "" : `, column ${where.col}`;
  return `${where.arg}${row}${col}`;
}

const PLAIN_DATA_TYPES: ReadonlySet<string> = new Set(["Double", "FormattedNumber", "String", "Boolean", "Empty"]);

/**
 * A number, text or boolean in the data-types form (custom functions may receive
 * `{ type: "Double", basicValue: 12.5, numberFormat: "0.00" }` or a FormattedNumber
 * for a formatted cell) is its plain value; entities, images and the like stay objects.
 */
export function plainValue(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string" || !PLAIN_DATA_TYPES.has(type)) return value;
  const basic = (value as { basicValue?: unknown }).basicValue;
  return type === "Empty" || basic === undefined ? null : basic;
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function shortText(text: string): string {
  return text.length > 30 ? `${text.slice(0, 27)}...` : text;
}

/** What a non-primitive cell value is, or null when it is a plain number, text or boolean. */
function specialValueError(value: unknown, where: Where): CellError | null {
  if (typeof value !== "object" || value === null) return null;
  if (isCellError(value)) {
    return { code: value.code, message: `${describeWhere(where)}: the cell holds ${value.code}` };
  }
  const type = (value as { type?: unknown }).type;
  // An error in the data-types form (Excel.ErrorCellValue: { type: "Error", basicValue: "#N/A", … }) is still an error value.
  const basicValue = (value as { basicValue?: unknown }).basicValue;
  if (type === "Error" && typeof basicValue === "string" && isExcelErrorCode(basicValue)) {
    return { code: basicValue, message: `${describeWhere(where)}: the cell holds ${basicValue}` };
  }
  const kind = typeof type === "string" ? `an Excel data type (${type})` : "an object";
  return valueError(`${describeWhere(where)}: the cell holds ${kind}; expected a plain value`);
}

/** An error code typed as text (as the Excel API's `values` report error cells). */
function errorText(value: unknown): CellError | null {
  return typeof value === "string" && isExcelErrorCode(value) ? { code: value, message: `the cell holds ${value}` } : null;
}

function found(value: unknown): string {
  if (typeof value === "string") return `text "${shortText(value)}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

export function readNumber(value: unknown, where: Where, expected = "a number"): number | null | CellError {
  if (typeof value === "object" && value !== null) value = plainValue(value);
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : valueError(`${describeWhere(where)}: expected ${expected}, found ${value}`);
  }
  if (isBlank(value)) return null;
  const error = errorText(value);
  if (error) return { code: error.code, message: `${describeWhere(where)}: the cell holds ${error.code}` };
  return specialValueError(value, where) ?? valueError(`${describeWhere(where)}: expected ${expected}, found ${found(value)}`);
}

/** A whole-day date serial from a serial number or ISO date text. */
export function readDate(value: unknown, where: Where): number | null | CellError {
  if (typeof value === "object" && value !== null) value = plainValue(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value >= 2958466) {
      return valueError(`${describeWhere(where)}: expected a date, found ${value} (Excel dates run from 1 to 2958465)`);
    }
    return Math.floor(value);
  }
  if (isBlank(value)) return null;
  if (typeof value === "string") {
    const error = errorText(value);
    if (error) return { code: error.code, message: `${describeWhere(where)}: the cell holds ${error.code}` };
    const reading = readIsoDate(value);
    if (reading !== null) {
      return "serial" in reading ? reading.serial : valueError(`${describeWhere(where)}: expected a date, found text "${shortText(value)}": ${reading.problem}`);
    }
    return valueError(
      `${describeWhere(where)}: expected a date, found text "${shortText(value)}"; use a real date or ISO text such as 2024-03-31`,
    );
  }
  const special = specialValueError(value, where);
  if (special) return special;
  return valueError(`${describeWhere(where)}: expected a date, found ${found(value)}`);
}

/** A customer id as trimmed text: 1001 and "1001" are the same customer. */
export function readId(value: unknown, where: Where): string | null | CellError {
  if (typeof value === "object" && value !== null) value = plainValue(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : valueError(`${describeWhere(where)}: expected a customer id`);
  if (typeof value === "string") {
    const error = errorText(value);
    if (error) return { code: error.code, message: `${describeWhere(where)}: the cell holds ${error.code}` };
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (isBlank(value)) return null;
  const special = specialValueError(value, where);
  if (special) return special;
  return valueError(`${describeWhere(where)}: expected a customer id, found ${found(value)}`);
}

/** TRUE/FALSE; text "TRUE"/"FALSE" in any case is accepted as Excel itself does when coercing. */
export function readBoolean(value: unknown, where: Where): boolean | null | CellError {
  if (typeof value === "object" && value !== null) value = plainValue(value);
  if (typeof value === "boolean") return value;
  if (isBlank(value)) return null;
  if (typeof value === "string") {
    const upper = value.trim().toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    const error = errorText(value);
    if (error) return { code: error.code, message: `${describeWhere(where)}: the cell holds ${error.code}` };
  }
  const special = specialValueError(value, where);
  if (special) return special;
  return valueError(`${describeWhere(where)}: expected TRUE or FALSE, found ${found(value)}`);
}

/** Plain text (numbers are turned into their text). */
export function readText(value: unknown, where: Where): string | null | CellError {
  if (typeof value === "object" && value !== null) value = plainValue(value);
  if (typeof value === "string") {
    const error = errorText(value);
    if (error) return { code: error.code, message: `${describeWhere(where)}: the cell holds ${error.code}` };
    return value.trim() === "" ? null : value.trim();
  }
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (isBlank(value)) return null;
  return specialValueError(value, where) ?? valueError(`${describeWhere(where)}: expected text`);
}
