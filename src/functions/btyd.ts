/**
 * LOYALTY.BTYDSUMMARY, BGNBDFIT, PALIVE, EXPECTEDPURCHASES, GAMMAGAMMAFIT, EXPECTEDSPEND,
 * PREDICTEDCLV and HOLDOUTSUMMARY: the buy-till-you-die models (BG/NBD and Gamma-Gamma) as
 * custom functions, adapters over src/analytics (btydSummary.ts, bgnbdFit.ts,
 * bgnbdPredictions.ts, gammaGammaFit.ts, expectedSpend.ts, predictedClv.ts, holdoutSummary.ts).
 *
 * Rules shared by these adapters:
 * - per-customer columns: a bad cell gives its error in that customer's row; a blank required
 *   cell gives #N/A (no usable data); a history that cannot be (t_x > T, fractional x) #VALUE!;
 * - fits: a row blank in every column is skipped (trailing blank rows of a range); any other bad
 *   or blank cell fails the whole fit, naming the argument and row;
 * - `*_params` take the block the FIT function spilled (with or without its header) or bare numbers;
 * - time_unit is "day", "week" (default when omitted or blank) or "month" (30.4375 days).
 */
import { at, describeWhere, readDate, readId, readNumber } from "../analytics/orders/cells";
import { bgnbdFitAsync } from "../analytics/btyd/bgnbdFit";
import { bgnbdHistoryError } from "../analytics/btyd/bgnbdGroups";
import { BgnbdParams } from "../analytics/btyd/bgnbdLogLikelihood";
import { SERIES_NOT_CONVERGED, bgnbdParamsError, expectedPurchasesColumnAsync, pAliveRows } from "../analytics/btyd/bgnbdPredictions";
import { btydSummaryAsync } from "../analytics/btyd/btydSummary";
import { CellError, failValue, isCellError, notAvailable, raise, valueError } from "../analytics/errors";
import { expectedSpend, gammaGammaParamsError } from "../analytics/btyd/expectedSpend";
import { GammaGammaParams, gammaGammaFitAsync, gammaGammaRowError } from "../analytics/btyd/gammaGammaFit";
import { holdoutSummaryAsync } from "../analytics/btyd/holdoutSummary";
import { readModelParams } from "../analytics/btyd/modelParams";
import { readTaggedModelParams } from "../analytics/btyd/taggedModelParams";
import { clvOptionsError, predictedClvColumnAsync } from "../analytics/btyd/predictedClv";
import { TimeUnit as UnitName, timeUnitOf } from "../analytics/orders/timeUnit";
import { TimeSlicer, inBlocks, timeSlicer, yieldToHost } from "../analytics/numeric/yieldToHost";
import { ExcelResult, columnOf, gridOf, guardAsync, reusedCellOf, rowCount, single, singleFlag, spillNumbersAsync, toExcelValue } from "./adapter";
import { NumberColumn, readNumberColumnAsync } from "./numberColumns";

/**
 * @customenum {string}
 */
enum TimeUnit {
  /** Days: t_x, T and t in days. */
  day = "day",
  /** Weeks of 7 days (the default). */
  week = "week",
  /** Months of 30.4375 days (365.25 / 12). */
  month = "month",
}

/** The time unit argument: omitted or blank → week; other text → #VALUE! for the whole call. */
function unitOf(value: unknown): UnitName {
  const v = single(value, "time_unit");
  if (isCellError(v)) raise({ code: v.code, message: `time_unit: the cell holds ${v.code}` });
  if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return "week";
  const unit = typeof v === "string" ? timeUnitOf(v) : null;
  if (unit === null) failValue(`time_unit: expected "day", "week" or "month", found ${typeof v === "string" ? `text "${v}"` : String(v)}`);
  return unit;
}

const GG_NAMES = ["p", "q", "v"];

function bgnbdParamsOf(value: unknown): BgnbdParams {
  // BG/NBD only: an untagged or "BG/NBD"-tagged block, or bare numbers; blocks of other models are refused.
  const [r, alpha, a, b] = readTaggedModelParams(gridOf(value), "BG/NBD", "bgnbd_params", true);
  const params = { r, alpha, a, b };
  const error = bgnbdParamsError(params);
  if (error) failValue(`bgnbd_params: ${error}`);
  return params;
}

