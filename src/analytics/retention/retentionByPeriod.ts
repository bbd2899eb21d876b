/**
 * Customer retention per calendar period from an order log.
 *
 * Rules (issue 6):
 * - a customer is active on day D when they ordered in (D − active_days, D]
 *   (default active_days 365);
 * - CS, customers at start: active at the end of the day before the period starts;
 * - CE, customers at end: active on the period's last day, or on as_of for the
 *   current period;
 * - new (CN): the customer's first order ever falls inside the period;
 * - reactivated: active at the end, not active at the start, and not new;
 * - retained: active at both the start and the end;
 * - retention = retained / CS (NaN here, an empty cell in Excel, when CS = 0);
 *   this is the retention formula (CE − CN) / CS of retentionRate.ts once the
 *   reactivated customers are counted with the new ones, so it stays within 0…1;
 * - lost = CS − retained.
 * active_days must be at least the length of every period in the table, so that
 * every new customer is active at the end of their first period; otherwise the
 * call fails with #VALUE!. Hence CE = retained + new + reactivated exactly.
 * as_of defaults to the latest order date; orders after it are left out. The
 * table runs from the period of the first order to the period holding as_of.
 *
 * Method: with B_0 = the day before the first period and B_j = the last day of
 * period j − 1 (B_T = as_of), each order on day d makes its customer active at
 * the boundaries B_j with d ≤ B_j ≤ d + active_days − 1. Per customer these
 * ranges of j are merged (orders are ascending), and each merged run [lo, hi]
 * adds 1 to "active" at lo…hi and to "retained" at lo…hi − 1 through difference
 * arrays. CS_t = active at B_t, CE_t = active at B_{t+1}.
 *
 * Example (months of 2024, active_days 31, as_of April 30): A orders Jan 10,
 * Feb 20 and Apr 5; B Jan 20; C Feb 5 and Mar 25; D Mar 31; E Jan 31 and Apr 30.
 * Active on Jan 31: A, B, E; on Feb 29: A, C, E; on Mar 31: C, D; on Apr 30: A, D, E.
 * February: CS 3, new 1 (C), CE 3, retained 2 (A, E), reactivated 3 − 2 − 1 = 0,
 * retention 2/3, lost 1 (B). April: CS 2, new 0, CE 3, retained 1 (D),
 * reactivated 2 (A, E), retention 1/2, lost 1 (C).
 *
 * Cost: O(n): two table look-ups per order. Up to 511 periods each customer's
 * active boundaries are a small bitset filled with one Map lookup per order
 * (customerBitsets.ts) and read as runs of set bits; longer spans group the orders
 * by customer first (ordersByCustomer.ts) and merge each customer's ranges.
 */
import { PeriodKind, PeriodLookup, describePeriod } from "../orders/calendarPeriods";
import { CustomerBitsets, activeBoundaryBitsets, fitsBitsets, orderLogRange } from "./customerBitsets";
import { failValue } from "../errors";
import { GroupOptions, OrdersByCustomer, failNoOrders, groupOrdersByCustomer, requireOrders } from "../orders/ordersByCustomer";

export type RetentionByPeriod = {
  readonly kind: PeriodKind;
  readonly asOf: number;
  readonly activeDays: number;
  /** First day (serial) of each period, ascending and consecutive. */
  readonly periodStart: Float64Array;
  readonly customersStart: Float64Array;
  readonly newCustomers: Float64Array;
  readonly reactivated: Float64Array;
  readonly customersEnd: Float64Array;
  readonly retained: Float64Array;
  /** retained / customersStart; NaN where customersStart is 0 (an empty cell in Excel). */
  readonly retention: Float64Array;
  readonly lost: Float64Array;
};

export const DEFAULT_ACTIVE_DAYS = 365;

/** Column names of the table's header row. */
export const RETENTION_BY_PERIOD_HEADER: readonly string[] = [
  "Period start",
  "Customers at start",
  "New",
  "Reactivated",
  "Customers at end",
  "Retained",
  "Retention",
  "Lost",
];

const noPause = (): Promise<void> => Promise.resolve();

function checkActiveDays(activeDays: number): void {
  if (!Number.isInteger(activeDays) || activeDays < 1) {
    failValue(`active_days: expected a whole number of days of 1 or more, found ${activeDays}`);
  }
}

/**
 * Period starts and boundary days B_0 … B_T (B_0 = day before the first period, B_j = last
 * day of period j − 1, B_T = as_of); fails when active_days is shorter than a period.
 */
