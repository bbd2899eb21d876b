/**
 * The calibration/holdout split used to check a BTYD model before trusting it (Fader, Hardie &
 * Lee 2005, §4: fit on weeks 1–39, compare predicted and actual repeat purchases in weeks 40–78).
 * Per customer, with u days per unit and same-day orders counted as one purchase:
 *
 *   x, t_x, T     as BTYDSUMMARY, from the orders on or before calibration_end (T up to it)
 *   x_holdout     = distinct purchase days in (calibration_end, holdout_end]
 *   holdout_length = (holdout_end − calibration_end) / u
 *
 * Customers whose first order falls in the holdout are left out (the model has seen nothing of
 * them) and counted; orders after holdout_end are left out.
 * Example: A buys on days 0, 10, 10, 30 and 50; calibration_end 20, holdout_end 60, days →
 * x 1, t_x 10, T 20, x_holdout 2, holdout_length 40. B first buys on day 25 → left out, counted.
 * Cost: O(n) plus each customer's own sort (purchaseDays.ts).
 */
import { failValue } from "../errors";
import { PurchaseDays, purchaseDays, purchaseDaysAsync } from "../orders/purchaseDays";
import { TimeSlicer } from "../numeric/yieldToHost";
import { DAYS_PER_UNIT, TimeUnit } from "../orders/timeUnit";

export type HoldoutSummary = {
  readonly ids: string[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly xHoldout: Float64Array;
  readonly holdoutLength: number;
  /** 0-based input row of the customer's first unusable order, −1 when none. */
  readonly firstBadRow: Int32Array;
  /** Customers left out because their first order falls in the holdout. */
  readonly leftOut: number;
};

export function holdoutSummary(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  calibrationEnd: number,
  holdoutEnd: number,
  unit: TimeUnit,
): HoldoutSummary {
  checkPeriods(calibrationEnd, holdoutEnd);
  return holdoutOf(purchaseDays(ids, dates, null, holdoutEnd), calibrationEnd, holdoutEnd, unit);
}

/** holdoutSummary for a long call: the purchase days in time slices of `slicer` (purchaseDaysAsync). */
export async function holdoutSummaryAsync(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  calibrationEnd: number,
  holdoutEnd: number,
  unit: TimeUnit,
  slicer: TimeSlicer,
): Promise<HoldoutSummary> {
  checkPeriods(calibrationEnd, holdoutEnd);
  const all = await purchaseDaysAsync(ids, dates, null, holdoutEnd, slicer);
  if (slicer.due()) await slicer.pause();
  return holdoutOf(all, calibrationEnd, holdoutEnd, unit);
}

function checkPeriods(calibrationEnd: number, holdoutEnd: number): void {
  if (!(holdoutEnd > calibrationEnd)) {
    failValue(`holdout_end (${holdoutEnd}) must come after calibration_end (${calibrationEnd}); the holdout is the period between them`);
  }
}

/** Calibration (x, t_x, T) and holdout purchases per customer from the purchase days up to holdout_end. */
function holdoutOf(all: PurchaseDays, calibrationEnd: number, holdoutEnd: number, unit: TimeUnit): HoldoutSummary {
  const perUnit = DAYS_PER_UNIT[unit];
  const keep: number[] = [];
  for (let c = 0; c < all.ids.length; c++) {
    const from = all.offsets[c];
    if (all.firstBadRow[c] >= 0 || all.days[from] <= calibrationEnd) keep.push(c);
  }
  const n = keep.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const xHoldout = new Float64Array(n);
  const firstBadRow = new Int32Array(n);
  const outIds: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = keep[i];
    outIds[i] = all.ids[c];
    firstBadRow[i] = all.firstBadRow[c];
    if (firstBadRow[i] >= 0) {
      x[i] = tx[i] = T[i] = xHoldout[i] = NaN;
      continue;
    }
    const from = all.offsets[c];
    const to = all.offsets[c + 1];
    let end = from;
    while (end < to && all.days[end] <= calibrationEnd) end++;
    const first = all.days[from];
    x[i] = end - from - 1;
    tx[i] = (all.days[end - 1] - first) / perUnit;
    T[i] = (calibrationEnd - first) / perUnit;
    xHoldout[i] = to - end;
  }
  return {
    ids: outIds,
    x,
    tx,
    T,
    xHoldout,
    holdoutLength: (holdoutEnd - calibrationEnd) / perUnit,
    firstBadRow,
    leftOut: all.ids.length - n,
  };
}
