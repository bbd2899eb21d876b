/**
 * One Segment run on plain rows: parse the mapped columns with the shared cell readers, set aside
 * unusable rows with a reason, compute the behaviour measure (RFM digits by the same code as
 * LOYALTY.RFMSCORE), place customers with the same rule engine as LOYALTY.SEGMENT (or, without an
 * attitude column, the RFM segments of LOYALTY.RFMSEGMENT), and summarise per segment.
 *
 * Grouped tables: with a "weight" column mapped (customers per row, as the warehouse's grouped
 * tables give them), each row stands for w identical customers and every result is the one the
 * same run gives on the table with each row repeated w times: the median and the RFM quantiles
 * are the expansion's (weightedQuantile.ts), counts are Σ w, revenue, cost and recurring value
 * Σ w·value (the columns hold one customer's value), the average attitude Σ w·score / Σ w; the
 * per-row result stays one segment per row. A weight must be a whole number of 1 or more: a
 * blank, 0, negative or fractional one sets the row aside with its reason.
 * Example: rows (score 10, orders 6, w 1), (3, 5, 1), (8, 1, 1), (9, 2, 3) are the customers of
 * loyaltySegment.ts's example with three of the last: median (2 + 2) / 2 = 2, counts Loyal 1,
 * Locked-in 1, Reachable 4.
 *
 * Cost: O(n) parsing in blocks of YIELD_ROWS with a yield between blocks (the pane stays
 * responsive on 100k rows), then O(n) for the median and RFM order statistics.
 */
import { at, isBlank, readBoolean, readDate, readId, readNumber } from "../../analytics/orders/cells";
import { AnalyticsError, isCellError, isExcelErrorCode } from "../../analytics/errors";
import { SEGMENTS, attitudeFromRecommend, attitudeFromReferrals, attitudeFromSatisfaction, priceDrivenFrom, segmentCustomers } from "../../analytics/segments/loyaltySegment";
import type { Attitude, Segment } from "../../analytics/segments/loyaltySegment";
import { rfmDigits } from "../../analytics/rfm/rfmScores";
import { DEFAULT_RFM_RULES, OTHERS, rfmSegment, segmentName } from "../../analytics/rfm/rfmSegments";
import { yieldToHost } from "../../analytics/numeric/yieldToHost";
import { weightedQuantile } from "../../analytics/numeric/weightedQuantile";
import { type BehaviourMeasure, type Cutoff, ordersPerYear } from "./behaviour";
import type { BtydOutcome } from "./btydModel";
import type { AttitudeScale, Mapping, Role } from "./mapping";

export const YIELD_ROWS = 5_000;
/** Bins of the RFM digits, as LOYALTY.RFMSCORE's default. */
export const RFM_BINS = 5;

export type RunMode = "groups" | "rfm";

/** Why a row was set aside; rendered by the strings module, never concatenated here. */
export type IssueReason =
  | { readonly kind: "noId" }
  | { readonly kind: "blank"; readonly role: Role }
  | { readonly kind: "notNumber"; readonly role: Role }
  | { readonly kind: "notDate"; readonly role: Role }
  | { readonly kind: "errorValue"; readonly role: Role; readonly code: string }
  | { readonly kind: "negative"; readonly role: Role }
  | { readonly kind: "attitudeRange"; readonly scale: AttitudeScale }
  | { readonly kind: "shareRange" }
  | { readonly kind: "notWhole"; readonly role: Role }
  /** Customers per row is 0: the row stands for no one. */
  | { readonly kind: "zeroWeight" };

/** A customer the price-driven override moved (loyaltySegment.ts, overriddenFromIndex): from the group they would be in, to the one shown. */
export type PriceOverride = { readonly from: Segment; readonly to: Segment; readonly share: number | null };

export type SkippedGroup = { readonly reason: IssueReason; readonly rows: readonly number[] };

