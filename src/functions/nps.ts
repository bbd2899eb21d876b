/**
 * LOYALTY.NPS: adapter over src/analytics/nps.ts. Takes a range of any shape; cells are read
 * row by row (row-major), and messages name the row (and the column when there are several).
 */
import { Where, at, readNumber } from "../analytics/orders/cells";
import { isCellError } from "../analytics/errors";
import { netPromoterScore } from "../analytics/metrics/nps";
import { gridOf, guard, toExcelValue } from "./adapter";

/**
 * Net Promoter Score: the percentage of promoters (9–10) minus the percentage of detractors (0–6) among 0–10 likelihood-to-recommend answers, from −100 to 100, unrounded. Blank cells are skipped.
 * @customfunction NPS NPS
 * @helpurl https://localhost:3000/help.html#nps
 * @param {any[][]} scores Likelihood-to-recommend answers from 0 to 10, a column, a row or a block of cells.
 * @returns {any} The NPS, from −100 to 100.
 */
export function nps(scores: any[][]): any {
  return guard(() => {
    const grid = gridOf(scores);
    const rows = grid.length;
    let cols = 0;
    for (const line of grid) if (line.length > cols) cols = line.length; // no spread: a column can have a million rows
    const whereOf = (r: number, c: number): Where =>
      rows === 1 && cols === 1 ? at("scores") : cols === 1 ? at("scores", r + 1) : at("scores", r + 1, c + 1);
    const values = new Float64Array(rows * cols).fill(NaN);
    for (let r = 0; r < rows; r++) {
      const line = grid[r];
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (typeof cell === "number" && cell - cell === 0) {
          values[r * cols + c] = cell; // the fast path: a plain finite number
          continue;
        }
        const value = readNumber(cell, whereOf(r, c), "a 0–10 score");
        if (isCellError(value)) return toExcelValue(value);
        if (value !== null) values[r * cols + c] = value;
      }
    }
    return toExcelValue(netPromoterScore(values, (i) => whereOf(Math.floor(i / cols), i % cols)));
  });
}
