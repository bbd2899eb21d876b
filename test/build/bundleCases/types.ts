/**
 * One call of a LOYALTY function through the built bundle, with Excel-shaped
 * arguments, and what it must give: a value grid, or an error code (with a
 * message pattern where the code carries one). In `close` grids, numbers are compared
 * to `digits` decimals and text cells (header rows) exactly.
 */
export type BundleCase = {
  readonly title: string;
  readonly args: readonly unknown[];
  readonly expect:
    | { readonly values: unknown }
    | { readonly close: readonly (readonly (number | string)[])[]; readonly digits: number }
    | { readonly error: string; readonly message?: RegExp };
};

export type BundleCases = Readonly<Record<string, readonly BundleCase[]>>;
