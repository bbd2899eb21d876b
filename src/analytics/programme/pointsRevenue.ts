/**
 * Revenue from one pool of loyalty points (one issue cohort) by the cumulative catch-up method
 * (IFRS 15 ¶B40, ¶88; Illustrative Example 52, IE267–IE270):
 *
 *   cumulative revenue = allocated × min(1, redeemed to date ÷ expected total redemptions),
 *   period revenue     = cumulative revenue − revenue recognised before (negative when the
 *                        expected total rises; allowed),
 *   liability          = allocated − cumulative revenue.
 *
 * `expectedTotal` is the number of points expected to be redeemed over the pool's whole life,
 * including those already redeemed. In a schedule (one row per period end) the revenue recognised
 * before a period is the previous row's cumulative revenue; before the first row it is
 * `recognisedBefore` (0 when not given) unless each row gives its own.
 *
 * Example (IE 52): allocated 8,676; year 1: 4,500 of 9,500 → cumulative 4,110, liability 4,566;
 * year 2: 8,500 of 9,700 → cumulative 7,603, period revenue 3,493, liability 1,073. O(rows).
 */
import { CellError, divisionByZero, valueError } from "../errors";

export type PointsRevenuePeriod = {
  readonly allocated: number;
  readonly redeemedCumulative: number;
  readonly expectedTotal: number;
  /** null: the previous row's cumulative revenue (or the schedule's opening value for the first row). */
  readonly recognisedBefore: number | null;
};

export type PointsRevenueRow = { readonly period: number; readonly cumulative: number; readonly liability: number };

/** One period; `before` is the revenue recognised before it. */
export function pointsRevenueRow(p: PointsRevenuePeriod, before: number, row?: number): PointsRevenueRow | CellError {
  const where = (arg: string) => (row === undefined ? arg : `${arg}, row ${row}`);
  if (!Number.isFinite(p.allocated) || p.allocated < 0) {
    return valueError(`${where("allocated_to_points")}: expected the amount allocated to the points, 0 or more, found ${p.allocated}`);
  }
  if (!Number.isFinite(p.redeemedCumulative) || p.redeemedCumulative < 0) {
    return valueError(`${where("points_redeemed_cumulative")}: expected the points redeemed to date, 0 or more, found ${p.redeemedCumulative}`);
  }
  if (!Number.isFinite(p.expectedTotal) || p.expectedTotal < 0) {
    return valueError(`${where("points_expected_total")}: expected the points expected to be redeemed in total, 0 or more, found ${p.expectedTotal}`);
  }
  if (p.expectedTotal === 0) {
    return divisionByZero(`${where("points_expected_total")}: no points are expected to be redeemed`);
  }
  if (!Number.isFinite(before)) return valueError(`${where("recognised_before")}: expected an amount, found ${before}`);
  const cumulative = p.allocated * Math.min(1, p.redeemedCumulative / p.expectedTotal);
  return { period: cumulative - before, cumulative, liability: p.allocated - cumulative };
}

/**
 * The schedule: each row's revenue recognised before is its own `recognisedBefore` when given, else
 * the previous row's cumulative revenue (`opening` for the first row). A row given as an error (an
 * unreadable cell) is passed on, and the next row, lacking a previous cumulative, is an error too
 * unless it gives its own revenue recognised before.
 */
export function pointsRevenueSchedule(periods: readonly (PointsRevenuePeriod | CellError)[], opening = 0): (PointsRevenueRow | CellError)[] {
  const out: (PointsRevenueRow | CellError)[] = [];
  let previous: number | CellError = opening;
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i];
    const row = periods.length === 1 ? undefined : i + 1;
    let result: PointsRevenueRow | CellError;
    if (!("allocated" in p)) result = p;
    else {
      const before: number | CellError = p.recognisedBefore ?? previous;
      result =
        typeof before === "number"
          ? pointsRevenueRow(p, before, row)
          : valueError(`row ${i + 1}: the row before is in error, so the revenue recognised before this period is not known`);
    }
    out.push(result);
    previous = "cumulative" in result ? result.cumulative : result;
  }
  return out;
}
