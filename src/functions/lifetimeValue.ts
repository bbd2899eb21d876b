/**
 * LOYALTY.CLTV and LOYALTY.CLV: adapters over src/analytics/cltv.ts and clv.ts. Both work
 * per customer over columns (single cells are reused for every row) and spill a column.
 */
import { CellError, notAvailable } from "../analytics/errors";
import { cltv as cltvOf } from "../analytics/metrics/cltv";
import { clv as clvOf } from "../analytics/metrics/clv";
import { inBlocks, timeSlicer } from "../analytics/numeric/yieldToHost";
import { columnOf, guardAsync, rowCount, spillNumbersAsync } from "./adapter";
import { NumberColumn, readNumberColumnAsync } from "./numberColumns";

type Column = { readonly arg: string; readonly range: unknown; readonly fallback?: number; readonly what: string };

/**
 * Reads every column, then computes one value per row. A bad cell gives its error in that row
 * (the first column's first); a blank required cell gives #N/A; a blank optional cell (or an
 * omitted optional argument) uses its default. Reading, computing and spilling go in time
 * slices (inBlocks), so a full sheet never holds Excel for long.
 */
async function perCustomer(columns: readonly Column[], compute: (values: number[], row: number | undefined) => number | CellError) {
  return guardAsync(async () => {
    const slicer = timeSlicer();
    const present = columns.filter((c) => c.range !== null && c.range !== undefined);
    const lists = present.map((c) => ({ arg: c.arg, values: columnOf(c.range, c.arg) }));
    const n = rowCount(lists);
    const read: (NumberColumn | null)[] = [];
    for (const c of columns) {
      const list = lists.find((l) => l.arg === c.arg);
      read.push(list ? await readNumberColumnAsync(list.values, n, c.arg, c.what, slicer) : null);
    }
    // Results straight into a typed array, the (rare) row errors beside it, and one spill at the end.
    const out = new Float64Array(n);
    const errors = new Map<number, CellError>();
    const values: number[] = new Array(columns.length).fill(0);
    await inBlocks(n, slicer, computeRows);
    return spillNumbersAsync(out, (i) => errors.get(i) ?? null, slicer);

    function computeRows(from: number, to: number) {
      for (let i = from; i < to; i++) {
        let error: CellError | undefined;
        for (let k = 0; k < columns.length; k++) {
          const column = read[k];
          const v = column ? column.values[i] : NaN;
          if (v === v) {
            values[k] = v;
            continue;
          }
          error = column?.errors?.[i];
          if (error) break;
          const fallback = columns[k].fallback;
          if (fallback === undefined) {
            const arg = columns[k].arg;
            error = notAvailable(`${arg}${n === 1 ? "" : `, row ${i + 1}`}: the cell is blank; no ${columns[k].what} for this customer`);
            break;
          }
          values[k] = fallback;
        }
        const result = error ?? compute(values, n === 1 ? undefined : i + 1);
        if (typeof result === "number") out[i] = result;
        else {
          out[i] = NaN;
          errors.set(i, result);
        }
      }
    }
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
 * @returns {Promise<any[][]>} One lifetime value per customer.
 */
export async function cltv(annual_revenue: any[][], years: any[][], acquisition_cost: any[][], margin_rate?: any[][], discount_rate?: any[][]): Promise<any[][]> {
  return (await perCustomer(
    [
      { arg: "annual_revenue", range: annual_revenue, what: "annual revenue" },
      { arg: "years", range: years, what: "number of years" },
      { arg: "acquisition_cost", range: acquisition_cost, what: "acquisition cost" },
      { arg: "margin_rate", range: margin_rate, fallback: 1, what: "margin rate" },
      { arg: "discount_rate", range: discount_rate, fallback: 0, what: "discount rate" },
    ],
    ([annualRevenue, y, acquisitionCost, marginRate, discountRate], row) =>
      cltvOf({ annualRevenue, years: y, acquisitionCost, marginRate, discountRate }, row),
  )) as any[][];
}

/**
 * Customer lifetime value over an unlimited horizon with a constant retention rate: margin × r / (1 + d − r) − acquisition cost, the margin earned at the end of each period the customer stays.
 * @customfunction CLV CLV
 * @helpurl https://localhost:3000/help.html#clv
 * @param {any[][]} margin_per_period Margin the customer brings per period (for example per year).
 * @param {any[][]} retention_rate Share of customers kept from one period to the next, a fraction from 0 up to but not including 1.
 * @param {any[][]} discount_rate Discount rate per period as a fraction (10% is 0.1).
 * @param {any[][]} [acquisition_cost] What it cost to win the customer. Default 0.
 * @returns {Promise<any[][]>} One lifetime value per customer.
 */
export async function clv(margin_per_period: any[][], retention_rate: any[][], discount_rate: any[][], acquisition_cost?: any[][]): Promise<any[][]> {
  return (await perCustomer(
    [
      { arg: "margin_per_period", range: margin_per_period, what: "margin per period" },
      { arg: "retention_rate", range: retention_rate, what: "retention rate" },
      { arg: "discount_rate", range: discount_rate, what: "discount rate" },
      { arg: "acquisition_cost", range: acquisition_cost, fallback: 0, what: "acquisition cost" },
    ],
    ([marginPerPeriod, retentionRate, discountRate, acquisitionCost], row) =>
      clvOf({ marginPerPeriod, retentionRate, discountRate, acquisitionCost }, row),
  )) as any[][];
}
