/**
 * The preview's fake Excel keeps Excel's batching semantics, so the pane cannot pass here by
 * doing something Excel would refuse: properties need load + sync, writes wait for sync,
 * errors surface at sync, OrNullObject, payload limits, cell edit mode, protection.
 */
import { FIVE_MB, FakeOfficeError, RequestContext, WorkbookModel, createExcel } from "../../src/preview/fakeExcel";

type Ctx = RequestContext;

function workbook(): WorkbookModel {
  const model = new WorkbookModel(["Customers", "Other sheet"]);
  const sheet = model.sheet("Customers")!;
  const rows = [
    ["Customer", "Recommend", "Orders"],
    ["A", 10, 6],
    ["B", 3, 5],
    ["C", 8, 1],
  ];
  rows.forEach((line, r) => line.forEach((v, c) => sheet.set(r, c, v)));
  return model;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FakeOfficeError);
    return (error as FakeOfficeError).code;
  }
  throw new Error("expected the batch to fail");
}

describe("the preview's fake Excel", () => {
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

  it("syncs what is still queued when the batch returns, as Excel.run does", async () => {
    const model = workbook();
    await createExcel(model).run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Customers").getRangeByIndexes(0, 5, 1, 1).values = [["late"]];
    });
    expect(model.sheet("Customers")!.get(0, 5)).toBe("late");
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

  it("adds a sheet, a table, text rules, a number format and a chart, then deletes the sheet", async () => {
    const model = workbook();
    const Excel = createExcel(model);
    await Excel.run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.add("Segments");
      sheet.getRangeByIndexes(0, 0, 3, 2).values = [
        ["Segment", "Customers"],
        ["Loyal", 2],
        ["High-risk", 1],
      ];
      sheet.tables.add(sheet.getRangeByIndexes(0, 0, 3, 2), true);
      const rule = sheet.getRangeByIndexes(1, 0, 2, 1).conditionalFormats.add("ContainsText");
      rule.textComparison.format.fill.color = "#1b7f3b";
      rule.textComparison.format.font.color = "#ffffff";
      rule.textComparison.rule = { operator: "BeginsWith", text: "Loyal" };
      sheet.getRangeByIndexes(1, 1, 2, 1).numberFormat = [["0.0%"], ["0.0%"]];
      const chart = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(0, 0, 3, 2), "Columns");
      chart.title.text = "Customers per segment";
      chart.setPosition(sheet.getRangeByIndexes(4, 0, 1, 1));
      sheet.getRangeByIndexes(0, 0, 3, 2).format.autofitColumns();
      sheet.activate();
      await context.sync();
    });
    const segments = model.sheet("Segments")!;
    expect(model.activeSheet).toBe(segments);
    expect(segments.tables.map((t) => t.rect)).toEqual([{ row: 0, col: 0, rows: 3, cols: 2 }]);
    expect(segments.conditionalFormats[0]).toMatchObject({ type: "ContainsText", operator: "BeginsWith", text: "Loyal", fill: "#1b7f3b", fontColor: "#ffffff" });
    expect(segments.numberFormat(1, 1)).toBe("0.0%");
    expect(segments.charts[0]).toMatchObject({ title: "Customers per segment", top: 4, left: 0, series: [{ name: "Customers", values: [2, 1] }] });

    await Excel.run(async (context: Ctx) => {
      context.workbook.worksheets.getItem("Segments").delete();
      await context.sync();
    });
    expect(model.sheet("Segments")).toBeNull();
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

  it("changes a chart series' type and axis through getItemAt", async () => {
    const model = workbook();
    await createExcel(model).run(async (context: Ctx) => {
      const sheet = context.workbook.worksheets.getItem("Customers");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(0, 0, 4, 3), "Columns");
      const second = chart.series.getItemAt(1);
      second.chartType = "Line";
      second.axisGroup = "Secondary";
      await context.sync();
    });
    expect(model.sheet("Customers")!.charts[0].series.map((s) => [s.name, s.chartType, s.axisGroup])).toEqual([
      ["Recommend", null, "Primary"],
      ["Orders", "Line", "Secondary"],
    ]);
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
