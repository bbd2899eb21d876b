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
import { CustomerIndex } from "./customerIndex";
import { failValue } from "../errors";

export type PurchaseDays = {
  readonly ids: string[];
  readonly offsets: Int32Array;
  readonly days: Float64Array;
  readonly values: Float64Array | null;
  readonly firstBadRow: Int32Array;
};

/** Orders per customer are sorted by a key date·2²² + k, exact while k < 2²² and dates < 2²⁹. */
const ORDER_SLOTS = 4_194_304;

type Assignment = {
  readonly index: CustomerIndex;
  readonly customerOf: Int32Array;
  readonly counts: Int32Array;
  readonly bad: Int32Array;
};

/** Pass 1: each counted row's customer (−1 for rows left out), orders per customer, first bad row. */
function assignCustomers(ids: ArrayLike<string | null>, dates: ArrayLike<number>, amounts: ArrayLike<number> | null, cutoff: number): Assignment {
  const n = ids.length;
  const index = new CustomerIndex();
  const customerOf = new Int32Array(n);
  let counts = new Int32Array(1024);
  let bad = new Int32Array(1024).fill(-1);
  for (let row = 0; row < n; row++) {
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
  return { index, customerOf, counts, bad };
}

/**
 * Pass 2: each counted order into its customer's run as a sort key date·2²² + position in the
 * run, with its amount at the same position, so that pass 3 reads contiguous memory.
 */
function scatterRuns(
  customerOf: Int32Array,
  start: Int32Array,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  keys: Float64Array,
  runAmounts: Float64Array | null,
): void {
  const cursor = start.slice(0, start.length - 1);
  for (let row = 0; row < customerOf.length; row++) {
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
  const n = ids.length;
  if (dates.length !== n || (amounts && amounts.length !== n)) failValue("customer_ids, order_dates and amounts must have the same number of rows");
  const { index, customerOf, counts, bad } = assignCustomers(ids, dates, amounts, cutoff);
  const idList = index.ids;
  const customers = idList.length;
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) {
    if (counts[c] > ORDER_SLOTS) failValue(`customer ${idList[c]} has more than ${ORDER_SLOTS} orders`);
    start[c + 1] = start[c] + counts[c];
  }
  const total = start[customers];
  const keys = new Float64Array(total);
  const runAmounts = amounts ? new Float64Array(total) : null;
  scatterRuns(customerOf, start, dates, amounts, keys, runAmounts);

  // Pass 3: sort each run by date and merge same-day orders into one purchase.
  const offsets = new Int32Array(customers + 1);
  const days = new Float64Array(total);
  const values = runAmounts ? new Float64Array(total) : null;
  let out = 0;
  for (let c = 0; c < customers; c++) {
    offsets[c] = out;
    if (bad[c] >= 0) continue;
    const from = start[c];
    const to = start[c + 1];
    sortRun(keys, from, to);
    let lastDay = NaN;
    for (let j = from; j < to; j++) {
      const key = keys[j];
      const day = Math.floor(key / ORDER_SLOTS);
      if (day !== lastDay) {
        days[out] = day;
        if (values) values[out] = runAmounts![from + (key - day * ORDER_SLOTS)];
        out++;
        lastDay = day;
      } else if (values) {
        values[out - 1] += runAmounts![from + (key - day * ORDER_SLOTS)];
      }
    }
  }
  offsets[customers] = out;
  return { ids: idList, offsets, days: days.subarray(0, out), values: values ? values.subarray(0, out) : null, firstBadRow: bad.subarray(0, customers) };
}
