import {
  ExcelLayerError,
  checkWriteTargets,
  hostInfo,
  isDarkColour,
  officeTheme,
  readRows,
  readSelection,
  writeSegmentColumn,
  writeSegmentsSheet,
} from "../../../src/taskpane/excel";
import type { SheetPlan } from "../../../src/taskpane/excel";
import { MockSheet, MockState, installMockExcel, newState, uninstallMockExcel } from "./mockExcel";

function customers(rows: number): MockSheet {
  const cells: (string | number)[][] = [["Cust #", "Likelihood to recommend", "Orders"]];
  for (let i = 0; i < rows; i++) cells.push([1000 + i, i % 11, (i % 7) + 1]);
  return { name: "Customers", cells, protected: false };
}

let state: MockState;
function setup(sheets: MockSheet[], partial: Partial<MockState> = {}): MockState {
  state = newState(sheets, partial);
  installMockExcel(state);
  return state;
}
afterEach(() => uninstallMockExcel());

const colours = [
  { name: "Loyal", fill: "#2E8B57", font: "#000000" },
  { name: "High-risk", fill: "#DC5050", font: "#000000" },
];

function plan(rows: (string | number)[][]): SheetPlan {
  return {
    baseName: "Segments",
    incompleteName: (n) => `${n} incomplete`,
    header: ["Customer", "Segment", "Issue"],
    rows,
    segmentColumn: 1,
    colours,
    summary: { header: ["Segment", "Customers", "Share of revenue"], rows: [["Loyal", 1, 0.5], ["High-risk", 1, 0.5]], formats: ["", "#,##0", "0.0%"], chartTitle: "Chart" },
  };
}

describe("host checks", () => {
  it("reports no Excel when the globals are missing", () => {
    expect(hostInfo()).toEqual({ kind: "noExcel" });
  });

  it("says which requirement set is missing on an old host", () => {
    setup([customers(1)], { apiMinor: 7 });
    expect(hostInfo()).toEqual({ kind: "tooOld", needed: "ExcelApi 1.8" });
  });

  it("uses delayForCellEdit and selection areas only where supported", () => {
    setup([customers(1)], { apiMinor: 8 });
    expect(hostInfo()).toEqual({ kind: "ready", cellEditDelay: false, selectionAreas: false });
    state.apiMinor = 11;
    expect(hostInfo()).toEqual({ kind: "ready", cellEditDelay: true, selectionAreas: true });
  });

  it("takes the light theme when Office gives no theme (Excel on the web) and dark for a dark body", () => {
    setup([customers(1)]);
    expect(officeTheme()).toBe("light");
    (globalThis as any).Office.context.officeTheme = { bodyBackgroundColor: "#262626" };
    expect(officeTheme()).toBe("dark");
    // #ffffff has luminance 1, #262626 about 0.019
    expect(isDarkColour("#ffffff")).toBe(false);
    expect(isDarkColour(undefined)).toBe(false);
  });
});

