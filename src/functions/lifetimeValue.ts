/**
 * LOYALTY.CLTV and LOYALTY.CLV: adapters over src/analytics/cltv.ts and clv.ts. Both work
 * per customer over columns (single cells are reused for every row) and spill a column.
 */
import { at, readNumber } from "../analytics/cells";
import { CellError, isCellError, notAvailable } from "../analytics/errors";
import { cltv as cltvOf } from "../analytics/cltv";
import { clv as clvOf } from "../analytics/clv";
import { guard, listOf, rowCount, toExcelColumn, valueAt } from "./adapter";

type Column = { readonly arg: string; readonly range: unknown; readonly fallback?: number; readonly what: string };

/**
 * Reads the columns row by row and computes one value per row. A blank required cell gives
 * #N/A in that row; a blank optional cell (or an omitted optional argument) uses its default.
 */
function perCustomer(columns: readonly Column[], compute: (values: number[], row: number | undefined) => number | CellError) {
  return guard(() => {
    const present = columns.filter((c) => c.range !== null && c.range !== undefined);
    const lists = present.map((c) => ({ arg: c.arg, values: listOf(c.range, c.arg) }));
    const n = rowCount(lists);
    const out: (number | CellError)[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = n === 1 ? undefined : i + 1;
      const values: number[] = [];
      let error: CellError | null = null;
      for (const column of columns) {
        const list = lists.find((l) => l.arg === column.arg);
        const cell = list ? readNumber(valueAt(list.values, i), at(column.arg, row), column.what) : null;
        if (isCellError(cell)) {
          error = cell;
          break;
        }
        if (cell === null) {
          if (column.fallback === undefined) {
            error = notAvailable(`${column.arg}${row === undefined ? "" : `, row ${row}`}: the cell is blank; no ${column.what} for this customer`);
            break;
          }
          values.push(column.fallback);
        } else values.push(cell);
      }
      out[i] = error ?? compute(values, row);
    }
    return toExcelColumn(out);
  });
}

/**
 * Customer lifetime value over a horizon in years: yearly margin (annual revenue × margin rate) discounted at discount_rate, a final part year in proportion, minus the acquisition cost. With the defaults it is annual_revenue × years − acquisition_cost.
 * @customfunction CLTV CLTV
 * @helpurl https://localhost:3000/help.html#cltv
 * @param {any[][]} annual_revenue Revenue per year from the customer, one per customer or a single value.
 * @param {any[][]} years Expected customer lifetime in years (decimals allowed).
 * @param {any[][]} acquisition_cost What it cost to win the customer (0 for none).
 * @param {any[][]} [margin_rate] Profit margin as a fraction from 0 to 1 (30% is 0.3). Default 1.
 * @param {any[][]} [discount_rate] Yearly discount rate as a fraction (10% is 0.1). Default 0.
 * @returns {any[][]} One lifetime value per customer.
 */
export function cltv(annual_revenue: any[][], years: any[][], acquisition_cost: any[][], margin_rate?: any[][], discount_rate?: any[][]): any[][] {
  return perCustomer(
    [
      { arg: "annual_revenue", range: annual_revenue, what: "annual revenue" },
      { arg: "years", range: years, what: "number of years" },
      { arg: "acquisition_cost", range: acquisition_cost, what: "acquisition cost" },
      { arg: "margin_rate", range: margin_rate, fallback: 1, what: "margin rate" },
      { arg: "discount_rate", range: discount_rate, fallback: 0, what: "discount rate" },
    ],
    ([annualRevenue, y, acquisitionCost, marginRate, discountRate], row) =>
      cltvOf({ annualRevenue, years: y, acquisitionCost, marginRate, discountRate }, row),
  ) as any[][];
}

/**
 * Customer lifetime value over an unlimited horizon with a constant retention rate: margin × r / (1 + d − r) − acquisition cost, the margin earned at the end of each period the customer stays.
 * @customfunction CLV CLV
 * @helpurl https://localhost:3000/help.html#clv
 * @param {any[][]} margin_per_period Margin the customer brings per period (for example per year).
 * @param {any[][]} retention_rate Share of customers kept from one period to the next, a fraction from 0 up to but not including 1.
 * @param {any[][]} discount_rate Discount rate per period as a fraction (10% is 0.1).
 * @param {any[][]} [acquisition_cost] What it cost to win the customer. Default 0.
 * @returns {any[][]} One lifetime value per customer.
 */
export function clv(margin_per_period: any[][], retention_rate: any[][], discount_rate: any[][], acquisition_cost?: any[][]): any[][] {
  return perCustomer(
    [
      { arg: "margin_per_period", range: margin_per_period, what: "margin per period" },
      { arg: "retention_rate", range: retention_rate, what: "retention rate" },
      { arg: "discount_rate", range: discount_rate, what: "discount rate" },
      { arg: "acquisition_cost", range: acquisition_cost, fallback: 0, what: "acquisition cost" },
    ],
    ([marginPerPeriod, retentionRate, discountRate, acquisitionCost], row) =>
      clvOf({ marginPerPeriod, retentionRate, discountRate, acquisitionCost }, row),
  ) as any[][];
}