function gammaGammaParamsOf(value: unknown): GammaGammaParams {
  const [p, q, v] = readModelParams(gridOf(value), GG_NAMES, "gg_params", "GAMMAGAMMAFIT");
  const params = { p, q, v };
  const error = gammaGammaParamsError(params);
  if (error) failValue(`gg_params: ${error}`);
  return params;
}

export type ColumnSpec = { readonly arg: string; readonly range: unknown; readonly what: string; readonly optional?: boolean };
type Columns = { readonly n: number; readonly columns: (NumberColumn | null)[] };

/** Reads number columns of one call (an omitted optional column is null), in time slices. */
async function readColumns(specs: readonly ColumnSpec[], slicer: TimeSlicer): Promise<Columns> {
  const present = specs.filter((s) => !(s.optional && (s.range === null || s.range === undefined)));
  const lists = present.map((s) => ({ arg: s.arg, values: columnOf(s.range, s.arg) }));
  const n = rowCount(lists);
  const columns: (NumberColumn | null)[] = [];
  for (const s of specs) {
    const list = lists.find((l) => l.arg === s.arg);
    columns.push(list ? await readNumberColumnAsync(list.values, n, s.arg, s.what, slicer) : null);
  }
  return { n, columns };
}

export const rowLabel = (n: number, i: number) => (n === 1 ? "" : `row ${i + 1}: `);

type CustomerColumns = {
  readonly n: number;
  /** One Float64Array per spec (NaN where blank or omitted); rows with an error hold 0 in every column. */
  readonly data: Float64Array[];
  /** The error of each row that has one (few: a Map, not a sparse array of a million slots). */
  readonly errors: Map<number, CellError>;
};

/**
 * Per-customer columns read once into typed arrays, each row checked: a bad cell gives its own
 * error, a blank required cell #N/A (blank optional cells or omitted columns stay NaN), and then
 * `check` may give the row an error. Rows with an error get 0 in every column, so that the core's
 * column functions can run over all rows and the errors are put back when spilling. O(n · columns),
 * in time slices of `slicer`.
 */
async function readCustomerColumns(
  specs: readonly ColumnSpec[],
  // `values` is read by index, not destructured: destructuring a typed array runs its iterator, a million times.
  check: (values: Float64Array, row: number, n: number) => CellError | null,
  slicer: TimeSlicer,
): Promise<CustomerColumns> {
  const { n, columns } = await readColumns(specs, slicer);
  const data = columns.map((column) => (column ? column.values : new Float64Array(n).fill(NaN)));
  const errors = new Map<number, CellError>();
  const values = new Float64Array(specs.length);
  const width = specs.length;
  await inBlocks(n, slicer, (from, to) => {
    for (let i = from; i < to; i++) {
      let error: CellError | null | undefined;
      for (let k = 0; k < width; k++) {
        const v = data[k][i];
        values[k] = v;
        if (v === v) continue;
        const column = columns[k];
        if (!column) continue;
        error = column.errors?.[i];
        if (error) break;
        if (!specs[k].optional) {
          error = notAvailable(`${describeWhere(at(specs[k].arg, n === 1 ? undefined : i + 1))}: the cell is blank; no ${specs[k].what} for this customer`);
          break;
        }
      }
      if (!error) error = check(values, i, n);
      if (error) {
        errors.set(i, error);
        for (let k = 0; k < width; k++) data[k][i] = 0;
      }
    }
  });
  return { n, data, errors };
}

/**
 * Per-customer values for the BTYD family's adapters (paretoNbd.ts, mbgNbd.ts, bgbb.ts,
 * purchaseProbability.ts): for each row the numbers of `specs`, or the row's error. Blank required
 * cells give #N/A; blank optional cells (or omitted columns) give NaN to `compute`. `compute` may
 * cost a quadrature per row (Pareto/NBD), so the loop yields to Excel by elapsed time (timeSlicer):
 * no stretch of a million-row call runs past SLICE_MS plus one row.
 */
export async function perCustomerAsync(
  specs: readonly ColumnSpec[],
  compute: (values: Float64Array, row: number, n: number) => number | CellError,
): Promise<ExcelResult[][]> {
  const slicer = timeSlicer();
  const { n, data, errors } = await readCustomerColumns(specs, () => null, slicer);
  const width = specs.length;
  const values = new Float64Array(width);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if ((i & 255) === 0 && slicer.due()) await slicer.pause();
    if (errors.size > 0 && errors.has(i)) continue;
    for (let k = 0; k < width; k++) values[k] = data[k][i];
    const result = compute(values, i, n);
    if (typeof result === "number") out[i] = result;
    else errors.set(i, result);
  }
  return spillResults(out, errors, slicer);
}

