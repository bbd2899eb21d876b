/**
 * The BTYD summary of an order log: per customer the (x, t_x, T) history the BG/NBD model needs
 * and the average repeat spend the Gamma-Gamma model needs (Fader, Hardie & Lee 2005, §2;
 * Fader & Hardie 2013):
 *
 *   purchases = distinct order days up to as_of (same-day orders are one purchase, values summed)
 *   x   = purchases − 1                         (repeat purchases)
 *   t_x = (last purchase − first purchase) / u  (time of the last repeat purchase; 0 when x = 0)
 *   T   = (as_of − first purchase) / u          (time the customer has been watched)
 *   average repeat spend = mean value of purchases 2…x+1 (the first is excluded), 0 when x = 0
 *
 * with u = 1, 7 or 30.4375 days per unit (timeUnit.ts). This t_x is the time from first to last
 * purchase, not RFM's recency (days since the last order). as_of defaults to the latest order
 * date; orders after it are left out.
 * In whole periods (`wholePeriods`, weeks or months): purchases are distinct calendar weeks
 * (Monday to Sunday) or months, values summed (purchasePeriods.ts, as lifetimes' freq="W"), and
 * t_x, T are differences of period indices: whole numbers, so that a grouped summary has far fewer
 * distinct (x, t_x, T). Orders after as_of are still left out, also within as_of's own period.
 * For days it is the day summary.
 * Example: orders (A, 1997-01-01, 29.33), (A, 1997-01-18, 29.73), (A, 1997-08-02, 14.96),
 * (A, 1997-12-12, 26.48), as_of 1997-09-30, weeks → x 2, t_x 213/7 = 30.43, T 272/7 = 38.86,
 * spend (29.73 + 14.96)/2 = 22.345 (CDNOW customer 1); in whole weeks x 2, t_x 30, T 39 (the
 * Monday weeks of 1996-12-30, 1997-07-28 and 1997-09-29).
 * Cost: O(n) plus each customer's own sort (purchaseDays.ts).
 */
import { failValue } from "../errors";
import { PurchaseDays, purchaseDays, purchaseDaysAsync } from "../orders/purchaseDays";
import { TimeSlicer } from "../numeric/yieldToHost";
import { DAYS_PER_UNIT, TimeUnit } from "../orders/timeUnit";
import { periodIndex } from "../orders/calendarPeriods";
import { purchasePeriods } from "../orders/purchasePeriods";

export type BtydSummary = {
  readonly ids: string[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Average repeat spend; null when no amounts were given. */
  readonly averageSpend: Float64Array | null;
  /** 0-based input row of the customer's first unusable order, −1 when none (the row's figures are NaN). */
  readonly firstBadRow: Int32Array;
  readonly asOf: number;
};

/** Latest non-NaN date among rows with an id, or NaN. O(n). */
export function latestOrderDate(ids: ArrayLike<string | null>, dates: ArrayLike<number>): number {
  let latest = -Infinity;
  for (let i = 0; i < dates.length; i++) if (ids[i] !== null && dates[i] > latest) latest = dates[i];
  return latest === -Infinity ? NaN : Math.floor(latest);
}

export function btydSummary(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  asOfDate: number | null,
  unit: TimeUnit,
  wholePeriods = false,
): BtydSummary {
  const asOf = summaryDate(ids, dates, asOfDate);
  return summaryOf(purchaseDays(ids, dates, amounts, asOf), asOf, unit, wholePeriods);
}

/** btydSummary for a long call: the purchase days in time slices of `slicer` (purchaseDaysAsync). */
export async function btydSummaryAsync(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  asOfDate: number | null,
  unit: TimeUnit,
  slicer: TimeSlicer,
  wholePeriods = false,
): Promise<BtydSummary> {
  const asOf = summaryDate(ids, dates, asOfDate);
  const days = await purchaseDaysAsync(ids, dates, amounts, asOf, slicer);
  if (slicer.due()) await slicer.pause();
  return summaryOf(days, asOf, unit, wholePeriods);
}

function summaryDate(ids: ArrayLike<string | null>, dates: ArrayLike<number>, asOfDate: number | null): number {
  const asOf = asOfDate ?? latestOrderDate(ids, dates);
  if (!Number.isFinite(asOf)) failValue("order_dates: there are no orders with a date");
  return asOf;
}

/** Per customer x, t_x, T (and average repeat spend) from the purchase days. O(purchases). */
function summaryOf(purchaseDays: PurchaseDays, asOfDay: number, unit: TimeUnit, wholePeriods: boolean): BtydSummary {
  const inPeriods = wholePeriods && unit !== "day";
  const purchases = inPeriods ? purchasePeriods(purchaseDays, unit) : purchaseDays;
  const asOf = inPeriods ? periodIndex(asOfDay, unit) : asOfDay;
  const { ids: customers, offsets, days, values, firstBadRow } = purchases;
  const n = customers.length;
  const perUnit = inPeriods ? 1 : DAYS_PER_UNIT[unit];
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const averageSpend = values ? new Float64Array(n) : null;
  for (let c = 0; c < n; c++) {
    const from = offsets[c];
    const to = offsets[c + 1];
    if (firstBadRow[c] >= 0 || to === from) {
      x[c] = tx[c] = T[c] = NaN;
      if (averageSpend) averageSpend[c] = NaN;
      continue;
    }
    const first = days[from];
    x[c] = to - from - 1;
    tx[c] = (days[to - 1] - first) / perUnit;
    T[c] = (asOf - first) / perUnit;
    if (averageSpend && values) {
      let sum = 0;
      for (let j = from + 1; j < to; j++) sum += values[j];
      averageSpend[c] = to - from > 1 ? sum / (to - from - 1) : 0;
    }
  }
  return { ids: customers, x, tx, T, averageSpend, firstBadRow, asOf: asOfDay };
}
