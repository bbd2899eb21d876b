/**
 * LOYALTY.COHORTS, LOYALTY.RETENTIONBYPERIOD, LOYALTY.SBGFIT, LOYALTY.SBGSURVIVAL and
 * LOYALTY.SBGRETENTION: adapters over src/analytics/cohortTable.ts, retentionByPeriod.ts,
 * sbgFit.ts and sbgProjection.ts (the code the task pane calls too).
 *
 * Order logs: both functions return one table for the whole log, so a bad order row
 * (an id without a date, a date without an id, text that is not a date, an error value)
 * fails the whole call naming the row. A wholly blank row is skipped, so a range with
 * empty rows at the end works, and a first row of text headings is skipped.
 */
import { at, describeWhere, isBlank, readDate, readId, readNumber, readText } from "../analytics/orders/cells";
import { PeriodKind, periodKindFromText } from "../analytics/orders/calendarPeriods";
import { cohortTable, cohortTableHeader } from "../analytics/retention/cohortTable";
import { serialFromIsoText } from "../analytics/orders/dates";
import { CellError, failValue, isCellError, raise, valueError } from "../analytics/errors";
import { DEFAULT_ACTIVE_DAYS, RETENTION_BY_PERIOD_HEADER, retentionByPeriod } from "../analytics/retention/retentionByPeriod";
import { sbgFit } from "../analytics/retention/sbgFit";
import { MAX_SBG_PERIOD, checkSbgParameters, sbgRetentionRate, sbgSurvivalCurve } from "../analytics/retention/sbgProjection";
import { LOG_BLOCK_ROWS, TimeSlicer, inBlocks, pauseWhenDue, timeSlicer } from "../analytics/numeric/yieldToHost";
import { ExcelResult, gridOf, guard, guardAsync, listOf, rowCount, single, toExcelValue, valueAt } from "./adapter";

type OrderLog = { ids: (string | null)[]; dates: Float64Array };

/** A first row of column headings: text ids and text dates that are not ISO dates. */
function isHeadingRow(id: unknown, date: unknown): boolean {
  return typeof id === "string" && typeof date === "string" && !isBlank(date) && serialFromIsoText(date) === null;
}

/** Reads the order log in blocks, yielding between them; fails the call on a bad row. */
async function readOrderLog(customerIds: unknown, orderDates: unknown): Promise<OrderLog> {
  const idList = listOf(customerIds, "customer_ids");
  const dateList = listOf(orderDates, "order_dates");
  const n = rowCount([
    { arg: "customer_ids", values: idList },
    { arg: "order_dates", values: dateList },
  ]);
  const ids: (string | null)[] = new Array(n).fill(null);
  const dates = new Float64Array(n);
  const first = n > 1 && isHeadingRow(valueAt(idList, 0), valueAt(dateList, 0)) ? 1 : 0;
  const slicer = timeSlicer();
  for (let i = first; i < n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause();
    const idCell = valueAt(idList, i);
    const dateCell = valueAt(dateList, i);
    // Fast path: text id and a date serial, nearly every row.
    if (typeof idCell === "string" && typeof dateCell === "number" && dateCell >= 1 && dateCell < 2958466) {
      const id = idCell.trim();
      if (id !== "") {
        ids[i] = id;
        dates[i] = Math.floor(dateCell);
        continue;
      }
    }
    const row = n === 1 ? undefined : i + 1;
    const id = readId(idCell, at("customer_ids", row));
    const date = readDate(dateCell, at("order_dates", row));
    if (isCellError(id)) raise(id);
    if (isCellError(date)) raise(date);
    if (id === null && date === null) continue; // a wholly blank row
    if (id === null) failValue(`customer_ids, row ${i + 1}: the customer id is blank; fill it in or clear the whole row`);
    if (date === null) failValue(`order_dates, row ${i + 1}: the cell is blank; expected the order's date`);
    ids[i] = id;
    dates[i] = date;
  }
  return { ids, dates };
}

function readPeriod(period: unknown): PeriodKind {
  const text = readText(single(period, "period"), at("period"));
  if (isCellError(text)) raise(text);
  if (text === null) return "month";
  return periodKindFromText(text) ?? failValue(`period: expected "week", "month", "quarter" or "year", found "${text}"`);
}

