/**
 * The cohort triangle of an order log.
 *
 * A cohort is the customers whose first order falls in the same calendar period
 * (week, month, quarter or year; see calendarPeriods.ts). For the cohort of period
 * p with N customers, column k (k = 0, 1, 2, …) is
 *   share(p, k) = |{customers of the cohort with an order in period p + k}| / N,
 * the usual acquisition-cohort retention table, defined as issue 6 states it.
 * Period 0 is always 1. A cell is shown
 * only when period p + k has ended on or before as_of; the cohort's own period is
 * always shown. Shares can rise again later because customers come back, so a
 * row is not a survival curve.
 *
 * as_of defaults to the latest order date; orders after it are left out.
 *
 * Example (months): A orders in January and March, B in January, C in February
 * and March; as_of is March 31. January cohort: 2 customers, shares 1, 0/2 = 0
 * (nobody in February), 1/2 = 0.5 (A in March). February cohort: 1 customer,
 * shares 1, 1/1 = 1 (C in March).
 *
 * Cost: O(n) after grouping (ordersByCustomer.ts): one table look-up per order and
 * one counter per (customer, distinct period); memory cohorts × columns doubles.
 */
import { PeriodKind, PeriodLookup, periodLabel } from "./calendarPeriods";
import { isoFromSerial } from "./dates";
import { fail, failValue } from "./errors";
import { GroupOptions, OrdersByCustomer, groupOrdersByCustomer, requireOrders } from "./ordersByCustomer";

export type CohortTable = {
  readonly kind: PeriodKind;
  readonly asOf: number;
  /** First day (serial) of each cohort's period, one per row, ascending. Only periods with new customers have a row. */
  readonly cohortStart: Float64Array;
  /** Customers in each cohort. */
  readonly cohortSize: Float64Array;
  /** Number of period columns: k = 0 … columns − 1. */
  readonly columns: number;
  /** active[k][row]: customers of the row's cohort who ordered in its k-th period; NaN where that period has not ended by as_of. */
  readonly active: Float64Array[];
  /** shares[k][row] = active[k][row] / cohortSize[row]; NaN where that period has not ended by as_of. */
  readonly shares: Float64Array[];
};

/** Most cells a triangle may have (Excel's grid holds 16,384 columns; a larger spill is not readable anyway). */
export const MAX_COHORT_COLUMNS = 16_382;
export const MAX_COHORT_CELLS = 20_000_000;

/** Column names of the table's header row: "Cohort start", "Customers", "Month 0", "Month 1", …. */
export function cohortTableHeader(table: Pick<CohortTable, "kind" | "columns">): string[] {
  const label = periodLabel(table.kind);
  const header = ["Cohort start", "Customers"];
  for (let k = 0; k < table.columns; k++) header.push(`${label} ${k}`);
  return header;
}

const noPause = (): Promise<void> => Promise.resolve();

/** The cohort triangle of orders already grouped by customer. */
export async function cohortTableOfGroups(
  groups: OrdersByCustomer,
  kind: PeriodKind,
  pause: () => Promise<void> = noPause,
  blockCustomers = 262_144,
): Promise<CohortTable> {
  const { offsets, dates, asOf } = groups;
  const customers = groups.ids.length;
  requireOrders(groups, "are no cohorts");
  const lookup = new PeriodLookup(kind, groups.firstDate, asOf);
  const periods = lookup.relative(asOf) + 1;
  // The last period that has ended by as_of: the current one only when as_of is its last day.
  const lastEnded = lookup.end(periods - 1) <= asOf ? periods - 1 : periods - 2;
  const columns = Math.max(0, lastEnded) + 1;
  if (columns > MAX_COHORT_COLUMNS) {
    failValue(`the triangle would need ${columns} ${kind} columns, more than a sheet holds; choose a longer period or a later start`);
  }

  const cohortOf = new Int32Array(customers);
  const sizeByPeriod = new Float64Array(periods);
  for (let c = 0; c < customers; c++) {
    const p = lookup.relative(dates[offsets[c]]);
    cohortOf[c] = p;
    sizeByPeriod[p]++;
  }
  const rowOfPeriod = new Int32Array(periods).fill(-1);
  const cohortPeriods: number[] = [];
  for (let p = 0; p < periods; p++) {
    if (sizeByPeriod[p] > 0) {
      rowOfPeriod[p] = cohortPeriods.length;
      cohortPeriods.push(p);
    }
  }
  const rows = cohortPeriods.length;
  if (rows * columns > MAX_COHORT_CELLS) {
    failValue(`the triangle would have ${rows} × ${columns} cells, too many for a sheet; choose a longer period or a later as_of_date`);
  }

  // counts[row * columns + k]: customers of the row's cohort with an order in its k-th period.
  const counts = new Float64Array(rows * columns);
  let repeaters = 0;
  for (let from = 0; from < customers; from += blockCustomers) {
    if (from > 0) await pause();
    const to = Math.min(customers, from + blockCustomers);
    for (let c = from; c < to; c++) {
      const own = cohortOf[c];
      const base = rowOfPeriod[own] * columns;
      let previous = -1;
      let repeated = false;
      for (let i = offsets[c]; i < offsets[c + 1]; i++) {
        const p = lookup.relative(dates[i]);
        if (p === previous) continue; // dates are ascending, so equal periods are adjacent
        previous = p;
        const k = p - own;
        if (k > 0) repeated = true;
        if (k < columns) counts[base + k]++;
      }
      if (repeated) repeaters++;
    }
  }
  if (repeaters === 0) {
    fail(
      "#N/A",
      `order_dates: no customer ordered again in a ${kind} after the ${kind} of their first order ` +
        `(${customers} customers up to ${isoFromSerial(asOf)}), so there is no cohort retention to show`,
    );
  }

  const cohortStart = new Float64Array(rows);
  const cohortSize = new Float64Array(rows);
  const active: Float64Array[] = [];
  const shares: Float64Array[] = [];
  for (let k = 0; k < columns; k++) {
    active.push(new Float64Array(rows));
    shares.push(new Float64Array(rows));
  }
  for (let r = 0; r < rows; r++) {
    const p = cohortPeriods[r];
    cohortStart[r] = lookup.start(p);
    cohortSize[r] = sizeByPeriod[p];
    for (let k = 0; k < columns; k++) {
      const shown = k === 0 || p + k <= lastEnded;
      active[k][r] = shown ? counts[r * columns + k] : NaN;
      shares[k][r] = shown ? counts[r * columns + k] / sizeByPeriod[p] : NaN;
    }
  }
  return { kind, asOf, cohortStart, cohortSize, columns, active, shares };
}

/**
 * The cohort triangle of an order log: ids (null rows skipped) and whole-day date
 * serials, grouped with one Map look-up per order. Async so that a host can stay
 * responsive on millions of orders (pass `pause`).
 */
export async function cohortTable(
  ids: ArrayLike<string | null>,
  dates: Float64Array,
  options: GroupOptions & { readonly period?: PeriodKind } = {},
): Promise<CohortTable> {
  const groups = await groupOrdersByCustomer(ids, dates, options);
  return cohortTableOfGroups(groups, options.period ?? "month", options.pause, options.blockRows);
}
