/**
 * A stand-in for the `CustomFunctions` global that Excel's runtime provides:
 * the Error class with its codes, and an `associate` registry. Used by the unit
 * tests of src/functions and by the black-box test of dist/functions.js.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class StubError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export type Registry = Map<string, (...args: unknown[]) => unknown>;

export function createCustomFunctions(registry: Registry = new Map()) {
  return {
    Error: StubError,
    ErrorCode,
    associate(id: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
      if (typeof id === "object") {
        for (const [key, value] of Object.entries(id)) registry.set(key.toUpperCase(), value);
        return;
      }
      if (registry.has(id.toUpperCase())) throw new Error(`${id} associated twice`);
      registry.set(id.toUpperCase(), fn!);
    },
    registry,
  };
}

/** An Excel error value as tests compare it: code and message. */
export function excelError(value: unknown): { code: string; message?: string } | null {
  return value instanceof StubError ? { code: value.code, message: value.message } : null;
}
