/**
 * Reading fitted model parameters from a sheet range: the block that BGNBDFIT or GAMMAGAMMAFIT
 * spilled (with or without its header row; the standard-error row and log-likelihood column
 * are ignored), or the bare numbers as one row or one column.
 *
 * Examples for the BG/NBD (names r, alpha, a, b):
 *   [["r","alpha","a","b","log-likelihood"], [0.243, 4.41, 0.793, 2.43, -9582.4], [0.0126, …]] → the second row;
 *   [[0.243, 4.41, 0.793, 2.43]] or [[0.243], [4.41], [0.793], [2.43]] → those numbers.
 * A header that names other parameters (a Gamma-Gamma block given as bgnbd_params) is refused
 * with a message saying which block is expected. O(size of the range).
 */
import { at, readNumber, readText } from "../orders/cells";
import { ExcelErrorCode, fail, isCellError, isExcelErrorCode } from "../errors";

/**
 * The k numbers named `names` from `grid`. `arg` and `source` (the function that spills the
 * block, e.g. "BGNBDFIT") go into messages.
 */
export function readModelParams(grid: readonly (readonly unknown[])[], names: readonly string[], arg: string, source: string): number[] {
  const k = names.length;
  const expected = `the block ${source} spilled, or ${names.join(", ")} as ${k} numbers`;
  const rows = grid.filter((row) => row.length > 0);
  if (rows.length === 0) fail("#VALUE!", `${arg}: expected ${expected}`);
  const first = rows[0][0];
  if (isCellError(first)) fail(first.code, `${arg}: the cell holds ${first.code}; fit the model first (${source})`);
  if (typeof first === "string" && isExcelErrorCode(first.trim())) {
    fail(first.trim() as ExcelErrorCode, `${arg}: the cell holds ${first.trim()}; fit the model first (${source})`);
  }

  let cells: unknown[];
  if (typeof first === "string" && first.trim() !== "") {
    // A header row: check it names these parameters, then read the row below it.
    const header = rows[0].slice(0, k).map((cell) => String(readText(cell, at(arg)) ?? "").toLowerCase());
    if (header.join(",") !== names.join(",")) {
      fail("#VALUE!", `${arg}: the header says ${header.join(", ")}; expected ${names.join(", ")} (${expected})`);
    }
    if (rows.length < 2) fail("#VALUE!", `${arg}: the header has no row of estimates below it`);
    cells = rows[1].slice(0, k);
  } else if (rows[0].length >= k) {
    cells = rows[0].slice(0, k);
  } else if (rows[0].length === 1 && rows.length >= k) {
    cells = rows.slice(0, k).map((row) => row[0]);
  } else {
    fail("#VALUE!", `${arg}: expected ${expected}`);
  }
  if (cells.length < k) fail("#VALUE!", `${arg}: expected ${expected}`);
  return cells.map((cell, i) => {
    const value = readNumber(cell, at(arg), `a number for ${names[i]}`);
    if (value === null) fail("#VALUE!", `${arg}: ${names[i]} is blank; expected ${expected}`);
    if (isCellError(value)) fail(value.code, `${arg}: ${names[i]}: ${value.message.replace(`${arg}: `, "")}`);
    return value;
  });
}
