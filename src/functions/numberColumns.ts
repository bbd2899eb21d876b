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
 * cell is a reused single cell. O(n). readNumberColumnAsync reads the same in time slices.
 */
import { at, readNumber } from "../analytics/orders/cells";
import { CellError } from "../analytics/errors";
import { TimeSlicer, inBlocks } from "../analytics/numeric/yieldToHost";
import { RangeColumn, cellOf } from "./adapter";

export type NumberColumn = {
  readonly values: Float64Array;
  readonly errors: (CellError | undefined)[] | undefined;
};

export function readNumberColumn(source: readonly unknown[] | RangeColumn, n: number, arg: string, expected: string): NumberColumn {
  const reused = readReusedCell(source, n, arg, expected);
  if (reused) return reused;
  const reader = rowReader(source, n, arg, expected);
  reader.read(0, n);
  return reader.column;
}

/**
 * readNumberColumn for a long call: the same rows and messages, read in blocks (inBlocks)
 * with `slicer` asked between them, so no stretch of a million-row read runs past its slice.
 */
export async function readNumberColumnAsync(
  source: readonly unknown[] | RangeColumn,
  n: number,
  arg: string,
  expected: string,
  slicer: TimeSlicer,
): Promise<NumberColumn> {
  const reused = readReusedCell(source, n, arg, expected);
  if (reused) return reused;
  const reader = rowReader(source, n, arg, expected);
  await inBlocks(n, slicer, reader.read);
  return reader.column;
}

/** One cell reused for every row: read it once, and name no row (it is not in any of the call's rows). */
function readReusedCell(source: readonly unknown[] | RangeColumn, n: number, arg: string, expected: string): NumberColumn | null {
  if (source.length !== 1 || n <= 1) return null;
  const range = Array.isArray(source) ? null : (source as RangeColumn);
  const only = readNumberColumn([range ? cellOf(range, 0) : (source as readonly unknown[])[0]], 1, arg, expected);
  const values = new Float64Array(n).fill(only.values[0]);
  const errors = only.errors ? new Array<CellError | undefined>(n).fill(only.errors[0]) : undefined;
  return { values, errors };
}

function rowReader(source: readonly unknown[] | RangeColumn, n: number, arg: string, expected: string) {
  const values = new Float64Array(n);
  const column: { values: Float64Array; errors: (CellError | undefined)[] | undefined } = { values, errors: undefined };
  const range = Array.isArray(source) ? null : (source as RangeColumn);
  // The column straight from Excel's row arrays when it is one (no copy in between), else the list.
  const nested = range !== null && range.nested;
  const cells = range ? range.cells : (source as readonly unknown[]);
  const read = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cell = nested ? (cells[i] as unknown[])[0] : cells[i];
      if (typeof cell === "number" && cell - cell === 0) {
        values[i] = cell;
        continue;
      }
      const value = readNumber(cell, at(arg, n === 1 ? undefined : i + 1), expected);
      if (typeof value === "number") values[i] = value;
      else {
        values[i] = NaN;
        if (value !== null) (column.errors ??= [])[i] = value;
      }
    }
  };
  return { column: column as NumberColumn, read };
}