/**
 * The results column: each row's error where it has one, `problem` for a NaN the core gave
 * (null: "not a finite number"), the value otherwise. O(n).
 */
function spillResults(values: Float64Array, errors: Map<number, CellError>, slicer: TimeSlicer, problem: (i: number) => CellError | null = () => null): Promise<ExcelResult[][]> {
  for (const i of errors.keys()) values[i] = NaN;
  return spillNumbersAsync(values, (i) => errors.get(i) ?? problem(i), slicer);
}

/**
 * The rows without an error as compact columns, and where each came from (null: every row). The
 * series-based cores (EXPECTEDPURCHASES, PREDICTEDCLV) then spend nothing on rows whose result is
 * an error anyway: such rows hold 0s (readCustomerColumns), and x = 0, T = 0 over a long horizon is
 * the slowest history of all. O(n).
 */
function withoutErrorRows(data: readonly Float64Array[], errors: Map<number, CellError>): { rows: Int32Array | null; columns: Float64Array[] } {
  if (errors.size === 0) return { rows: null, columns: data.slice() };
  const n = data[0].length;
  const rows = new Int32Array(n - errors.size);
  let j = 0;
  for (let i = 0; i < n; i++) if (!errors.has(i)) rows[j++] = i;
  return { rows, columns: data.map((column) => Float64Array.from(rows, (i) => column[i])) };
}

/** Compact results back in their rows (NaN in the error rows, which spillResults fills). O(n). */
function scatterRows(values: Float64Array, rows: Int32Array | null, n: number): Float64Array {
  if (!rows) return values;
  const out = new Float64Array(n).fill(NaN);
  for (let k = 0; k < rows.length; k++) out[rows[k]] = values[k];
  return out;
}

/** A history check as a row error, or null. The common case (whole x ≥ 0, 0 ≤ t_x ≤ T) is tested inline. */
export function historyError(x: number, tx: number, T: number, n: number, i: number): CellError | null {
  if (x >= 0 && Math.floor(x) === x && x - x === 0 && tx >= 0 && tx <= T && T - T === 0 && (x > 0 || tx === 0)) return null;
  const reason = bgnbdHistoryError(x, tx, T);
  return reason ? valueError(`${rowLabel(n, i)}${reason}`) : null;
}

/** Why a row has no expected purchases or CLV although its inputs are valid. */
const seriesProblem = (n: number) => (i: number) => valueError(`${rowLabel(n, i)}${SERIES_NOT_CONVERGED}`);

/**
 * Columns for a fit: blank-everywhere rows get weight 0; any other blank or bad cell fails the
 * call. Returns the columns with a weight column (1, the given weight, or 0 for skipped rows).
 * Read in time slices, as every long loop of the adapters.
 */
export async function readFitColumns(specs: readonly ColumnSpec[], blankAllowed: (values: Float64Array, k: number) => boolean) {
  const slicer = timeSlicer();
  const { n, columns } = await readColumns(specs, slicer);
  const weights = new Float64Array(n);
  const values = new Float64Array(specs.length);
  const data = columns.map(() => new Float64Array(n));
  await inBlocks(n, slicer, (from, to) => {
    for (let i = from; i < to; i++) {
      let blanks = 0;
      let present = 0;
      for (let k = 0; k < specs.length; k++) {
        const column = columns[k];
        if (!column) continue;
        present++;
        const v = column.values[i];
        const error = column.errors?.[i];
        if (error) raise(error);
        values[k] = v;
        if (v !== v) blanks++;
      }
      if (blanks === present) continue; // a blank row: weight 0
      for (let k = 0; k < specs.length; k++) {
        const column = columns[k];
        if (!column) {
          data[k][i] = 1;
          continue;
        }
        if (values[k] !== values[k] && !blankAllowed(values, k)) {
          failValue(`${describeWhere(at(specs[k].arg, n === 1 ? undefined : i + 1))}: the cell is blank; expected ${specs[k].what}`);
        }
        data[k][i] = values[k] === values[k] ? values[k] : 0;
      }
      weights[i] = columns[columns.length - 1] ? data[data.length - 1][i] : 1;
    }
  });
  return { n, data, weights };
}