function periodBoundaries(lookup: PeriodLookup, asOf: number, activeDays: number, kind: PeriodKind) {
  const periods = lookup.relative(asOf) + 1;
  const periodStart = new Float64Array(periods);
  const boundary = new Float64Array(periods + 1);
  for (let t = 0; t < periods; t++) {
    periodStart[t] = lookup.start(t);
    const days = lookup.end(t) - periodStart[t] + 1;
    if (activeDays < days) {
      failValue(
        `active_days (${activeDays}) is shorter than ${describePeriod(lookup.base + t, kind)} (${days} days); ` +
          `give at least ${days} so that a new customer is still active at the end of their first ${kind}`,
      );
    }
    boundary[t] = periodStart[t] - 1;
  }
  boundary[periods] = asOf;
  return { periods, periodStart, boundary };
}

type Tallies = {
  readonly kind: PeriodKind;
  readonly asOf: number;
  readonly activeDays: number;
  readonly periodStart: Float64Array;
  /** +1 where a run of active boundaries starts, −1 just after it ends (periods + 2). */
  readonly activeDiff: Float64Array;
  /** +1 where a run starts, −1 where it ends: pairs of consecutive active boundaries (periods + 1). */
  readonly retainedDiff: Float64Array;
  readonly newCustomers: Float64Array;
};

/** The table's columns from the run tallies. O(periods). */
function finishTable({ kind, asOf, activeDays, periodStart, activeDiff, retainedDiff, newCustomers }: Tallies): RetentionByPeriod {
  const periods = periodStart.length;
  const customersStart = new Float64Array(periods);
  const customersEnd = new Float64Array(periods);
  const retained = new Float64Array(periods);
  const reactivated = new Float64Array(periods);
  const retention = new Float64Array(periods);
  const lost = new Float64Array(periods);
  let active = 0;
  let keep = 0;
  let activeAtStart = 0;
  for (let j = 0; j <= periods; j++) {
    active += activeDiff[j];
    if (j > 0) {
      const t = j - 1;
      customersStart[t] = activeAtStart;
      customersEnd[t] = active;
      retained[t] = keep;
      reactivated[t] = active - keep - newCustomers[t];
      lost[t] = activeAtStart - keep;
      retention[t] = activeAtStart > 0 ? keep / activeAtStart : NaN;
    }
    if (j < periods) keep += retainedDiff[j];
    activeAtStart = active;
  }
  return { kind, asOf, activeDays, periodStart, customersStart, newCustomers, reactivated, customersEnd, retained, retention, lost };
}

/** Period retention of orders already grouped by customer (the general path). */
export async function retentionByPeriodOfGroups(
  groups: OrdersByCustomer,
  kind: PeriodKind,
  activeDays: number = DEFAULT_ACTIVE_DAYS,
  pause: () => Promise<void> = noPause,
  blockCustomers = 262_144,
): Promise<RetentionByPeriod> {
  checkActiveDays(activeDays);
  requireOrders(groups, "are no periods");
  const { offsets, dates, asOf } = groups;
  const customers = groups.ids.length;
  const lookup = new PeriodLookup(kind, groups.firstDate, asOf);
  const { periods, periodStart, boundary } = periodBoundaries(lookup, asOf, activeDays, kind);

  const activeDiff = new Float64Array(periods + 2);
  const retainedDiff = new Float64Array(periods + 1);
  const newCustomers = new Float64Array(periods);
  const last = periods; // index of the last boundary
  for (let from = 0; from < customers; from += blockCustomers) {
    if (from > 0) await pause();
    const to = Math.min(customers, from + blockCustomers);
    for (let c = from; c < to; c++) {
      const begin = offsets[c];
      const end = offsets[c + 1];
      newCustomers[lookup.relative(dates[begin])]++;
      let runLo = -1;
      let runHi = -2;
      for (let i = begin; i < end; i++) {
        const d = dates[i];
        // First boundary on or after d: the end of d's own period.
        const lo = lookup.relative(d) + 1;
        // Last boundary on or before the last active day d + activeDays − 1.
        const x = d + activeDays - 1;
        let hi: number;
        if (x >= asOf) hi = last;
        else {
          const q = lookup.relative(x);
          hi = x === boundary[q + 1] ? q + 1 : q;
        }
        if (hi < lo) continue;
        if (lo <= runHi + 1) {
          if (hi > runHi) runHi = hi;
        } else {
          if (runHi >= runLo && runLo >= 0) {
            activeDiff[runLo]++;
            activeDiff[runHi + 1]--;
            retainedDiff[runLo]++;
            retainedDiff[runHi]--;
          }
          runLo = lo;
          runHi = hi;
        }
      }
      if (runLo >= 0) {
        activeDiff[runLo]++;
        activeDiff[runHi + 1]--;
        retainedDiff[runLo]++;
        retainedDiff[runHi]--;
      }
    }
  }

  return finishTable({ kind, asOf, activeDays, periodStart, activeDiff, retainedDiff, newCustomers });
}

