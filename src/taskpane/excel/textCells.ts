/**
 * Text written to cells stays text. `Range.values` reads a string as if it were typed: "=1+1" and
 * "+49 30 123" become formulas, "0012" the number 12, "1/2" a date. Setting the number format to
 * text ("@") first, in the same batch, keeps the string as it is. Pure; used by every writer.
 */

/** The number formats to set before writing `values`: "@" for every non-empty string, "General" for the rest. O(cells). */
export function textFormats(values: readonly (readonly unknown[])[]): string[][] {
  return values.map((line) => line.map((v) => (typeof v === "string" && v !== "" ? "@" : "General")));
}
