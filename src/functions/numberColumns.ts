/**
 * Reading a per-customer range argument into a Float64Array in one pass, for the LOYALTY
 * functions that take number columns (SEGMENT, VALUELOST/VALUECHURN, CLTV, CLV).
 *
 * Plain finite numbers (nearly every cell) take a fast path with no allocation; anything
 * else goes through `readNumber` of src/analytics/cells.ts, so the rules and messages are the
 * shared ones. Blank → NaN; a bad cell → NaN plus its CellError in `errors` (sparse, and
 * undefined when there is none). A list of length 1 is reused for every row. Rows are
 * numbered from 1 in messages, or not at all when the call covers one row. O(n).
 */
import { at, readNumber } from "../analytics/cells";
import { CellError } from "../analytics/errors";

export type NumberColumn = {
  readonly values: Float64Array;
  readonly errors: (CellError | undefined)[] | undefined;
};

export function readNumberColumn(list: readonly unknown[], n: number, arg: string, expected: string): NumberColumn {
  const values = new Float64Array(n);
  let errors: (CellError | undefined)[] | undefined;
  const reused = list.length === 1;
  for (let i = 0; i < n; i++) {
    const cell = reused ? list[0] : list[i];
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
