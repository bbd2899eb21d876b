/**
 * LOYALTY.VALUELOST and LOYALTY.VALUECHURN: adapters over src/analytics/valueLost.ts.
 * Two per-customer columns in, one number out; an error in any input cell is the result.
 */
import { at, readBoolean } from "../analytics/orders/cells";
import { CellError, isCellError, raise } from "../analytics/errors";
import { ValueColumns, valueChurn as valueChurnRate, valueLost as valueLostSum } from "../analytics/metrics/valueLost";
import { ExcelResult, columnOf, guard, rowCount, single, toExcelValue } from "./adapter";
import { readNumberColumn } from "./numberColumns";

/** TRUE/FALSE, with 1 and 0 read as Excel reads them in a logical argument; omitted or blank → FALSE. */
function readIncludeDowngrades(value: unknown): boolean {
  const cell = single(value, "include_downgrades");
  if (cell === 0 || cell === 1) return cell === 1;
  const flag = readBoolean(cell, at("include_downgrades"));
  if (isCellError(flag)) raise(flag);
  return flag ?? false;
}

function readColumns(valueStart: unknown, valueEnd: unknown, includeDowngrades: unknown): ValueColumns | CellError {
  const start = columnOf(valueStart, "value_start");
  const end = columnOf(valueEnd, "value_end");
  const n = rowCount([
    { arg: "value_start", values: start },
    { arg: "value_end", values: end },
  ]);
  const include = readIncludeDowngrades(includeDowngrades);
  const startColumn = readNumberColumn(start, n, "value_start", "a recurring value");
  const endColumn = readNumberColumn(end, n, "value_end", "a recurring value");
  if (startColumn.errors || endColumn.errors) {
    // The first bad cell in row order (value_start before value_end within a row) is the result.
    for (let i = 0; i < n; i++) {
      const error = startColumn.errors?.[i] ?? endColumn.errors?.[i];
      if (error) return error;
    }
  }
  return { start: startColumn.values, end: endColumn.values, includeDowngrades: include };
}

function compute(
  valueStart: unknown,
  valueEnd: unknown,
  includeDowngrades: unknown,
  fn: (columns: ValueColumns) => number | CellError,
): ExcelResult | CustomFunctions.Error {
  return guard(() => {
    const columns = readColumns(valueStart, valueEnd, includeDowngrades);
    return toExcelValue(isCellError(columns) ? columns : fn(columns));
  });
}

/**
 * Recurring value lost in a period: the start value of customers whose end value is 0 or blank, plus downgrades (start − end) when include_downgrades is TRUE. Gross: upgrades are not netted off; a start of 0 or blank is a new customer and does not count.
 * @customfunction VALUELOST VALUELOST
 * @helpurl https://localhost:3000/help.html#valuelost
 * @param {any[][]} value_start Recurring value per customer at the start of the period (for example monthly revenue), 0 or more.
 * @param {any[][]} value_end Recurring value per customer at the end of the period; 0 or blank means the customer was lost.
 * @param {any} [include_downgrades] TRUE to add the drop in value of customers who stayed but pay less. Default FALSE.
 * @returns {any} The value lost.
 */
export function valuelost(value_start: any[][], value_end: any[][], include_downgrades?: any): any {
  return compute(value_start, value_end, include_downgrades, valueLostSum);
}

/**
 * Value churn: the share of the start period's recurring value that was lost, VALUELOST / the sum of value_start. Gross: upgrades are not netted off.
 * @customfunction VALUECHURN VALUECHURN
 * @helpurl https://localhost:3000/help.html#valuechurn
 * @param {any[][]} value_start Recurring value per customer at the start of the period (for example monthly revenue), 0 or more.
 * @param {any[][]} value_end Recurring value per customer at the end of the period; 0 or blank means the customer was lost.
 * @param {any} [include_downgrades] TRUE to add the drop in value of customers who stayed but pay less. Default FALSE.
 * @returns {any} Value churn as a fraction (0.25 shows as 25% in a percent cell).
 */
export function valuechurn(value_start: any[][], value_end: any[][], include_downgrades?: any): any {
  return compute(value_start, value_end, include_downgrades, valueChurnRate);
}
