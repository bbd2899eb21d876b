/**
 * One call of a LOYALTY function through the built bundle, with Excel-shaped
 * arguments, and what it must give: a value grid, or an error code (with a
 * message pattern where the code carries one).
 */
export type BundleCase = {
  readonly title: string;
  readonly args: readonly unknown[];
  readonly expect:
    | { readonly values: unknown }
    | { readonly close: readonly (readonly number[])[]; readonly digits: number }
    | { readonly error: string; readonly message?: RegExp };
};

export type BundleCases = Readonly<Record<string, readonly BundleCase[]>>;
