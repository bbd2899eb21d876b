/**
 * The Rewards plan after a Segment run: per segment (the four groups or the RFM segments) the
 * suggested reward, the points its revenue would earn at the earn rate, what those points cost the
 * business, and that cost against the segment's profit (revenue − cost to serve) and predicted value,
 * with a warning where the rewards cost more than the margin. Pure; texts come from the strings module.
 *
 * Cost of a point (the user chooses, and the plan says which):
 * - "faceValue": face value × expected redemption rate (the IFRS 15 stand-alone selling price view,
 *   LOYALTY.POINTSALLOCATION): 0.01 × 80% = 0.008 per point issued;
 * - "goodsCost": the cost of the goods given for a redeemed point, times the expected redemption rate
 *   (what the business actually gives up per point issued).
 * Points per segment = the segment's revenue × earn rate rounded down (LOYALTY.POINTSEARNED on the
 * segment's total; per-order rounding would give at most one point less per order).
 * Example: revenue 10,000 at 1 point per unit, face value 0.01, 80% redeemed → 10,000 points costing 80.
 * Cost: O(segments).
 */
import { pointsEarned } from "../../analytics/programme/pointsEarned";
import type { RunResult } from "./segmentRun";

export type PointCostBasis = "faceValue" | "goodsCost";

export type RewardSettings = {
  /** Points per currency unit of revenue (1 = one point per $1). */
  readonly earnRate: number;
  readonly basis: PointCostBasis;
  /** What a point is worth to the customer when redeemed (faceValue basis). */
  readonly faceValue: number;
  /** The cost of the goods given for one redeemed point (goodsCost basis). */
  readonly goodsCost: number;
  /** Share of points expected to be redeemed, 0–1. */
  readonly redemptionRate: number;
};

export const DEFAULT_REWARD_SETTINGS: RewardSettings = { earnRate: 1, basis: "faceValue", faceValue: 0.01, goodsCost: 0.006, redemptionRate: 0.8 };

export type RewardSettingsProblem = "earnRate" | "faceValue" | "goodsCost" | "redemptionRate";

/** The first field that cannot be used, or null. */
export function settingsProblem(s: RewardSettings): RewardSettingsProblem | null {
  if (!(Number.isFinite(s.earnRate) && s.earnRate >= 0)) return "earnRate";
  if (s.basis === "faceValue" && !(Number.isFinite(s.faceValue) && s.faceValue >= 0)) return "faceValue";
  if (s.basis === "goodsCost" && !(Number.isFinite(s.goodsCost) && s.goodsCost >= 0)) return "goodsCost";
  if (!(Number.isFinite(s.redemptionRate) && s.redemptionRate >= 0 && s.redemptionRate <= 1)) return "redemptionRate";
  return null;
}

/** The expected cost to the business of one point issued. */
export function costPerPoint(s: RewardSettings): number {
  return (s.basis === "faceValue" ? s.faceValue : s.goodsCost) * s.redemptionRate;
}

export type RewardRow = {
  readonly segment: string;
  readonly customers: number;
  readonly revenue: number | null;
  /** Points the segment's revenue earns; null without revenue. */
  readonly points: number | null;
  /** points × cost per point; null without revenue. */
  readonly cost: number | null;
  /** revenue − cost to serve; null unless cost to serve is mapped. */
  readonly profit: number | null;
  /** Predicted 12-month value from the BTYD models; null when not fitted. */
  readonly predictedValue: number | null;
  /** cost ÷ profit; null when either is unknown or profit ≤ 0. */
  readonly costShareOfProfit: number | null;
  /** The rewards cost more than the margin (known cost and profit only). */
  readonly costAboveMargin: boolean;
};

export function rewardRows(result: RunResult, s: RewardSettings): RewardRow[] {
  const perPoint = costPerPoint(s);
  const btyd = result.btyd?.kind === "fitted" ? result.btyd : null;
  return result.summary.rows.map((r) => {
    const earned = r.revenue === null ? null : pointsEarned(r.revenue, s.earnRate, "down");
    const points = typeof earned === "number" ? earned : null;
    const cost = points === null ? null : points * perPoint;
    const profit = r.profit;
    const predictedValue = btyd?.perSegment.find((p) => p.segment === r.segment)?.predictedValue ?? null;
    return {
      segment: r.segment,
      customers: r.customers,
      revenue: r.revenue,
      points,
      cost,
      profit,
      predictedValue,
      costShareOfProfit: cost !== null && profit !== null && profit > 0 ? cost / profit : null,
      costAboveMargin: cost !== null && profit !== null && cost > profit,
    };
  });
}

/** What the Excel layer writes beside the Segments summary: a title line, a table, a chart of its first `chartColumns` columns. */
export type RewardsSheetPlan = {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Columns (0-based) shown as currency-like numbers with two decimals. */
  readonly moneyColumns: readonly number[];
  /** The chart plots the first column as categories and the next chartColumns − 1 as series. */
  readonly chartColumns: number;
  readonly chartTitle: string;
};

type RewardTexts = {
  readonly sheet: {
    readonly title: (basis: string) => string;
    readonly headers: {
      readonly segment: string;
      readonly cost: string;
      readonly profit: string;
      readonly points: string;
      readonly revenue: string;
      readonly predictedValue: string;
      readonly customers: string;
      readonly warning: string;
      readonly reward: string;
    };
    readonly costAboveMargin: string;
    readonly chartTitle: string;
  };
  readonly basisText: (s: RewardSettings) => string;
  readonly suggestion: (segment: string) => string;
  /** The segment's name as the sheet shows it (the pane's language); the rule engine's name when absent. */
  readonly segmentName?: (segment: string) => string;
};

/** The sheet table: segment, cost and profit first (the chart's columns), then the rest. */
export function rewardsSheetPlan(rows: readonly RewardRow[], s: RewardSettings, texts: RewardTexts): RewardsSheetPlan {
  const h = texts.sheet.headers;
  const withProfit = rows.some((r) => r.profit !== null);
  const withValue = rows.some((r) => r.predictedValue !== null);
  const header = [h.segment, h.cost];
  if (withProfit) header.push(h.profit);
  header.push(h.points, h.revenue);
  if (withValue) header.push(h.predictedValue);
  header.push(h.customers);
  if (withProfit) header.push(h.warning);
  header.push(h.reward);
  const blank = (v: number | null) => (v === null ? "" : v);
  const body = rows.map((r) => {
    const line: (string | number)[] = [texts.segmentName ? texts.segmentName(r.segment) : r.segment, blank(r.cost)];
    if (withProfit) line.push(blank(r.profit));
    line.push(blank(r.points), blank(r.revenue));
    if (withValue) line.push(blank(r.predictedValue));
    line.push(r.customers);
    if (withProfit) line.push(r.costAboveMargin ? texts.sheet.costAboveMargin : "");
    line.push(texts.suggestion(r.segment));
    return line;
  });
  const moneyColumns = [1];
  if (withProfit) moneyColumns.push(2);
  moneyColumns.push(header.indexOf(h.revenue));
  if (withValue) moneyColumns.push(header.indexOf(h.predictedValue));
  return {
    title: texts.sheet.title(texts.basisText(s)),
    header,
    rows: body,
    moneyColumns,
    chartColumns: withProfit ? 3 : 2,
    chartTitle: texts.sheet.chartTitle,
  };
}
