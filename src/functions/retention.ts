/**
 * LOYALTY.RETENTION, LOYALTY.CHURN and LOYALTY.CUSTOMERSLOST: adapters over
 * src/analytics/retentionRate.ts. Same-shape ranges give one result per cell.
 */
import { at, describeWhere, readNumber } from "../analytics/orders/cells";
import { CellError, isCellError, valueError } from "../analytics/errors";
import { PeriodCounts, churnRate, customersLost, retentionRate } from "../analytics/metrics/retentionRate";
import { inBlocks, timeSlicer } from "../analytics/numeric/yieldToHost";
import { ExcelResult, commonShape, gridOf, guardAsync, toExcelValue } from "./adapter";

async function perPeriod(
  customersStart: unknown,
  customersEnd: unknown,
  newCustomers: unknown,
  compute: (counts: PeriodCounts) => number | CellError,
): Promise<ExcelResult[][] | CustomFunctions.Error> {
  return guardAsync(async () => {
    const grids = [
      { arg: "customers_start", grid: gridOf(customersStart) },
      { arg: "customers_end", grid: gridOf(customersEnd) },
      { arg: "new_customers", grid: gridOf(newCustomers) },
    ];
    const { rows, cols } = commonShape(grids);
    const single = rows === 1 && cols === 1;
    // A 1×1 grid is one cell reused for every period: its messages name no row (the row would be the result's, not the cell's).
    const reused = grids.map(({ grid }) => grid.length === 1 && grid[0].length === 1);
    const counts = [0, 0, 0];
    const cells = grids.map(({ grid }) => grid);
    // Preallocated output; each cell read once by direct index (a 1×1 grid is its one cell).
    const out = new Array<ExcelResult[]>(rows);
    // In time slices: a full sheet of periods never holds Excel for long.
    await inBlocks(rows, timeSlicer(), (from, to) => {
      for (let r = from; r < to; r++) {
        const line = new Array<ExcelResult>(cols);
        for (let c = 0; c < cols; c++) {
          let error: CellError | null = null;
          for (let k = 0; k < 3; k++) {
            const cell = reused[k] ? cells[k][0][0] : cells[k][r][c];
            if (typeof cell === "number" && cell - cell === 0) {
              counts[k] = cell; // the fast path: a plain finite number, no message to prepare
              continue;
            }
            const arg = grids[k].arg;
            const where = single || reused[k] ? at(arg) : cols === 1 ? at(arg, r + 1) : at(arg, r + 1, c + 1);
            const value = readNumber(cell, where, "a customer count");
            if (value === null) {
              error = valueError(`${describeWhere(where)}: the cell is blank; expected a customer count`);
              break;
            }
            if (isCellError(value)) {
              error = value;
              break;
            }
            counts[k] = value;
          }
          let result = error ?? compute({ customersStart: counts[0], customersEnd: counts[1], newCustomers: counts[2] });
          if (error === null && typeof result !== "number" && !single) {
            // The core names the argument and the problem; the period's place in the ranges is the adapter's to add.
            result = { code: result.code, message: `${cols === 1 ? `row ${r + 1}` : `row ${r + 1}, column ${c + 1}`}: ${result.message}` };
          }
          line[c] = typeof result === "number" && result - result === 0 ? result : toExcelValue(result);
        }
        out[r] = line;
      }
    });
    return out;
  });
}

/**
 * Retention rate: the share of the customers at the start of a period still customers at its end, (end − new) / start. Give ranges of the same shape for one rate per period.
 * @customfunction RETENTION RETENTION
 * @helpurl https://localhost:3000/help.html#retention
 * @param {any[][]} customers_start Customers at the start of the period (a count, or a range with one count per period).
 * @param {any[][]} customers_end Customers at the end of the period, new customers included.
 * @param {any[][]} new_customers Customers won during the period.
 * @returns {Promise<any[][]>} Retention as a fraction (0.6 shows as 60% in a percent cell).
 */
export async function retention(customers_start: any[][], customers_end: any[][], new_customers: any[][]): Promise<any[][]> {
  return (await perPeriod(customers_start, customers_end, new_customers, retentionRate)) as any[][];
}

/**
 * Churn rate: the share of the customers at the start of a period lost by its end, 1 − retention.
 * @customfunction CHURN CHURN
 * @helpurl https://localhost:3000/help.html#churn
 * @param {any[][]} customers_start Customers at the start of the period (a count, or a range with one count per period).
 * @param {any[][]} customers_end Customers at the end of the period, new customers included.
 * @param {any[][]} new_customers Customers won during the period.
 * @returns {Promise<any[][]>} Churn as a fraction (0.4 shows as 40% in a percent cell).
 */
export async function churn(customers_start: any[][], customers_end: any[][], new_customers: any[][]): Promise<any[][]> {
  return (await perPeriod(customers_start, customers_end, new_customers, churnRate)) as any[][];
}

/**
 * Customers lost during a period: start − (end − new).
 * @customfunction CUSTOMERSLOST CUSTOMERSLOST
 * @helpurl https://localhost:3000/help.html#customerslost
 * @param {any[][]} customers_start Customers at the start of the period (a count, or a range with one count per period).
 * @param {any[][]} customers_end Customers at the end of the period, new customers included.
 * @param {any[][]} new_customers Customers won during the period.
 * @returns {Promise<any[][]>} The number of customers lost.
 */
export async function customerslost(customers_start: any[][], customers_end: any[][], new_customers: any[][]): Promise<any[][]> {
  return (await perPeriod(customers_start, customers_end, new_customers, customersLost)) as any[][];
}