/** A customer id for output: canonical number text back as a number (for lookups), else text. */
export function idCell(id: string): string | number {
  const c = id.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 46 || c === 73)) return id; // cannot be number text: not 0-9, -, . or I(nfinity)
  const number = Number(id);
  return id !== "" && String(number) === id ? number : id;
}

/** Reads an order log's id, date (and amount) columns. Bad ids fail the call; bad dates/amounts mark the row. */
async function readOrderLog(customerIds: unknown, orderDates: unknown, amounts: unknown) {
  // Read in place (no copy of a million cells): Excel's row arrays are indexed directly.
  const lists = [
    { arg: "customer_ids", values: columnOf(customerIds, "customer_ids") },
    { arg: "order_dates", values: columnOf(orderDates, "order_dates") },
  ];
  const withAmounts = amounts !== null && amounts !== undefined;
  if (withAmounts) lists.push({ arg: "amounts", values: columnOf(amounts, "amounts") });
  const n = rowCount(lists);
  const [idList, dateList, amountList] = lists.map((l) => l.values);
  const ids: (string | null)[] = new Array(n);
  const dates = new Float64Array(n);
  const amountValues = withAmounts ? new Float64Array(n) : null;
  const rowErrors = new Map<number, CellError>();
  const slicer = timeSlicer();
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 0 && slicer.due()) await slicer.pause();
    const row = n === 1 ? undefined : i + 1;
    const rawId = reusedCellOf(idList, i);
    const rawDate = reusedCellOf(dateList, i);
    const rawAmount = amountList ? reusedCellOf(amountList, i) : null;
    // Fast path: a text id that is not an error code typed as text (nearly every row); no message object built.
    const trimmed = typeof rawId === "string" ? rawId.trim() : "";
    const id = trimmed !== "" && trimmed.charCodeAt(0) !== 35 /* # */ ? trimmed : readId(rawId, at("customer_ids", row));
    if (id === null) {
      const blankRow = readDate(rawDate, at("order_dates", row)) === null && (!amountList || readNumber(rawAmount, at("amounts", row)) === null);
      if (blankRow) {
        ids[i] = null;
        continue;
      }
      failValue(`${describeWhere(at("customer_ids", row))}: the cell is blank; every order needs a customer id`);
    }
    if (isCellError(id)) raise(id);
    ids[i] = id;
    const date = typeof rawDate === "number" && rawDate >= 1 && rawDate < 2958466 ? Math.floor(rawDate) : readDate(rawDate, at("order_dates", row));
    if (typeof date === "number") dates[i] = date;
    else {
      dates[i] = NaN;
      rowErrors.set(i, date ?? valueError(`${describeWhere(at("order_dates", row))}: the cell is blank; expected the order date`));
    }
    if (amountValues) {
      const amount = typeof rawAmount === "number" && Number.isFinite(rawAmount) ? rawAmount : readNumber(rawAmount, at("amounts", row), "an amount");
      if (typeof amount === "number") amountValues[i] = amount;
      else {
        amountValues[i] = NaN;
        if (!rowErrors.has(i)) rowErrors.set(i, amount ?? valueError(`${describeWhere(at("amounts", row))}: the cell is blank; expected the order's amount`));
      }
    }
  }
  return { n, ids, dates, amounts: amountValues, rowErrors };
}

function singleDate(value: unknown, arg: string, required: boolean): number | null {
  const v = single(value, arg);
  const date = readDate(v, at(arg));
  if (date === null) {
    if (required) failValue(`${arg}: the cell is blank; expected a date`);
    return null;
  }
  if (isCellError(date)) raise(date);
  return date;
}

