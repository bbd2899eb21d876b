/**
 * An order log (dates as day serials; a fraction of a day is dropped) turned into purchases per customer, the first step of BTYDSUMMARY and
 * HOLDOUTSUMMARY: orders on the same day are one purchase and their values are summed
 * (Fader, Hardie & Lee 2005 count purchase occasions; lifetimes' summary does the same), and
 * orders after `cutoff` are left out.
 *
 * For customer c the purchase days are days[offsets[c]] … days[offsets[c + 1] − 1], ascending,
 * with the day's total value in `values` (when amounts are given). A row whose id is null is
 * skipped. A row with a NaN date, or a NaN amount on a counted date, makes its customer unusable:
 * `firstBadRow[c]` records the first such row (−1 when none). Customers are numbered in order of
 * first appearance.
 * Example: (A, 100, 5), (A, 100, 7), (B, 101, 3), (A, 90, 1) → A: days 90, 100 with values 1, 12;
 * B: day 101 with 3.
 * Cost: O(n) plus a sort of each customer's own orders (O(k log k) for k orders); one hash lookup
 * per order (customerIndex.ts).
 */
import { CustomerIndex, expectedCustomers } from "./customerIndex";
import { failValue } from "../errors";
import { TimeSlicer, inBlocks } from "../numeric/yieldToHost";

export type PurchaseDays = {
  readonly ids: string[];
  readonly offsets: Int32Array;
  readonly days: Float64Array;
  readonly values: Float64Array | null;
  readonly firstBadRow: Int32Array;
};

/** Orders per customer are sorted by a key date·2²² + k, exact while k < 2²² and dates < 2²⁹. */
const ORDER_SLOTS = 4_194_304;

/** Pass 1 over rows [from, to): each counted row's customer (−1 for rows left out), orders per customer, first bad row. */
class Assignment {
  readonly index: CustomerIndex;
  readonly customerOf: Int32Array;
  counts: Int32Array;
  bad: Int32Array;

  constructor(
    private readonly ids: ArrayLike<string | null>,
    private readonly dates: ArrayLike<number>,
    private readonly amounts: ArrayLike<number> | null,
    private readonly cutoff: number,
  ) {
    this.customerOf = new Int32Array(ids.length);
    const expected = expectedCustomers(ids.length);
    this.index = new CustomerIndex(expected);
    this.counts = new Int32Array(expected);
    this.bad = new Int32Array(expected).fill(-1);
  }

  assign(from: number, to: number): void {
    const { ids, dates, amounts, cutoff, index, customerOf } = this;
    let { counts, bad } = this;
    for (let row = from; row < to; row++) {
      const id = ids[row];
      const d = dates[row];
      if (id === null || d > cutoff) {
        customerOf[row] = -1;
        continue;
      }
      const c = index.indexOf(id);
      if (c === counts.length) {
        const wider = new Int32Array(2 * c);
        wider.set(counts);
        counts = wider;
        const widerBad = new Int32Array(2 * c).fill(-1);
        widerBad.set(bad);
        bad = widerBad;
      }
      customerOf[row] = c;
      counts[c]++;
      if ((d !== d || (amounts !== null && amounts[row] !== amounts[row])) && bad[c] < 0) bad[c] = row;
    }
    this.counts = counts;
    this.bad = bad;
  }
}

/**
 * Pass 2: each counted order into its customer's run as a sort key date·2²² + position in the
 * run, with its amount at the same position, so that pass 3 reads contiguous memory.
 */
function scatterRuns(
  customerOf: Int32Array,
  start: Int32Array,
  cursor: Int32Array,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  keys: Float64Array,
  runAmounts: Float64Array | null,
  from: number,
  to: number,
): void {
  for (let row = from; row < to; row++) {
    const c = customerOf[row];
    if (c < 0) continue;
    const at = cursor[c]++;
    keys[at] = Math.floor(dates[row]) * ORDER_SLOTS + (at - start[c]);
    if (runAmounts) runAmounts[at] = amounts![row];
  }
}

