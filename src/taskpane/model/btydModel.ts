/**
 * Predicted customer value for the Segment flow: a BG/NBD model of repeat buying (Fader, Hardie &
 * Lee 2005) and, when revenue is mapped, a Gamma-Gamma model of spend (Fader & Hardie 2013),
 * fitted by the same core as LOYALTY.BGNBDFIT and LOYALTY.GAMMAGAMMAFIT, then per customer:
 *
 *   P(alive)                          pAliveColumn (LOYALTY.PALIVE)
 *   expected purchases, next 12 months E[Y(t)], t = 12 months of 30.4375 days (LOYALTY.EXPECTEDPURCHASES)
 *   predicted 12-month CLV            LOYALTY.PREDICTEDCLV's core, monthly discount 0, margin 1
 *   lapse flag                        "likely lapsed" when x > 0 and P(alive) < 0.5;
 *                                     "one-time buyer" when x = 0 (the model gives them P(alive) 1:
 *                                     it cannot tell); blank otherwise
 *
 * Histories (x, t_x, T) come from mapped x / t_x / T columns (in the unit the user chose), or are
 * derived, in weeks, from first-order date, last order (a date, or days since it) and orders:
 *
 *   x = orders − 1,  t_x = (last − first) / 7,  T = (as_of − first) / 7
 *
 * which treats each order as a separate purchase day (BTYDSUMMARY counts same-day orders once).
 * as_of is the latest date in the first-order and last-order columns; with recency in days it is
 * the earliest date consistent with every row, max(first + days since last order) (exact for any
 * one-time buyer, whose last order is the first).
 * Average spend for Gamma-Gamma is revenue ÷ orders (orders = the frequency column, else x + 1):
 * the table has no first-order value, so the repeat purchases' own average cannot be had; this
 * average transaction value includes the first order.
 * Example: first 2024-01-01, last 2024-01-29, 3 orders, as_of 2024-02-26 → x 2, t_x 4, T 8 weeks.
 * Grouped tables (`weights`, customers per row): both fits weight each row by its customers
 * (BGNBDFIT's and GAMMAGAMMAFIT's weights), and the per-segment sums count each row w times
 * (customers Σ w, expected purchases Σ w·E, value Σ w·CLV), as the expanded table would.
 * Cost: O(n) to read and predict (series summed once per distinct (x, T)), plus the fits
 * (O(groups) per likelihood evaluation, typically 30–60 evaluations).
 */
import { at, readDate, readNumber } from "../../analytics/orders/cells";
import { bgnbdFitAsync } from "../../analytics/btyd/bgnbdFit";
import { bgnbdHistoryError } from "../../analytics/btyd/bgnbdGroups";
import type { BgnbdParams } from "../../analytics/btyd/bgnbdLogLikelihood";
import { expectedPurchasesColumn, pAliveColumn } from "../../analytics/btyd/bgnbdPredictions";
import { isCellError } from "../../analytics/errors";
import { type FitRefusal, FitRefusalError } from "../../analytics/numeric/fitBoundary";
import { type GammaGammaParams, gammaGammaFitAsync } from "../../analytics/btyd/gammaGammaFit";
import { predictedClvColumn } from "../../analytics/btyd/predictedClv";
import { DAYS_PER_UNIT, type TimeUnit, monthIn } from "../../analytics/orders/timeUnit";
import { yieldToHost } from "../../analytics/numeric/yieldToHost";
import type { BtydColumns, Mapping } from "./mapping";

/** Months predicted ahead. */
export const HORIZON_MONTHS = 12;
/** P(alive) under this, for a repeat buyer, flags "likely lapsed". */
export const LAPSE_THRESHOLD = 0.5;
/** The segments whose likely-lapsed customers' predicted value is "value at risk". */
export const AT_RISK_SEGMENTS: readonly string[] = ["Loyal", "Reachable"];

export type BtydSource = "mapped" | "derived";
/** Per customer row: −1 no prediction, 0 no flag, 1 likely lapsed, 2 one-time buyer. */
export type LapseCode = -1 | 0 | 1 | 2;
export const LAPSE_NONE = 0;
export const LAPSE_LAPSED = 1;
export const LAPSE_ONE_TIME = 2;

export type BtydSegmentValue = {
  readonly segment: string;
  /** Customers of the segment with a prediction. */
  readonly customers: number;
  readonly expectedPurchases: number;
  /** Σ predicted 12-month CLV; null without revenue (or when Gamma-Gamma could not be fitted). */
  readonly predictedValue: number | null;
  readonly likelyLapsed: number;
  /** Σ predicted CLV of the segment's likely-lapsed customers; null as predictedValue. */
  readonly lapsedValue: number | null;
};