export type SummaryRow = {
  readonly segment: string;
  /** Customers (Σ weights of a grouped table). */
  readonly customers: number;
  /** customers ÷ all segmented customers (0…1). */
  readonly customerShare: number;
  /** Sum of the monetary column (Σ w·monetary of a grouped table); null when it is not mapped. */
  readonly revenue: number | null;
  /** revenue ÷ all revenue; null when not mapped or total revenue is 0. */
  readonly revenueShare: number | null;
  /** revenue − cost to serve; null unless both are mapped. */
  readonly profit: number | null;
  /** Mean attitude score (recommend 0–10, satisfaction 1–5 or referrals); null in RFM mode or for an empty segment. */
  readonly averageAttitude: number | null;
  /** Sum of the recurring-value column (e.g. monthly revenue); null when it is not mapped. */
  readonly recurring: number | null;
};

export type Summary = {
  readonly rows: readonly SummaryRow[];
  readonly customers: number;
  readonly revenue: number | null;
  readonly profit: number | null;
  readonly recurring: number | null;
  readonly skipped: number;
  readonly skippedGroups: readonly SkippedGroup[];
};

export type RunInput = {
  /** Data rows only (no header row). */
  readonly rows: readonly (readonly unknown[])[];
  /** Sheet row number (1-based) of rows[0], for messages. */
  readonly firstSheetRow: number;
  readonly mapping: Mapping;
  readonly mode: RunMode;
  /** Ignored in RFM mode. */
  readonly measure: BehaviourMeasure;
  readonly cutoff: Cutoff;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
};

export type RunResult = {
  readonly mode: RunMode;
  readonly measure: BehaviourMeasure | null;
  /** The cutoff applied (median or given), null in RFM mode. */
  readonly cutoff: { readonly value: number; readonly rule: "above median" | "at least cutoff" } | null;
  readonly firstSheetRow: number;
  readonly ids: readonly (string | null)[];
  /** Segment per row; null for a skipped row. */
  readonly segments: readonly (string | null)[];
  /** Attitude score used (NaN when none). */
  readonly attitude: Float64Array;
  /** Behaviour value used (NaN when none). */
  readonly behaviour: Float64Array;
  /** Three-digit RFM score when recency, frequency and monetary are mapped, else null. */
  readonly rfmScore: Float64Array | null;
  readonly issues: readonly (IssueReason | null)[];
  /** Per row, why the price-driven override moved the customer; null where it did not (and in RFM mode). */
  readonly overrides: readonly (PriceOverride | null)[];
  readonly summary: Summary;
  /** Customers per row when a weight column is mapped (NaN for a skipped row), else null. */
  readonly weights: Float64Array | null;
  /** For a grouped table (weight column mapped): usable rows and the customers they stand for; else null. */
  readonly grouped: { readonly rows: number; readonly customers: number } | null;
  /** Predicted value (btydModel.ts), added after the run when histories are mapped or derivable; absent otherwise. */
  readonly btyd?: BtydOutcome | null;
};

/** A run that cannot go ahead as set up. */
export class RunError extends Error {
  constructor(
    readonly kind: "noRows" | "noUsableRows" | "needCutoff" | "needAttitude" | "needBehaviour" | "needRfmColumns" | "cancelled",
    readonly median: number | null = null,
  ) {
    super(kind);
    this.name = "RunError";
  }
}

type Parsed = number | IssueReason;

const isIssue = (v: Parsed): v is IssueReason => typeof v === "object";

function parseNumber(value: unknown, role: Role, where: string, row: number, required: boolean, nonNegative: boolean): Parsed {
  if (typeof value === "string" && isExcelErrorCode(value.trim())) return { kind: "errorValue", role, code: value.trim() };
  const n = readNumber(value, at(where, row));
  if (n === null) return required ? { kind: "blank", role } : 0;
  if (isCellError(n)) return isCellError(value) ? { kind: "errorValue", role, code: n.code } : { kind: "notNumber", role };
  if (nonNegative && n < 0) return { kind: "negative", role };
  return n;
}

