/**
 * LOYALTY.RFMTABLE, LOYALTY.RFMSCORE and LOYALTY.RFMSEGMENT: adapters over
 * src/analytics/rfmTable.ts, rfmScores.ts and rfmSegments.ts (the code the task pane
 * calls too).
 *
 * Per-row input errors:
 * - RFMTABLE: an order row with a bad or blank date or amount (or an error value there)
 *   makes its customer's row show that error, naming the input row; the other customers
 *   are unaffected. An order row without a customer id cannot be assigned to anyone, so
 *   it fails the whole call naming the row (a wholly blank row is skipped, so a range
 *   with empty rows at the end works; so is a row of 0 id, 0 date and 0 amount, which is how
 *   older desktop builds pass blank cells). A first row of text headings is skipped.
 * - RFMSCORE and RFMSEGMENT: a bad cell gives an error in that customer's row only; a blank
 *   gives #N/A (no usable data) and is left out of the quantiles.
 *
 * RFMTABLE and RFMSCORE are async and yield to Excel between blocks: on a full sheet, reading
 * the cells (and the garbage collection of a million small row arrays) can take over a second
 * on a busy machine, although the computation itself takes a fraction of that.
 */
import { at, describeWhere, isBlank, readDate, readId, readNumber, readText } from "../analytics/orders/cells";
import { isoFromSerial, serialFromIsoText } from "../analytics/orders/dates";
import { CellError, fail, failValue, isCellError, notAvailable, raise, valueError } from "../analytics/errors";
import { RFM_DEFAULT_BINS, RfmMethod, checkBins, rfmDigits } from "../analytics/rfm/rfmScores";
import {
  DEFAULT_RFM_RULES,
  SEGMENT_DIGIT_TOO_HIGH,
  SEGMENT_MISSING,
  RfmRule,
  parseRfmRules,
  rfmSegment,
  segmentName,
} from "../analytics/rfm/rfmSegments";
import { RfmTableBuilder, expectedCustomers, latestDate } from "../analytics/rfm/rfmTable";
import { TimeSlicer, inBlocks, timeSlicer } from "../analytics/numeric/yieldToHost";
import { ExcelResult, RangeColumn, columnOf, gridOf, guardAsync, listOf, reusedCellOf, rowCount, single, spillNumbersAsync, toExcelColumnAsync, toExcelValue } from "./adapter";
import { readNumberColumnAsync } from "./numberColumns";

export const RFM_TABLE_HEADER = ["Customer", "First order", "Last order", "Orders", "Revenue", "Recency days"] as const;

/** A first row of column headings: text in both the date and the amount column that is neither a date nor a number. */
function isHeadingRow(date: unknown, amount: unknown): boolean {
  return (
    typeof date === "string" && !isBlank(date) && serialFromIsoText(date) === null && typeof amount === "string" && !isBlank(amount)
  );
}

type OrderColumns = {
  ids: (string | null)[];
  dates: Float64Array;
  amounts: Float64Array;
  /** Why a row's date or amount is unusable, by 0-based row (sparse). */
  rowErrors: Map<number, CellError>;
};

