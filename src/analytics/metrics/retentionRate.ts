/**
 * Period retention from three customer counts.
 *
 * Retention rate = (CE − CN) / CS, churn rate = 1 − retention, customers lost = CS − (CE − CN),
 * where CS is the customers at the start of the period, CE at its end and CN the
 * new customers won during it (Reichheld & Sasser 1990; the usual customer
 * retention rate formula). Example: CS 1000, CN 200, CE 800 → (800 − 200) / 1000 = 0.6,
 * churn 0.4, lost 400. O(1).
 *
 * The counts must describe a possible period: none negative, no more new
 * customers than end customers, and no more kept customers (CE − CN) than CS.
 */
import { CellError, divisionByZero, valueError } from "../errors";

export type PeriodCounts = {
  readonly customersStart: number;
  readonly customersEnd: number;
  readonly newCustomers: number;
};

/** Why a period's counts are impossible, or null when they are fine. Start 0 is left to the rates. */
export function periodCountsError({ customersStart, customersEnd, newCustomers }: PeriodCounts): CellError | null {
  if (customersStart < 0) return valueError(`customers_start is ${customersStart}; expected a count of 0 or more`);
  if (customersEnd < 0) return valueError(`customers_end is ${customersEnd}; expected a count of 0 or more`);
  if (newCustomers < 0) return valueError(`new_customers is ${newCustomers}; expected a count of 0 or more`);
  if (newCustomers > customersEnd) {
    return valueError(`new_customers (${newCustomers}) is more than customers_end (${customersEnd}); new customers are part of the end count`);
  }
  if (customersEnd - newCustomers > customersStart) {
    return valueError(
      `customers_end − new_customers (${customersEnd - newCustomers}) is more than customers_start (${customersStart}); more customers were kept than there were`,
    );
  }
  return null;
}

/** Customers lost over the period, CS − (CE − CN). Example: 1000, 800, 200 → 400. */
export function customersLost(counts: PeriodCounts): number | CellError {
  const error = periodCountsError(counts);
  if (error) return error;
  return counts.customersStart - (counts.customersEnd - counts.newCustomers);
}

/** (CE − CN) / CS. Example: 1000, 800, 200 → 0.6. CS 0 → #DIV/0!. */
export function retentionRate(counts: PeriodCounts): number | CellError {
  const error = periodCountsError(counts);
  if (error) return error;
  if (counts.customersStart === 0) return divisionByZero("customers_start is 0");
  return (counts.customersEnd - counts.newCustomers) / counts.customersStart;
}

/** 1 − retention, computed as lost / CS so that it is exact for whole counts. Example: 1000, 800, 200 → 0.4. */
export function churnRate(counts: PeriodCounts): number | CellError {
  const lost = customersLost(counts);
  if (typeof lost !== "number") return lost;
  if (counts.customersStart === 0) return divisionByZero("customers_start is 0");
  return lost / counts.customersStart;
}
