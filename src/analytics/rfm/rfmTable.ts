/**
 * The RFM table of an order log: one row per customer with first and last order
 * date, number of orders, revenue and recency in days.
 *
 * For customer c over the orders o with date(o) ≤ as_of (rsquaredacademy/rfm,
 * `rfm_table_order`: group by customer, max date, n(), sum revenue):
 *   first order = min date(o), last order = max date(o), orders = count(o),
 *   revenue = Σ amount(o), recency days = as_of − last order.
 * as_of defaults to the latest order date. Orders after as_of are left out (as of
 * that date they have not happened), so a customer whose orders all come later is
 * not in the table. Every order row counts: two orders on one day are two orders.
 * Customers come in order of first appearance among the rows that count.
 *
 * A row with a blank id is skipped here (the custom function refuses such a row
 * before calling this). A row whose date or amount is NaN is a bad row: it makes its
 * customer's figures unusable, and `firstBadRow` records the first one so that the
 * caller can say which input row to fix.
 *
 * Example: orders (A, 45000, 10), (B, 45002, 5), (A, 45010, 20), (B, 45020, 7) with
 * as_of 45015 → A: first 45000, last 45010, 2 orders, revenue 30, recency 5;
 * B: first 45002, last 45002, 1 order (the 45020 order is after as_of), 5, recency 13.
 *
 * Cost: O(n) — one hash lookup per counted order (customerIndex.ts, faster than a
 * Map<string, number> here); the per-customer sums are one interleaved typed array
 * that doubles in size as customers appear.
 */
import { CustomerIndex, expectedCustomers } from "../orders/customerIndex";

export { expectedCustomers };
import { failValue } from "../errors";

export type RfmTable = {
  readonly ids: string[];
  /** 0-based row of the customer's first counted (or bad) order. */
  readonly firstRow: Int32Array;
  readonly firstOrder: Float64Array;
  readonly lastOrder: Float64Array;
  readonly orders: Float64Array;
  readonly revenue: Float64Array;
  readonly recencyDays: Float64Array;
  /** 0-based row of the customer's first bad order (NaN date or amount), −1 when none. */
  readonly firstBadRow: Int32Array;
  readonly asOf: number;
};

/** Latest non-NaN date, or NaN when there is none. O(n). */
export function latestDate(dates: Float64Array): number {
  let latest = -Infinity;
  for (let i = 0; i < dates.length; i++) if (dates[i] > latest) latest = dates[i];
  return latest === -Infinity ? NaN : latest;
}

/**
 * Builds the table block by block, so that a caller can yield to the host between
 * blocks (`add` then `finish`). `rfmTable` below does it in one go.
 */
export class RfmTableBuilder {
  private readonly index: CustomerIndex;
  private capacity: number;
  /** Per customer, interleaved so that one order touches one cache line: first, last, orders, revenue. */
  private sums: Float64Array;
  /** Per customer: first row, first bad row (−1 when none). */
  private rows: Int32Array;

  constructor(
    readonly asOf: number,
    expectedCustomers = 1024,
  ) {
    if (!Number.isFinite(asOf)) failValue(`as_of_date: expected a date, found ${asOf}`);
    this.index = new CustomerIndex(expectedCustomers);
    this.capacity = Math.max(1024, expectedCustomers);
    this.sums = new Float64Array(4 * this.capacity);
    this.rows = new Int32Array(2 * this.capacity);
  }

  private grow(): void {
    this.capacity *= 2;
    const sums = new Float64Array(4 * this.capacity);
    sums.set(this.sums);
    this.sums = sums;
    const rows = new Int32Array(2 * this.capacity);
    rows.set(this.rows);
    this.rows = rows;
  }