/** Reads the order rows, yielding by elapsed time (`slicer`). */
async function readOrders(idList: RangeColumn, dateList: RangeColumn, amountList: RangeColumn, n: number, slicer: TimeSlicer): Promise<OrderColumns> {
  const ids: (string | null)[] = new Array(n).fill(null);
  // NaN, not 0, in rows that are skipped (blank rows, a heading row), so they never count as the latest date.
  const dates = new Float64Array(n).fill(NaN);
  const amounts = new Float64Array(n);
  const rowErrors = new Map<number, CellError>();
  const first = n > 1 && isHeadingRow(reusedCellOf(dateList, 0), reusedCellOf(amountList, 0)) ? 1 : 0;
  if (first === 1) {
    dates[0] = NaN;
    amounts[0] = NaN;
  }
  for (let i = first; i < n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause();
    const idCell = reusedCellOf(idList, i);
    const dateCell = reusedCellOf(dateList, i);
    const amountCell = reusedCellOf(amountList, i);
    // Fast path: trimmed text id, whole-day serial, finite amount (nearly every row), no allocation.
    if (typeof idCell === "string" && typeof dateCell === "number" && typeof amountCell === "number") {
      const id = idCell.trim();
      if (id !== "" && dateCell >= 1 && dateCell < 2958466 && amountCell - amountCell === 0) {
        ids[i] = id;
        dates[i] = Math.floor(dateCell);
        amounts[i] = amountCell;
        continue;
      }
    }
    const row = i + 1;
    const id = readId(idCell, at("customer_ids", row));
    if (id === null) {
      if (isBlank(dateCell) && isBlank(amountCell)) continue; // a wholly blank row
      failValue(
        `customer_ids, row ${row}: the customer id is blank, so this order cannot be assigned to a customer; fill it in or clear the whole row`,
      );
    }
    // Older desktop builds pass blank cells as 0: a row of 0 id, 0 date (not a valid date) and 0 or blank amount is a blank row.
    if (idCell === 0 && dateCell === 0 && (amountCell === 0 || isBlank(amountCell))) continue;
    if (isCellError(id)) fail(id.code, `${id.message}; the order cannot be assigned to a customer`);
    ids[i] = id;
    const date = readDate(dateCell, at("order_dates", row));
    const amount = readNumber(amountCell, at("amounts", row), "an amount");
    dates[i] = typeof date === "number" ? date : NaN;
    amounts[i] = typeof amount === "number" ? amount : NaN;
    const problem =
      date === null
        ? valueError(`order_dates, row ${row}: the cell is blank; expected the order's date`)
        : isCellError(date)
          ? date
          : amount === null
            ? valueError(`amounts, row ${row}: the cell is blank; expected the order's amount`)
            : isCellError(amount)
              ? amount
              : null;
    if (problem) rowErrors.set(i, problem);
  }
  return { ids, dates, amounts, rowErrors };
}

/**
 * RFM table from an order log (one row per order): spills Customer, First order, Last order, Orders, Revenue and Recency days, one row per customer in order of first appearance. Every order row counts. Orders after as_of_date are left out; as_of_date defaults to the latest order date.
 * @customfunction RFMTABLE RFMTABLE
 * @helpurl https://localhost:3000/help.html#rfmtable
 * @param {any[][]} customer_ids The customer of each order (a column; ids are compared as trimmed text).
 * @param {any[][]} order_dates The date of each order (Excel dates or ISO text such as 2024-03-31).
 * @param {any[][]} amounts The amount (revenue) of each order.
 * @param {any} [as_of_date] The analysis date: recency days are counted to it and later orders are left out. Default: the latest order date.
 * @returns {Promise<any[][]>} A header row, then one row per customer; dates are Excel date numbers (format them as dates).
 */
