/**
 * The preview's Excel stand-in keeps Excel's semantics, so the pane cannot pass here by doing something
 * Excel would refuse. This file: tables and charts: a table, text rules, number format and chart on a new sheet; series type and axis (src/preview/fakeExcel/charts.ts).
 */
import { createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { codeOf, customersWorkbook as workbook } from "./support";

type Ctx = RequestContext;

describe("the preview's Excel stand-in: charts", () => {
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
});