  /** Adds rows from … to − 1 of the columns (row numbers stay those of the whole columns). */
  add(ids: ArrayLike<string | null>, dates: Float64Array, amounts: Float64Array, from = 0, to = ids.length): void {
    const asOf = this.asOf;
    const index = this.index;
    let sums = this.sums;
    let rows = this.rows;
    for (let row = from; row < to; row++) {
      const id = ids[row];
      if (id === null || id === "") continue;
      const date = dates[row];
      if (date > asOf) continue; // not yet happened; NaN falls through as a bad row
      const known = index.size;
      const c = index.indexOf(id);
      if (c === known) {
        if (c === this.capacity) {
          this.grow();
          sums = this.sums;
          rows = this.rows;
        }
        sums[4 * c] = Infinity;
        sums[4 * c + 1] = -Infinity;
        rows[2 * c] = row;
        rows[2 * c + 1] = -1;
      }
      const amount = amounts[row];
      if (date !== date || amount !== amount) {
        if (rows[2 * c + 1] < 0) rows[2 * c + 1] = row;
        continue;
      }
      const at = 4 * c;
      if (date < sums[at]) sums[at] = date;
      if (date > sums[at + 1]) sums[at + 1] = date;
      sums[at + 2]++;
      sums[at + 3] += amount;
    }
  }

  finish(): RfmTable {
    const n = this.index.size;
    const { sums, rows, asOf } = this;
    const firstRow = new Int32Array(n);
    const firstBadRow = new Int32Array(n);
    const firstOrder = new Float64Array(n);
    const lastOrder = new Float64Array(n);
    const orders = new Float64Array(n);
    const revenue = new Float64Array(n);
    const recencyDays = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      firstRow[c] = rows[2 * c];
      firstBadRow[c] = rows[2 * c + 1];
      orders[c] = sums[4 * c + 2];
      revenue[c] = sums[4 * c + 3];
      if (orders[c] === 0) {
        // Only bad rows: no usable order.
        firstOrder[c] = NaN;
        lastOrder[c] = NaN;
        recencyDays[c] = NaN;
      } else {
        firstOrder[c] = sums[4 * c];
        lastOrder[c] = sums[4 * c + 1];
        recencyDays[c] = asOf - lastOrder[c];
      }
    }
    return { ids: this.index.ids, firstRow, firstOrder, lastOrder, orders, revenue, recencyDays, firstBadRow, asOf };
  }
}

function checkColumns(ids: ArrayLike<string | null>, dates: Float64Array, amounts: Float64Array): void {
  if (dates.length !== ids.length || amounts.length !== ids.length) {
    failValue(`customer_ids, order_dates and amounts must have the same length; got ${ids.length}, ${dates.length} and ${amounts.length}`);
  }
}

/**
 * The RFM table of an order log (whole-day date serials, NaN for a bad date or
 * amount). as_of defaults to the latest date; with no dates at all the table is empty.
 */
export function rfmTable(ids: ArrayLike<string | null>, dates: Float64Array, amounts: Float64Array, asOf?: number): RfmTable {
  checkColumns(ids, dates, amounts);
  const builder = new RfmTableBuilder(asOf ?? (latestDate(dates) || 0), expectedCustomers(ids.length));
  builder.add(ids, dates, amounts);
  return builder.finish();
}

/**
 * `rfmTable` in blocks of `blockRows` orders, awaiting `pause()` (e.g. yieldToHost)
 * between blocks so that a host stays responsive on millions of orders.
 */
export async function rfmTableInBlocks(
  ids: ArrayLike<string | null>,
  dates: Float64Array,
  amounts: Float64Array,
  asOf: number | undefined,
  pause: () => Promise<void>,
  blockRows = 262_144,
): Promise<RfmTable> {
  checkColumns(ids, dates, amounts);
  const builder = new RfmTableBuilder(asOf ?? (latestDate(dates) || 0), expectedCustomers(ids.length));
  for (let from = 0; from < ids.length; from += blockRows) {
    if (from > 0) await pause();
    builder.add(ids, dates, amounts, from, Math.min(ids.length, from + blockRows));
  }
  return builder.finish();
}
