/**
 * The preview's Excel stand-in keeps Excel's semantics, so the pane cannot pass here by doing something
 * Excel would refuse. This file: request batching: load and sync, writes queued to sync, errors at sync, payload limits, cell edit mode, finished runs (src/preview/fakeExcel/batch.ts).
 */
import { FIVE_MB, createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { codeOf, customersWorkbook as workbook } from "./support";

type Ctx = RequestContext;

describe("the preview's Excel stand-in: batch", () => {
  it("throws PropertyNotLoaded when a property is read before load and sync", async () => {
    const Excel = createExcel(workbook());
    await Excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 0, 2, 3);
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/); // loaded only after sync
      await context.sync();
      expect(range.values).toEqual([
        ["Customer", "Recommend", "Orders"],
        ["A", 10, 6],
      ]);
      expect(() => range.address).toThrow(/not available/); // only what was loaded
    });
  });

  it("applies queued writes only at sync", async () => {
    const model = workbook();
    const Excel = createExcel(model);
    await Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(5, 0, 1, 2).values = [["D", 9]];
      expect(model.sheet("Customers")!.get(5, 0)).toBeNull();
      await context.sync();
      expect(model.sheet("Customers")!.get(5, 0)).toBe("D");
    });
  });

  it("gives a load queued before a write in the same request the cells as they were before it (observed Office behaviour)", async () => {
    const model = workbook();
    await createExcel(model).run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Customers");
      const before = sheet.getRangeByIndexes(1, 0, 2, 1).load("values");
      sheet.getRangeByIndexes(1, 0, 2, 1).values = [["X"], ["Y"]];
      const after = sheet.getRangeByIndexes(1, 0, 2, 1).load("values");
      await context.sync();
      expect(before.values).toEqual([["A"], ["B"]]);
      expect(after.values).toEqual([["X"], ["Y"]]);
    });
  });

  it("syncs what is still queued when the batch returns, as Excel.run does", async () => {
    const model = workbook();
    await createExcel(model).run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 5, 1, 1).values = [["late"]];
    });
    expect(model.sheet("Customers")!.get(0, 5)).toBe("late");
  });

  it("raises ItemNotFound at sync for a missing sheet, keeping earlier writes of the batch", async () => {
    const model = workbook();
    const code = await codeOf(
      createExcel(model).run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Customers").getRangeByIndexes(9, 0, 1, 1).values = [["kept"]];
        context.workbook.worksheets.getItem("No such sheet").getRangeByIndexes(0, 0, 1, 1).values = [["x"]];
        await context.sync();
      }),
    );
    expect(code).toBe("ItemNotFound");
    expect(model.sheet("Customers")!.get(9, 0)).toBe("kept");
  });

  it("refuses a request above the payload limit whole, and a response above it", async () => {
    const model = workbook();
    model.simulation.payloadLimitBytes = 1000;
    const Excel = createExcel(model);
    const big = Array.from({ length: 200 }, (_, i) => [`customer ${i}`]);
    const write = await codeOf(
      Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Other sheet").getRangeByIndexes(0, 0, 200, 1).values = big;
        await context.sync();
      }),
    );
    expect(write).toBe("RequestPayloadSizeLimitExceeded");
    expect(model.sheet("Other sheet")!.get(0, 0)).toBeNull(); // nothing of a refused request is applied

    // Write the same rows in blocks small enough to pass, then read them back in one response.
    for (let start = 0; start < 200; start += 50) {
      await Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Other sheet").getRangeByIndexes(start, 0, 50, 1).values = big.slice(start, start + 50);
        await context.sync();
      });
    }
    const read = await codeOf(
      Excel.run(async (context: Ctx) => {
        context.workbook.worksheets.getItem("Other sheet").getRangeByIndexes(0, 0, 200, 1).load("values");
        await context.sync();
      }),
    );
    expect(read).toBe("ResponsePayloadSizeLimitExceeded");
    expect(model.counters).toMatchObject({ requestPayloadRefusals: 1, responsePayloadRefusals: 1 });
  });

  it("sets the Excel on the web limit at 5 MB", () => {
    expect(FIVE_MB).toBe(5 * 1024 * 1024);
  });

  it("fails batches with InvalidOperationInCellEditMode while the user edits a cell, unless run with delayForCellEdit", async () => {
    const model = workbook();
    model.setCellEditMode(true);
    const Excel = createExcel(model);
    const batch = async (context: Ctx) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(7, 0, 1, 1).values = [["written"]];
      await context.sync();
    };
    expect(await codeOf(Excel.run(batch))).toBe("InvalidOperationInCellEditMode");
    const delayed = Excel.run({ delayForCellEdit: true }, batch);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(model.sheet("Customers")!.get(7, 0)).toBeNull(); // still waiting for the edit to end
    model.setCellEditMode(false);
    await delayed;
    expect(model.sheet("Customers")!.get(7, 0)).toBe("written");
  });

  it("does not let proxies of a finished Excel.run be used again", async () => {
    const Excel = createExcel(workbook());
    let kept: { values: unknown } | null = null;
    await Excel.run(async (context: Ctx) => {
      kept = context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 0, 1, 1);
      await context.sync();
    });
    expect(() => {
      (kept as unknown as { values: unknown[][] }).values = [["x"]];
    }).toThrow(/finished/);
  });
});
