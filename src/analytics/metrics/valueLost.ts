/**
 * Recurring value lost over a period, and value churn, from per-customer values at the
 * start and at the end of the period (for example monthly recurring revenue).
 *
 * Lost value = Σ start_i over customers with start_i > 0 and end_i = 0 or blank (churned);
 * with downgrades included it also adds Σ (start_i − end_i) over customers with
 * 0 < end_i < start_i. This is gross loss: upgrades are not netted off (gross revenue
 * churn as used for subscription businesses, e.g. the SaaS "gross MRR churn").
 * Value churn = lost value / Σ start_i.
 * A start of 0 or blank is a customer won during the period, who does not count.
 *
 * Example: start 100, 50, 80, 30 and end 0, blank, 60, 45 → lost 100 + 50 = 150; with
 * downgrades + (80 − 60) = 170 (the upgrade 30 → 45 is not netted). Value churn
 * 150 / 260 ≈ 0.5769, with downgrades 170 / 260 ≈ 0.6538. O(n), one pass.
 */
import { CellError, divisionByZero, valueError } from "../errors";

export type ValueColumns = {
  /** Value at the start of the period per customer; NaN = blank. */
  readonly start: Float64Array;
  /** Value at the end of the period per customer; NaN = blank. */
  readonly end: Float64Array;
  readonly includeDowngrades: boolean;
};

export type ValueLoss = { readonly lost: number; readonly startTotal: number };

/** Lost value and the start total, or #VALUE! naming the first negative value's row. */
export function valueLoss({ start, end, includeDowngrades }: ValueColumns): ValueLoss | CellError {
  if (start.length !== end.length) {
    return valueError(`value_end has ${end.length} rows but value_start has ${start.length}; give columns of the same length`);
  }
  let lost = 0;
  let startTotal = 0;
  for (let i = 0; i < start.length; i++) {
    const s = start[i];
    const e = end[i];
    if (s < 0) return valueError(`value_start, row ${i + 1}: expected a value of 0 or more, found ${s}`);
    if (e < 0) return valueError(`value_end, row ${i + 1}: expected a value of 0 or more, found ${e}`);
    if (!(s > 0)) continue; // blank (NaN) or 0: a new customer
    startTotal += s;
    if (!(e > 0)) lost += s; // blank or 0 at the end: churned
    else if (includeDowngrades && e < s) lost += s - e;
  }
  return { lost, startTotal };
}

/** VALUELOST. Example: start 100, 50, 80, 30; end 0, blank, 60, 45 → 150 (170 with downgrades). */
export function valueLost(columns: ValueColumns): number | CellError {
  const loss = valueLoss(columns);
  return "lost" in loss ? loss.lost : loss;
}

/** VALUECHURN = lost / Σ start; Σ start = 0 → #DIV/0!. Example above: 150 / 260. */
export function valueChurn(columns: ValueColumns): number | CellError {
  const loss = valueLoss(columns);
  if (!("lost" in loss)) return loss;
  if (loss.startTotal === 0) return divisionByZero("value_start sums to 0");
  return loss.lost / loss.startTotal;
}
