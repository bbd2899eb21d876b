/**
 * The Rewards writer (excel/rewardsSheet.ts) against the office-addin-mock workbook: the table goes
 * one column right of everything on the Segments sheet, nothing there is overwritten, and the chart
 * plots segment, programme cost and profit below the Segments chart.
 */
import { ExcelLayerError } from "../../../src/taskpane/excel";
import { writeRewardsTable } from "../../../src/taskpane/excel/rewardsSheet";
import type { RewardsSheetPlan } from "../../../src/taskpane/model/rewardsPlan";
import { MockSheet, installMockExcel, newState, uninstallMockExcel } from "./mockExcel";

afterEach(() => uninstallMockExcel());

// A Segments sheet as the pane writes it: results in A:C, the summary in E:G (columns 4–6).
function segmentsSheet(): MockSheet {
  return {
    name: "Segments",
    cells: [
      ["Customer", "Segment", "Issue", "", "Segment", "Customers", "Share"],
      ["1001", "Loyal", "", "", "Loyal", 1, 0.5],
      ["1004", "High-risk", "", "", "High-risk", 1, 0.5],
    ],
    protected: false,
  };
}

const plan: RewardsSheetPlan = {
  title: "Rewards plan: cost of a point = 0.8",
  header: ["Segment", "Programme cost", "Profit", "Suggested reward"],
  rows: [
    ["Loyal", 1120, 1200, "Exclusive benefits"],
    ["High-risk", 40, 10, "No loyalty spend"],
  ],
  moneyColumns: [1, 2],
  chartColumns: 3,
  chartTitle: "Programme cost and profit per segment",
};

describe("writeRewardsTable", () => {
  it("writes the title, table and chart one column right of the used range, leaving the rest as it was", async () => {
    const sheet = segmentsSheet();
    const before = sheet.cells.map((r) => r.slice());
    const state = newState([sheet]);
    installMockExcel(state);
    const written = await writeRewardsTable("Segments", plan);
    // Used range A1:G3 → the table starts at column I (index 8), rows 1–4.
    expect(written).toEqual({ sheetName: "Segments", address: "Segments!I1:L4" });
    expect(sheet.cells.slice(0, 3).map((r) => r.slice(0, 7))).toEqual(before);
    expect(sheet.cells[3].slice(0, 8).filter((v) => v !== undefined && v !== "")).toEqual([]);
    expect(sheet.cells.map((r) => r.slice(8, 12))).toEqual([
      ["Rewards plan: cost of a point = 0.8", "", "", ""],
      ["Segment", "Programme cost", "Profit", "Suggested reward"],
      ["Loyal", 1120, 1200, "Exclusive benefits"],
      ["High-risk", 40, 10, "No loyalty spend"],
    ]);
    expect(state.numberFormats).toEqual([
      { sheet: "Segments", column: 9, format: "#,##0.00" },
      { sheet: "Segments", column: 10, format: "#,##0.00" },
    ]);
    // The chart plots the header and two rows of columns I:K, placed at row 2 + 16 + 2 = 20 (0-based), column I.
    expect(state.chartPlacements).toEqual([{ sheet: "Segments", type: "ColumnClustered", source: [1, 8, 3, 3], anchor: [20, 8] }]);
    expect(state.charts[0]).toMatchObject({ title: "Programme cost and profit per segment", seriesBy: "Columns" });
  });

  it("writes nothing on a protected sheet", async () => {
    const sheet = { ...segmentsSheet(), protected: true };
    const state = newState([sheet]);
    installMockExcel(state);
    await expect(writeRewardsTable("Segments", plan)).rejects.toEqual(new ExcelLayerError("sheetProtected"));
    expect(state.writes).toEqual([]);
    expect(state.charts).toEqual([]);
  });
});
