/**
 * Reads that do not mix data (issue 10): readRows watches the sheet (watch.ts) and compares the
 * used range between blocks, against the preview's Excel stand-in with a user who edits, sorts
 * or adds rows between two read requests. Before the change, each of these reads returned rows
 * from before and after the change without a word.
 */
import { WorkbookModel, createExcel } from "../../../src/preview/fakeExcel";
import { createOffice } from "../../../src/preview/host/office";
import { ExcelLayerError, readRows } from "../../../src/taskpane/excel";
import type { Region } from "../../../src/taskpane/excel";
import { watchSheet } from "../../../src/taskpane/excel/watch";

let model: WorkbookModel;

/** Orders A1:C9: header, eight orders (id, date serial, amount). */
beforeEach(() => {
  model = new WorkbookModel(["Orders"]);
  const sheet = model.sheet("Orders")!;
  [["Customer", "Date", "Amount"], ...Array.from({ length: 8 }, (_, i) => [`C${8 - i}`, 45300 + i, 10 * (i + 1)])].forEach((line, r) =>
    line.forEach((v, c) => sheet.set(r, c, v as string | number)),
  );
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = createExcel(model);
  g.Office = createOffice(Promise.resolve());
});
afterEach(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

const region: Region = { sheetName: "Orders", address: "Orders!A1:C9", rowIndex: 0, columnIndex: 0, rowCount: 9, columnCount: 3 };

/** Acts as the user after the n-th successful request. */
function userAfter(n: number, act: () => void): void {
  let syncs = 0;
  model.simulation.afterSync = () => {
    if (++syncs === n) act();
  };
}

async function failure(promise: Promise<unknown>): Promise<ExcelLayerError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ExcelLayerError);
    return error as ExcelLayerError;
  }
  throw new Error("expected the read to stop");
}

describe("readRows against a user who keeps working", () => {
  it("reads several columns in the same request, in the order asked", async () => {
    const rows = await readRows(region, 1, 8, { columns: [2, 0] });
    expect(rows[0]).toEqual([10, "C8"]);
    expect(rows[7]).toEqual([80, "C1"]);
    await model.events.settled();
    expect(model.events.handlerCount).toBe(0);
  });

  it("stops with changedWhileReading when the user sorts between two blocks", async () => {
    // Requests: 1 the watch, 2 the first block (rows 2–4), then the sort.
    userAfter(2, () => model.user.sortRows("Orders", "A2:C9", "A"));
    const error = await failure(readRows(region, 1, 8, { startRows: 3, columns: [0, 1] }));
    expect(error.kind).toBe("changedWhileReading");
    expect(error.info.change).toEqual({ kind: "sorted", address: "A2:C9" });
    await model.events.settled();
    expect(model.events.handlerCount).toBe(0);
  });

  it("stops when the user edits a cell between two blocks", async () => {
    userAfter(2, () => model.user.type("Orders", "B7", "45999"));
    const error = await failure(readRows(region, 1, 8, { startRows: 3 }));
    expect(error.info.change).toEqual({ kind: "edited", address: "B7" });
  });

  it("stops when the used range changes between blocks even if no event was seen", async () => {
    // A change that raises no event (as when an event is lost): a row appended below the data.
    userAfter(2, () => {
      model.sheet("Orders")!.set(9, 0, "C9");
      model.sheet("Orders")!.touch();
    });
    const error = await failure(readRows(region, 1, 8, { startRows: 3 }));
    expect(error.kind).toBe("changedWhileReading");
    expect(error.info.change).toEqual({ kind: "resized", address: "A1:C10" });
  });

  it("reads to the end when nothing changes, in blocks", async () => {
    const rows = await readRows(region, 1, 8, { startRows: 3 });
    expect(rows.map((r) => r[0])).toEqual(["C8", "C7", "C6", "C5", "C4", "C3", "C2", "C1"]);
  });
});

describe("watchSheet", () => {
  it("ignores the add-in's own writes and keeps the first foreign change", async () => {
    const watch = await watchSheet("Orders");
    await (globalThis as unknown as { Excel: ReturnType<typeof createExcel> }).Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Orders").getRangeByIndexes(0, 5, 1, 1).values = [["own"]];
      await context.sync();
    });
    await model.events.settled();
    expect(watch.change()).toBeNull();
    model.user.insertRows("Orders", 3);
    model.user.type("Orders", "A1", "x");
    await model.events.settled();
    expect(watch.change()).toEqual({ kind: "inserted", address: "3:3" });
    await watch.stop();
    expect(model.events.handlerCount).toBe(0);
  });
});