/**
 * Summarises an order log for the BTYD models: per customer x (repeat purchases: distinct purchase days − 1; same-day orders are one purchase, values summed), t_x (first to last purchase), T (first purchase to as_of_date) and the average repeat spend (first purchase excluded, 0 when none). as_of_date defaults to the latest order date; orders after it are left out. t_x is not RFM's days since the last order.
 * @customfunction BTYDSUMMARY BTYDSUMMARY
 * @helpurl https://localhost:3000/help.html#btydsummary
 * @param {any[][]} customer_ids Customer id of each order, one row per order.
 * @param {any[][]} order_dates Date of each order (a date or ISO text such as 1997-09-30).
 * @param {any[][]} [amounts] Value of each order; gives the average repeat spend column.
 * @param {any} [as_of_date] End of observation; orders after it are left out. Default the latest order date.
 * @param {TimeUnit} [time_unit] Unit of t_x and T: "day", "week" (default) or "month" (30.4375 days).
 * @param {any} [whole_periods] TRUE: purchases are distinct calendar weeks (Monday to Sunday) or months, and t_x, T whole numbers of them, as lifetimes' freq="W". Default FALSE (days ÷ unit).
 * @returns {Promise<any[][]>} A header row, then Customer, x, t_x, T (and average repeat spend) per customer.
 */
export async function btydsummary(
  customer_ids: any[][],
  order_dates: any[][],
  amounts?: any[][],
  as_of_date?: any,
  time_unit?: TimeUnit,
  whole_periods?: any,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const unit = unitOf(time_unit);
    const asOf = singleDate(as_of_date, "as_of_date", false);
    const inPeriods = singleFlag(whole_periods, "whole_periods");
    const log = await readOrderLog(customer_ids, order_dates, amounts);
    const slicer = timeSlicer();
    const s = await btydSummaryAsync(log.ids, log.dates, log.amounts, asOf, unit, slicer, inPeriods);
    const withSpend = s.averageSpend !== null;
    if (s.ids.length === 0) {
      raise(notAvailable(`order_dates: no orders on or before as_of_date, so there are no customers to summarise`));
    }
    const header = withSpend ? ["Customer", "x", "t_x", "T", "Average repeat spend"] : ["Customer", "x", "t_x", "T"];
    const m = s.ids.length;
    const out = new Array<ExcelResult[]>(m + 1);
    out[0] = header;
    const { x, tx, T, averageSpend, firstBadRow, ids } = s;
    for (let c = 0; c < m; c++) {
      if ((c & 4095) === 0 && slicer.due()) await slicer.pause();
      const bad = firstBadRow[c];
      if (bad >= 0) {
        const error = toExcelValue(log.rowErrors.get(bad) ?? valueError(`row ${bad + 1}: this customer's order cannot be read`));
        out[c + 1] = [idCell(ids[c]), ...header.slice(1).map(() => error)];
        continue;
      }
      out[c + 1] = averageSpend ? [idCell(ids[c]), x[c], tx[c], T[c], averageSpend[c]] : [idCell(ids[c]), x[c], tx[c], T[c]];
    }
    return out;
  })) as any[][];
}

/**
 * Fits the BG/NBD model (Fader, Hardie & Lee 2005) by maximum likelihood to customer histories x, t_x, T. Spills a header row, the estimates r, alpha, a, b with the log-likelihood, and their standard errors.
 * @customfunction BGNBDFIT BGNBDFIT
 * @helpurl https://localhost:3000/help.html#bgnbdfit
 * @param {any[][]} x Repeat purchases per customer (a whole number, 0 or more), as BTYDSUMMARY gives.
 * @param {any[][]} t_x Time from first to last purchase per customer, in the unit of T.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} [weights] Number of customers each row stands for (for pre-grouped data). Default 1.
 * @returns {Promise<any[][]>} A 3×5 block: header, estimates with the log-likelihood, standard errors.
 */
export async function bgnbdfit(x: any[][], t_x: any[][], T: any[][], weights?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const specs = [
      { arg: "x", range: x, what: "a number of repeat purchases" },
      { arg: "t_x", range: t_x, what: "a time" },
      { arg: "T", range: T, what: "a time" },
      { arg: "weights", range: weights, what: "a weight", optional: true },
    ];
    const { n, data, weights: w } = await readFitColumns(specs, () => false);
    await yieldToHost();
    const labelRows = (message: string) => (n === 1 ? message.replace(/^row 1: /, "") : message);
    let fit;
    try {
      fit = await bgnbdFitAsync(data[0], data[1], data[2], w);
    } catch (error) {
      if (error instanceof Error && "code" in error) raise({ code: (error as CellError).code, message: labelRows(error.message) });
      throw error;
    }
    const se = fit.standardErrors;
    return [
      ["r", "alpha", "a", "b", "log-likelihood"],
      [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood],
      [se.r, se.alpha, se.a, se.b, ""],
    ];
  })) as any[][];
}

