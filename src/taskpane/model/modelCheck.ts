/**
 * "Check the model": fit BG/NBD on a calibration period of an order log and compare predicted
 * with actual repeat purchases in the holdout, per frequency group x = 0, 1, …, 6, 7+ (Fader,
 * Hardie & Lee 2005, §4, figure 3), with the cores of LOYALTY.HOLDOUTSUMMARY, LOYALTY.BGNBDFIT
 * and LOYALTY.EXPECTEDPURCHASES; time in weeks.
 *
 *   actual(g)    = mean over the group's customers of their holdout repeat purchases
 *   predicted(g) = mean of E[Y(holdout length) | x, t_x, T]
 *
 * The calibration end defaults to the midpoint between the 1st and 99th percentiles of the order
 * dates (type 7), so that a few stray orders far outside the log's main span (one order typed
 * with the wrong year) cannot drag it; the holdout ends on the latest order date. Customers whose
 * first order falls in the holdout are left out and counted.
 * Example: orders spread evenly from 2024-01-01 to 2024-12-30 → calibration end about 2024-07-01;
 * add one order of 2001 and it stays there (the span's midpoint would move to 2012).
 * Cost: O(n) to read and summarise plus the fit (O(groups) per likelihood evaluation).
 */
import { at, readDate, readId } from "../../analytics/orders/cells";
import { bgnbdFitAsync } from "../../analytics/btyd/bgnbdFit";
import type { BgnbdParams } from "../../analytics/btyd/bgnbdLogLikelihood";
import { expectedPurchasesColumn } from "../../analytics/btyd/bgnbdPredictions";
import { isCellError } from "../../analytics/errors";
import { holdoutSummaryAsync } from "../../analytics/btyd/holdoutSummary";
import { indexDistinct } from "../../analytics/numeric/distinctValues";
import { groupByKey } from "../../analytics/numeric/sortedKeyGroups";
import { quantileSorted, type7, type7Positions } from "../../analytics/numeric/quantileSorted";
import { timeSlicer, yieldToHost } from "../../analytics/numeric/yieldToHost";
import { headerTexts } from "./mapping";

/** Frequency groups 0 … LAST_GROUP − 1 and LAST_GROUP+ (7+). */
export const LAST_GROUP = 7;

export type OrderLog = {
  readonly ids: (string | null)[];
  readonly dates: Float64Array;
  /** Orders with an id and a date. */
  readonly orders: number;
  /** Non-blank rows left out: no usable id or date. */
  readonly skipped: number;
  readonly firstDate: number;
  readonly lastDate: number;
};

const looksLikeDate = (v: unknown): boolean => {
  const d = typeof v === "number" || typeof v === "string" ? readDate(v, at("date", 1)) : null;
  return typeof d === "number" && (typeof v === "string" || (v as number) >= 18264);
};

/** Guesses the id and date columns of an order log: the first mostly-date column, and an id-like header or the first other column. */
export function guessOrderLogColumns(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): { id: number | null; date: number | null } {
  const sample = hasHeaders ? rows.slice(1) : rows;
  const heads = headerTexts(rows, hasHeaders, columnCount);
  let date: number | null = null;
  for (let c = 0; c < columnCount && date === null; c++) {
    const vs = sample.map((r) => r[c]).filter((v) => v !== "" && v !== null && v !== undefined);
    if (vs.length > 0 && vs.filter(looksLikeDate).length >= 0.8 * vs.length) date = c;
  }
  let id: number | null = null;
  for (let c = 0; c < columnCount && id === null; c++) if (c !== date && /id|cust|client|kunde|account|#/i.test(heads[c] ?? "")) id = c;
  for (let c = 0; c < columnCount && id === null; c++) if (c !== date) id = c;
  return { id, date };
}

/** Reads the id and date columns; blank rows are ignored, rows without a usable id or date counted. */
export function readOrderLog(rows: readonly (readonly unknown[])[], idColumn: number, dateColumn: number, firstSheetRow: number): OrderLog {
  const n = rows.length;
  const ids: (string | null)[] = new Array(n).fill(null);
  const dates = new Float64Array(n).fill(NaN);
  let orders = 0;
  let skipped = 0;
  let firstDate = Infinity;
  let lastDate = -Infinity;
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const id = readId(row[idColumn], at("customer id", firstSheetRow + i));
    const d = readDate(row[dateColumn], at("order date", firstSheetRow + i));
    if (id === null && d === null) continue;
    if (id === null || isCellError(id) || d === null || isCellError(d)) {
      skipped++;
      continue;
    }
    ids[i] = id;
    dates[i] = d;
    orders++;
    if (d < firstDate) firstDate = d;
    if (d > lastDate) lastDate = d;
  }
  return { ids, dates, orders, skipped, firstDate, lastDate };
}

