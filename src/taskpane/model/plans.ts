/**
 * Turns a run's result into what the Excel layer writes (SheetPlan, ColumnPlan) and into the
 * skipped-row lines of the summary. Pure; texts come from the strings module.
 */
import type { ColumnPlan, Region, SheetPlan } from "../excel/types";
import { SEGMENT_COLOUR_LIST } from "../palette";
import { colourRulesIn, segmentText } from "../i18n/segmentText";
import type { Strings } from "../strings/en";
import { AT_RISK_SEGMENTS, type BtydFitted, LAPSE_LAPSED, LAPSE_ONE_TIME } from "./btydModel";
import type { AttitudeScale } from "./mapping";
import type { RunResult, Summary } from "./segmentRun";

/** How many row numbers a skipped line lists before "…". */
export const LISTED_ROWS = 5;

const percentText = (strings: Strings, share: number): string => strings.format.percent(share, 0);

/** Number formats of the written summary: currency-neutral thousands; two decimals for money, one for scores; shares as percent. */
export const COUNT_FORMAT = "#,##0";
export const MONEY_FORMAT = "#,##0.00";
export const SCORE_FORMAT = "0.0";
export const SHARE_FORMAT = "0.0%";

const numberOrBlank = (v: number): number | string => (Number.isFinite(v) ? v : "");

/** One line per skip reason: "12 rows skipped: recommend score not 0–10 (rows 17, 40, …)". */
export function skippedLines(summary: Summary, strings: Strings): string[] {
  return summary.skippedGroups.map((g) =>
    strings.summary.skipped(g.rows.length, strings.reason(g.reason), g.rows.slice(0, LISTED_ROWS), g.rows.length > LISTED_ROWS),
  );
}

/** The new-sheet plan: id, segment, attitude, behaviour, RFM score (when available), Issue; summary table and chart. */
export function sheetPlan(result: RunResult, scale: AttitudeScale, strings: Strings): SheetPlan {
  const h = strings.sheet.headers;
  const groups = result.mode === "groups";
  const header: string[] = [h.id, h.segment];
  // A grouped table: the customers each row stands for, beside its segment (they all share it).
  const weights = result.weights;
  if (weights) header.push(h.customers);
  if (groups) header.push(h.attitude(scale));
  header.push(h.behaviour(result.measure ?? "rfmSum"));
  const withRfm = result.rfmScore !== null;
  if (withRfm) header.push(h.rfmScore);
  // Predicted value columns only when the BTYD fit worked (btydModel.ts).
  const btyd: BtydFitted | null = result.btyd?.kind === "fitted" ? result.btyd : null;
  const b = strings.btyd.sheet;
  if (btyd) {
    header.push(b.pAlive, b.expectedPurchases);
    if (btyd.clv) header.push(b.clv);
    header.push(b.lapse);
  }
  header.push(h.issue);

  const n = result.ids.length;
  const rows: (string | number)[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = result.ids[i];
    const issue = result.issues[i];
    const segment = result.segments[i];
    const row: (string | number)[] = [id === null ? "" : id, segment ? segmentText(strings, segment) : ""];
    if (weights) row.push(numberOrBlank(weights[i]));
    if (groups) row.push(numberOrBlank(result.attitude[i]));
    row.push(numberOrBlank(result.behaviour[i]));
    if (withRfm) row.push(numberOrBlank((result.rfmScore as Float64Array)[i]));
    if (btyd) {
      row.push(numberOrBlank(btyd.pAlive[i]), numberOrBlank(btyd.expectedPurchases[i]));
      if (btyd.clv) row.push(numberOrBlank(btyd.clv[i]));
      row.push(btyd.lapse[i] === LAPSE_LAPSED ? b.likelyLapsed : btyd.lapse[i] === LAPSE_ONE_TIME ? b.oneTimeBuyer : "");
    }
    const override = result.overrides[i];
    row.push(issue !== null ? strings.reason(issue) : override ? strings.priceOverride(override.from, override.to, override.share === null ? null : percentText(strings, override.share)) : "");
    rows[i] = row;
  }

  const sh = strings.sheet.summaryHeaders;
  const s = result.summary;
  const withRevenue = s.revenue !== null;
  // One column order for the pane's table and this sheet (SummaryView.tsx follows SUMMARY order); the chart plots the first three.
  const summaryHeader: string[] = [sh.segment, sh.customers, sh.revenueShare, sh.customerShare];
  const formats: string[] = ["", COUNT_FORMAT, SHARE_FORMAT, SHARE_FORMAT];
  const money = (title: string) => {
    summaryHeader.push(title);
    formats.push(MONEY_FORMAT);
  };
  if (withRevenue) money(sh.revenue);
  if (s.profit !== null) money(sh.profit);
  if (s.recurring !== null) money(sh.recurring);
  if (groups) {
    summaryHeader.push(sh.averageAttitude);
    formats.push(SCORE_FORMAT);
  }
  const withValue = btyd !== null && btyd.clv !== null;
  if (btyd) {
    summaryHeader.push(b.summaryExpectedPurchases);
    formats.push(MONEY_FORMAT);
    if (withValue) money(b.summaryValue);
    summaryHeader.push(b.summaryLapsed);
    formats.push(COUNT_FORMAT);
    if (withValue && groups) money(b.summaryValueAtRisk);
  }
  const summaryRows = s.rows.map((r) => {
    const row: (string | number)[] = [segmentText(strings, r.segment), r.customers, r.revenueShare ?? "", r.customerShare];
    if (withRevenue) row.push(r.revenue ?? "");
    if (s.profit !== null) row.push(r.profit ?? "");
    if (s.recurring !== null) row.push(r.recurring ?? "");
    if (groups) row.push(r.averageAttitude ?? "");
    if (btyd) {
      const v = btyd.perSegment.find((p) => p.segment === r.segment);
      row.push(v ? v.expectedPurchases : "");
      if (withValue) row.push(v?.predictedValue ?? "");
      row.push(v ? v.likelyLapsed : "");
      // Value at risk: Loyal and Reachable only (the issue's definition).
      if (withValue && groups) row.push(v && AT_RISK_SEGMENTS.includes(r.segment) ? (v.lapsedValue ?? "") : "");
    }
    return row;
  });

  return {
    baseName: strings.sheet.name,
    incompleteName: strings.sheet.incompleteName,
    header,
    rows,
    segmentColumn: 1,
    // The four groups' colours only; an RFM name such as "Loyal Customers" must not match "Loyal".
    colours: groups ? colourRulesIn(strings, SEGMENT_COLOUR_LIST) : [],
    summary: { header: summaryHeader, rows: summaryRows, formats, chartTitle: strings.sheet.chartTitle },
  };
}

/** The beside-the-data plan: one segment per data row ("" for a skipped row). */
export function columnPlan(result: RunResult, region: Region, hasHeaders: boolean, mode: "beside" | "insert", strings: Strings): ColumnPlan {
  return {
    region,
    mode,
    header: hasHeaders ? strings.sheet.columnHeader : null,
    values: result.segments.map((s) => (s ? segmentText(strings, s) : "")),
    colours: result.mode === "groups" ? colourRulesIn(strings, SEGMENT_COLOUR_LIST) : [],
  };
}
