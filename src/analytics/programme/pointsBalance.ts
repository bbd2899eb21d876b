/**
 * Points balances per customer from a points ledger (one row per earning or redemption), as of a date.
 *
 * Rules (issue 16): every earning row is a lot; a redemption takes points from the customer's oldest
 * lot first (earliest earn date, then sheet order); a lot earned on day d expires on
 * EDATE(d, expiry_months) (never when expiry_months is omitted): its points can still be used on that
 * day and are gone the day after. On one day, the earnings count first, then the expiries, then the
 * redemptions, each in sheet order, so a row that earns and redeems may use its own points. Points may
 * be fractional; amounts are compared with a tolerance of 1e-9, so 0.3 earned and 0.1 + 0.2 redeemed
 * leaves 0, not "more than the balance". Rows dated after `asOf` are left out (as of that date they have
 * not happened); a customer with no row on or before `asOf` is not in the result.
 *
 * balance = earned − redeemed − expired, where expired = the points of lots whose expiry date is before
 * `asOf` and which were not redeemed. Because EDATE never moves backwards (a later earn date never
 * expires earlier), the lots of a customer form one queue: redemptions and expiries both take from its
 * head.
 *
 * Example: earn 100 on 2024-01-31, expiry 1 month → the lot expires on 2024-02-29 (EDATE); redeem 30
 * on 2024-02-29 → as of 2024-03-01: earned 100, redeemed 30, expired 70, balance 0.
 * Cost: O(n) when the ledger is in date order (the usual export), else O(n log n) for the sort by date
 * within each customer; one EDATE per distinct earn day; O(n) memory. pointsBalancesAsync yields to the host
 * between stretches of at most about 100 ms.
 */
import { CellError, failValue, valueError } from "../errors";
import { CustomerIndex } from "../orders/customerIndex";
import { isoFromSerial } from "../orders/dates";
import { SLICE_MS, yieldToHost } from "../numeric/yieldToHost";
import { addMonths } from "./addMonths";

export const POINTS_TOLERANCE = 1e-9;

export type PointsLedger = {
  /** Customer id per row; null for a row to skip (wholly blank). */
  readonly ids: readonly (string | null)[];
  /** Whole-day date serial per row. */
  readonly dates: Float64Array;
  /** Points earned per row (0 when blank). */
  readonly earned: Float64Array;
  /** Points redeemed per row (0 when blank). */
  readonly redeemed: Float64Array;
  /** Why a row cannot be used (bad cell), by 0-based row; its customer's result becomes this error. */
  readonly rowErrors?: ReadonlyMap<number, CellError>;
};

export type PointsBalances = {
  readonly ids: string[];
  /** 0-based first row of each customer (to give the id back as the sheet had it). */
  readonly firstRow: number[];
  readonly earned: Float64Array;
  readonly redeemed: Float64Array;
  readonly expired: Float64Array;
  readonly balance: Float64Array;
  /** Per customer, the first problem found in their rows (undefined when none). */
  readonly errors: (CellError | undefined)[];
};

/** The latest date in the ledger (NaN when no row has one). */
export function latestLedgerDate(ledger: PointsLedger): number {
  let latest = NaN;
  for (let i = 0; i < ledger.dates.length; i++) {
    const d = ledger.dates[i];
    if (ledger.ids[i] !== null && d === d && !(d <= latest)) latest = d;
  }
  return latest;
}