function parseDate(value: unknown, role: Role, where: string, row: number): Parsed {
  if (typeof value === "string" && isExcelErrorCode(value.trim())) return { kind: "errorValue", role, code: value.trim() };
  const d = readDate(value, at(where, row));
  if (d === null) return { kind: "blank", role };
  if (isCellError(d)) return isCellError(value) ? { kind: "errorValue", role, code: d.code } : { kind: "notDate", role };
  return d;
}

function attitudeOf(score: number, scale: AttitudeScale): Attitude | null {
  const a = scale === "recommend" ? attitudeFromRecommend(score) : scale === "satisfaction" ? attitudeFromSatisfaction(score) : attitudeFromReferrals(score);
  return typeof a === "string" ? a : null;
}

/** Which columns a run needs; throws RunError when the mapping cannot support the mode/measure. */
function requirements(mapping: Mapping, mode: RunMode, measure: BehaviourMeasure) {
  const c = mapping.columns;
  const hasRfm = c.recency !== null && c.frequency !== null && c.monetary !== null;
  if (mode === "rfm") {
    if (!hasRfm) throw new RunError("needRfmColumns");
    return { hasRfm, needFirst: false };
  }
  if (c.attitude === null) throw new RunError("needAttitude");
  const ok =
    measure === "rfmSum" ? hasRfm : measure === "ordersPerYear" ? c.frequency !== null && c.firstOrder !== null : measure === "orders" ? c.frequency !== null : c.monetary !== null;
  if (!ok) throw new RunError(measure === "rfmSum" ? "needRfmColumns" : "needBehaviour");
  return { hasRfm, needFirst: measure === "ordersPerYear" };
}

