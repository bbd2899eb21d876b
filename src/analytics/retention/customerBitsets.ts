/**
 * One small bitset per customer over the periods of an order log: the fast path of
 * the cohort table and of period retention when the log spans few enough periods.
 *
 * A first sequential pass finds the reference date (as_of, default the latest order
 * date) and the earliest counted order, so the periods are known before the customers
 * are; the second pass does one Map<string, number> lookup per order and sets bits
 * in that customer's `words` Int32 words:
 *   - periodBitsets: bit p = the customer ordered in period p (relative to the first);
 *   - activeBoundaryBitsets: bit j = the customer was active on boundary day B_j, where
 *     B_0 is the day before the first period, B_j the last day of period j − 1 and the
 *     last boundary is as_of; an order on day d sets the bits of every B_j with
 *     d ≤ B_j ≤ d + active_days − 1 (active on D = an order in (D − active_days, D]).
 * No per-order array is kept and nothing is sorted, unlike ordersByCustomer.ts, which
 * remains the general path for long spans.
 *
 * Example (months, as_of 2024-03-31): A orders 2024-01-05 and 03-03 → A's period bits
 * 0b101 (January and March).
 *
 * Cost: O(n) with one Map lookup and one or two word writes per order; memory
 * 4 · words bytes per customer.
 */
import { PeriodLookup } from "../orders/calendarPeriods";
import { failValue } from "../errors";

/** Most Int32 words per customer on the fast path (512 periods or boundaries). */
export const MAX_BITSET_WORDS = 16;

export type OrderLogRange = {
  /** Whole-day reference date; orders after it do not count. */
  readonly asOf: number;
  /** Earliest counted order day, NaN when no order counts. */
  readonly firstDate: number;
};

/** The reference date and the earliest counted order, in one sequential pass. O(n). */
export function orderLogRange(ids: ArrayLike<string | null>, dates: ArrayLike<number>, asOf?: number | null): OrderLogRange {
  const n = ids.length;
  if (dates.length !== n) {
    failValue(`customer_ids has ${n} rows but order_dates has ${dates.length}; give ranges with the same number of rows`);
  }
  let latest = -Infinity;
  for (let row = 0; row < n; row++) {
    if (ids[row] === null) continue;
    const d = dates[row];
    if (d !== d) failValue(`order_dates, row ${row + 1}: expected a date`);
    if (d > latest) latest = d;
  }
  const reference = Math.floor(asOf ?? latest);
  if (Number.isNaN(reference)) failValue("as_of_date: expected a date");
  let first = Infinity;
  for (let row = 0; row < n; row++) {
    if (ids[row] === null) continue;
    const d = Math.floor(dates[row]);
    if (d <= reference && d < first) first = d;
  }
  return { asOf: reference, firstDate: first === Infinity ? NaN : first };
}

export type CustomerBitsets = {
  /** Customer ids in order of first appearance among the counted orders. */
  readonly ids: string[];
  readonly words: number;
  /** Customer c's bits are bits[c · words] … bits[c · words + words − 1]; bit i is word i >>> 5, bit i & 31. */
  readonly bits: Int32Array;
};

type Options = { readonly pause: () => Promise<void>; readonly blockRows: number };

/** Adds customers as they appear; the bit array doubles as needed. */
class Builder {
  readonly index = new Map<string, number>();
  readonly ids: string[] = [];
  bits: Int32Array;
  private previousId: string | null = null;
  private previous = -1;

  constructor(readonly words: number) {
    this.bits = new Int32Array(1024 * words);
  }

  /** The customer's number, adding them when new (one Map lookup; none when the id repeats the previous row's). */
  customer(id: string): number {
    if (id === this.previousId) return this.previous;
    let c = this.index.get(id);
    if (c === undefined) {
      c = this.ids.length;
      this.index.set(id, c);
      this.ids.push(id);
      if ((c + 1) * this.words > this.bits.length) {
        const wider = new Int32Array(this.bits.length * 2);
        wider.set(this.bits);
        this.bits = wider;
      }
    }
    this.previousId = id;
    this.previous = c;
    return c;
  }

  finish(): CustomerBitsets {
    return { ids: this.ids, words: this.words, bits: this.bits.subarray(0, this.ids.length * this.words) };
  }
}

/** Bit p of customer c: c ordered in relative period p of `lookup` (orders after as_of left out). */
export async function periodBitsets(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  lookup: PeriodLookup,
  asOf: number,
  periods: number,
  { pause, blockRows }: Options,
): Promise<CustomerBitsets> {
  const words = (periods + 31) >>> 5;
  const builder = new Builder(words);
  const n = ids.length;
  for (let from = 0; from < n; from += blockRows) {
    if (from > 0) await pause();
    const to = Math.min(n, from + blockRows);
    for (let row = from; row < to; row++) {
      const id = ids[row];
      const d = Math.floor(dates[row]);
      if (id === null || d > asOf) continue;
      const c = builder.customer(id);
      const p = lookup.relative(d);
      builder.bits[c * words + (p >>> 5)] |= 1 << (p & 31);
    }
  }
  return builder.finish();
}

/** Sets bits lo … hi (lo ≤ hi) of the customer whose words start at `base`. */
function setRange(bits: Int32Array, base: number, lo: number, hi: number): void {
  const wlo = lo >>> 5;
  const whi = hi >>> 5;
  const low = -1 << (lo & 31);
  const high = -1 >>> (31 - (hi & 31));
  if (wlo === whi) {
    bits[base + wlo] |= low & high;
    return;
  }
  bits[base + wlo] |= low;
  for (let w = wlo + 1; w < whi; w++) bits[base + w] = -1;
  bits[base + whi] |= high;
}

/**
 * Bit j of customer c: c was active on boundary day j (see the file comment).
 * `boundary` holds B_0 … B_T (B_T = as_of); `activeDays` must be at least the longest period.
 */
export async function activeBoundaryBitsets(
  ids: ArrayLike<string | null>,
  dates: ArrayLike<number>,
  lookup: PeriodLookup,
  boundary: Float64Array,
  activeDays: number,
  { pause, blockRows }: Options,
): Promise<CustomerBitsets> {
  const last = boundary.length - 1;
  const asOf = boundary[last];
  const words = (last + 1 + 31) >>> 5;
  const builder = new Builder(words);
  const n = ids.length;
  for (let from = 0; from < n; from += blockRows) {
    if (from > 0) await pause();
    const to = Math.min(n, from + blockRows);
    for (let row = from; row < to; row++) {
      const id = ids[row];
      const d = Math.floor(dates[row]);
      if (id === null || d > asOf) continue;
      const c = builder.customer(id);
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
      if (hi >= lo) setRange(builder.bits, c * words, lo, hi);
    }
  }
  return builder.finish();
}

/** Whether `bitsPerCustomer` periods (or boundaries) fit the fast path. */
export function fitsBitsets(bitsPerCustomer: number): boolean {
  return (bitsPerCustomer + 31) >>> 5 <= MAX_BITSET_WORDS;
}
