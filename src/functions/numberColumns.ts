/**
 * Reading a per-customer range argument (a list, or a RangeColumn read straight from Excel's
 * row arrays) into a Float64Array in one pass, for the LOYALTY
 * functions that take number columns (SEGMENT, VALUELOST/VALUECHURN, CLTV, CLV).
 *
 * Plain finite numbers (nearly every cell) take a fast path with no allocation; anything
 * else goes through `readNumber` of src/analytics/cells.ts, so the rules and messages are the
 * shared ones. Blank → NaN; a bad cell → NaN plus its CellError in `errors` (sparse, and
 * undefined when there is none). A list of length 1 is read once and reused for every row.
 * Rows are numbered from 1 in messages, or not at all when the call covers one row or the
 * cell is a reused single cell. O(n).
 */
import { at, readNumber } from "../analytics/orders/cells";
import { CellError } from "../analytics/errors";
import { RangeColumn, cellOf } from "./adapter";

export type NumberColumn = {
  readonly values: Float64Array;
  readonly errors: (CellError | undefined)[] | undefined;
};

export function readNumberColumn(source: readonly unknown[] | RangeColumn, n: number, arg: string, expected: string): NumberColumn {
  const values = new Float64Array(n);
  let errors: (CellError | undefined)[] | undefined;
  const range = Array.isArray(source) ? null : (source as RangeColumn);
  if (source.length === 1 && n > 1) {
    // One cell reused for every row: read it once, and name no row (it is not in any of the call's rows).
    const only = readNumberColumn([range ? cellOf(range, 0) : (source as readonly unknown[])[0]], 1, arg, expected);
    values.fill(only.values[0]);
    if (only.errors) errors = new Array<CellError | undefined>(n).fill(only.errors[0]);
    return { values, errors };
  }
  // The column straight from Excel's row arrays when it is one (no copy in between), else the list.
  const nested = range !== null && range.nested;
  const cells = range ? range.cells : (source as readonly unknown[]);
  for (let i = 0; i < n; i++) {
    const cell = nested ? (cells[i] as unknown[])[0] : cells[i];
    if (typeof cell === "number" && cell - cell === 0) {
      values[i] = cell;
      continue;
    }
    const value = readNumber(cell, at(arg, n === 1 ? undefined : i + 1), expected);
    if (typeof value === "number") values[i] = value;
    else {
      values[i] = NaN;
      if (value !== null) (errors ??= [])[i] = value;
    }
  }
  return { values, errors };
}
