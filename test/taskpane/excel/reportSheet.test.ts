/**
 * The report-sheet writer (excel/reportSheet.ts) with the Model report's plan on CDNOW_sample.txt
 * (model/modelReportPlan.ts), against the office-addin-mock workbook of mockExcel.ts: a NEW sheet
 * beside an existing "Model report", every table's cells equal to the core's numbers, a native
 * chart beside each chart table (the calibration-end marker drawn as a column), colour scales on
 * the two heatmaps; a half-written sheet removed when a write fails.
 */
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { ExcelLayerError, writeReportSheet } from "../../../src/taskpane/excel";
import { FORMAT_ROWS } from "../../../src/taskpane/excel/reportSheet";
import { checkModel, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { buildModelReport, type ModelReport } from "../../../src/taskpane/model/modelReport";
import { CHART_ROWS, modelReportSheetPlan } from "../../../src/taskpane/model/modelReportPlan";
import { en } from "../../../src/taskpane/strings/en";
import { cdnowOrders, isoOf } from "../../support/btydFixtures";
import { type MockSheet, installMockExcel, newState, uninstallMockExcel } from "./mockExcel";

afterEach(() => uninstallMockExcel());

const s = en.btyd.check.report.sheet;

/** The 0-based row of the cell in column A holding `title`. */
const rowOf = (cells: unknown[][], title: string): number => cells.findIndex((r) => r?.[0] === title);

describe("writeReportSheet with the Model report", () => {
  let report: ModelReport;
  beforeAll(async () => {
    const orders = cdnowOrders();
    const log = readOrderLog(
      orders.customer.map((c, i) => [c, isoOf(orders.ymd[i])]),
      0,
      1,
      1,
    );
    report = await buildModelReport(log, await checkModel(log, serialFromIsoText("1997-09-30")!));
  }, 60000);

  it("writes every table to a new sheet beside an existing one, with its chart beside it and colour scales on the heatmaps", async () => {
    const existing: MockSheet = { name: "Model report", cells: [["keep me"]], protected: false };
    const state = newState([existing]);
    installMockExcel(state);
    const plan = modelReportSheetPlan(report, en);
    const written = await writeReportSheet(plan);
    expect(written).toEqual({ sheetName: "Model report (2)", formatted: true });
    expect(existing.cells).toEqual([["keep me"]]); // never overwritten
    const out = state.sheets.find((x) => x.name === "Model report (2)")!.cells;

    // Head: the dates as serials, the customers, the fitted BG/NBD parameters.
    expect(out[1].slice(0, 2)).toEqual([s.calibrationEnd, serialFromIsoText("1997-09-30")]);
    expect(out[2].slice(0, 2)).toEqual([s.trackingEnd, serialFromIsoText("1998-06-30")]);
    expect(out[3].slice(0, 2)).toEqual([s.customers, 2357]);
    expect(out[4][1]).toBe(report.params.r);

    // Histogram: the core's counts, row for row (1,411 … 64: cdnow_customers_summary.csv).
    const h = rowOf(out, s.histogramTitle);
    expect(out[h + 1].slice(0, 3)).toEqual(s.histogramHeader);
    const histogram = out.slice(h + 2, h + 10).map((r) => r.slice(0, 3));
    expect(histogram.map((r) => r[0])).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(histogram.map((r) => r[1])).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(histogram.map((r) => r[2])).toEqual(Array.from(report.histogram.expected));

    // Holdout groups: checkModel's means.
    const g = rowOf(out, s.holdoutTitle(39));
    expect(out.slice(g + 2, g + 10).map((r) => r.slice(0, 4))).toEqual(report.groups.map((x) => [en.btyd.check.groupLabel(x.x, x.last), x.actual, x.predicted, x.customers]));

    // Weekly tracking: 78 weeks, the marker only in week 39; cumulative ends at the core's total.
    const w = rowOf(out, s.weeklyTitle(39));
    const weekly = out.slice(w + 2, w + 80);
    expect(weekly.map((r) => r[1])).toEqual(Array.from(report.tracking.actual));
    expect(weekly.map((r) => r[2])).toEqual(Array.from(report.tracking.expected));
    expect(weekly.filter((r) => r[3] !== "").map((r) => r[0])).toEqual(["39"]);
    const c = rowOf(out, s.cumulativeTitle(39));
    expect(out[c + 79][1]).toBe(report.tracking.actualCumulative[77]);
    expect(out[c + 79][2]).toBe(report.tracking.expectedCumulative[77]);

    // Heatmaps at T = 38.86 weeks: t_x 0 … 38 across, x 0 … 29 down; impossible x = 0, t_x > 0 blank.
    const p = rowOf(out, s.pAliveTitle(report.heatmapT));
    expect(out[p + 1].slice(0, 4)).toEqual([s.gridCorner, 0, 1, 2]);
    expect(out[p + 2].slice(0, 3)).toEqual([0, 1, ""]);
    expect(out[p + 2 + 5][1 + 12]).toBe(report.pAliveGrid.values[5][12]);

    // Comparison: BG/NBD, Pareto/NBD, MBG/NBD with BIC and the holdout errors; parameters with SEs; the BG/BB note.
    const m = rowOf(out, s.comparisonTitle(2357));
    const rows = out.slice(m + 2, m + 5);
    expect(rows.map((r) => r[0])).toEqual(["BG/NBD", "Pareto/NBD", "MBG/NBD"]);
    const bg = report.comparison[0];
    if (bg.status !== "fitted") throw new Error("BG/NBD not fitted");
    expect(rows[0].slice(1, 8)).toEqual([bg.logLikelihood, 4, bg.bic, bg.holdout.meanAbsoluteError, bg.holdout.predictedTotal, bg.holdout.actualTotal, bg.holdout.totalError]);
    const params = rowOf(out, s.parametersTitle);
    expect(out[params + 2].slice(0, 4)).toEqual(["BG/NBD", "r", bg.estimates[0], bg.standardErrors[0]]);
    expect(out.some((r) => r?.[0] === s.bgbbNote)).toBe(true);

    // Four native charts, each beside its table; the tracking charts draw the marker series as columns.
    expect(state.chartPlacements).toEqual([
      { sheet: "Model report (2)", type: "ColumnClustered", source: [h + 1, 0, 9, 3], anchor: [h + 1, 4] },
      { sheet: "Model report (2)", type: "ColumnClustered", source: [g + 1, 0, 9, 3], anchor: [g + 1, 5] },
      { sheet: "Model report (2)", type: "Line", source: [w + 1, 0, 79, 4], anchor: [w + 1, 5] },
      { sheet: "Model report (2)", type: "Line", source: [c + 1, 0, 79, 4], anchor: [c + 1, 5] },
    ]);
    expect(state.charts.map((x) => x.seriesTypes)).toEqual([{}, {}, { 2: "ColumnClustered" }, { 2: "ColumnClustered" }]);
    // Short tables leave room for the chart: the next title comes CHART_ROWS + 2 rows later.
    expect(g - h).toBe(CHART_ROWS + 2);
    // Two colour scales, over each heatmap's values (30 × 39 cells).
    expect(state.conditionalFormats.map((f) => f.area)).toEqual([
      [p + 2, 1, 30, 39],
      [rowOf(out, s.nextWeekTitle(report.heatmapT)) + 2, 1, 30, 39],
    ]);
  });

  it("removes a half-written sheet when a write fails", async () => {
    const state = newState([{ name: "Orders", cells: [["keep me"]], protected: false }]);
    installMockExcel(state);
    // probe, add, the title block, the head block; then the histogram's title fails
    state.failWritesAfter = state.syncs + 4;
    await expect(writeReportSheet(modelReportSheetPlan(report, en))).rejects.toBeInstanceOf(ExcelLayerError);
    expect(state.deletedSheets).toEqual(["Model report"]);
    expect(state.sheets.map((x) => x.name)).toEqual(["Orders"]);
  });

  // The "Open a file…" results are big: 2,000,000 orders gave 200,000 customer lines, and spreading
  // them into Math.max(...) overflowed Chromium's stack ("Maximum call stack size exceeded").
  it("writes a file-sized block of 200,000 lines and sets its date formats in pieces of FORMAT_ROWS", async () => {
    const state = newState([{ name: "Orders", cells: [["keep me"]], protected: false }]);
    installMockExcel(state);
    const lines = 200_000;
    const values = Array.from({ length: lines }, (_, i) => [`c${i}`, 45_000 + (i % 365)]);
    const written = await writeReportSheet({
      baseName: "RFM from file",
      incompleteName: (name) => `${name} (incomplete)`,
      blocks: [{ row: 0, values: [["Title"]] }, { row: 2, values: [["customer", "first_order"], ...values] }],
      formats: [{ row: 3, column: 1, rows: lines, columns: 1, format: "dd.mm.yyyy" }],
      colourScales: [],
      charts: [],
      autofit: [],
    });
    expect(written).toEqual({ sheetName: "RFM from file", formatted: true });
    const out = state.sheets.find((x) => x.name === "RFM from file")!.cells;
    expect(out[0]).toEqual(["Title"]); // its own block, one cell wide
    expect(out[2]).toEqual(["customer", "first_order"]);
    expect(out[3]).toEqual(["c0", 45_000]);
    expect(out[3 + 199_999]).toEqual(["c199999", 45_000 + (199_999 % 365)]);
    const dateFormatRequests = state.numberFormats.filter((f) => f.format === "dd.mm.yyyy");
    expect(dateFormatRequests).toHaveLength(Math.ceil(lines / FORMAT_ROWS)); // 4 requests of 50,000 rows
    expect(dateFormatRequests.every((f) => f.column === 1)).toBe(true);
  });
});