describe("readSelection", () => {
  it("reads the block around a single selected cell, headers included, and captures its address", async () => {
    setup([customers(3)]);
    state.selection = { sheet: "Customers", row: 2, column: 1, rows: 1, columns: 1 };
    const read = await readSelection();
    expect(read.region).toEqual({ sheetName: "Customers", address: "Customers!A1:C4", rowIndex: 0, columnIndex: 0, rowCount: 4, columnCount: 3 });
    expect(read.firstRows[0]).toEqual(["Cust #", "Likelihood to recommend", "Orders"]);
    expect(read.firstRows[1]).toEqual([1000, 0, 1]);
    expect(state.runs.every((r) => r.delayForCellEdit)).toBe(true);
  });

  it("cuts a whole-column selection down to the used range", async () => {
    setup([customers(5)]);
    state.selection = { sheet: "Customers", row: 0, column: 0, rows: 1_048_576, columns: 2 };
    const read = await readSelection();
    // used range A1:C6 ∩ A1:B1048576 = A1:B6
    expect(read.region.address).toBe("Customers!A1:B6");
    expect(read.region.rowCount).toBe(6);
    expect(read.firstRows).toHaveLength(6);
  });

  it("asks for one area when several are selected", async () => {
    setup([customers(3)]);
    state.selection = { sheet: "Customers", row: 0, column: 0, rows: 2, columns: 2, areas: 2 };
    await expect(readSelection()).rejects.toMatchObject({ kind: "multipleAreas" });
  });

  it("gives an empty region for a selection outside the used range", async () => {
    setup([customers(3)]);
    state.selection = { sheet: "Customers", row: 10, column: 10, rows: 5, columns: 5 };
    const read = await readSelection();
    expect(read.region.rowCount).toBe(0);
    expect(read.firstRows).toEqual([]);
  });

  it("asks for one area on a host without getSelectedRanges (ExcelApi 1.8)", async () => {
    setup([customers(3)], { apiMinor: 8 });
    state.selection = { sheet: "Customers", row: 0, column: 0, rows: 2, columns: 2, areas: 2 };
    await expect(readSelection()).rejects.toMatchObject({ kind: "multipleAreas" });
  });

  it("reports cell-edit mode on a host without delayForCellEdit", async () => {
    setup([customers(3)], { apiMinor: 9, cellEditMode: true });
    await expect(readSelection()).rejects.toMatchObject({ kind: "cellEditMode" });
  });

  it("waits for the edit (delayForCellEdit) where the host supports it", async () => {
    setup([customers(3)], { apiMinor: 11, cellEditMode: true });
    state.selection = { sheet: "Customers", row: 0, column: 0, rows: 4, columns: 3 };
    const read = await readSelection();
    expect(read.region.rowCount).toBe(4);
  });
});

describe("readRows", () => {
  const region = { sheetName: "Customers", address: "Customers!A1:C25001", rowIndex: 0, columnIndex: 0, rowCount: 25_001, columnCount: 3 };

  it("reads a 25,000-row range in blocks of 10,000 rows", async () => {
    setup([customers(25_000)]);
    const progress: number[] = [];
    const rows = await readRows(region, 1, 25_000, { onProgress: (done) => progress.push(done) });
    expect(rows).toHaveLength(25_000);
    expect(rows[0]).toEqual([1000, 0, 1]);
    expect(rows[24_999]).toEqual([25_999, 24_999 % 11, (24_999 % 7) + 1]);
    // 10,000 + 10,000 + 5,000
    expect(state.reads.map((r) => r.rows)).toEqual([10_000, 10_000, 5_000]);
    expect(state.reads.map((r) => r.row)).toEqual([1, 10_001, 20_001]);
    expect(progress).toEqual([0, 10_000, 20_000, 25_000]);
  });

  it("halves the block and retries after ResponsePayloadSizeLimitExceeded", async () => {
    // 3 columns: 7,500 cells allowed → 10,000 rows fail, 5,000 rows (15,000 cells) fail, 2,500 rows (7,500 cells) pass
    setup([customers(25_000)], { payloadCells: 7_500 });
    const rows = await readRows(region, 1, 25_000);
    expect(rows).toHaveLength(25_000);
    expect(rows[12_345]).toEqual([13_345, 12_345 % 11, (12_345 % 7) + 1]);
    // 25,000 / 2,500 = 10 successful reads, all of 2,500 rows; the smaller size is kept
    expect(state.reads.map((r) => r.rows)).toEqual(new Array(10).fill(2_500));
    // 2 failed attempts + 10 reads, and the sheet watch of a read of several blocks (add, remove)
    expect(state.syncs).toBe(14);
    expect(state.handlers).toBe(0);
  });

  it("stops between blocks when cancelled", async () => {
    setup([customers(25_000)]);
    const controller = new AbortController();
    const promise = readRows(region, 1, 25_000, { signal: controller.signal, onProgress: (done) => done >= 10_000 && controller.abort() });
    await expect(promise).rejects.toMatchObject({ kind: "cancelled" });
    expect(state.reads).toHaveLength(1);
  });

  it("reports a renamed or deleted source sheet", async () => {
    setup([customers(3)]);
    await expect(readRows({ ...region, sheetName: "Gone" }, 0, 3)).rejects.toMatchObject({ kind: "sheetGone" });
  });
});

