/**
 * What the Model report writes to its new sheet, as plain data for excel/reportSheet.ts. Pure.
 * Top to bottom from column A, each table under a one-cell title, its native chart beside it:
 *
 *   title; calibration end, tracking end, customers, the BG/NBD parameters
 *   repeat purchases in the calibration period: x 0 … 6, 7+ | actual | expected      column chart
 *   holdout by calibration frequency: x | actual | predicted | customers              column chart (first 3)
 *   weekly tracking: week | actual | expected | calibration end                       line chart, marker as a column
 *   cumulative tracking: the same, cumulative                                          line chart, marker as a column
 *   P(alive) heatmap: x down, t_x across, at the largest T                             colour scale on the cells
 *   expected purchases next week: the same grid                                        colour scale on the cells
 *   model comparison: LL, k, BIC, holdout errors; parameter estimates with standard errors; the BG/BB note
 *
 * Labels of the chart categories (x, week) are text so that Excel takes them as categories, not as a
 * series. The calibration-end column holds one value, the tallest point of that chart, in the week
 * the calibration ends, so the chart shows it as one bar. Blank cells for impossible histories.
 */
import type { ReportSheetPlan, SheetArea, SheetBlock, SheetChart } from "../excel/reportSheet";
import { SEGMENT_COLOURS } from "../palette";
import type { Strings } from "../strings/en";
import type { ModelReport } from "./modelReport";
import type { FrequencyRecencyGrid } from "../../analytics/btyd/frequencyRecencyGrid";

/** Rows a chart of Excel's default size (216 pt high, rows of 15 pt) covers, plus one. */
export const CHART_ROWS = 16;
/** Heatmap colour scale: white for the lowest value, the palette's blue for the highest (as the Cohorts triangle). */
export const HEAT_LOW = "#FFFFFF";
export const HEAT_HIGH = SEGMENT_COLOURS.Reachable.fill;

type Cell = string | number;
const cell = (v: number): Cell => (Number.isFinite(v) ? v : "");

