/**
 * Named ranges of the stand-in (src/preview/fakeExcel/names.ts): a name refers to cells, so rows
 * and columns inserted or deleted before it move it, as Excel's Name Manager shows.
 */
import { createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { codeOf, customersWorkbook } from "./support";

async function addressOf(model: ReturnType<typeof customersWorkbook>, name: string): Promise<string> {
  return createExcel(model).run(async (context: RequestContext) => {
    const range = context.workbook.names.getItem(name).getRange();
    range.load("address");
    await context.sync();
    return range.address;
  });
}

describe("the preview's Excel stand-in: names", () => {
  it("adds a hidden name that follows inserted columns and rows", async () => {
    const model = customersWorkbook();
    await createExcel(model).run(async (context: RequestContext) => {
      const item = context.workbook.names.add("Target", context.workbook.worksheets.getItem("Customers").getRangeByIndexes(1, 3, 3, 1));
      item.visible = false;
      await context.sync();
    });
    expect(await addressOf(model, "Target")).toBe("Customers!D2:D4");
    expect(model.name("target")?.visible).toBe(false);
    model.user.insertColumns("Customers", "B");
    expect(await addressOf(model, "Target")).toBe("Customers!E2:E4");
    model.user.insertRows("Customers", 1);
    expect(await addressOf(model, "Target")).toBe("Customers!E3:E5");
    // Inserted inside the name: it grows.
    model.user.insertRows("Customers", 4);
    expect(await addressOf(model, "Target")).toBe("Customers!E3:E6");
  });

  it("refuses a duplicate or invalid name, and gives InvalidReference once its cells are deleted", async () => {
    const model = customersWorkbook();
    const add = (name: string) =>
      createExcel(model).run(async (context: RequestContext) => {
        context.workbook.names.add(name, context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 3, 1, 1));
        await context.sync();
      });
    await add("Kept");
    expect(await codeOf(add("kept"))).toBe("ItemAlreadyExists");
    expect(await codeOf(add("A1"))).toBe("InvalidArgument");
    await createExcel(model).run(async (context: RequestContext) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 3, 1, 1).getEntireColumn().delete("Left");
      await context.sync();
    });
    expect(await codeOf(addressOf(model, "Kept"))).toBe("InvalidReference");
    await createExcel(model).run(async (context: RequestContext) => {
      context.workbook.names.getItem("Kept").delete();
      await context.sync();
    });
    expect(model.namedRanges).toEqual([]);
  });
});