export type BtydFitted = {
  readonly kind: "fitted";
  readonly source: BtydSource;
  readonly unit: TimeUnit;
  /** As-of date (serial) of derived histories; null when x / t_x / T were mapped. */
  readonly asOf: number | null;
  readonly recencyKind: "days" | "date" | null;
  readonly bgnbd: BgnbdParams & { readonly logLikelihood: number };
  readonly gammaGamma: GammaGammaParams | null;
  /** Why there is no CLV although revenue is mapped (the Gamma-Gamma fit's message), else null. */
  readonly spendProblem: string | null;
  readonly withRevenue: boolean;
  /** Per input row, NaN (blank) where there is no prediction. */
  readonly pAlive: Float64Array;
  readonly expectedPurchases: Float64Array;
  readonly clv: Float64Array | null;
  readonly lapse: Int8Array;
  readonly customers: number;
  /** Segmented rows whose history is unusable (their cells stay blank): customers (Σ weights), the number of rows, and the first sheet rows. */
  readonly unusable: { readonly count: number; readonly rowCount: number; readonly rows: readonly number[] };
  readonly perSegment: readonly BtydSegmentValue[];
  /** Σ lapsedValue over Loyal and Reachable; null without CLV or in RFM mode. */
  readonly valueAtRisk: number | null;
};

/** A failed fit: the core's technical message, and the kind of refusal (fitBoundary.ts) for the pane's plain words; null when the core gave none. */
export type BtydOutcome = BtydFitted | { readonly kind: "failed"; readonly source: BtydSource; readonly message: string; readonly refusal: FitRefusal | null };

/** Where histories come from: mapped x / t_x / T, derived from dates and orders, or nowhere (null). */
export function btydSource(mapping: Mapping): BtydSource | null {
  const b = mapping.btyd;
  if (b && b.x !== null && b.tx !== null && b.T !== null) return "mapped";
  const c = mapping.columns;
  if (c.firstOrder !== null && c.recency !== null && c.frequency !== null) return "derived";
  return null;
}

export type BtydInput = {
  readonly rows: readonly (readonly unknown[])[];
  readonly firstSheetRow: number;
  readonly mapping: Mapping;
  /** The Segment run's segment per row (null: skipped there, so no prediction either). */
  readonly segments: readonly (string | null)[];
  /** Segment names in summary order. */
  readonly names: readonly string[];
  /** "groups": value at risk is defined (Loyal, Reachable). */
  readonly groups: boolean;
  /** Customers per row of a grouped table (the Segment run's weights); null or omitted: one each. */
  readonly weights?: Float64Array | null;
  readonly signal?: AbortSignal;
};

const num = (v: unknown, where: string, row: number): number => {
  const n = readNumber(v, at(where, row));
  return n === null || isCellError(n) ? NaN : n;
};
const date = (v: unknown, where: string, row: number): number => {
  const d = readDate(v, at(where, row));
  return d === null || isCellError(d) ? NaN : d;
};

type Histories = { x: Float64Array; tx: Float64Array; T: Float64Array; orders: Float64Array; asOf: number | null; unit: TimeUnit };

/** Rows read between yields to the host, and rows per block of predictions (sorted by (x, T), see predictInBlocks). */
export const BLOCK_ROWS = 5_000;