/**
 * Probability that each customer is still active under a fitted BG/NBD model. A customer with x = 0 gets 1: in this model dropout happens only right after a repeat purchase.
 * @customfunction PALIVE PALIVE
 * @helpurl https://localhost:3000/help.html#palive
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer, in the unit the model was fitted in.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} bgnbd_params The block BGNBDFIT spilled (with or without its header), or r, alpha, a, b.
 * @returns {Promise<any[][]>} One probability per customer.
 */
export async function palive(x: any[][], t_x: any[][], T: any[][], bgnbd_params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const params = bgnbdParamsOf(bgnbd_params);
    const slicer = timeSlicer();
    const { n, data, errors } = await readCustomerColumns(
      [
        { arg: "x", range: x, what: "number of repeat purchases" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "T", range: T, what: "T" },
      ],
      (v, i, n) => historyError(v[0], v[1], v[2], n, i),
      slicer,
    );
    const out = new Float64Array(n);
    const rows = pAliveRows(params);
    await inBlocks(n, slicer, (from, to) => rows(data[0], data[1], data[2], out, from, to));
    return spillResults(out, errors, slicer);
  })) as any[][];
}

/**
 * Expected number of purchases of each customer in the next t time units under a fitted BG/NBD model (Fader, Hardie & Lee 2005, eq. 10).
 * @customfunction EXPECTEDPURCHASES EXPECTEDPURCHASES
 * @helpurl https://localhost:3000/help.html#expectedpurchases
 * @param {any[][]} t Length of the period ahead, in the unit of t_x and T (one value or one per customer).
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} bgnbd_params The block BGNBDFIT spilled (with or without its header), or r, alpha, a, b.
 * @returns {Promise<any[][]>} One expected number of purchases per customer.
 */
export async function expectedpurchases(t: any[][], x: any[][], t_x: any[][], T: any[][], bgnbd_params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const params = bgnbdParamsOf(bgnbd_params);
    const slicer = timeSlicer();
    const { n, data, errors } = await readCustomerColumns(
      [
        { arg: "t", range: t, what: "period length" },
        { arg: "x", range: x, what: "number of repeat purchases" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "T", range: T, what: "T" },
      ],
      (v, i, n) => {
        const ti = v[0];
        if (ti < 0) return valueError(`${rowLabel(n, i)}t is ${ti}; expected a period length of 0 or more`);
        return historyError(v[1], v[2], v[3], n, i);
      },
      slicer,
    );
    if (slicer.due()) await slicer.pause();
    // The series is summed once per distinct (t, x, T), yielding by elapsed time; its work is bounded (SERIES_BUDGET_TERMS).
    const { rows, columns } = withoutErrorRows(data, errors);
    const expected = await expectedPurchasesColumnAsync(params, columns[0], columns[1], columns[2], columns[3], undefined, { slicer });
    return spillResults(scatterRows(expected, rows, n), errors, slicer, seriesProblem(n));
  })) as any[][];
}

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader & Hardie 2013) to the repeat buyers' average spend; rows with x = 0 are skipped. Spills a header row and p, q, v with the log-likelihood.
 * @customfunction GAMMAGAMMAFIT GAMMAGAMMAFIT
 * @helpurl https://localhost:3000/help.html#gammagammafit
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} average_spend Mean value of each customer's repeat purchases (BTYDSUMMARY's last column).
 * @param {any[][]} [weights] Number of customers each row stands for. Default 1.
 * @returns {Promise<any[][]>} A 2×4 block: header, then p, q, v and the log-likelihood.
 */
export async function gammagammafit(x: any[][], average_spend: any[][], weights?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const specs = [
      { arg: "x", range: x, what: "a number of repeat purchases" },
      { arg: "average_spend", range: average_spend, what: "an average spend" },
      { arg: "weights", range: weights, what: "a weight", optional: true },
    ];
    // A one-time buyer needs no spend: blank average_spend is fine where x = 0.
    const { n, data, weights: w } = await readFitColumns(specs, (values, k) => k === 1 && values[0] === 0);
    await yieldToHost();
    let fit;
    try {
      fit = await gammaGammaFitAsync(data[0], data[1], w);
    } catch (error) {
      if (error instanceof Error && "code" in error) {
        raise({ code: (error as CellError).code, message: n === 1 ? error.message.replace(/^row 1: /, "") : error.message });
      }
      throw error;
    }
    return [
      ["p", "q", "v", "log-likelihood"],
      [fit.p, fit.q, fit.v, fit.logLikelihood],
    ];
  })) as any[][];
}

