/**
 * The Cohorts sheet writer (excel/cohortsSheet.ts) against the office-addin-mock workbook of
 * mockExcel.ts: the order log read from a sheet with the pane's own readSelection/readRows, the
 * model run, and the plan written to a NEW sheet (never over an existing one), in blocks, with
 * one colour scale and one line chart; a half-written sheet removed on failure or Cancel.
 */
import { ExcelLayerError, readRows, readSelection, writeCohortsSheet } from "../../../src/taskpane/excel";
import { cohortsSheetPlan } from "../../../src/taskpane/retention/cohortsPlan";
import { runRetention } from "../../../src/taskpane/retention/retentionRun";
import { en } from "../../../src/taskpane/strings/en";
import { MockSheet, MockState, installMockExcel, newState, uninstallMockExcel } from "./mockExcel";

afterEach(() => uninstallMockExcel());

// Serials: 2024-01-01 = 45292, Jan 10 = 45301, Jan 20 = 45311, Feb 5 = 45327, Mar 15 = 45366, Mar 31 = 45382.
function orders(): MockSheet {
  return {
    name: "Orders",
    cells: [
      ["Customer", "Order date"],
      ["A", 45301],
      ["B", 45311],
      ["C", 45327],
      ["A", 45366],
      ["C", 45382],
    ],
    protected: false,
  };
}

async function planFor(state: MockState, period: "month" | "week" = "month") {
  installMockExcel(state);
  const picked = await readSelection();
  const rows = await readRows(picked.region, 1, picked.region.rowCount - 1);
  const result = await runRetention({ rows, firstSheetRow: 2, idColumn: 0, dateColumn: 1, period, activeDays: 365 });
  return cohortsSheetPlan(result, en);
}