describe("writeSegmentsSheet", () => {
  it("writes values to a new sheet, then the table, four-colour rules, summary and chart", async () => {
    setup([customers(2)]);
    const written = await writeSegmentsSheet(plan([["1000", "Loyal", ""], ["1001", "High-risk", ""]]));
    expect(written).toEqual({ sheetName: "Segments", formatted: true });
    const sheet = state.sheets.find((s) => s.name === "Segments") as MockSheet;
    expect(sheet.cells.slice(0, 3).map((r) => r.slice(0, 3))).toEqual([
      ["Customer", "Segment", "Issue"],
      ["1000", "Loyal", ""],
      ["1001", "High-risk", ""],
    ]);
    // summary table starts one column right of the results (column E = index 4)
    expect(sheet.cells[0].slice(4, 7)).toEqual(["Segment", "Customers", "Share of revenue"]);
    expect(state.tables).toEqual([{ sheet: "Segments", address: "0,0,3,3/true" }]);
    expect(state.conditionalFormats).toEqual([
      { sheet: "Segments", column: 1, type: "ContainsText", text: "Loyal", fill: "#2E8B57", font: "#000000" },
      { sheet: "Segments", column: 1, type: "ContainsText", text: "High-risk", fill: "#DC5050", font: "#000000" },
    ]);
    expect(state.charts).toEqual([{ sheet: "Segments", type: "ColumnClustered", seriesBy: "Columns", title: "Chart", secondType: "Line", secondAxis: "Secondary", seriesTypes: { 1: "Line" } }]);
    // Text first: "@" on the string cells of the results (from column A) and of the summary (column E),
    // then each summary column's number format (the mock records each range's first cell).
    expect(state.numberFormats).toEqual([
      { sheet: "Segments", column: 0, format: "@" },
      { sheet: "Segments", column: 4, format: "@" },
      { sheet: "Segments", column: 5, format: "#,##0" },
      { sheet: "Segments", column: 6, format: "0.0%" },
    ]);
    expect(state.suspendCalls).toBeGreaterThan(0);
    // the customer sheet is untouched
    expect(state.sheets[0].cells).toEqual(customers(2).cells);
  });

  it("never overwrites: picks Segments (3) when Segments and Segments (2) exist, in any case", async () => {
    setup([customers(2), { name: "segments", cells: [["keep"]], protected: false }, { name: "Segments (2)", cells: [["keep too"]], protected: false }]);
    const written = await writeSegmentsSheet(plan([["1000", "Loyal", ""]]));
    expect(written.sheetName).toBe("Segments (3)");
    expect(state.sheets[1].cells).toEqual([["keep"]]);
    expect(state.sheets[2].cells).toEqual([["keep too"]]);
  });

  it("writes 25,000 rows in blocks and halves them after RequestPayloadSizeLimitExceeded", async () => {
    // 3 columns, limit 15,000 cells: 10,000 rows (30,000 cells) fail, 5,000 rows pass
    setup([customers(1)], { payloadCells: 15_000 });
    const rows = Array.from({ length: 25_000 }, (_, i) => [String(i), "Loyal", ""]);
    await writeSegmentsSheet(plan(rows));
    const valueWrites = state.writes.filter((w) => w.sheet === "Segments" && w.column === 0);
    // 25,001 rows with the header: 5,000 × 5 + 1
    expect(valueWrites.map((w) => w.rows)).toEqual([5_000, 5_000, 5_000, 5_000, 5_000, 1]);
    const sheet = state.sheets.find((s) => s.name === "Segments") as MockSheet;
    expect(sheet.cells[25_000][0]).toBe("24999");
  });

  it("refuses a new sheet when the workbook structure is protected, adding nothing", async () => {
    setup([customers(2)], { structureProtected: true });
    await expect(writeSegmentsSheet(plan([["1000", "Loyal", ""]]))).rejects.toMatchObject({ kind: "structureProtected" });
    expect(state.sheets.map((s) => s.name)).toEqual(["Customers"]);
  });

  it("removes a half-written sheet when a write fails", async () => {
    setup([customers(1)]);
    // syncs: 1 probe, 2 add, 3 first block, 4 second block fails
    state.failWritesAfter = 3;
    const rows = Array.from({ length: 15_000 }, (_, i) => [String(i), "Loyal", ""]);
    await expect(writeSegmentsSheet(plan(rows))).rejects.toBeInstanceOf(ExcelLayerError);
    expect(state.deletedSheets).toEqual(["Segments"]);
    expect(state.sheets.map((s) => s.name)).toEqual(["Customers"]);
  });

  it("renames a half-written sheet it cannot delete, so it is clearly incomplete", async () => {
    setup([customers(1)]);
    state.failWritesAfter = 3;
    state.failDelete = true;
    const rows = Array.from({ length: 15_000 }, (_, i) => [String(i), "Loyal", ""]);
    await expect(writeSegmentsSheet(plan(rows))).rejects.toBeInstanceOf(ExcelLayerError);
    expect(state.sheets.map((s) => s.name)).toEqual(["Customers", "Segments incomplete"]);
  });

  it("removes the sheet on Cancel", async () => {
    setup([customers(1)]);
    const controller = new AbortController();
    const rows = Array.from({ length: 15_000 }, (_, i) => [String(i), "Loyal", ""]);
    const promise = writeSegmentsSheet(plan(rows), { signal: controller.signal, onProgress: (done) => done > 0 && controller.abort() });
    await expect(promise).rejects.toMatchObject({ kind: "cancelled" });
    expect(state.sheets.map((s) => s.name)).toEqual(["Customers"]);
  });

  it("keeps the values and reports formatted: false when formatting fails", async () => {
    setup([customers(1)], { failTables: "GeneralException" });
    const written = await writeSegmentsSheet(plan([["1000", "Loyal", ""]]));
    expect(written).toEqual({ sheetName: "Segments", formatted: false });
    expect((state.sheets[1].cells[1] ?? []).slice(0, 2)).toEqual(["1000", "Loyal"]);
  });
});