/** expiryMonths: whole months of 0 or more, or null for points that never expire. */
export function pointsBalances(ledger: PointsLedger, expiryMonths: number | null, asOf: number): PointsBalances {
  const steps = balanceSteps(ledger, expiryMonths, asOf);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** The same, yielding to the host (yieldToHost) whenever a stretch of work has run for `sliceMs`. */
export async function pointsBalancesAsync(ledger: PointsLedger, expiryMonths: number | null, asOf: number, sliceMs = SLICE_MS): Promise<PointsBalances> {
  const steps = balanceSteps(ledger, expiryMonths, asOf);
  let started = Date.now();
  let step = steps.next();
  while (!step.done) {
    if (Date.now() - started >= sliceMs) {
      await yieldToHost();
      started = Date.now();
    }
    step = steps.next();
  }
  return step.value;
}

/** How many customers are settled between two chances to yield. */
const CUSTOMERS_PER_STEP = 4096;

/** The work of pointsBalances as steps: it pauses after grouping and after every CUSTOMERS_PER_STEP customers. */
function* balanceSteps(ledger: PointsLedger, expiryMonths: number | null, asOf: number): Generator<void, PointsBalances, void> {
  const n = ledger.ids.length;
  if (expiryMonths !== null && (!Number.isInteger(expiryMonths) || expiryMonths < 0)) {
    failValue(`expiry_months: expected a whole number of months, 0 or more, found ${expiryMonths}`);
  }
  const index = new CustomerIndex(Math.min(n, 1 << 20));
  const customerOf = new Int32Array(n).fill(-1);
  const firstRow: number[] = [];
  const errors: (CellError | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const id = ledger.ids[i];
    if (id === null) continue;
    const problem = ledger.rowErrors?.get(i);
    const date = ledger.dates[i];
    if (!problem && !(date <= asOf)) continue; // after the as-of date
    const c = index.indexOf(id);
    if (c === firstRow.length) {
      firstRow.push(i);
      errors.push(undefined);
    }
    customerOf[i] = c;
    if (problem) errors[c] ??= problem;
    else if (ledger.earned[i] < 0) {
      errors[c] ??= valueError(`points_earned, row ${i + 1}: expected points of 0 or more, found ${ledger.earned[i]}; a refund's points are a redemption or a negative earning elsewhere, not here`);
    } else if (ledger.redeemed[i] < 0) {
      errors[c] ??= valueError(`points_redeemed, row ${i + 1}: expected points of 0 or more, found ${ledger.redeemed[i]}`);
    }
  }
  yield;
  const customers = firstRow.length;
  // Rows of each customer, by date then sheet order (a stable counting of rows per customer, then a sort per customer).
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) if (customerOf[i] >= 0) start[customerOf[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const order = new Int32Array(start[customers]);
  const fill = start.slice(0, customers);
  for (let i = 0; i < n; i++) if (customerOf[i] >= 0) order[fill[customerOf[i]]++] = i;

  const earned = new Float64Array(customers);
  const redeemed = new Float64Array(customers);
  const expired = new Float64Array(customers);
  const balance = new Float64Array(customers);
  // The lot queue, reused per customer: remaining points and expiry serial (Infinity = never).
  let lotPoints = new Float64Array(16);
  let lotExpiry = new Float64Array(16);

  // EDATE per earn day, computed once per distinct day (ledgers repeat days a lot).
  const expiryOf = new Map<number, number>();
  const expiryFor = (day: number): number => {
    if (expiryMonths === null) return Infinity;
    let e = expiryOf.get(day);
    if (e === undefined) {
      e = addMonths(day, expiryMonths);
      expiryOf.set(day, e);
    }
    return e;
  };
  const byDate = (a: number, b: number) => ledger.dates[a] - ledger.dates[b] || a - b;

  for (let c = 0; c < customers; c++) {
    if (c % CUSTOMERS_PER_STEP === 0 && c > 0) yield;
    if (errors[c]) continue;
    const rows = order.subarray(start[c], start[c + 1]);
    // Rows are in sheet order; sort by date only when the sheet is not already in date order.
    let sorted = true;
    for (let j = 1; j < rows.length && sorted; j++) if (ledger.dates[rows[j]] < ledger.dates[rows[j - 1]]) sorted = false;
    if (!sorted) rows.sort(byDate);
    if (rows.length > lotPoints.length) {
      lotPoints = new Float64Array(rows.length * 2);
      lotExpiry = new Float64Array(rows.length * 2);
    }
    let head = 0;
    let tail = 0;
    let live = 0; // points in the queue
    const expire = (day: number): void => {
      while (head < tail && lotExpiry[head] < day) {
        expired[c] += lotPoints[head];
        live -= lotPoints[head];
        head++;
      }
    };
    let k = 0;
    while (k < rows.length && !errors[c]) {
      const day = ledger.dates[rows[k]];
      let end = k;
      while (end < rows.length && ledger.dates[rows[end]] === day) end++;
      const expiry = expiryFor(day);
      for (let j = k; j < end; j++) {
        const points = ledger.earned[rows[j]];
        if (points > 0) {
          lotPoints[tail] = points;
          lotExpiry[tail] = expiry;
          tail++;
          live += points;
          earned[c] += points;
        }
      }
      expire(day);
      for (let j = k; j < end && !errors[c]; j++) {
        let want = ledger.redeemed[rows[j]];
        if (want <= 0) continue;
        if (want > live + POINTS_TOLERANCE) {
          errors[c] = valueError(
            `points_redeemed, row ${rows[j] + 1}: redeems ${want} points on ${isoFromSerial(day)} but the balance then is ${roundForText(live)}; a customer cannot redeem more than they hold`,
          );
          break;
        }
        redeemed[c] += want;
        while (want > 0 && head < tail) {
          const take = Math.min(want, lotPoints[head]);
          lotPoints[head] -= take;
          live -= take;
          want -= take;
          if (lotPoints[head] <= POINTS_TOLERANCE) {
            live -= lotPoints[head];
            lotPoints[head] = 0;
            head++;
          }
          if (want <= POINTS_TOLERANCE) want = 0;
        }
      }
      k = end;
    }
    if (errors[c]) continue;
    expire(asOf);
    let left = 0;
    for (let q = head; q < tail; q++) left += lotPoints[q];
    balance[c] = left;
  }
  return { ids: index.ids, firstRow, earned, redeemed, expired, balance, errors };
}

function roundForText(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