/** Period retention from per-customer bitsets of active boundaries (the fast path). */
async function retentionByPeriodOfBitsets(
  sets: CustomerBitsets,
  kind: PeriodKind,
  asOf: number,
  activeDays: number,
  periodStart: Float64Array,
  pause: () => Promise<void>,
  blockCustomers: number,
): Promise<RetentionByPeriod> {
  const periods = periodStart.length;
  const { bits, words } = sets;
  const customers = sets.ids.length;
  const activeDiff = new Float64Array(periods + 2);
  const retainedDiff = new Float64Array(periods + 1);
  const newCustomers = new Float64Array(periods);
  for (let from = 0; from < customers; from += blockCustomers) {
    if (from > 0) await pause();
    const to = Math.min(customers, from + blockCustomers);
    for (let c = from; c < to; c++) {
      const base = c * words;
      // The first active boundary is the end of the period of the first order (active_days ≥ any period).
      let w0 = 0;
      while (bits[base + w0] === 0) w0++;
      const firstWord = bits[base + w0];
      newCustomers[(w0 << 5) + 31 - Math.clz32(firstWord & -firstWord) - 1]++;
      // Runs of set bits: a start has no set bit below it, an end none above it.
      let carry = 0;
      for (let w = w0; w < words; w++) {
        const word = bits[base + w];
        if (word === 0) {
          carry = 0;
          continue;
        }
        const next = w + 1 < words ? bits[base + w + 1] & 1 : 0;
        let starts = word & ~((word << 1) | carry);
        let ends = word & ~((word >>> 1) | (next << 31));
        while (starts !== 0) {
          const low = starts & -starts;
          const j = (w << 5) + 31 - Math.clz32(low);
          activeDiff[j]++;
          retainedDiff[j]++;
          starts ^= low;
        }
        while (ends !== 0) {
          const low = ends & -ends;
          const j = (w << 5) + 31 - Math.clz32(low);
          activeDiff[j + 1]--;
          retainedDiff[j]--;
          ends ^= low;
        }
        carry = word >>> 31;
      }
    }
  }
  return finishTable({ kind, asOf, activeDays, periodStart, activeDiff, retainedDiff, newCustomers });
}

export type RetentionOptions = GroupOptions & {
  readonly period?: PeriodKind;
  readonly activeDays?: number | null;
  /** Force the general path (grouping orders by customer) even for short spans; for tests. */
  readonly grouped?: boolean;
};

/**
 * Period retention of an order log: ids (null rows skipped) and date serials (the time
 * of day is dropped), with one Map lookup per order. Async so that a host can stay
 * responsive on millions of orders (pass `pause`).
 */
export async function retentionByPeriod(ids: ArrayLike<string | null>, dates: Float64Array, options: RetentionOptions = {}): Promise<RetentionByPeriod> {
  const kind = options.period ?? "month";
  const activeDays = options.activeDays ?? DEFAULT_ACTIVE_DAYS;
  const pause = options.pause ?? noPause;
  const blockRows = options.blockRows ?? 262_144;
  checkActiveDays(activeDays);
  if (!options.grouped) {
    const { asOf, firstDate } = orderLogRange(ids, dates, options.asOf);
    if (Number.isNaN(firstDate)) failNoOrders(asOf, "are no periods");
    const lookup = new PeriodLookup(kind, firstDate, asOf);
    const { periods, periodStart, boundary } = periodBoundaries(lookup, asOf, activeDays, kind);
    if (fitsBitsets(periods + 1)) {
      const sets = await activeBoundaryBitsets(ids, dates, lookup, boundary, activeDays, { pause, blockRows });
      return retentionByPeriodOfBitsets(sets, kind, asOf, activeDays, periodStart, pause, blockRows);
    }
  }
  const groups = await groupOrdersByCustomer(ids, dates, options);
  return retentionByPeriodOfGroups(groups, kind, activeDays, pause, blockRows);
}