export function modelReportSheetPlan(report: ModelReport, strings: Strings): ReportSheetPlan {
  const s = strings.btyd.check.report.sheet;
  const blocks: SheetBlock[] = [];
  const formats: (SheetArea & { format: string })[] = [];
  const autofit: SheetArea[] = [];
  const charts: SheetChart[] = [];
  const colourScales: ReportSheetPlan["colourScales"][number][] = [];
  const format = (row: number, column: number, rows: number, columns: number, f: string) => formats.push({ row, column, rows, columns, format: f });

  const { params } = report;
  blocks.push({
    row: 0,
    values: [
      [s.title],
      [s.calibrationEnd, report.calibrationEnd],
      [s.trackingEnd, report.trackingEnd],
      [s.customers, report.customers],
      ["r", params.r],
      ["alpha", params.alpha],
      ["a", params.a],
      ["b", params.b],
    ],
  });
  format(1, 1, 2, 1, s.dateFormat);
  format(3, 1, 1, 1, "#,##0");
  format(4, 1, 4, 1, "0.0000");
  let top = 9;

  /** A titled table; `columnFormats[c]` for its data rows; an optional chart over its first `chartColumns` columns. */
  const table = (title: string, header: readonly Cell[], rows: readonly (readonly Cell[])[], columnFormats: readonly string[], chart?: Omit<SheetChart, keyof SheetArea | "anchor"> & { columns: number }) => {
    blocks.push({ row: top, values: [[title]] }, { row: top + 1, values: [header, ...rows] });
    columnFormats.forEach((f, c) => {
      if (f && rows.length > 0) format(top + 2, c, rows.length, 1, f);
    });
    autofit.push({ row: top + 1, column: 0, rows: Math.min(rows.length + 1, 50), columns: header.length });
    if (chart && rows.length > 0) {
      charts.push({ ...chart, row: top + 1, column: 0, rows: rows.length + 1, anchor: { row: top + 1, column: header.length + 1 } });
    }
    top += 1 + Math.max(rows.length + 1, chart ? CHART_ROWS : 0) + 1;
  };

  // Repeat purchases in the calibration period
  const h = report.histogram;
  const last = h.actual.length - 1;
  table(
    s.histogramTitle,
    s.histogramHeader,
    Array.from(h.actual, (a, k) => [strings.btyd.check.groupLabel(k, k === last), a, h.expected[k]]),
    ["", "#,##0", "#,##0.0"],
    { type: "ColumnClustered", title: strings.btyd.check.report.histogramChart, columns: 3 },
  );

  // Calibration against holdout
  table(
    s.holdoutTitle((report.holdoutEnd - report.calibrationEnd) / 7),
    s.holdoutHeader,
    report.groups.map((g) => [strings.btyd.check.groupLabel(g.x, g.last), g.actual, g.predicted, g.customers]),
    ["", "0.00", "0.00", "#,##0"],
    { type: "ColumnClustered", title: s.holdoutChart, columns: 3 },
  );

  // Tracking, per week and cumulative
  const t = report.tracking;
  const week = report.calibrationWeek;
  const tracking = (actual: Float64Array, expected: Float64Array): Cell[][] => {
    let tallest = 0;
    for (let k = 0; k < t.periods; k++) tallest = Math.max(tallest, actual[k], expected[k]);
    return Array.from(actual, (a, k) => [String(k + 1), a, expected[k], k + 1 === week ? tallest : ""]);
  };
  table(s.weeklyTitle(week), s.trackingHeader, tracking(t.actual, t.expected), ["", "#,##0", "#,##0.0", "#,##0"], {
    type: "Line",
    title: strings.btyd.check.report.weeklyChart,
    columns: 4,
    columnSeries: [2],
  });
  table(s.cumulativeTitle(week), s.cumulativeHeader, tracking(t.actualCumulative, t.expectedCumulative), ["", "#,##0", "#,##0.0", "#,##0"], {
    type: "Line",
    title: strings.btyd.check.report.cumulativeChart,
    columns: 4,
    columnSeries: [2],
  });

  // Heatmaps
  const heatmap = (title: string, grid: FrequencyRecencyGrid, f: string) => {
    const rows = grid.values.map((line, x) => [grid.frequencies[x], ...Array.from(line, cell)]);
    const columns = grid.recencies.length;
    const at = top;
    table(title, [s.gridCorner, ...Array.from(grid.recencies)], rows, []);
    format(at + 2, 1, rows.length, columns, f);
    colourScales.push({ row: at + 2, column: 1, rows: rows.length, columns, low: HEAT_LOW, high: HEAT_HIGH });
  };
  heatmap(s.pAliveTitle(report.heatmapT), report.pAliveGrid, "0.00");
  heatmap(s.nextWeekTitle(report.heatmapT), report.nextWeekGrid, "0.000");

  // Model comparison
  const comparison = report.comparison.map((m): Cell[] =>
    m.status === "fitted"
      ? [m.model, m.logLikelihood, m.names.length, m.bic, m.holdout.meanAbsoluteError, m.holdout.predictedTotal, m.holdout.actualTotal, cell(m.holdout.totalError)]
      : [m.model, s.refused(m.message)],
  );
  table(s.comparisonTitle(report.customers), s.comparisonHeader, comparison, ["", "#,##0.00", "0", "#,##0.00", "0.000", "#,##0.0", "#,##0", "0.0%"]);
  const parameters: Cell[][] = [];
  for (const m of report.comparison) {
    if (m.status !== "fitted") continue;
    m.names.forEach((name, i) => parameters.push([m.model, name, m.estimates[i], m.standardErrors[i]]));
  }
  table(s.parametersTitle, s.parametersHeader, parameters, ["", "", "0.0000", "0.0000"]);
  blocks.push({ row: top, values: [[s.bgbbNote]] });

  return { baseName: s.name, incompleteName: s.incompleteName, blocks, formats, colourScales, charts, autofit };
}