/** Runs the segmentation. Throws RunError for set-up problems and on cancel. */
export async function runSegmentation(input: RunInput): Promise<RunResult> {
  const { rows, mapping, mode, measure, cutoff, signal } = input;
  const n = rows.length;
  if (n === 0) throw new RunError("noRows");
  const { hasRfm, needFirst } = requirements(mapping, mode, measure);
  const c = mapping.columns;
  const recencyIsDate = mapping.recencyKind === "date";

  const ids: (string | null)[] = new Array(n).fill(null);
  const issues: (IssueReason | null)[] = new Array(n).fill(null);
  const attitude = new Float64Array(n).fill(NaN);
  const recency = new Float64Array(n).fill(NaN);
  const first = new Float64Array(n).fill(NaN);
  const frequency = new Float64Array(n).fill(NaN);
  const monetary = new Float64Array(n).fill(NaN);
  const cost = new Float64Array(n).fill(NaN);
  const recurring = new Float64Array(n).fill(NaN);
  const price = new Uint8Array(n);
  const priceShare = new Float64Array(n).fill(NaN);
  // `?? null`: a mapping made before the weight role existed has no such key, and means one customer per row.
  const weightColumn = c.weight ?? null;
  const weights = weightColumn === null ? null : new Float64Array(n).fill(NaN);
  const attitudes: (Attitude | null)[] = new Array(n).fill(null);
  let asOf = -Infinity;

  for (let i = 0; i < n; i++) {
    if (i > 0 && i % YIELD_ROWS === 0) {
      input.onProgress?.(i, n);
      await yieldToHost();
      if (signal?.aborted) throw new RunError("cancelled");
    }
    const row = rows[i];
    const sheetRow = input.firstSheetRow + i;
    const set = (reason: IssueReason): void => {
      if (issues[i] === null) issues[i] = reason;
    };
    const take = (p: Parsed, target: Float64Array): void => {
      if (isIssue(p)) set(p);
      else target[i] = p;
    };

    const idCell = c.id === null ? null : row[c.id];
    if (typeof idCell === "string" && isExcelErrorCode(idCell.trim())) set({ kind: "errorValue", role: "id", code: idCell.trim() });
    else {
      const id = readId(idCell, at("id", sheetRow));
      if (id === null || isCellError(id)) set({ kind: "noId" });
      else ids[i] = id;
    }

    if (weights && weightColumn !== null) {
      const p = parseNumber(row[weightColumn], "weight", "weight", sheetRow, true, true);
      if (isIssue(p)) set(p);
      else if (p === 0) set({ kind: "zeroWeight" });
      else if (!Number.isInteger(p)) set({ kind: "notWhole", role: "weight" });
      else weights[i] = p;
    }

    if (mode === "groups" && c.attitude !== null) {
      const p = parseNumber(row[c.attitude], "attitude", "attitude", sheetRow, true, false);
      if (isIssue(p)) set(p);
      else {
        attitude[i] = p;
        const a = attitudeOf(p, mapping.attitudeScale);
        if (a === null) set({ kind: "attitudeRange", scale: mapping.attitudeScale });
        else attitudes[i] = a;
      }
    }
    const needRecency = hasRfm;
    if (needRecency && c.recency !== null) {
      if (recencyIsDate) {
        const p = parseDate(row[c.recency], "recency", "recency", sheetRow);
        take(p, recency);
        if (!isIssue(p) && p > asOf) asOf = p;
      } else take(parseNumber(row[c.recency], "recency", "recency", sheetRow, true, true), recency);
    }
    if (needFirst && c.firstOrder !== null) {
      const p = parseDate(row[c.firstOrder], "firstOrder", "firstOrder", sheetRow);
      take(p, first);
      if (!isIssue(p) && p > asOf) asOf = p;
    }
    if (c.frequency !== null) {
      const needed = hasRfm || measure === "orders" || measure === "ordersPerYear";
      take(parseNumber(row[c.frequency], "frequency", "frequency", sheetRow, needed, true), frequency);
    }
    if (c.monetary !== null) {
      const needed = hasRfm || measure === "revenue";
      take(parseNumber(row[c.monetary], "monetary", "monetary", sheetRow, needed, false), monetary);
    }
    if (c.cost !== null) take(parseNumber(row[c.cost], "cost", "cost", sheetRow, false, false), cost);
    if (c.recurring !== null) take(parseNumber(row[c.recurring], "recurring", "recurring", sheetRow, false, false), recurring);
    if (c.priceDriven !== null && mode === "groups") {
      const v = row[c.priceDriven];
      if (typeof v === "string" && isExcelErrorCode(v.trim())) set({ kind: "errorValue", role: "priceDriven", code: v.trim() });
      else if (typeof v === "boolean" || (typeof v === "string" && /^\s*(true|false)\s*$/i.test(v))) {
        const b = readBoolean(v, at("priceDriven", sheetRow));
        price[i] = b === true ? 1 : 0;
      } else {
        const p = parseNumber(v, "priceDriven", "priceDriven", sheetRow, false, false);
        if (isIssue(p)) set(p);
        else {
          const d = priceDrivenFrom(isBlank(v) ? null : p);
          if (typeof d === "boolean") {
            price[i] = d ? 1 : 0;
            if (!isBlank(v)) priceShare[i] = p;
          }
          else set({ kind: "shareRange" });
        }
      }
    }
  }
  input.onProgress?.(n, n);
  if (signal?.aborted) throw new RunError("cancelled");

  // Compact the usable rows.
  const valid: number[] = [];
  for (let i = 0; i < n; i++) if (issues[i] === null) valid.push(i);
  if (valid.length === 0) {
    throw new RunError("noUsableRows");
  }
  const k = valid.length;
  const pick = (a: Float64Array): Float64Array => {
    const out = new Float64Array(k);
    for (let j = 0; j < k; j++) out[j] = a[valid[j]];
    return out;
  };
  /** Customers per usable row, or null when each row is one customer. */
  const w = weights ? pick(weights) : null;

  let rfmScore: Float64Array | null = null;
  let rfmSum: Float64Array | null = null;
  let digits: ReturnType<typeof rfmDigits> | null = null;
  if (hasRfm) {
    const rec = pick(recency);
    if (recencyIsDate) for (let j = 0; j < k; j++) rec[j] = asOf - rec[j];
    digits = rfmDigits(rec, pick(frequency), pick(monetary), RFM_BINS, "rfm", w ?? undefined);
    rfmScore = new Float64Array(n).fill(NaN);
    rfmSum = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      rfmScore[valid[j]] = digits.score[j];
      rfmSum[j] = digits.r[j] + digits.f[j] + digits.m[j];
    }
  }
  await yieldToHost();

  const behaviour = new Float64Array(n).fill(NaN);
  const segments: (string | null)[] = new Array(n).fill(null);
  let names: string[];
  let segmentOf: Int16Array; // index into names per compact row
  let cutoffUsed: RunResult["cutoff"] = null;
  const overrides: (PriceOverride | null)[] = new Array(n).fill(null);

  if (mode === "groups") {
    const b = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const i = valid[j];
      b[j] =
        measure === "rfmSum"
          ? (rfmSum as Float64Array)[j]
          : measure === "ordersPerYear"
            ? ordersPerYear(frequency[i], first[i], asOf)
            : measure === "orders"
              ? frequency[i]
              : monetary[i];
      behaviour[i] = b[j];
    }
    let result;
    try {
      result = segmentCustomers({
        attitudes: valid.map((i) => attitudes[i]),
        behaviour: b,
        cutoff: cutoff.kind === "atLeast" ? cutoff.value : null,
        priceDriven: valid.map((i) => price[i] === 1),
        weights: w ?? undefined,
      });
    } catch (error) {
      if (error instanceof AnalyticsError) throw new RunError("needCutoff", w ? weightedQuantile(b, w, 0.5) : medianOf(b));
      throw error;
    }
    cutoffUsed = { value: result.cutoff, rule: result.rule };
    for (let j = 0; j < k; j++) {
      const from = result.overriddenFrom[j];
      const to = result.segments[j];
      const i = valid[j];
      if (from >= 0 && typeof to === "string") overrides[i] = { from: SEGMENTS[from], to, share: Number.isNaN(priceShare[i]) ? null : priceShare[i] };
    }
    names = [...SEGMENTS];
    segmentOf = new Int16Array(k);
    for (let j = 0; j < k; j++) {
      const s = result.segments[j];
      segmentOf[j] = typeof s === "string" ? names.indexOf(s) : -1;
    }
  } else {
    const d = digits as NonNullable<typeof digits>;
    const seg = rfmSegment({ r: d.r, f: d.f, m: d.m }, DEFAULT_RFM_RULES);
    names = [...DEFAULT_RFM_RULES.map((r) => r.name), OTHERS];
    segmentOf = new Int16Array(k);
    for (let j = 0; j < k; j++) {
      const name = segmentName(DEFAULT_RFM_RULES, seg.index[j]) ?? OTHERS;
      segmentOf[j] = names.indexOf(name);
      behaviour[valid[j]] = (rfmSum as Float64Array)[j];
    }
  }
  for (let j = 0; j < k; j++) segments[valid[j]] = segmentOf[j] >= 0 ? names[segmentOf[j]] : null;

  const summary = summarise({
    names,
    keepEmpty: mode === "groups",
    segmentOf,
    revenue: c.monetary === null ? null : pick(monetary),
    cost: c.cost === null ? null : pick(cost),
    recurring: c.recurring === null ? null : pick(recurring),
    attitude: mode === "groups" ? pick(attitude) : null,
    weights: w,
    issues,
    firstSheetRow: input.firstSheetRow,
  });
  return {
    mode,
    measure: mode === "groups" ? measure : null,
    cutoff: cutoffUsed,
    firstSheetRow: input.firstSheetRow,
    ids,
    segments,
    attitude,
    behaviour,
    rfmScore,
    issues,
    overrides,
    summary,
    weights,
    grouped: w ? { rows: k, customers: summary.customers } : null,
  };
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

