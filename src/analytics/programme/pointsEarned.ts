/**
 * Points earned by one order: points = round(amount × points_per_unit × multiplier).
 *
 * Rounding: "down" (default) drops the fraction toward zero, so a refund (negative amount) gives
 * negative points rounded toward zero (−37.80 → −37), undoing what the sale gave; "nearest" rounds
 * half away from zero as Excel's ROUND does (0.5 → 1, −0.5 → −1); "none" keeps the fraction.
 *
 * Exactness: in doubles 0.29 × 100 = 28.999999999999996, and a plain floor gives 28 (4,586 of the
 * cent amounts 0.01..999.99 go wrong that way at 100 points per unit). The product is first snapped to
 * the nearest whole (or, for "nearest", half) number when it lies within rounding error of it:
 * tolerance max(1e-9, 8 ε |p|), far below the 0.01 steps of cent amounts times whole rates, so every
 * cent amount gives what integer-cent arithmetic gives (test/analytics/programme/pointsEarned.test.ts).
 *
 * Example: 37.80 at 1 point per unit → 37; at 1 point per unit with a 1.5 multiplier → 56. O(1).
 */
import { CellError, valueError } from "../errors";

export type PointsRounding = "down" | "nearest" | "none";

export const POINTS_ROUNDINGS: readonly PointsRounding[] = ["down", "nearest", "none"];

/** Half-width of the window in which a product counts as the whole (or half) number it is next to. */
function tolerance(p: number): number {
  return Math.max(1e-9, 8 * Number.EPSILON * Math.abs(p));
}

const noNegativeZero = (x: number): number => (x === 0 ? 0 : x);

/** `row` (1-based) only names the row in messages. */
export function pointsEarned(
  amount: number,
  pointsPerUnit: number,
  rounding: PointsRounding = "down",
  multiplier = 1,
  row?: number,
): number | CellError {
  const where = row === undefined ? "" : `, row ${row}`;
  if (!Number.isFinite(amount)) return valueError(`amounts${where}: expected an amount, found ${amount}`);
  if (!Number.isFinite(pointsPerUnit) || pointsPerUnit < 0) {
    return valueError(`points_per_unit${where}: expected a number of points per currency unit, 0 or more, found ${pointsPerUnit}`);
  }
  if (!Number.isFinite(multiplier) || multiplier < 0) {
    return valueError(`multipliers${where}: expected a multiplier of 0 or more (1 = no bonus, 2 = double points), found ${multiplier}`);
  }
  const p = amount * pointsPerUnit * multiplier;
  if (rounding === "none") return noNegativeZero(p);
  const tol = tolerance(p);
  const size = Math.abs(p);
  if (rounding === "down") {
    const whole = Math.round(size);
    const snapped = Math.abs(size - whole) <= tol ? whole : Math.floor(size);
    return noNegativeZero(Math.sign(p) * snapped);
  }
  const half = Math.round(size * 2) / 2;
  const snapped = Math.abs(size - half) <= tol ? half : size;
  return noNegativeZero(Math.sign(p) * Math.floor(snapped + 0.5));
}
