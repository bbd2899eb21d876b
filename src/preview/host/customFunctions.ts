/**
 * PREVIEW ONLY — the `CustomFunctions` global for the local preview: the `Error` class with
 * its `ErrorCode`s and the `associate` registry that dist/functions.js fills, as Excel's
 * custom-functions runtime provides them.
 *
 * Why not the local office.js: in a plain browser it defines `CustomFunctions.associate`, but
 * its registry is internal (`CustomFunctions._association.mappings`) and `CustomFunctions.Error`
 * comes only from custom-functions-runtime.js, which Excel loads inside the host. Without
 * Error the functions could not report a single error, so the preview supplies this global
 * and loads the real dist/functions.js after it. (The browser tests still load the built
 * taskpane.html with the real office.js and check that every id lands in its registry.)
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  busy: "#BUSY!",
  calc: "#CALC!",
  gettingData: "#GETTING_DATA",
} as const;

const CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Excel shows a custom function's message only on #VALUE! and #N/A (Microsoft, "Handle and return
 * errors from your custom function"); on #DIV/0!, #NUM! and #NULL! it shows the bare code. The
 * preview drops those messages too, so nobody reads a message Excel would never show.
 */
export function messageShown(code: string): boolean {
  return code === ErrorCode.invalidValue || code === ErrorCode.notAvailable;
}

/** An Excel error value returned by (or passed to) a custom function. */
export class PreviewFunctionError {
  readonly code: string;
  readonly message?: string;
  constructor(code: string, message?: string) {
    if (!CODES.has(code)) throw new Error(`CustomFunctions.Error: unknown error code ${code}`);
    this.code = code;
    // Only #VALUE! and #N/A carry a message in Excel; on other codes it is dropped as Excel does.
    this.message = message === undefined || !messageShown(code) ? undefined : message;
  }
}

export type CustomFunction = (...args: unknown[]) => unknown;

export type PreviewCustomFunctions = {
  Error: typeof PreviewFunctionError;
  ErrorCode: typeof ErrorCode;
  associate(id: string | Record<string, CustomFunction>, fn?: CustomFunction): void;
  /** Preview-only: what was associated, by upper-case id. */
  readonly registry: Map<string, CustomFunction>;
};

export function createCustomFunctions(): PreviewCustomFunctions {
  const registry = new Map<string, CustomFunction>();
  const associate = (id: string | Record<string, CustomFunction>, fn?: CustomFunction): void => {
    if (typeof id === "object") {
      for (const [key, value] of Object.entries(id)) associate(key, value);
      return;
    }
    if (typeof id !== "string" || typeof fn !== "function") throw new Error("CustomFunctions.associate(id, function) expected");
    registry.set(id.toUpperCase(), fn);
  };
  return { Error: PreviewFunctionError, ErrorCode, associate, registry };
}