export type SummaryInput = {
  readonly names: readonly string[];
  /** Keep segments with no customers (the four groups always show). */
  readonly keepEmpty: boolean;
  /** Per usable customer, the index into `names` (−1: none). */
  readonly segmentOf: Int16Array;
  readonly revenue: Float64Array | null;
  readonly cost: Float64Array | null;
  /** Per usable customer, or null when not mapped. */
  readonly recurring?: Float64Array | null;
  readonly attitude: Float64Array | null;
  /** Per usable row, the customers it stands for (a grouped table); null or omitted: one each. */
  readonly weights?: Float64Array | null;
  readonly issues: readonly (IssueReason | null)[];
  readonly firstSheetRow: number;
};

/** Groups skipped rows by reason, keeping the sheet row numbers in order. */
export function groupSkipped(issues: readonly (IssueReason | null)[], firstSheetRow: number): SkippedGroup[] {
  const groups = new Map<string, { reason: IssueReason; rows: number[] }>();
  for (let i = 0; i < issues.length; i++) {
    const reason = issues[i];
    if (reason === null) continue;
    const key = JSON.stringify(reason);
    let g = groups.get(key);
    if (!g) {
      g = { reason, rows: [] };
      groups.set(key, g);
    }
    g.rows.push(firstSheetRow + i);
  }
  return [...groups.values()].sort((a, b) => b.rows.length - a.rows.length);
}