/** x, t_x, T (NaN where unusable) for every row; orders per row (NaN when unknown). Yields every BLOCK_ROWS rows. */
export async function readHistories(input: Pick<BtydInput, "rows" | "firstSheetRow" | "mapping" | "segments">): Promise<Histories> {
  const { rows, mapping, segments } = input;
  const n = rows.length;
  const x = new Float64Array(n).fill(NaN);
  const tx = new Float64Array(n).fill(NaN);
  const T = new Float64Array(n).fill(NaN);
  const orders = new Float64Array(n).fill(NaN);
  const c = mapping.columns;
  const source = btydSource(mapping);
  if (source === "mapped") {
    const b = mapping.btyd as BtydColumns;
    for (let i = 0; i < n; i++) {
      if (i > 0 && i % BLOCK_ROWS === 0) await yieldToHost();
      if (segments[i] === null) continue;
      const row = rows[i];
      const sheetRow = input.firstSheetRow + i;
      const xi = num(row[b.x as number], "x", sheetRow);
      const ti = num(row[b.tx as number], "t_x", sheetRow);
      const Ti = num(row[b.T as number], "T", sheetRow);
      if (bgnbdHistoryError(xi, ti, Ti) !== null) continue;
      x[i] = xi;
      tx[i] = ti;
      T[i] = Ti;
      const o = c.frequency === null ? xi + 1 : num(row[c.frequency], "frequency", sheetRow);
      orders[i] = o;
    }
    return { x, tx, T, orders, asOf: null, unit: b.unit };
  }
  if (source === null) return { x, tx, T, orders, asOf: null, unit: "week" };
  // Derived: first, last and orders per row, then as_of, then the histories in weeks.
  const first = new Float64Array(n).fill(NaN);
  const last = new Float64Array(n).fill(NaN);
  const daysSince = new Float64Array(n).fill(NaN);
  const recencyIsDate = mapping.recencyKind === "date";
  let asOf = -Infinity;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % BLOCK_ROWS === 0) await yieldToHost();
    if (segments[i] === null) continue;
    const row = rows[i];
    const sheetRow = input.firstSheetRow + i;
    const f = date(row[c.firstOrder as number], "firstOrder", sheetRow);
    const o = num(row[c.frequency as number], "frequency", sheetRow);
    if (!Number.isFinite(f) || !Number.isInteger(o) || o < 1) continue;
    if (recencyIsDate) {
      const l = date(row[c.recency as number], "recency", sheetRow);
      if (!Number.isFinite(l)) continue;
      last[i] = l;
      asOf = Math.max(asOf, f, l);
    } else {
      const d = num(row[c.recency as number], "recency", sheetRow);
      if (!Number.isFinite(d) || d < 0) continue;
      daysSince[i] = d;
      asOf = Math.max(asOf, f + d);
    }
    first[i] = f;
    orders[i] = o;
  }
  const week = DAYS_PER_UNIT.week;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(first[i])) continue;
    const l = recencyIsDate ? last[i] : asOf - daysSince[i];
    const xi = orders[i] - 1;
    const ti = (l - first[i]) / week;
    const Ti = (asOf - first[i]) / week;
    // A one-time buyer's last order is the first; one whose dates differ cannot be read as x = 0.
    if (bgnbdHistoryError(xi, ti, Ti) !== null) {
      orders[i] = NaN;
      continue;
    }
    x[i] = xi;
    tx[i] = ti;
    T[i] = Ti;
  }
  return { x, tx, T, orders, asOf: asOf === -Infinity ? null : asOf, unit: "week" };
}

/**
 * Runs a per-row core column function over blocks of BLOCK_ROWS rows, yielding between blocks.
 * Rows are taken in (x, T) order so that each block holds its own distinct (x, T) pairs: the
 * cores sum their series once per distinct pair within a call, and a pair split over blocks is
 * summed at most twice. O(n log n) for the order plus the cores' own cost.
 */