/** Share of orders cut off at each end before taking the midpoint of the dates. */
export const CALIBRATION_TRIM = 0.01;

/** Midpoint (whole day) between the 1st and 99th percentiles of the order dates; always after the first and before the last date when they differ by 2 days or more. O(n log n). */
export function defaultCalibrationEnd(log: OrderLog): number {
  const dates = new Float64Array(log.orders);
  let k = 0;
  for (let i = 0; i < log.ids.length; i++) if (log.ids[i] !== null) dates[k++] = log.dates[i];
  dates.sort();
  return calibrationMidpoint(quantileSorted(dates, CALIBRATION_TRIM, k), quantileSorted(dates, 1 - CALIBRATION_TRIM, k), log.firstDate, log.lastDate);
}

/** ⌊(q01 + q99) / 2⌋ kept inside (first, last): the one rule both forms of the default share. */
const calibrationMidpoint = (q01: number, q99: number, first: number, last: number): number => Math.min(Math.max(Math.floor((q01 + q99) / 2), first + 1), last - 1);

/**
 * defaultCalibrationEnd from the order dates counted per day instead of listed (what a database
 * returns cheaply for millions of orders: `GROUP BY order_date`): `days` ascending and distinct,
 * `counts[i]` the orders on days[i]. The type-7 order statistics are looked up in the running
 * counts, so the result is the same day as defaultCalibrationEnd on the expanded dates.
 * Example: days 45000, 45001, 45100 with counts 1, 98, 1 (100 orders) → q01 = x[1.99] = 45000.99,
 * q99 = x[99.01] = 45001.99, midpoint ⌊45001.49⌋ = 45001. O(days).
 */
export function calibrationEndOfDayCounts(days: ArrayLike<number>, counts: ArrayLike<number>): number {
  if (days.length === 0 || days.length !== counts.length) throw new RangeError(`calibrationEndOfDayCounts: expected as many counts as days (at least one), got ${days.length} days and ${counts.length} counts`);
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  /** The value at 0-based position `pos` of the expanded, sorted dates. */
  const at = (pos: number): number => {
    let seen = 0;
    for (let i = 0; i < days.length; i++) {
      seen += counts[i];
      if (pos < seen) return days[i];
    }
    return days[days.length - 1];
  };
  const quantile = (p: number): number => {
    const { lo, hi, index } = type7Positions(n, p);
    return type7(index, at(lo), at(hi));
  };
  return calibrationMidpoint(quantile(CALIBRATION_TRIM), quantile(1 - CALIBRATION_TRIM), days[0], days[days.length - 1]);
}

export type FrequencyGroup = { readonly x: number; readonly last: boolean; readonly customers: number; readonly actual: number; readonly predicted: number };

export type CheckResult = HoldoutComparison & {
  readonly calibrationEnd: number;
  readonly holdoutEnd: number;
  readonly leftOut: number;
};

/** The log's rows that have a customer id, as id and date columns (the check and the model report both start here). */
export function ordersWithId(log: OrderLog): { ids: (string | null)[]; dates: number[] } {
  const ids: (string | null)[] = [];
  const dates: number[] = [];
  for (let i = 0; i < log.ids.length; i++) {
    if (log.ids[i] === null) continue;
    ids.push(log.ids[i]);
    dates.push(log.dates[i]);
  }
  return { ids, dates };
}

/** The check's figures, whatever the input: an order log (checkModel) or a calibration/holdout table (holdoutTable.ts). */
export type HoldoutComparison = {
  /** Holdout length in the table's time unit (weeks for an order log). */
  readonly holdoutWeeks: number;
  /** Customers compared: rows, or Σ weights for a grouped table. */
  readonly customers: number;
  readonly params: BgnbdParams;
  readonly groups: readonly FrequencyGroup[];
  /** Σ actual and Σ predicted holdout repeat purchases over all customers. */
  readonly actualTotal: number;
  readonly predictedTotal: number;
};

/**
 * The distinct (x, t_x, T) with their summed weights, sorted by x, then t_x, then T. The
 * likelihood is a sum over these groups, and floating-point sums depend on their order: fitted on
 * the sorted groups, one row per customer and any grouping of the same customers (the warehouse
 * SQL's, sorted or not) give bit-identical parameters, where the rows' own order would leave them
 * apart by the optimiser's tolerance (about 1e-9 relative on CDNOW). Weights are whole counts
 * here, so their sums are exact. Example: (1, 2, 5) w 1, (0, 0, 5) w 2, (1, 2, 5) w 1 →
 * (0, 0, 5) w 2, (1, 2, 5) w 2. Cost O(n) (indexDistinct, groupByKey) plus O(g log g) for g groups.
 */