/**
 * Expected average transaction value of each customer under a fitted Gamma-Gamma model: p(v + x·spend)/(px + q − 1), the population mean p·v/(q − 1) when x = 0.
 * @customfunction EXPECTEDSPEND EXPECTEDSPEND
 * @helpurl https://localhost:3000/help.html#expectedspend
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} average_spend Mean value of each customer's repeat purchases (may be blank or 0 when x = 0).
 * @param {any[][]} gg_params The block GAMMAGAMMAFIT spilled (with or without its header), or p, q, v.
 * @returns {Promise<any[][]>} One expected spend per customer.
 */
export async function expectedspend(x: any[][], average_spend: any[][], gg_params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const params = gammaGammaParamsOf(gg_params);
    const slicer = timeSlicer();
    const { n, data, errors } = await readCustomerColumns(
      [
        { arg: "x", range: x, what: "number of repeat purchases" },
        { arg: "average_spend", range: average_spend, what: "average spend", optional: true },
      ],
      (v, i, n) => {
        const xi = v[0], spend = v[1];
        if (xi > 0 && spend !== spend) return notAvailable(`${rowLabel(n, i)}average_spend is blank; no average spend for a customer with repeat purchases`);
        const reason = gammaGammaRowError(xi, xi > 0 ? spend : 0);
        return reason ? valueError(`${rowLabel(n, i)}${reason}`) : null;
      },
      slicer,
    );
    const out = new Float64Array(n);
    const xs = data[0];
    const spends = data[1];
    await inBlocks(n, slicer, (from, to) => {
      for (let i = from; i < to; i++) out[i] = expectedSpend(params, xs[i], spends[i]);
    });
    return spillResults(out, errors, slicer);
  })) as any[][];
}

function optionalNumber(value: unknown, arg: string, fallback: number): number {
  const v = readNumber(single(value, arg), at(arg));
  if (v === null) return fallback;
  if (isCellError(v)) raise(v);
  return v;
}

/**
 * Predicted value of each customer over the next horizon_months months: the sum over months k of [E(k·u) − E((k−1)·u)] × expected spend × margin_rate / (1 + d)^k, with E from the BG/NBD model, spend from the Gamma-Gamma model and u one month of 30.4375 days in time_unit.
 * @customfunction PREDICTEDCLV PREDICTEDCLV
 * @helpurl https://localhost:3000/help.html#predictedclv
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} average_spend Mean value of each customer's repeat purchases (may be blank when x = 0).
 * @param {any[][]} bgnbd_params The block BGNBDFIT spilled, or r, alpha, a, b.
 * @param {any[][]} gg_params The block GAMMAGAMMAFIT spilled, or p, q, v.
 * @param {any} horizon_months Number of months ahead, a whole number (12 for a year).
 * @param {any} [monthly_discount_rate] Discount rate per month as a fraction (1% is 0.01). Default 0.
 * @param {any} [margin_rate] Profit margin on spend as a fraction (30% is 0.3). Default 1.
 * @param {TimeUnit} [time_unit] Unit of t_x and T and of the fitted model: "day", "week" (default) or "month".
 * @returns {Promise<any[][]>} One predicted value per customer.
 */