function readAsOf(asOfDate: unknown): number | null {
  const asOf = readDate(single(asOfDate, "as_of_date"), at("as_of_date"));
  if (isCellError(asOf)) raise(asOf);
  return asOf;
}

/** A NaN in a core column means "no value here", which Excel shows as an empty cell. */
const cell = (value: number): ExcelResult => (Number.isNaN(value) ? "" : toExcelValue(value));

/**
 * Cohort triangle from an order log: one row per cohort (customers whose first order falls in the same period) with the period's start date, the cohort size, then the share of the cohort that ordered in each later period (period 0 is always 1). Cells of periods not ended by as_of_date stay empty. Orders after as_of_date are left out. Not a survival curve: shares can rise again.
 * @customfunction COHORTS COHORTS
 * @helpurl https://localhost:3000/help.html#cohorts
 * @param {any[][]} customer_ids The customer of each order (a column; ids are compared as trimmed text).
 * @param {any[][]} order_dates The date of each order (Excel dates or ISO text such as 2024-03-31).
 * @param {any} [period] "week" (ISO weeks from Monday), "month" (the default), "quarter" or "year".
 * @param {any} [as_of_date] The analysis date: later orders are left out and only periods ended by then are shown. Default: the latest order date.
 * @returns {Promise<any[][]>} A header row, then one row per cohort: period start (an Excel date), customers, then the share for each period 0, 1, 2, ….
 */
export async function cohorts(customer_ids: any[][], order_dates: any[][], period?: any, as_of_date?: any): Promise<any[][]> {
  return (await guardAsync(async () => {
    const kind = readPeriod(period);
    const asOf = readAsOf(as_of_date);
    const { ids, dates } = await readOrderLog(customer_ids, order_dates);
    const table = await cohortTable(ids, dates, { period: kind, asOf, pause: pauseWhenDue(timeSlicer()), blockRows: LOG_BLOCK_ROWS });
    const out: ExcelResult[][] = [cohortTableHeader(table)];
    for (let r = 0; r < table.cohortStart.length; r++) {
      const line: ExcelResult[] = [table.cohortStart[r], table.cohortSize[r]];
      for (let k = 0; k < table.columns; k++) line.push(cell(table.shares[k][r]));
      out.push(line);
    }
    return out;
  })) as any[][];
}

/**
 * Retention per period from an order log. A customer is active on day D when they ordered in (D − active_days, D]. Columns: period start; customers at start (active the day before it starts); new (first order ever in the period); reactivated (active at the end, not at the start, not new); customers at end (active on its last day, or on as_of_date for the current period); retained (active at start and end); retention = retained / customers at start (empty when 0); lost = customers at start − retained.
 * @customfunction RETENTIONBYPERIOD RETENTIONBYPERIOD
 * @helpurl https://localhost:3000/help.html#retentionbyperiod
 * @param {any[][]} customer_ids The customer of each order (a column; ids are compared as trimmed text).
 * @param {any[][]} order_dates The date of each order (Excel dates or ISO text such as 2024-03-31).
 * @param {any} [period] "week" (ISO weeks from Monday), "month" (the default), "quarter" or "year".
 * @param {any} [active_days] A customer counts as active for this many days after each order (default 365, or 366 for yearly tables); it must be at least the length of a period.
 * @param {any} [as_of_date] The analysis date: later orders are left out and the current period ends on it. Default: the latest order date.
 * @returns {Promise<any[][]>} A header row, then one row per period: start, customers at start, new, reactivated, customers at end, retained, retention, lost.
 */