/** Sorts keys[from … to − 1] in place: insertion sort for the usual handful, a typed sort beyond. */
function sortRun(keys: Float64Array, from: number, to: number): void {
  if (to - from > 16) {
    keys.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const v = keys[i];
    let j = i - 1;
    while (j >= from && keys[j] > v) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = v;
  }
}

export function purchaseDays(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  cutoff: number,
): PurchaseDays {
  const steps = purchaseDaySteps(ids, dates, amounts, cutoff);
  steps.assign(0, ids.length);
  const customers = steps.runs();
  steps.scatter(0, ids.length);
  steps.merge(0, customers);
  return steps.result();
}

/** purchaseDays for a long call: the same three passes, each in time slices of `slicer` (inBlocks). */
export async function purchaseDaysAsync(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  cutoff: number,
  slicer: TimeSlicer,
): Promise<PurchaseDays> {
  const steps = purchaseDaySteps(ids, dates, amounts, cutoff);
  await inBlocks(ids.length, slicer, steps.assign);
  const customers = steps.runs();
  await inBlocks(ids.length, slicer, steps.scatter);
  await inBlocks(customers, slicer, steps.merge);
  return steps.result();
}

/**
 * The passes of purchaseDays over any ranges, in order: assign every row, then `runs()` (the
 * customers' runs laid out; returns the number of customers), scatter every row, merge every
 * customer, then `result()`.
 */
function purchaseDaySteps(ids: ArrayLike<string | null>, dates: ArrayLike<number>, amounts: ArrayLike<number> | null, cutoff: number) {
  const n = ids.length;
  if (dates.length !== n || (amounts && amounts.length !== n)) failValue("customer_ids, order_dates and amounts must have the same number of rows");
  const assignment = new Assignment(ids, dates, amounts, cutoff);
  let start = new Int32Array(1);
  let cursor = start;
  let keys = new Float64Array(0);
  let runAmounts: Float64Array | null = null;
  let offsets = new Int32Array(1);
  let days = new Float64Array(0);
  let values: Float64Array | null = null;
  let out = 0;
  const runs = (): number => {
    const { counts, index } = assignment;
    const idList = index.ids;
    const customers = idList.length;
    start = new Int32Array(customers + 1);
    for (let c = 0; c < customers; c++) {
      if (counts[c] > ORDER_SLOTS) failValue(`customer ${idList[c]} has more than ${ORDER_SLOTS} orders`);
      start[c + 1] = start[c] + counts[c];
    }
    const total = start[customers];
    cursor = start.slice(0, customers);
    keys = new Float64Array(total);
    runAmounts = amounts ? new Float64Array(total) : null;
    offsets = new Int32Array(customers + 1);
    days = new Float64Array(total);
    values = runAmounts ? new Float64Array(total) : null;
    return customers;
  };
  const scatter = (from: number, to: number): void => scatterRuns(assignment.customerOf, start, cursor, dates, amounts, keys, runAmounts, from, to);
  // Pass 3: sort each run by date and merge same-day orders into one purchase.
  const merge = (from: number, to: number): void => {
    const bad = assignment.bad;
    for (let c = from; c < to; c++) {
      offsets[c] = out;
      if (bad[c] >= 0) continue;
      const first = start[c];
      const last = start[c + 1];
      sortRun(keys, first, last);
      let lastDay = NaN;
      for (let j = first; j < last; j++) {
        const key = keys[j];
        const day = Math.floor(key / ORDER_SLOTS);
        if (day !== lastDay) {
          days[out] = day;
          if (values) values[out] = runAmounts![first + (key - day * ORDER_SLOTS)];
          out++;
          lastDay = day;
        } else if (values) {
          values[out - 1] += runAmounts![first + (key - day * ORDER_SLOTS)];
        }
      }
    }
  };
  const result = (): PurchaseDays => {
    const customers = assignment.index.ids.length;
    offsets[customers] = out;
    return {
      ids: assignment.index.ids,
      offsets,
      days: days.subarray(0, out),
      values: values ? values.subarray(0, out) : null,
      firstBadRow: assignment.bad.subarray(0, customers),
    };
  };
  return { assign: (from: number, to: number) => assignment.assign(from, to), runs, scatter, merge, result };
}