export async function rfmtable(customer_ids: any[][], order_dates: any[][], amounts: any[][], as_of_date?: any): Promise<any[][]> {
  return (await guardAsync(async () => {
    // Read in place (no copy of a million cells): Excel's row arrays are indexed directly.
    const idList = columnOf(customer_ids, "customer_ids");
    const dateList = columnOf(order_dates, "order_dates");
    const amountList = columnOf(amounts, "amounts");
    const n = rowCount([
      { arg: "customer_ids", values: idList },
      { arg: "order_dates", values: dateList },
      { arg: "amounts", values: amountList },
    ]);
    const asOfCell = readDate(single(as_of_date, "as_of_date"), at("as_of_date"));
    if (isCellError(asOfCell)) raise(asOfCell);
    const slicer = timeSlicer();
    const orders = await readOrders(idList, dateList, amountList, n, slicer);
    if (!orders.ids.some((id) => id !== null)) fail("#N/A", "customer_ids: no orders in the range");
    const latest = latestDate(orders.dates);
    const asOf = asOfCell ?? latest;
    const builder = new RfmTableBuilder(Number.isNaN(asOf) ? 0 : asOf, expectedCustomers(n));
    await inBlocks(n, slicer, (from, to) => builder.add(orders.ids, orders.dates, orders.amounts, from, to));
    if (slicer.due()) await slicer.pause();
    const table = builder.finish();
    if (table.ids.length === 0) {
      fail("#N/A", `order_dates: no orders on or before ${isoFromSerial(asOf)} (as_of_date); the earliest order is later`);
    }
    // The output is built once, preallocated, from the table's typed arrays.
    const m = table.ids.length;
    const out = new Array<ExcelResult[]>(m + 1);
    out[0] = RFM_TABLE_HEADER.slice();
    const { ids, firstRow, firstBadRow, firstOrder, lastOrder, orders: counts, revenue, recencyDays } = table;
    for (let c = 0; c < m; c++) {
      if ((c & 4095) === 0 && slicer.due()) await slicer.pause();
      const cell = reusedCellOf(idList, firstRow[c]);
      const id = typeof cell === "number" ? cell : ids[c];
      const bad = firstBadRow[c];
      if (bad >= 0) {
        const problem = orders.rowErrors.get(bad)!;
        const error = toExcelValue({ code: problem.code, message: `customer ${ids[c]}: ${problem.message}` });
        out[c + 1] = [id, error, error, error, error, error];
        continue;
      }
      out[c + 1] = [id, firstOrder[c], lastOrder[c], counts[c], revenue[c], recencyDays[c]];
    }
    return out;
  })) as any[][];
}

function readMethod(value: unknown): RfmMethod {
  const text = readText(single(value, "method"), at("method"));
  if (text === null) return "rfm";
  if (isCellError(text)) raise(text);
  const method = text.toLowerCase();
  if (method !== "rfm" && method !== "quantile") failValue(`method: expected "rfm" or "quantile", found "${text}"`);
  return method;
}

function readBins(value: unknown): number {
  const bins = readNumber(single(value, "bins"), at("bins"), "a whole number from 2 to 9");
  if (bins === null) return RFM_DEFAULT_BINS;
  if (isCellError(bins)) raise(bins);
  checkBins(bins);
  return bins;
}

/**
 * RFM score per customer, R×100 + F×10 + M, each digit 1 to bins by quantiles of its column; recency is reversed so the fewest days score highest. Method "rfm" (default) matches the rfm R package: break points are type-7 quantiles + 1, intervals [lower, upper).
 * @customfunction RFMSCORE RFMSCORE
 * @helpurl https://localhost:3000/help.html#rfmscore
 * @param {any[][]} recency_days Days since each customer's last order (fewer is better).
 * @param {any[][]} frequency Number of orders of each customer.
 * @param {any[][]} monetary Revenue of each customer.
 * @param {any} [bins] Digits per column, a whole number from 2 to 9. Default 5.
 * @param {any} [method] "rfm" (default; the rfm R package's breaks, for whole days, counts and currency) or "quantile" (the quantiles themselves as breaks).
 * @returns {Promise<any[][]>} One three-digit score per customer.
 */
export async function rfmscore(recency_days: any[][], frequency: any[][], monetary: any[][], bins?: any, method?: any): Promise<any[][]> {
  return (await guardAsync(async () => {
    const lists = [
      { arg: "recency_days", values: columnOf(recency_days, "recency_days") },
      { arg: "frequency", values: columnOf(frequency, "frequency") },
      { arg: "monetary", values: columnOf(monetary, "monetary") },
    ];
    const n = rowCount(lists);
    const binCount = readBins(bins);
    const how = readMethod(method);
    // Read and spilled in time slices; the scoring itself is three sorts, one stretch of about a sort each.
    const slicer = timeSlicer();
    const columns: { arg: string; values: Float64Array; errors: (CellError | undefined)[] | undefined }[] = [];
    for (const { arg, values } of lists) columns.push({ arg, ...(await readNumberColumnAsync(values, n, arg, "a number", slicer)) });
    if (slicer.due()) await slicer.pause();
    const digits = rfmDigits(columns[0].values, columns[1].values, columns[2].values, binCount, how);
    if (slicer.due()) await slicer.pause();
    const digitsOf = [digits.r, digits.f, digits.m];
    return spillNumbersAsync(digits.score, (i) => rowProblem(columns, digitsOf, i, n), slicer);
  })) as any[][];
}

