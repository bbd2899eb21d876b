/**
 * Tier of a value (spend, points or tenure) from a ladder of lower bounds in ascending order: the tier
 * of the largest bound ≤ the value, so a value exactly at a bound belongs to the higher tier.
 * A value below the lowest bound has no tier (#N/A).
 *
 * Example: bounds 0 Basic, 500 Silver, 2,000 Gold → 499.99 Basic, 500 Silver, 2,000 Gold.
 * Cost: O(t) to check the ladder once, then O(log t) per value by binary search.
 */
import { CellError, failValue, notAvailable } from "../errors";

export type TierLadder = { readonly bounds: readonly number[]; readonly names: readonly (string | number)[] };

/** Checks the ladder: at least one tier, finite bounds strictly ascending. `row` in messages is 1-based. */
export function checkTierLadder(ladder: TierLadder): void {
  const { bounds, names } = ladder;
  if (bounds.length === 0) failValue("thresholds: expected at least one tier (a lower bound and a name per row)");
  if (names.length !== bounds.length) failValue(`names has ${names.length} rows but thresholds has ${bounds.length}; give one name per threshold`);
  for (let i = 0; i < bounds.length; i++) {
    if (!Number.isFinite(bounds[i])) failValue(`thresholds, row ${i + 1}: expected a lower bound (a number), found ${bounds[i]}`);
    if (i > 0 && !(bounds[i] > bounds[i - 1])) {
      failValue(
        `thresholds, row ${i + 1}: the bound ${bounds[i]} is not above the bound ${bounds[i - 1]} of row ${i}; list the tiers from the lowest bound up, each bound higher than the one before`,
      );
    }
  }
}

/** The tier name of one value; the ladder must have passed checkTierLadder. */
export function tierOf(value: number, ladder: TierLadder, row?: number): string | number | CellError {
  const { bounds, names } = ladder;
  if (!(value >= bounds[0])) {
    const where = row === undefined ? "values" : `values, row ${row}`;
    return notAvailable(`${where}: ${value} is below the lowest tier's bound ${bounds[0]}, so it has no tier`);
  }
  let lo = 0;
  let hi = bounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return names[lo];
}
