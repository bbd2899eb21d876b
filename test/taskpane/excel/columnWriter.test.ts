/**
 * The Segment column beside the data (columnWriter.ts), against the preview's Excel stand-in,
 * which keeps what office-addin-mock cannot: operations of a request run in order (a load queued
 * before a write sees the cells before it), names that move with inserted columns, worksheet
 * events with triggerSource, and a user who types, inserts or sorts between two requests
 * (model.simulation.afterSync + model.user). Issue 10, "The pane can overwrite or delete user data":
 * each case here failed before the change (the old writer checked once, wrote blind, and undid by
 * clearing or deleting the whole target column).
 */
import { WorkbookModel, createExcel } from "../../../src/preview/fakeExcel";
import { createOffice } from "../../../src/preview/host/office";
import { ExcelLayerError, writeSegmentColumn } from "../../../src/taskpane/excel";
import type { ColumnPlan, Region } from "../../../src/taskpane/excel";

const colours = [{ name: "Loyal", fill: "#2E8B57", font: "#000000" }];

/** Customers A1:C7: header and six customers; column D empty. */
function workbook(): WorkbookModel {
  const model = new WorkbookModel(["Customers"]);
  const sheet = model.sheet("Customers")!;
  const rows: (string | number)[][] = [["Customer", "Recommend", "Orders"]];
  for (let i = 1; i <= 6; i++) rows.push([`C${i}`, i, i * 2]);
  rows.forEach((line, r) => line.forEach((v, c) => sheet.set(r, c, v)));
  return model;
}

const region: Region = { sheetName: "Customers", address: "Customers!A1:C7", rowIndex: 0, columnIndex: 0, rowCount: 7, columnCount: 3 };
const values = ["Loyal", "Loyal", "High-risk", "Reachable", "Loyal", "Locked-in"];
const plan = (mode: ColumnPlan["mode"]): ColumnPlan => ({ region, mode, header: "Segment", values, colours });

let model: WorkbookModel;
beforeEach(() => {
  model = workbook();
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = createExcel(model);
  g.Office = createOffice(Promise.resolve());
});
afterEach(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

const column = (col: number) => Array.from({ length: 8 }, (_, r) => model.sheet("Customers")!.get(r, col));
/** The untouched workbook's first 8 rows × 6 columns. */
const workbookGrid = () => {
  const fresh = workbook().sheet("Customers")!;
  return Array.from({ length: 8 }, (_, r) => Array.from({ length: 6 }, (_, c) => fresh.get(r, c)));
};
const grid = () => Array.from({ length: 8 }, (_, r) => Array.from({ length: 6 }, (_, c) => model.sheet("Customers")!.get(r, c)));

/** Acts once as the user, after the first sync at which `when()` holds. */
function userOnce(when: () => boolean, act: () => void): void {
  let done = false;
  model.simulation.afterSync = () => {
    if (done || !when()) return;
    done = true;
    act();
  };
}

async function failure(promise: Promise<unknown>): Promise<ExcelLayerError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ExcelLayerError);
    return error as ExcelLayerError;
  }
  throw new Error("expected the write to stop");
}

/** Nothing of the run is left behind: no temporary name, no event handler. */
async function expectNothingLeft(): Promise<void> {
  await model.events.settled();
  expect(model.namedRanges).toEqual([]);
  expect(model.events.handlerCount).toBe(0);
}

