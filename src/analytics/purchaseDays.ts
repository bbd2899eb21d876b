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
import { failValue } from "./errors";

export type PurchaseDays = {
  readonly ids: string[];
  readonly offsets: Int32Array;
  readonly days: Float64Array;
  readonly values: Float64Array | null;
  readonly firstBadRow: Int32Array;
};

/** Orders per customer are sorted by a key date·2²² + k, exact while k < 2²² and dates < 2²⁹. */
const ORDER_SLOTS = 4_194_304;

export function purchaseDays(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  amounts: ArrayLike<number> | null,
  cutoff: number,
): PurchaseDays {
  const n = ids.length;
  if (dates.length !== n || (amounts && amounts.length !== n)) failValue("customer_ids, order_dates and amounts must have the same number of rows");
  const index = new CustomerIndex();
  const idList = index.ids;
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
  const customers = idList.length;
  const start = new Int32Array(customers + 1);
  for (let c = 0; c < customers; c++) start[c + 1] = start[c] + counts[c];
  const total = start[customers];
  const cursor = start.slice(0, customers);
  // Scatter each counted order into its customer's run as a sort key date·2²² + position in the
  // run, with its amount at the same position, so the per-customer pass reads contiguous memory.
  const keys = new Float64Array(total);
  const runAmounts = amounts ? new Float64Array(total) : null;
  for (let row = 0; row < n; row++) {
    const c = customerOf[row];
    if (c < 0) continue;
    const at = cursor[c]++;
    keys[at] = Math.floor(dates[row]) * ORDER_SLOTS + (at - start[c]);
    if (runAmounts) runAmounts[at] = amounts![row];
  }

  const offsets = new Int32Array(customers + 1);
  const days = new Float64Array(total);
  const values = runAmounts ? new Float64Array(total) : null;
  let out = 0;
  for (let c = 0; c < customers; c++) {
    offsets[c] = out;
    const from = start[c];
    const k = start[c + 1] - from;
    if (bad[c] >= 0) continue;
    if (k > ORDER_SLOTS) failValue(`customer ${idList[c]} has more than ${ORDER_SLOTS} orders`);
    const sorted = keys.subarray(from, from + k);
    if (k > 16) sorted.sort();
    else {
      for (let i = 1; i < k; i++) {
        const v = sorted[i];
        let j = i - 1;
        while (j >= 0 && sorted[j] > v) {
          sorted[j + 1] = sorted[j];
          j--;
        }
        sorted[j + 1] = v;
      }
    }
    let lastDay = NaN;
    for (let j = 0; j < k; j++) {
      const key = sorted[j];
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
