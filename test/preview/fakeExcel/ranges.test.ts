/**
 * The preview's Excel stand-in keeps Excel's semantics, so the pane cannot pass here by doing something
 * Excel would refuse. This file: ranges: blank cells and addresses, the shape of written values, surrounding region and used range, the selection, inserted and deleted columns (src/preview/fakeExcel/ranges.ts).
 */
import { createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { codeOf, customersWorkbook as workbook } from "./support";

type Ctx = RequestContext;

describe("the preview's Excel stand-in: ranges", () => {
  it("reads blank cells as empty text and gives the address as Excel writes it", async () => {
    const model = workbook();
    const Excel = createExcel(model);
    const result = await Excel.run(async (context: Ctx) => {
      const range = context.workbook.worksheets.getItem("Other sheet").getRangeByIndexes(1, 2, 2, 2);
      range.load("values,address,rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      return [range.values, range.address, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount];
    });
    expect(result).toEqual([[["", ""], ["", ""]], "'Other sheet'!C2:D3", 1, 2, 2, 2]);
  });

  it("refuses a values array of the wrong shape at sync with InvalidArgument", async () => {
    const Excel = createExcel(workbook());
    const code = await codeOf(
      Excel.run(async (context: Ctx) => {
        const range = context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 0, 2, 2);
        range.values = [["only one row", 1]]; // queued without complaint …
        await context.sync(); // … refused here
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("finds the surrounding region of one cell and the used range of the sheet", async () => {
    const model = workbook();
    model.sheet("Customers")!.set(0, 5, "note beyond an empty column");
    const Excel = createExcel(model);
    const [region, used] = await Excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Customers");
      const r = sheet.getRangeByIndexes(2, 1, 1, 1).getSurroundingRegion().load("address");
      const u = sheet.getUsedRange(true).load("address");
      await context.sync();
      return [r.address, u.address];
    });
    expect([region, used]).toEqual(["Customers!A1:C4", "Customers!A1:F4"]);
  });

  it("reads the selection through getSelectedRange and getSelectedRanges", async () => {
    const model = workbook();
    model.select(model.sheet("Customers")!, { row: 0, col: 0, rows: 4, cols: 3 });
    const [address, areas, sheetName] = await createExcel(model).run(async (context: Ctx) => {
      const selected = context.workbook.getSelectedRange().load("address");
      const all = context.workbook.getSelectedRanges().load("areaCount");
      const sheet = selected.worksheet.load("name");
      await context.sync();
      return [selected.address, all.areaCount, sheet.name];
    });
    expect([address, areas, sheetName]).toEqual(["Customers!A1:C4", 1, "Customers"]);
  });

  it("refuses getSelectedRange with InvalidSelection when several areas are selected, and counts them in getSelectedRanges", async () => {
    const model = workbook();
    const sheet = model.sheet("Customers")!;
    model.select(sheet, { row: 4, col: 4, rows: 2, cols: 1 }, 4, 4, [{ row: 0, col: 0, rows: 1, cols: 1 }]);
    const Excel = createExcel(model);
    const [count, address] = await Excel.run(async (context: Ctx) => {
      const areas = context.workbook.getSelectedRanges().load("areaCount,address");
      await context.sync();
      return [areas.areaCount, areas.address];
    });
    expect([count, address]).toEqual([2, "Customers!A1,Customers!E5:E6"]);
    expect(
      await codeOf(
        Excel.run(async (context: Ctx) => {
          context.workbook.getSelectedRange().load("address");
          await context.sync();
        }),
      ),
    ).toBe("InvalidSelection");
  });

  it("inserts a whole column to the right of the data and deletes it again", async () => {
    const model = workbook();
    const Excel = createExcel(model);
    await Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 1, 4, 1).getEntireColumn().insert("Right");
      await context.sync();
    });
    const sheet = model.sheet("Customers")!;
    expect([sheet.get(1, 0), sheet.get(1, 1), sheet.get(1, 2), sheet.get(1, 3)]).toEqual(["A", null, 10, 6]);
    await Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 1, 4, 1).getEntireColumn().delete("Left");
      await context.sync();
    });
    expect([sheet.get(1, 0), sheet.get(1, 1), sheet.get(1, 2)]).toEqual(["A", 10, 6]);
  });
});