function sortedHistories(x: Float64Array, tx: Float64Array, T: Float64Array, weights?: Float64Array) {
  const xs = indexDistinct(x);
  const txs = indexDistinct(tx);
  const ts = indexDistinct(T);
  const ntx = txs.values.length;
  const nt = ts.values.length;
  if (xs.values.length * ntx * nt >= Number.MAX_SAFE_INTEGER) return { count: x.length, x, tx, T, weight: weights };
  const groups = groupByKey(x.length, xs.values.length * ntx * nt, (i) => (xs.index[i] * ntx + txs.index[i]) * nt + ts.index[i]);
  const count = groups.count;
  const sum = new Float64Array(count);
  const first = new Uint32Array(count);
  for (let i = x.length - 1; i >= 0; i--) {
    const g = groups.index[i];
    sum[g] += weights ? weights[i] : 1;
    first[g] = i;
  }
  const order = Array.from({ length: count }, (_, g) => g);
  order.sort((a, b) => x[first[a]] - x[first[b]] || tx[first[a]] - tx[first[b]] || T[first[a]] - T[first[b]]);
  const out = { count, x: new Float64Array(count), tx: new Float64Array(count), T: new Float64Array(count), weight: new Float64Array(count) };
  order.forEach((g, k) => {
    out.x[k] = x[first[g]];
    out.tx[k] = tx[first[g]];
    out.T[k] = T[first[g]];
    out.weight[k] = sum[g];
  });
  return out;
}

/**
 * Fits BG/NBD on (x, t_x, T), each row standing for `weights[i]` customers (1 each without
 * weights), and compares Σ w·x_holdout with Σ w·E[Y(holdoutLength) | x, t_x, T] per frequency
 * group. x_holdout may be a row's count or its customers' mean: Σ w·x_holdout is the same total.
 * Rows of weight 0 are left out. Example: rows (x 1, w 2, x_holdout 1) and (x 1, w 1, x_holdout 4)
 * → group 1 has 3 customers and actual (2·1 + 4) / 3 = 2.
 */
export async function compareHoldout(
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  xHoldout: Float64Array,
  holdoutLength: number,
  weights?: Float64Array,
): Promise<HoldoutComparison> {
  const h = sortedHistories(x, tx, T, weights);
  const fit = h.count > 1 ? await bgnbdFitAsync(h.x, h.tx, h.T, h.weight) : await bgnbdFitAsync(x, tx, T, weights);
  const params: BgnbdParams = { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b };
  await yieldToHost();
  const predicted = expectedPurchasesColumn(params, [holdoutLength], x, tx, T);
  const count = new Float64Array(LAST_GROUP + 1);
  const actual = new Float64Array(LAST_GROUP + 1);
  const pred = new Float64Array(LAST_GROUP + 1);
  let actualTotal = 0;
  let predictedTotal = 0;
  let customers = 0;
  for (let i = 0; i < x.length; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    const g = Math.min(x[i], LAST_GROUP);
    count[g] += w;
    customers += w;
    actual[g] += w * xHoldout[i];
    pred[g] += w * predicted[i];
    actualTotal += w * xHoldout[i];
    predictedTotal += w * predicted[i];
  }
  const groups: FrequencyGroup[] = [];
  for (let g = 0; g <= LAST_GROUP; g++) {
    if (count[g] === 0) continue;
    groups.push({ x: g, last: g === LAST_GROUP, customers: count[g], actual: actual[g] / count[g], predicted: pred[g] / count[g] });
  }
  return { holdoutWeeks: holdoutLength, customers, params, groups, actualTotal, predictedTotal };
}

/** The check; throws the core's AnalyticsError (with its plain message) when the fit cannot identify the model. */
export async function checkModel(log: OrderLog, calibrationEnd: number, holdoutEnd = log.lastDate): Promise<CheckResult> {
  const { ids, dates } = ordersWithId(log);
  const slicer = timeSlicer();
  const h = await holdoutSummaryAsync(ids, dates, calibrationEnd, holdoutEnd, "week", slicer);
  await yieldToHost();
  const comparison = await compareHoldout(h.x, h.tx, h.T, h.xHoldout, h.holdoutLength);
  return { ...comparison, calibrationEnd, holdoutEnd, leftOut: h.leftOut };
}