export async function predictedclv(
  x: any[][],
  t_x: any[][],
  T: any[][],
  average_spend: any[][],
  bgnbd_params: any[][],
  gg_params: any[][],
  horizon_months: any,
  monthly_discount_rate?: any,
  margin_rate?: any,
  time_unit?: TimeUnit,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const bgnbd = bgnbdParamsOf(bgnbd_params);
    const gammaGamma = gammaGammaParamsOf(gg_params);
    const horizon = readNumber(single(horizon_months, "horizon_months"), at("horizon_months"), "a whole number of months");
    if (horizon === null) failValue("horizon_months: the cell is blank; expected a whole number of months");
    if (isCellError(horizon)) raise(horizon);
    const options = {
      horizonMonths: horizon,
      monthlyDiscountRate: optionalNumber(monthly_discount_rate, "monthly_discount_rate", 0),
      marginRate: optionalNumber(margin_rate, "margin_rate", 1),
      timeUnit: unitOf(time_unit),
    };
    const optionsError = clvOptionsError(options);
    if (optionsError) failValue(optionsError);
    const slicer = timeSlicer();
    const { n, data, errors } = await readCustomerColumns(
      [
        { arg: "x", range: x, what: "number of repeat purchases" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "T", range: T, what: "T" },
        { arg: "average_spend", range: average_spend, what: "average spend", optional: true },
      ],
      (v, i, n) => {
        const xi = v[0], spend = v[3];
        const history = historyError(xi, v[1], v[2], n, i);
        if (history) return history;
        if (xi > 0 && spend !== spend) return notAvailable(`${rowLabel(n, i)}average_spend is blank; no average spend for a customer with repeat purchases`);
        const reason = gammaGammaRowError(xi, xi > 0 ? spend : 0);
        return reason ? valueError(`${rowLabel(n, i)}${reason}`) : null;
      },
      slicer,
    );
    const { rows, columns } = withoutErrorRows(data, errors);
    const [xs, txs, Ts, spends] = columns;
    for (let i = 0; i < xs.length; i++) if (xs[i] === 0) spends[i] = 0; // a one-time buyer's spend is not used
    if (slicer.due()) await slicer.pause();
    // The discounted sum once per distinct (x, T), yielding by elapsed time; its work is bounded (SERIES_BUDGET_TERMS).
    const clv = await predictedClvColumnAsync(bgnbd, gammaGamma, xs, txs, Ts, spends, options, undefined, { slicer });
    return spillResults(scatterRows(clv, rows, n), errors, slicer, seriesProblem(n));
  })) as any[][];
}

/**
 * Splits an order log at calibration_end for checking a model: per customer x, t_x, T up to calibration_end, and the repeat purchases and length of the holdout period up to holdout_end. Customers whose first order falls in the holdout are left out and counted in a note row.
 * @customfunction HOLDOUTSUMMARY HOLDOUTSUMMARY
 * @helpurl https://localhost:3000/help.html#holdoutsummary
 * @param {any[][]} customer_ids Customer id of each order, one row per order.
 * @param {any[][]} order_dates Date of each order (a date or ISO text).
 * @param {any} calibration_end Last day of the calibration period (the model is fitted on orders up to it).
 * @param {any} holdout_end Last day of the holdout period; later orders are left out.
 * @param {TimeUnit} [time_unit] Unit of t_x, T and the holdout length: "day", "week" (default) or "month".
 * @returns {Promise<any[][]>} A header row, then Customer, x, t_x, T, x_holdout, holdout_length per customer.
 */
export async function holdoutsummary(
  customer_ids: any[][],
  order_dates: any[][],
  calibration_end: any,
  holdout_end: any,
  time_unit?: TimeUnit,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const unit = unitOf(time_unit);
    const calibrationEnd = singleDate(calibration_end, "calibration_end", true)!;
    const holdoutEnd = singleDate(holdout_end, "holdout_end", true)!;
    const log = await readOrderLog(customer_ids, order_dates, null);
    const slicer = timeSlicer();
    const s = await holdoutSummaryAsync(log.ids, log.dates, calibrationEnd, holdoutEnd, unit, slicer);
    if (s.ids.length === 0) {
      raise(notAvailable("order_dates: no customer has an order on or before calibration_end, so there is nothing to calibrate on"));
    }
    const header = ["Customer", "x", "t_x", "T", "x_holdout", "holdout_length"];
    const out: ExcelResult[][] = [header];
    for (let c = 0; c < s.ids.length; c++) {
      if ((c & 4095) === 0 && slicer.due()) await slicer.pause();
      const bad = s.firstBadRow[c];
      if (bad >= 0) {
        const error = toExcelValue(log.rowErrors.get(bad) ?? valueError(`row ${bad + 1}: this customer's order cannot be read`));
        out.push([idCell(s.ids[c]), error, error, error, error, error]);
        continue;
      }
      out.push([idCell(s.ids[c]), s.x[c], s.tx[c], s.T[c], s.xHoldout[c], s.holdoutLength]);
    }
    if (s.leftOut > 0) {
      const who = s.leftOut === 1 ? "1 customer whose first order falls" : `${s.leftOut} customers whose first order falls`;
      out.push([`${who} in the holdout left out`, "", "", "", "", ""]);
    }
    return out;
  })) as any[][];
}