// The writes themselves (anchor name, checks queued before each write, events, undo) need what
// office-addin-mock cannot model, so they are tested against the preview's Excel stand-in in
// columnWriter.test.ts. Here: the checks before anything is written.
describe("Segment column beside the source", () => {
  const region = { sheetName: "Customers", address: "Customers!A1:C3", rowIndex: 0, columnIndex: 0, rowCount: 3, columnCount: 3 };

  it("sees an empty column, an occupied one and a protected sheet", async () => {
    setup([customers(2)]);
    expect(await checkWriteTargets(region)).toEqual({ newSheetAllowed: true, beside: { kind: "empty" } });
    state.sheets[0].cells[2][3] = "note";
    expect((await checkWriteTargets(region)).beside).toEqual({ kind: "occupied" });
    state.sheets[0].protected = true;
    state.structureProtected = true;
    expect(await checkWriteTargets(region)).toEqual({ newSheetAllowed: false, beside: { kind: "sheetProtected" } });
  });

  it("refuses to write beside when a cell there has been filled meanwhile", async () => {
    setup([customers(2)]);
    state.sheets[0].cells[1][3] = "mine";
    await expect(writeSegmentColumn({ region, mode: "beside", header: "Segment", values: ["Loyal", "Loyal"], colours })).rejects.toBeInstanceOf(ExcelLayerError);
    expect(state.sheets[0].cells[1][3]).toBe("mine");
  });

  it("refuses on a protected sheet", async () => {
    setup([{ ...customers(2), protected: true }]);
    await expect(writeSegmentColumn({ region, mode: "insert", header: "Segment", values: ["Loyal", "Loyal"], colours })).rejects.toMatchObject({ kind: "sheetProtected" });
    expect(state.inserted).toEqual([]);
  });
});