/** Why customer i has no score: an input error, a blank, or a value beyond the last interval. */
function rowProblem(
  columns: { arg: string; values: Float64Array; errors: (CellError | undefined)[] | undefined }[],
  digitsOf: Uint8Array[],
  i: number,
  n: number,
): CellError {
  const where = (arg: string) => describeWhere(at(arg, n === 1 ? undefined : i + 1));
  for (const column of columns) {
    const error = column.errors?.[i];
    if (error) return error;
  }
  for (const column of columns) {
    if (Number.isNaN(column.values[i])) return notAvailable(`${where(column.arg)}: the cell is blank; no RFM score without all three values`);
  }
  const k = digitsOf.findIndex((d) => d[i] === 0);
  const column = columns[Math.max(k, 0)];
  return valueError(`${where(column.arg)}: ${column.values[i]} is too large to place in a bin (max + 1 rounds to max)`);
}

/**
 * Segment name per customer from its three-digit RFM score: the first rule whose R, F and M ranges hold the digits wins; no match gives "Others". The default rules are the rfm R package's table (Champions, Potential Loyalist, Loyal Customers, …, Lost) for digits 1–5.
 * @customfunction RFMSEGMENT RFMSEGMENT
 * @helpurl https://localhost:3000/help.html#rfmsegment
 * @param {any[][]} rfm_scores Three-digit RFM scores such as 545, one per customer (from LOYALTY.RFMSCORE).
 * @param {any[][]} [rules] Your own rules: one row per segment with name, R low, R high, F low, F high, M low, M high (inclusive; a header row is allowed). Default: the rfm package's segments.
 * @returns {Promise<any[][]>} One segment name per customer.
 */
export async function rfmsegment(rfm_scores: any[][], rules?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const slicer = timeSlicer();
    const list = listOf(rfm_scores, "rfm_scores");
    const n = list.length;
    const ruleGrid = rules === null || rules === undefined ? null : gridOf(rules);
    const useDefault = ruleGrid === null || (ruleGrid.length === 1 && ruleGrid[0].length === 1 && isBlank(ruleGrid[0][0]));
    const chosen: readonly RfmRule[] = useDefault ? DEFAULT_RFM_RULES : parseRfmRules(ruleGrid!);
    const { values, errors } = await readNumberColumnAsync(list, n, "rfm_scores", "a three-digit RFM score such as 345", slicer);
    if (slicer.due()) await slicer.pause();
    const { index } = rfmSegment(values, chosen);
    const out: unknown[] = new Array(n);
    const names = chosen.map((rule) => rule.name);
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) {
        const code = index[i];
        if (code >= 0) {
          out[i] = names[code];
          continue;
        }
        const name = segmentName(chosen, code);
        if (name !== null) {
          out[i] = name;
          continue;
        }
        const where = describeWhere(at("rfm_scores", n === 1 ? undefined : i + 1));
        if (errors?.[i]) out[i] = errors[i];
        else if (code === SEGMENT_MISSING) out[i] = notAvailable(`${where}: the cell is blank; no RFM score`);
        else if (code === SEGMENT_DIGIT_TOO_HIGH) {
          out[i] = valueError(`${where}: ${values[i]} has a digit above 5, which the default rules do not cover; give your own rules for more bins`);
        } else out[i] = valueError(`${where}: expected a three-digit RFM score with digits 1 to 9 such as 345, found ${values[i]}`);
      }
    });
    return toExcelColumnAsync(out, slicer);
  })) as any[][];
}