/**
 * Per-segment counts, shares, revenue, profit and mean attitude; with weights, row j counts as
 * weights[j] customers (counts Σ w, sums Σ w·value, mean attitude Σ w·score / Σ w). O(n + segments).
 */
export function summarise(input: SummaryInput): Summary {
  const { names, segmentOf, revenue, cost, attitude } = input;
  const weights = input.weights ?? null;
  const recurring = input.recurring ?? null;
  const s = names.length;
  const count = new Float64Array(s);
  const rev = new Float64Array(s);
  const cst = new Float64Array(s);
  const rec = new Float64Array(s);
  const att = new Float64Array(s);
  let total = 0;
  for (let j = 0; j < segmentOf.length; j++) {
    const g = segmentOf[j];
    if (g < 0) continue;
    const w = weights ? weights[j] : 1;
    total += w;
    count[g] += w;
    if (revenue) rev[g] += w * revenue[j];
    if (cost) cst[g] += w * cost[j];
    if (recurring) rec[g] += w * recurring[j];
    if (attitude) att[g] += w * attitude[j];
  }
  let totalRevenue = 0;
  let totalCost = 0;
  for (let g = 0; g < s; g++) {
    totalRevenue += rev[g];
    totalCost += cst[g];
  }
  const rows: SummaryRow[] = [];
  for (let g = 0; g < s; g++) {
    if (!input.keepEmpty && count[g] === 0) continue;
    rows.push({
      segment: names[g],
      customers: count[g],
      customerShare: total === 0 ? 0 : count[g] / total,
      revenue: revenue ? rev[g] : null,
      revenueShare: revenue && totalRevenue !== 0 ? rev[g] / totalRevenue : null,
      profit: revenue && cost ? rev[g] - cst[g] : null,
      recurring: recurring ? rec[g] : null,
      averageAttitude: attitude && count[g] > 0 ? att[g] / count[g] : null,
    });
  }
  const skippedGroups = groupSkipped(input.issues, input.firstSheetRow);
  return {
    rows,
    customers: total,
    revenue: revenue ? totalRevenue : null,
    profit: revenue && cost ? totalRevenue - totalCost : null,
    recurring: recurring ? rec.reduce((a, b) => a + b, 0) : null,
    skipped: skippedGroups.reduce((a, g) => a + g.rows.length, 0),
    skippedGroups,
  };
}