describe("writeSegmentColumn beside the data (stand-in)", () => {
  it("writes the header and values as text in blocks, with colour rules, and leaves no name or handler behind", async () => {
    await writeSegmentColumn(plan("beside"), { startRows: 2 });
    expect(column(3)).toEqual(["Segment", ...values, null]);
    expect(model.sheet("Customers")!.numberFormat(1, 3)).toBe("@");
    expect(model.sheet("Customers")!.conditionalFormats.map((f) => f.text)).toEqual(["Loyal"]);
    await expectNothingLeft();
  });

  it("stops when the user types into a target cell during the run, puts the note back and takes out only its own cells", async () => {
    // After the first block (D1:D2) is written, the user types a note in D4, which block 2 (D3:D4) would overwrite.
    userOnce(() => model.sheet("Customers")!.get(1, 3) === "Loyal", () => {
      model.sheet("Customers")!.set(3, 3, "call back");
    });
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2 }));
    expect(error.kind).toBe("targetNotEmpty");
    expect(error.info).toMatchObject({ cell: "D4", cleared: 2, kept: 0 });
    expect(column(3)).toEqual([null, null, null, "call back", null, null, null, null]);
    expect(model.sheet("Customers")!.numberFormat(3, 3)).toBe("General");
    await expectNothingLeft();
  });

  it("on a host without triggerSource (before ExcelApi 1.14), tells its own blocks from the user's change by address", async () => {
    // Older hosts' change events do not say who changed the cells: the writer knows its own blocks
    // (D1:D2, D3:D4, …) by address. A full run must not stop at its own writes…
    model.simulation.triggerSource = false;
    await writeSegmentColumn(plan("beside"), { startRows: 2 });
    expect(column(3)).toEqual(["Segment", ...values, null]);
    await expectNothingLeft();
    // …and a user's edit elsewhere still stops the next run.
    model = workbook();
    model.simulation.triggerSource = false;
    (globalThis as unknown as Record<string, unknown>).Excel = createExcel(model);
    userOnce(() => model.sheet("Customers")!.get(1, 3) === "Loyal", () => model.user.type("Customers", "B3", "9"));
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2 }));
    expect(error.kind).toBe("changedWhileWriting");
    expect(error.info.change).toEqual({ kind: "edited", address: "B3" });
    expect(column(3)).toEqual(new Array(8).fill(null));
    await expectNothingLeft();
  });

  it("stops at the first change the user makes elsewhere on the sheet and says what changed", async () => {
    userOnce(() => model.sheet("Customers")!.get(1, 3) === "Loyal", () => model.user.type("Customers", "B3", "9"));
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2 }));
    expect(error.kind).toBe("changedWhileWriting");
    expect(error.info.change).toEqual({ kind: "edited", address: "B3" });
    expect(error.info.cleared).toBeGreaterThanOrEqual(2);
    expect(column(3)).toEqual(new Array(8).fill(null));
    expect(model.sheet("Customers")!.get(2, 1)).toBe(9);
    await expectNothingLeft();
  });

  it("keeps a cell it wrote that the user has changed since, and clears only the others", async () => {
    // The user overwrites the pane's header D1 after the first block: a foreign change, and D1 no longer holds what the run wrote.
    userOnce(() => model.sheet("Customers")!.get(1, 3) === "Loyal", () => model.user.type("Customers", "D1", "My header"));
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2 }));
    expect(error.kind).toBe("changedWhileWriting");
    expect(error.info).toMatchObject({ kept: 1 });
    expect(column(3)).toEqual(["My header", null, null, null, null, null, null, null]);
    await expectNothingLeft();
  });

  it("follows the target when the user inserts a column left of it, stops, and leaves the user's columns intact", async () => {
    const before = grid();
    userOnce(() => model.sheet("Customers")!.get(1, 3) === "Loyal", () => model.user.insertColumns("Customers", "A"));
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2 }));
    expect(error.kind).toBe("changedWhileWriting");
    expect(error.info.change).toEqual({ kind: "inserted", address: "A:A" });
    // The data moved one column right; the pane's cells (now in E) were taken out; nothing else changed.
    const after = grid();
    expect(after.map((line) => line.slice(1, 4))).toEqual(before.map((line) => line.slice(0, 3)));
    expect(after.map((line) => line[0])).toEqual(new Array(8).fill(null));
    expect(after.map((line) => line[4])).toEqual(new Array(8).fill(null));
    await expectNothingLeft();
  });

  it("in insert mode, removes only its own inserted column when the user inserts another one during the run", async () => {
    const sheet = model.sheet("Customers")!;
    sheet.set(1, 3, "note in D2");
    userOnce(() => sheet.get(1, 3) === "Loyal", () => model.user.insertColumns("Customers", "B"));
    const error = await failure(writeSegmentColumn(plan("insert"), { startRows: 2 }));
    expect(error.kind).toBe("changedWhileWriting");
    // A, the user's new blank B, then Recommend, Orders, and the user's note: the pane's column is gone.
    expect(sheet.get(0, 0)).toBe("Customer");
    expect(sheet.get(0, 1)).toBeNull();
    expect([sheet.get(0, 2), sheet.get(0, 3)]).toEqual(["Recommend", "Orders"]);
    expect(sheet.get(1, 4)).toBe("note in D2");
    expect(sheet.get(0, 5)).toBeNull();
    await expectNothingLeft();
  });

  it("takes its cells out and its column away even when Excel refuses the undo's payload (blocks halved)", async () => {
    // A limit that the write blocks fit but a whole written block's read-back does not: the undo must work in pieces.
    const sheet = model.sheet("Customers")!;
    model.simulation.payloadLimitBytes = 120;
    userOnce(() => sheet.get(1, 3) !== null, () => model.user.insertColumns("Customers", "A"));
    const error = await failure(writeSegmentColumn(plan("insert"), { startRows: 4 }));
    expect(error.kind).toBe("changedWhileWriting");
    expect(error.info.cleared).toBeGreaterThan(0);
    expect(error.info.kept).toBe(0);
    model.simulation.payloadLimitBytes = null;
    // The user's blank A, then the data, and no column of the pane's.
    expect(grid().map((line) => line.slice(0, 5))).toEqual(workbookGrid().map((line) => [null, ...line.slice(0, 3), null]));
    await expectNothingLeft();
  });

  it("in insert mode, keeps its inserted column when the user typed into it, clearing only its own cells", async () => {
    const sheet = model.sheet("Customers")!;
    userOnce(() => sheet.get(1, 3) === "Loyal", () => model.user.type("Customers", "D7", "kept"));
    const error = await failure(writeSegmentColumn(plan("insert"), { startRows: 2 }));
    expect(["changedWhileWriting", "targetNotEmpty"]).toContain(error.kind);
    expect(column(3)).toEqual([null, null, null, null, null, null, "kept", null]);
    expect([sheet.get(0, 2), sheet.get(0, 4)]).toEqual(["Orders", null]);
    await expectNothingLeft();
  });

  it("stops when the user sorts the sheet during the run", async () => {
    userOnce(() => model.sheet("Customers")!.get(1, 3) === "Loyal", () => model.user.sortRows("Customers", "A2:C7", "B", true));
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2 }));
    expect(error.kind).toBe("changedWhileWriting");
    expect(error.info.change).toEqual({ kind: "sorted", address: "A2:C7" });
    expect(column(3)).toEqual(new Array(8).fill(null));
    await expectNothingLeft();
  });

  it("on Cancel clears only the cells it wrote", async () => {
    const controller = new AbortController();
    const error = await failure(writeSegmentColumn(plan("beside"), { startRows: 2, signal: controller.signal, onProgress: (done) => done >= 4 && controller.abort() }));
    expect(error.kind).toBe("cancelled");
    expect(error.info).toMatchObject({ cleared: 4, kept: 0 });
    expect(column(3)).toEqual(new Array(8).fill(null));
    await expectNothingLeft();
  });

  it("writes ids that look like formulas, numbers or dates as the text they are", async () => {
    const ids = ["=1+1", "+49 30 123", "0012", "1/2", "-7", "2024-03"];
    await writeSegmentColumn({ region, mode: "beside", header: "Segment", values: ids, colours: [] });
    const sheet = model.sheet("Customers")!;
    expect(column(3)).toEqual(["Segment", ...ids, null]);
    expect(ids.map((_, i) => sheet.formula(i + 1, 3))).toEqual(new Array(6).fill(null));
  });
});