export async function retentionbyperiod(
  customer_ids: any[][],
  order_dates: any[][],
  period?: any,
  active_days?: any,
  as_of_date?: any,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const kind = readPeriod(period);
    const daysCell = readNumber(single(active_days, "active_days"), at("active_days"), "a number of days");
    if (isCellError(daysCell)) raise(daysCell);
    // Omitted, the window is 365 days, or 366 for yearly tables so that a leap year fits in it.
    const activeDays = daysCell ?? (kind === "year" ? 366 : DEFAULT_ACTIVE_DAYS);
    if (!Number.isInteger(activeDays) || activeDays < 1) {
      failValue(`active_days: expected a whole number of days of 1 or more, found ${activeDays}`);
    }
    const asOf = readAsOf(as_of_date);
    const { ids, dates } = await readOrderLog(customer_ids, order_dates);
    const t = await retentionByPeriod(ids, dates, { period: kind, activeDays, asOf, pause: pauseWhenDue(timeSlicer()), blockRows: LOG_BLOCK_ROWS });
    const out: ExcelResult[][] = [[...RETENTION_BY_PERIOD_HEADER]];
    for (let i = 0; i < t.periodStart.length; i++) {
      out.push([
        t.periodStart[i],
        t.customersStart[i],
        t.newCustomers[i],
        t.reactivated[i],
        t.customersEnd[i],
        t.retained[i],
        cell(t.retention[i]),
        t.lost[i],
      ]);
    }
    return out;
  })) as any[][];
}

/** The survivor column c_0 … c_n: trailing blanks are ignored, a blank inside is an error. */
function readSurvivors(range: unknown): number[] {
  const list = listOf(range, "customers_remaining");
  let end = list.length;
  while (end > 0 && isBlank(list[end - 1])) end--;
  const values: number[] = [];
  for (let i = 0; i < end; i++) {
    const where = at("customers_remaining", i + 1);
    const value = readNumber(list[i], where, "a count of customers");
    if (isCellError(value)) raise(value);
    if (value === null) failValue(`customers_remaining, row ${i + 1}: the cell is blank; expected a count of customers`);
    values.push(value);
  }
  return values;
}

/**
 * Fits the shifted-beta-geometric (sBG) contract-renewal model (Fader & Hardie 2007) to a cohort's survivors: a column of the customers still active at the start of each period, starting with the cohort size. Counts and percentages give the same fit.
 * @customfunction SBGFIT SBGFIT
 * @helpurl https://localhost:3000/help.html#sbgfit
 * @param {any[][]} customers_remaining Customers still active at the start of each period, c_0 (the cohort size), c_1, …, c_n; at least 3 values, never increasing. Use contract cohorts, not shares from an order log.
 * @returns {any[][]} A header row, then alpha, beta and the log-likelihood.
 */
export function sbgfit(customers_remaining: any[][]): any[][] {
  return guard(() => {
    const fit = sbgFit(readSurvivors(customers_remaining));
    return [
      ["alpha", "beta", "log-likelihood"],
      [fit.alpha, fit.beta, fit.logLikelihood].map(toExcelValue),
    ];
  }) as any[][];
}

/** alpha and beta from the SBGFIT result (header row allowed) or from two cells: the first two numbers, row by row. */
function readSbgParameters(range: unknown): { alpha: number; beta: number } {
  const numbers: number[] = [];
  for (const line of gridOf(range)) {
    for (const value of line) {
      if (typeof value === "string" && !isBlank(value)) {
        const error = readNumber(value, at("sbg_params"));
        if (isCellError(error) && error.code !== "#VALUE!") raise(error); // an error code typed as text
        continue; // a label such as "alpha"
      }
      const number = readNumber(value, at("sbg_params"));
      if (isCellError(number)) raise(number);
      if (number !== null) numbers.push(number);
    }
  }
  if (numbers.length < 2) {
    failValue(`sbg_params: expected alpha and beta (the result of LOYALTY.SBGFIT, or two cells), found ${numbers.length} number${numbers.length === 1 ? "" : "s"}`);
  }
  checkSbgParameters(numbers[0], numbers[1]);
  return { alpha: numbers[0], beta: numbers[1] };
}

