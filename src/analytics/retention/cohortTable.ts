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
 * Cost: O(n). Up to 512 periods, one Map lookup and one bit per order
 * (customerBitsets.ts), then a pass over each customer's few words; longer spans
 * group the orders by customer first (ordersByCustomer.ts). Memory: cohorts × columns
 * doubles, plus 4 bytes per customer per 32 periods (or 8 bytes per order).
 */
import { PeriodKind, PeriodLookup, periodLabel } from "../orders/calendarPeriods";
import { CustomerBitsets, fitsBitsets, orderLogRange, periodBitsets } from "./customerBitsets";
import { isoFromSerial } from "../orders/dates";
import { fail, failValue } from "../errors";
import { GroupOptions, OrdersByCustomer, failNoOrders, groupOrdersByCustomer, requireOrders } from "../orders/ordersByCustomer";

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

/** Periods of the table, the last one ended by as_of, and the number of columns. */
function triangleShape(lookup: PeriodLookup, asOf: number, kind: PeriodKind) {
  const periods = lookup.relative(asOf) + 1;
  // The last period that has ended by as_of: the current one only when as_of is its last day.
  const lastEnded = lookup.end(periods - 1) <= asOf ? periods - 1 : periods - 2;
  const columns = Math.max(0, lastEnded) + 1;
  if (columns > MAX_COHORT_COLUMNS) {
    failValue(`the triangle would need ${columns} ${kind} columns, more than a sheet holds; choose a longer period or a later start`);
  }
  return { periods, lastEnded, columns };
}

/** One row per period with new customers. */
function cohortRows(sizeByPeriod: Float64Array, columns: number) {
  const rowOfPeriod = new Int32Array(sizeByPeriod.length).fill(-1);
  const cohortPeriods: number[] = [];
  for (let p = 0; p < sizeByPeriod.length; p++) {
    if (sizeByPeriod[p] > 0) {
      rowOfPeriod[p] = cohortPeriods.length;
      cohortPeriods.push(p);
    }
  }
  if (cohortPeriods.length * columns > MAX_COHORT_CELLS) {
    failValue(`the triangle would have ${cohortPeriods.length} × ${columns} cells, too many for a sheet; choose a longer period or a later as_of_date`);
  }
  return { rowOfPeriod, cohortPeriods };
}

type Counted = {
  readonly kind: PeriodKind;
  readonly asOf: number;
  readonly lookup: PeriodLookup;
  readonly lastEnded: number;
  readonly columns: number;
  readonly customers: number;
  readonly sizeByPeriod: Float64Array;
  readonly cohortPeriods: number[];
  /** counts[row · columns + k]: customers of the row's cohort with an order in its k-th period. */
  readonly counts: Float64Array;
  /** Customers with an order in a later period than their first. */
  readonly repeaters: number;
};

function finishTriangle(t: Counted): CohortTable {
  const { kind, asOf, lookup, lastEnded, columns, sizeByPeriod, cohortPeriods, counts } = t;
  if (t.repeaters === 0) {
    fail(
      "#N/A",
      `order_dates: no customer ordered again in a ${kind} after the ${kind} of their first order ` +
        `(${t.customers} customers up to ${isoFromSerial(asOf)}), so there is no cohort retention to show`,
    );
  }
  const rows = cohortPeriods.length;
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

/** The cohort triangle of orders already grouped by customer (the general path). */
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
  const { periods, lastEnded, columns } = triangleShape(lookup, asOf, kind);

  const cohortOf = new Int32Array(customers);
  const sizeByPeriod = new Float64Array(periods);
  for (let c = 0; c < customers; c++) {
    const p = lookup.relative(dates[offsets[c]]);
    cohortOf[c] = p;
    sizeByPeriod[p]++;
  }
  const { rowOfPeriod, cohortPeriods } = cohortRows(sizeByPeriod, columns);
  const counts = new Float64Array(cohortPeriods.length * columns);
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
  return finishTriangle({ kind, asOf, lookup, lastEnded, columns, customers, sizeByPeriod, cohortPeriods, counts, repeaters });
}

/** Index of the lowest set bit of a non-zero 32-bit word. */
const lowestBit = (word: number): number => 31 - Math.clz32(word & -word);

/** The cohort triangle from per-customer period bitsets (the fast path). */
async function cohortTableOfBitsets(
  sets: CustomerBitsets,
  kind: PeriodKind,
  lookup: PeriodLookup,
  asOf: number,
  pause: () => Promise<void>,
  blockCustomers: number,
): Promise<CohortTable> {
  const { bits, words } = sets;
  const customers = sets.ids.length;
  const { periods, lastEnded, columns } = triangleShape(lookup, asOf, kind);
  const cohortOf = new Int32Array(customers);
  const sizeByPeriod = new Float64Array(periods);
  for (let c = 0; c < customers; c++) {
    const base = c * words;
    let w = 0;
    while (bits[base + w] === 0) w++; // every counted customer has at least one bit
    const own = (w << 5) + lowestBit(bits[base + w]);
    cohortOf[c] = own;
    sizeByPeriod[own]++;
  }
  const { rowOfPeriod, cohortPeriods } = cohortRows(sizeByPeriod, columns);
  const counts = new Float64Array(cohortPeriods.length * columns);
  let repeaters = 0;
  for (let from = 0; from < customers; from += blockCustomers) {
    if (from > 0) await pause();
    const to = Math.min(customers, from + blockCustomers);
    for (let c = from; c < to; c++) {
      const own = cohortOf[c];
      const rowBase = rowOfPeriod[own] * columns;
      const base = c * words;
      let repeated = false;
      for (let w = 0; w < words; w++) {
        let word = bits[base + w];
        while (word !== 0) {
          const low = word & -word;
          const k = (w << 5) + 31 - Math.clz32(low) - own;
          if (k > 0) repeated = true;
          if (k < columns) counts[rowBase + k]++;
          word ^= low;
        }
      }
      if (repeated) repeaters++;
    }
  }
  return finishTriangle({ kind, asOf, lookup, lastEnded, columns, customers, sizeByPeriod, cohortPeriods, counts, repeaters });
}

export type CohortOptions = GroupOptions & {
  readonly period?: PeriodKind;
  /** Force the general path (grouping orders by customer) even for short spans; for tests. */
  readonly grouped?: boolean;
};

/**
 * The cohort triangle of an order log: ids (null rows skipped) and date serials (the
 * time of day is dropped), with one Map lookup per order. Async so that a host can
 * stay responsive on millions of orders (pass `pause`).
 */
export async function cohortTable(ids: ArrayLike<string | null>, dates: Float64Array, options: CohortOptions = {}): Promise<CohortTable> {
  const kind = options.period ?? "month";
  const pause = options.pause ?? noPause;
  const blockRows = options.blockRows ?? 262_144;
  if (!options.grouped) {
    const { asOf, firstDate } = orderLogRange(ids, dates, options.asOf);
    if (Number.isNaN(firstDate)) failNoOrders(asOf, "are no cohorts");
    const lookup = new PeriodLookup(kind, firstDate, asOf);
    const periods = lookup.relative(asOf) + 1;
    if (fitsBitsets(periods)) {
      const sets = await periodBitsets(ids, dates, lookup, asOf, periods, { pause, blockRows });
      return cohortTableOfBitsets(sets, kind, lookup, asOf, pause, blockRows);
    }
  }
  const groups = await groupOrdersByCustomer(ids, dates, options);
  return cohortTableOfGroups(groups, kind, pause, blockRows);
}
