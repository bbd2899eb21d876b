/**
 * Worksheet events of the stand-in (events.ts) and the user simulation (simulate.ts): onChanged
 * with triggerSource "ThisLocalAddin" for the add-in's own writes and "Unknown" for the user's,
 * onRowSorted for a sort, delivered after the change; handlers removed through
 * Excel.run(result.context, …) as office.js documents.
 */
import { createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { customersWorkbook } from "./support";

describe("the preview's Excel stand-in: events", () => {
  it("reports the add-in's writes and the user's changes apart, and sorts, until the handlers are removed", async () => {
    const model = customersWorkbook();
    const Excel = createExcel(model);
    const seen: Record<string, unknown>[] = [];
    const results = await Excel.run(async (context: RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Customers");
      const a = sheet.onChanged.add(async (e) => void seen.push(e));
      const b = sheet.onRowSorted.add(async (e) => void seen.push(e));
      await context.sync();
      return [a, b];
    });
    await Excel.run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(4, 0, 1, 1).values = [["D"]];
      await context.sync();
    });
    model.user.type("Customers", "B2", "7");
    model.user.sortRows("Customers", "A2:C5", "B");
    await model.events.settled();
    expect(seen.map((e) => [e.type, e.address, e.changeType ?? null, e.triggerSource])).toEqual([
      ["WorksheetChanged", "A5", "RangeEdited", "ThisLocalAddin"],
      ["WorksheetChanged", "B2", "RangeEdited", "Unknown"],
      ["WorksheetRowSorted", "A2:C5", null, "Unknown"],
    ]);
    // Sorted by Recommend ascending: C 8 → after the edit A is 7: A 7, C 8, B 3 → B 3, A 7, C 8, D (blank) last.
    expect([1, 2, 3, 4].map((r) => model.sheet("Customers")!.get(r, 0))).toEqual(["B", "A", "C", "D"]);
    await Excel.run(results[0].context, async (context) => {
      for (const r of results) r.remove();
      await context.sync();
    });
    expect(model.events.handlerCount).toBe(0);
    model.user.type("Customers", "B3", "1");
    await model.events.settled();
    expect(seen).toHaveLength(3);
  });

  it("lets a test act as the user between two requests (afterSync)", async () => {
    const model = customersWorkbook();
    const calls: number[] = [];
    model.simulation.afterSync = (n) => calls.push(n);
    await createExcel(model).run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem("Customers").load("name");
      await context.sync();
      await context.sync();
    });
    expect(calls).toEqual([1, 2]);
  });
});
