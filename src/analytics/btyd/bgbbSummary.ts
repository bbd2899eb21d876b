/**
 * The BG/BB summary of a transaction log: per customer (x, t_x, n) over discrete transaction
 * opportunities (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time
 * noncontractual setting", Marketing Science 29(6), §2):
 *
 *   period 0 = the period of the first transaction (not counted);
 *   x   = the number of periods 1…n with at least one transaction (not the number of transactions);
 *   t_x = the index (1…n) of the last such period, 0 when x = 0;
 *   n   = the number of whole periods from period 0 to the as-of date, per customer.
 *
 * Periods are either given as whole period numbers (every value below 10,000, which no date
 * serial after 1927 is) or are the calendar week, month, quarter or year (calendarPeriods.ts) of
 * dates given as serials; then a period counts towards n only once it has ended on or before the
 * as-of date, and transactions in the unfinished period are left out. as_of defaults to the latest
 * value (for period numbers: the latest period, counted as complete).
 * Example: customer A in years 2019 (first), 2020, 2022 and 2024, as of 2024-12-31, yearly →
 * x 3, t_x 5, n 5; customer B first in 2023 with nothing since → x 0, t_x 0, n 1.
 * Cost: O(n) plus a hash per row.
 */
import { failValue } from "../errors";
import { PeriodKind, periodEnd, periodIndex } from "../orders/calendarPeriods";

export type BgbbSummary = {
  readonly ids: string[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
};

export type BgbbGroupedSummary = {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly n: Float64Array;
  readonly count: Float64Array;
};

/** Below this every value is read as a period number, not a date serial (10,000 is 1927-05-18). */
export const PERIOD_NUMBER_LIMIT = 10_000;

/**
 * ids (null rows are skipped) and values (period numbers or date serials, NaN rows skipped),
 * `kind` for dates, `asOf` a period number or date serial (null: the latest value).
 */
export function bgbbSummary(ids: ArrayLike<string | null>, values: ArrayLike<number>, kind: PeriodKind, asOf: number | null): BgbbSummary {
  if (ids.length !== values.length) failValue("customer_ids and dates_or_period_numbers must have the same number of rows");
  let latest = -Infinity;
  let periodNumbers = true;
  let any = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (ids[i] === null || !Number.isFinite(v)) continue;
    any = true;
    if (v > latest) latest = v;
    if (v >= PERIOD_NUMBER_LIMIT) periodNumbers = false;
  }
  if (!any) failValue("dates_or_period_numbers: there are no transactions with a date or period number");
  if (periodNumbers) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (ids[i] !== null && Number.isFinite(v) && Math.floor(v) !== v) {
        failValue(`dates_or_period_numbers, row ${i + 1}: ${v} is not a whole period number (values below ${PERIOD_NUMBER_LIMIT} are read as period numbers)`);
      }
    }
  }
  const end = asOf ?? latest;
  // The last complete period: for period numbers the as-of period itself.
  let lastPeriod: number;
  if (periodNumbers) lastPeriod = Math.floor(end);
  else {
    const idx = periodIndex(Math.floor(end), kind);
    lastPeriod = periodEnd(idx, kind) <= Math.floor(end) ? idx : idx - 1;
  }
  const periodOf = (v: number) => (periodNumbers ? v : periodIndex(Math.floor(v), kind));

  // Per customer: first period and the set of later periods with a transaction.
  const first = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const id = ids[i];
    const v = values[i];
    if (id === null || !Number.isFinite(v) || v > end) continue;
    const p = periodOf(v);
    const seen = first.get(id);
    if (seen === undefined || p < seen) first.set(id, p);
  }
  const later = new Map<string, Set<number>>();
  for (let i = 0; i < values.length; i++) {
    const id = ids[i];
    const v = values[i];
    if (id === null || !Number.isFinite(v) || v > end) continue;
    const p = periodOf(v);
    const p0 = first.get(id)!;
    if (p <= p0 || p > lastPeriod) continue;
    let set = later.get(id);
    if (!set) later.set(id, (set = new Set()));
    set.add(p - p0);
  }
  const customers = [...first.keys()];
  const x = new Float64Array(customers.length);
  const tx = new Float64Array(customers.length);
  const n = new Float64Array(customers.length);
  customers.forEach((id, c) => {
    const p0 = first.get(id)!;
    n[c] = Math.max(0, lastPeriod - p0);
    const set = later.get(id);
    if (!set) return;
    x[c] = set.size;
    let last = 0;
    for (const k of set) if (k > last) last = k;
    tx[c] = last;
  });
  return { ids: customers, x, tx, n };
}

/** One row per distinct (x, t_x, n) with its count, sorted by n, then x, then t_x. O(customers). */
export function groupBgbbSummary(summary: { readonly x: ArrayLike<number>; readonly tx: ArrayLike<number>; readonly n: ArrayLike<number> }): BgbbGroupedSummary {
  const counts = new Map<string, number>();
  for (let i = 0; i < summary.x.length; i++) {
    const key = `${summary.x[i]},${summary.tx[i]},${summary.n[i]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].map(([key, count]) => [...key.split(",").map(Number), count]);
  rows.sort((a, b) => a[2] - b[2] || a[0] - b[0] || a[1] - b[1]);
  return {
    x: Float64Array.from(rows, (r) => r[0]),
    tx: Float64Array.from(rows, (r) => r[1]),
    n: Float64Array.from(rows, (r) => r[2]),
    count: Float64Array.from(rows, (r) => r[3]),
  };
}
