/**
 * Errors of the analytics core, shaped like Excel's error values so that both
 * adapters (custom functions and the task pane) can pass them on unchanged.
 *
 * A `CellError` is a plain value: per-row results carry it in place of a number
 * (cheap enough for a million rows). `AnalyticsError` is the thrown form, used
 * when the whole call fails (wrong shape, bad single-value argument).
 */

/** The Excel error values the core can produce or pass through from an input cell. */
export type ExcelErrorCode = "#VALUE!" | "#N/A" | "#DIV/0!" | "#NUM!" | "#NULL!" | "#REF!" | "#NAME?" | "#SPILL!" | "#CALC!" | "#GETTING_DATA" | "#BUSY!";

export type CellError = { readonly code: ExcelErrorCode; readonly message: string };

const KNOWN_CODES: ReadonlySet<string> = new Set([
  "#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!", "#REF!", "#NAME?", "#SPILL!", "#CALC!", "#GETTING_DATA", "#BUSY!",
]);

export class AnalyticsError extends Error implements CellError {
  readonly code: ExcelErrorCode;
  constructor(code: ExcelErrorCode, message: string) {
    super(message);
    this.name = "AnalyticsError";
    this.code = code;
  }
}

/** True for any value that carries an Excel error code, including CustomFunctions.Error objects from input cells. */
export function isCellError(value: unknown): value is CellError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    KNOWN_CODES.has((value as { code: string }).code)
  );
}

export function isExcelErrorCode(text: string): text is ExcelErrorCode {
  return KNOWN_CODES.has(text);
}

export const valueError = (message: string): CellError => ({ code: "#VALUE!", message });
export const notAvailable = (message: string): CellError => ({ code: "#N/A", message });
export const divisionByZero = (message: string): CellError => ({ code: "#DIV/0!", message });

/** Throws the whole call's error. */
export function fail(code: ExcelErrorCode, message: string): never {
  throw new AnalyticsError(code, message);
}

/** Throws `#VALUE!` with a message; the common case. */
export function failValue(message: string): never {
  throw new AnalyticsError("#VALUE!", message);
}

/** Turns a per-row error into a thrown one (for single-value arguments). */
export function raise(error: CellError): never {
  throw error instanceof AnalyticsError ? error : new AnalyticsError(error.code, error.message);
}