/** Reads whole periods from minimum up; per-row errors stay in their row. */
async function readPeriods(range: unknown, minimum: number, slicer: TimeSlicer): Promise<{ values: (number | CellError)[]; horizontal: boolean }> {
  const grid = gridOf(range);
  const horizontal = grid.length === 1 && grid[0].length > 1;
  const list = listOf(range, "periods");
  const oneRow = list.length === 1;
  const values = new Array<number | CellError>(list.length);
  await inBlocks(list.length, slicer, (from, to) => {
    for (let i = from; i < to; i++) values[i] = periodAt(list[i], i);
  });
  return { values, horizontal };

  function periodAt(value: unknown, i: number): number | CellError {
    // Fast path: a whole number of periods in range (nearly every cell), no message prepared.
    if (typeof value === "number" && value >= minimum && value <= MAX_SBG_PERIOD && Math.floor(value) === value) return value;
    const where = oneRow ? at("periods") : horizontal ? at("periods", undefined, i + 1) : at("periods", i + 1);
    const number = readNumber(value, where, "a whole number of periods");
    const place = describeWhere(where);
    if (number === null) return valueError(`${place}: the cell is blank; expected a whole number of periods`);
    if (isCellError(number)) return number;
    if (!Number.isInteger(number) || number < minimum || number > MAX_SBG_PERIOD) {
      return valueError(`${place}: expected a whole number of periods from ${minimum} to ${MAX_SBG_PERIOD.toLocaleString("en-US")}, found ${number}`);
    }
    return number;
  }
}

/** Each period's value, or its error, as result cells in the shape of the periods, in time slices. */
async function spillPeriods(periods: readonly (number | CellError)[], horizontal: boolean, valueOf: (t: number) => number, slicer: TimeSlicer): Promise<ExcelResult[][]> {
  const n = periods.length;
  if (n === 0) return [[""]];
  const cells = new Array<ExcelResult>(n);
  const out = horizontal ? [cells] : new Array<ExcelResult[]>(n);
  await inBlocks(n, slicer, (from, to) => {
    for (let i = from; i < to; i++) {
      const t = periods[i];
      const v = typeof t === "number" ? valueOf(t) : NaN;
      cells[i] = v - v === 0 ? v : toExcelValue(typeof t === "number" ? v : t);
      if (!horizontal) out[i] = [cells[i]];
    }
  });
  return out;
}

/**
 * Expected share of a contract cohort still active after each number of periods, S(t), from the sBG model (Fader & Hardie 2007): S(t) = 1 − Σ P(T = i), with P(T = 1) = α/(α+β) and P(T = t) = (β+t−2)/(α+β+t−1) · P(T = t−1).
 * @customfunction SBGSURVIVAL SBGSURVIVAL
 * @helpurl https://localhost:3000/help.html#sbgsurvival
 * @param {any[][]} periods Numbers of periods t (whole numbers, 0 or more), one per cell.
 * @param {any[][]} sbg_params The result of LOYALTY.SBGFIT (header row allowed), or alpha and beta in two cells.
 * @returns {Promise<any[][]>} The expected share still active after each t (S(0) = 1), in the shape of periods.
 */
export async function sbgsurvival(periods: any[][], sbg_params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const { alpha, beta } = readSbgParameters(sbg_params);
    // Read and spilled in time slices; the curve up to the largest t is one O(t) pass.
    const slicer = timeSlicer();
    const { values, horizontal } = await readPeriods(periods, 0, slicer);
    let maxT = 0;
    for (const t of values) if (typeof t === "number" && t > maxT) maxT = t;
    const curve = sbgSurvivalCurve(alpha, beta, maxT);
    return spillPeriods(values, horizontal, (t) => curve[t], slicer);
  })) as any[][];
}

/**
 * Expected retention rate of a contract cohort in each period t, r_t = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), from the sBG model (Fader & Hardie 2007). It rises over time as the less loyal customers leave first.
 * @customfunction SBGRETENTION SBGRETENTION
 * @helpurl https://localhost:3000/help.html#sbgretention
 * @param {any[][]} periods Periods t (whole numbers, 1 or more), one per cell.
 * @param {any[][]} sbg_params The result of LOYALTY.SBGFIT (header row allowed), or alpha and beta in two cells.
 * @returns {Promise<any[][]>} The expected retention rate in each period t, in the shape of periods.
 */
export async function sbgretention(periods: any[][], sbg_params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const { alpha, beta } = readSbgParameters(sbg_params);
    const slicer = timeSlicer();
    const { values, horizontal } = await readPeriods(periods, 1, slicer);
    return spillPeriods(values, horizontal, (t) => sbgRetentionRate(alpha, beta, t), slicer);
  })) as any[][];
}