export async function predictInBlocks(
  columns: readonly Float64Array[],
  compute: (block: Float64Array[]) => Float64Array,
): Promise<Float64Array> {
  const [x, , T] = columns;
  const k = x.length;
  const order = new Uint32Array(k);
  for (let j = 0; j < k; j++) order[j] = j;
  order.sort((i, j) => x[i] - x[j] || T[i] - T[j]);
  const out = new Float64Array(k);
  for (let from = 0; from < k; from += BLOCK_ROWS) {
    if (from > 0) await yieldToHost();
    const m = Math.min(k, from + BLOCK_ROWS) - from;
    const block = columns.map((c) => {
      const b = new Float64Array(m);
      for (let j = 0; j < m; j++) b[j] = c[order[from + j]];
      return b;
    });
    const result = compute(block);
    for (let j = 0; j < m; j++) out[order[from + j]] = result[j];
  }
  return out;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Fits and predicts; null when no histories are mapped or derivable. Never throws for a failed fit. */
export async function computeBtyd(input: BtydInput): Promise<BtydOutcome | null> {
  const source = btydSource(input.mapping);
  if (source === null) return null;
  const h = await readHistories(input);
  const n = input.rows.length;
  const rowWeights = input.weights ?? null;
  const weightOf = (i: number): number => (rowWeights ? rowWeights[i] : 1);
  const used: number[] = [];
  const unusableRows: number[] = [];
  let unusableCustomers = 0;
  for (let i = 0; i < n; i++) {
    if (input.segments[i] === null) continue;
    if (Number.isFinite(h.x[i])) used.push(i);
    else {
      unusableRows.push(input.firstSheetRow + i);
      unusableCustomers += weightOf(i);
    }
  }
  const k = used.length;
  const pick = (a: Float64Array): Float64Array => {
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) out[j] = a[used[j]];
    return out;
  };
  const x = pick(h.x);
  const tx = pick(h.tx);
  const T = pick(h.T);
  const weights = rowWeights ? pick(rowWeights) : undefined;
  let customers = 0;
  for (let j = 0; j < k; j++) customers += weights ? weights[j] : 1;

  let bgnbd: BtydFitted["bgnbd"];
  try {
    const fit = await bgnbdFitAsync(x, tx, T, weights);
    bgnbd = { r: fit.r, alpha: fit.alpha, a: fit.a, b: fit.b, logLikelihood: fit.logLikelihood };
  } catch (error) {
    return { kind: "failed", source, message: messageOf(error), refusal: error instanceof FitRefusalError ? error.refusal : null };
  }
  await yieldToHost();

  // Average transaction value = revenue ÷ orders (see the file comment).
  const monetary = input.mapping.columns.monetary;
  const withRevenue = monetary !== null;
  let spend: Float64Array | null = null;
  let gammaGamma: GammaGammaParams | null = null;
  let spendProblem: string | null = null;
  if (withRevenue) {
    spend = new Float64Array(k).fill(NaN);
    const fitX: number[] = [];
    const fitSpend: number[] = [];
    const fitWeights: number[] = [];
    for (let j = 0; j < k; j++) {
      const i = used[j];
      const revenue = num(input.rows[i][monetary], "monetary", input.firstSheetRow + i);
      const orders = h.orders[i];
      if (x[j] === 0) spend[j] = 0;
      else if (Number.isFinite(revenue) && revenue > 0 && orders > 0) {
        spend[j] = revenue / orders;
        fitX.push(x[j]);
        fitSpend.push(spend[j]);
        fitWeights.push(weights ? weights[j] : 1);
      }
    }
    try {
      const fit = await gammaGammaFitAsync(fitX, fitSpend, weights ? fitWeights : undefined);
      gammaGamma = { p: fit.p, q: fit.q, v: fit.v };
      if (!(gammaGamma.q > 1)) {
        spendProblem = `q is ${gammaGamma.q.toPrecision(3)}; with q ≤ 1 the mean spend is infinite, so there is no expected spend`;
        gammaGamma = null;
      }
    } catch (error) {
      spendProblem = messageOf(error);
    }
    await yieldToHost();
  }

  const alive = pAliveColumn(bgnbd, x, tx, T);
  const horizon = HORIZON_MONTHS * monthIn(h.unit);
  const expected = await predictInBlocks([x, tx, T], ([bx, btx, bT]) => expectedPurchasesColumn(bgnbd, [horizon], bx, btx, bT));
  await yieldToHost();
  const gg = gammaGamma;
  const clvOptions = { horizonMonths: HORIZON_MONTHS, monthlyDiscountRate: 0, marginRate: 1, timeUnit: h.unit };
  const clv = gg && spend ? await predictInBlocks([x, tx, T, spend], ([bx, btx, bT, bs]) => predictedClvColumn(bgnbd, gg, bx, btx, bT, bs, clvOptions)) : null;

  const pAlive = new Float64Array(n).fill(NaN);
  const expectedPurchases = new Float64Array(n).fill(NaN);
  const clvRows = clv ? new Float64Array(n).fill(NaN) : null;
  const lapse = new Int8Array(n).fill(-1);
  for (let j = 0; j < k; j++) {
    const i = used[j];
    pAlive[i] = alive[j];
    expectedPurchases[i] = expected[j];
    if (clvRows && clv) clvRows[i] = clv[j];
    lapse[i] = x[j] === 0 ? LAPSE_ONE_TIME : alive[j] < LAPSE_THRESHOLD ? LAPSE_LAPSED : LAPSE_NONE;
  }

  const perSegment = input.names.map((segment): BtydSegmentValue => {
    let customers = 0;
    let purchases = 0;
    let value = 0;
    let lapsed = 0;
    let lapsedValue = 0;
    for (let i = 0; i < n; i++) {
      if (input.segments[i] !== segment || lapse[i] < 0) continue;
      const w = weightOf(i);
      customers += w;
      purchases += w * expectedPurchases[i];
      const v = clvRows ? clvRows[i] : NaN;
      if (Number.isFinite(v)) value += w * v;
      if (lapse[i] === LAPSE_LAPSED) {
        lapsed += w;
        if (Number.isFinite(v)) lapsedValue += w * v;
      }
    }
    return {
      segment,
      customers,
      expectedPurchases: purchases,
      predictedValue: clvRows ? value : null,
      likelyLapsed: lapsed,
      lapsedValue: clvRows ? lapsedValue : null,
    };
  });
  const valueAtRisk =
    clvRows && input.groups ? perSegment.filter((s) => AT_RISK_SEGMENTS.includes(s.segment)).reduce((a, s) => a + (s.lapsedValue ?? 0), 0) : null;

  return {
    kind: "fitted",
    source,
    unit: h.unit,
    asOf: h.asOf,
    recencyKind: source === "derived" ? input.mapping.recencyKind : null,
    bgnbd,
    gammaGamma,
    spendProblem,
    withRevenue,
    pAlive,
    expectedPurchases,
    clv: clvRows,
    lapse,
    customers,
    unusable: { count: unusableCustomers, rowCount: unusableRows.length, rows: unusableRows.slice(0, 5) },
    perSegment,
    valueAtRisk,
  };
}
