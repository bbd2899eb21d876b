/**
 * The preview's Excel stand-in keeps Excel's semantics, so the pane cannot pass here by doing something
 * Excel would refuse. This file: the workbook and its worksheets: OrNullObject look-ups, adding and listing sheets, workbook and sheet protection (src/preview/fakeExcel/worksheets.ts).
 */
import { createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { codeOf, customersWorkbook as workbook } from "./support";

type Ctx = RequestContext;

describe("the preview's Excel stand-in: worksheets", () => {
  it("gives null objects from *OrNullObject, known only after sync", async () => {
    const Excel = createExcel(workbook());
    await Excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Customers");
      const empty = sheet.getRangeByIndexes(0, 3, 4, 1).getUsedRangeOrNullObject(true);
      const filled = sheet.getRangeByIndexes(0, 1, 10, 5).getUsedRangeOrNullObject(true);
      const apart = sheet.getRangeByIndexes(0, 0, 1, 1).getIntersectionOrNullObject(sheet.getRangeByIndexes(5, 5, 1, 1));
      filled.load("address");
      expect(() => empty.isNullObject).toThrow(/not available/);
      await context.sync();
      expect([empty.isNullObject, filled.isNullObject, apart.isNullObject]).toEqual([true, false, true]);
      expect(filled.address).toBe("Customers!B1:C4");
    });
  });

  it("gives a null worksheet from getItemOrNullObject for a missing name, any case for an existing one", async () => {
    const [missing, found, name] = await createExcel(workbook()).run(async (context: Ctx) => {
      const m = context.workbook.worksheets.getItemOrNullObject("Segments");
      const f = context.workbook.worksheets.getItemOrNullObject("customers");
      f.load("name");
      await context.sync();
      return [m.isNullObject, f.isNullObject, f.name];
    });
    expect([missing, found, name]).toEqual([true, false, "Customers"]);
  });

  it("refuses to add a sheet under workbook structure protection, and to write on a protected sheet", async () => {
    const model = workbook();
    model.simulation.structureProtected = true;
    model.sheet("Customers")!.protected = true;
    const Excel = createExcel(model);
    const [workbookProtected, sheetProtected] = await Excel.run(async (context: Ctx) => {
      const p = context.workbook.protection.load("protected");
      const s = context.workbook.worksheets.getItem("Customers").protection.load("protected");
      await context.sync();
      return [p.protected, s.protected];
    });
    expect([workbookProtected, sheetProtected]).toEqual([true, true]);
    expect(
      await codeOf(
        Excel.run(async (context: Ctx) => {
          context.workbook.worksheets.add("Segments");
          await context.sync();
        }),
      ),
    ).toBe("AccessDenied");
    expect(
      await codeOf(
        Excel.run(async (context: Ctx) => {
          context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 9, 1, 1).values = [["x"]];
          await context.sync();
        }),
      ),
    ).toBe("AccessDenied");
  });

  it("lists sheets by name and refuses a duplicate name", async () => {
    const model = workbook();
    const Excel = createExcel(model);
    const names = await Excel.run(async (context: Ctx) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
    expect(names).toEqual(["Customers", "Other sheet"]);
    expect(
      await codeOf(
        Excel.run(async (context: Ctx) => {
          context.workbook.worksheets.add("customers"); // names compare case-insensitively
          await context.sync();
        }),
      ),
    ).toBe("ItemAlreadyExists");
  });
});