describe("writeCohortsSheet", () => {
  it("writes the triangle, the period table and the curve data to a new sheet beside an existing Cohorts sheet", async () => {
    const existing: MockSheet = { name: "Cohorts", cells: [["keep me"]], protected: false };
    const state = newState([orders(), existing]);
    state.selection = { sheet: "Orders", row: 2, column: 1, rows: 1, columns: 1 };
    const plan = await planFor(state);
    const written = await writeCohortsSheet(plan);
    expect(written).toEqual({ sheetName: "Cohorts (2)", formatted: true });
    expect(existing.cells).toEqual([["keep me"]]); // never overwritten
    const out = state.sheets.find((s) => s.name === "Cohorts (2)")!.cells;

    // Triangle (A2:E4): January cohort A, B: 1, 0 (nobody in February), 1/2 (A in March);
    // February cohort C: 1, 1 (March), blank (April has not ended by March 31).
    expect(out[0][0]).toBe(en.retention.sheet.triangleTitle("month"));
    expect(out.slice(1, 4)).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
      [45292, 2, 1, 0, 0.5],
      [45323, 1, 1, 1, ""],
    ]);
    // Period table from row 6 (0-based 5): active_days 365, so nobody is lost.
    // Jan: CS 0, new 2, CE 2. Feb: CS 2 (A, B), new 1 (C), CE 3, retained 2. Mar: CS 3, CE 3, retained 3.
    expect(out[5][0]).toBe(en.retention.sheet.tableTitle("month", 365));
    expect(out.slice(6, 10)).toEqual([
      en.retention.sheet.tableHeaders,
      [45292, 0, 2, 0, 2, 0, "", 0],
      [45323, 2, 1, 0, 3, 2, 1, 0],
      [45352, 3, 0, 0, 3, 3, 1, 0],
    ]);
    // Chart data from row 11 (0-based 10): the two cohorts with an ended month 1, named with their sizes (A, B; C).
    expect(out.slice(11, 15)).toEqual([
      ["Month", "2024-01 (2 customers)", "2024-02 (1 customer)"],
      ["Month 0", 1, 1],
      ["Month 1", 0, 1],
      ["Month 2", 0.5, ""],
    ]);

    // ONE colour-scale rule over months 1–2 of both cohorts (D3:E4), white to the palette's blue.
    expect(state.conditionalFormats).toHaveLength(1);
    expect(state.conditionalFormats[0]).toMatchObject({
      sheet: "Cohorts (2)",
      type: "ColorScale",
      area: [2, 3, 2, 2],
      criteria: { minimum: { type: "LowestValue", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#3B82C4" } },
    });
    // One native line chart over the chart data A12:C15, placed right of it (column E).
    expect(state.chartPlacements).toEqual([{ sheet: "Cohorts (2)", type: "Line", source: [11, 0, 4, 3], anchor: [11, 4] }]);
    expect(state.charts[0]).toMatchObject({ type: "Line", seriesBy: "Columns", title: en.retention.sheet.chartTitle });
    // Dates shown as dates, shares as percentages
    expect(state.numberFormats).toEqual(
      expect.arrayContaining([
        { sheet: "Cohorts (2)", column: 0, format: "yyyy-mm-dd" },
        { sheet: "Cohorts (2)", column: 2, format: "0%" },
        { sheet: "Cohorts (2)", column: 6, format: "0.0%" },
      ]),
    );
    // values were written with calculation suspended, formatting after
    expect(state.suspendCalls).toBeGreaterThan(0);
  });

  it("writes a large weekly triangle in smaller blocks after a payload error, with the same cells", async () => {
    // 300 customers over 2 years of weeks: each orders in its first week and again 3 and 10 weeks later.
    const cells: (string | number)[][] = [["Customer", "Order date"]];
    for (let i = 0; i < 300; i++) {
      const first = 45292 + ((i * 7 * 101) % 700); // spread over 100 weeks
      cells.push([`C${i}`, first], [`C${i}`, first + 21], [`C${i}`, first + 70]);
    }
    const sheet: MockSheet = { name: "Orders", cells, protected: false };
    const free = newState([sheet]);
    const plan = await planFor(free, "week");
    uninstallMockExcel();
    const triangle = plan.blocks[1].values;
    expect(triangle.length).toBeGreaterThan(50);

    const limited = newState([{ name: "Orders", cells, protected: false }], { payloadCells: 2_000 });
    installMockExcel(limited);
    const written = await writeCohortsSheet(plan, { startRows: 40 });
    expect(written.sheetName).toBe("Cohorts");
    const out = limited.sheets.find((s) => s.name === "Cohorts")!.cells;
    // the triangle's rows are back in place, cell for cell
    expect(out.slice(1, 1 + triangle.length).map((r) => r.slice(0, triangle[0].length))).toEqual(triangle);
    // blocks wider than 2,000 cells were halved: every write stayed within the limit
    expect(limited.writes.every((w) => w.rows * w.columns <= 2_000)).toBe(true);
    expect(limited.writes.filter((w) => w.sheet === "Cohorts").length).toBeGreaterThan(plan.blocks.length);
  });

  it("removes a half-written sheet when a write fails", async () => {
    const state = newState([orders()]);
    const plan = await planFor(state);
    // syncs so far: the selection and row reads; from the next one: probe, add, then the title, then the failing triangle
    state.failWritesAfter = state.syncs + 3;
    await expect(writeCohortsSheet(plan)).rejects.toBeInstanceOf(ExcelLayerError);
    expect(state.deletedSheets).toEqual(["Cohorts"]);
    expect(state.sheets.map((s) => s.name)).toEqual(["Orders"]);
  });

  it("renames a half-written sheet it cannot delete", async () => {
    const state = newState([orders()]);
    const plan = await planFor(state);
    state.failWritesAfter = state.syncs + 3;
    state.failDelete = true;
    await expect(writeCohortsSheet(plan)).rejects.toBeInstanceOf(ExcelLayerError);
    expect(state.sheets.map((s) => s.name)).toEqual(["Orders", "Cohorts incomplete"]);
  });

  it("removes the sheet on Cancel", async () => {
    const state = newState([orders()]);
    const plan = await planFor(state);
    const controller = new AbortController();
    const promise = writeCohortsSheet(plan, { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(promise).rejects.toMatchObject({ kind: "cancelled" });
    expect(state.sheets.map((s) => s.name)).toEqual(["Orders"]);
  });

  it("says the workbook structure is protected and adds nothing", async () => {
    const state = newState([orders()]);
    const plan = await planFor(state);
    state.structureProtected = true;
    await expect(writeCohortsSheet(plan)).rejects.toMatchObject({ kind: "structureProtected" });
    expect(state.sheets.map((s) => s.name)).toEqual(["Orders"]);
  });
});
