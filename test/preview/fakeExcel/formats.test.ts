/**
 * The preview's fake Excel: the colour-scale conditional format and the line chart the Retention
 * view adds to its Cohorts sheet (ExcelApi 1.6 / 1.1), with Excel's batching semantics.
 */
import { FakeOfficeError, RequestContext, WorkbookModel, createExcel } from "../../../src/preview/fakeExcel";

function cohorts(): WorkbookModel {
  const model = new WorkbookModel(["Cohorts"]);
  const sheet = model.sheet("Cohorts")!;
  const rows = [
    ["Month", "2024-01", "2024-02"],
    ["Month 0", 1, 1],
    ["Month 1", 0.5, 0.25],
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

describe("the preview's fake Excel: colour scales and line charts", () => {
  it("records a two-colour scale over a range at sync, not before", async () => {
    const model = cohorts();
    const Excel = createExcel(model);
    await Excel.run(async (context: RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Cohorts");
      const format = sheet.getRangeByIndexes(1, 1, 2, 2).conditionalFormats.add("ColorScale");
      format.colorScale.criteria = { minimum: { type: "LowestValue", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#3B82C4" } };
      expect(model.sheet("Cohorts")!.conditionalFormats).toHaveLength(0);
      await context.sync();
    });
    const [rule] = model.sheet("Cohorts")!.conditionalFormats;
    expect(rule.type).toBe("ColorScale");
    expect(rule.rect).toEqual({ row: 1, col: 1, rows: 2, cols: 2 });
    expect(rule.colorScale).toEqual({
      minimum: { type: "LowestValue", color: "#FFFFFF", formula: null },
      midpoint: null,
      maximum: { type: "HighestValue", color: "#3B82C4", formula: null },
    });
  });

  it("refuses a criterion without a known type, a percentile without a formula, and a colour that is not #rrggbb", async () => {
    const bad = [
      { minimum: { type: "Smallest", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#000000" } },
      { minimum: { type: "Percentile", color: "#FFFFFF" }, maximum: { type: "HighestValue", color: "#000000" } },
      { minimum: { type: "LowestValue", color: "white" }, maximum: { type: "HighestValue", color: "#000000" } },
    ];
    for (const criteria of bad) {
      const Excel = createExcel(cohorts());
      const code = await codeOf(
        Excel.run(async (context: RequestContext) => {
          const format = context.workbook.worksheets.getItem("Cohorts").getRangeByIndexes(1, 1, 2, 2).conditionalFormats.add("ColorScale");
          format.colorScale.criteria = criteria;
          await context.sync();
        }),
      );
      expect(code).toBe("InvalidArgument");
    }
  });

  it("refuses colour-scale criteria on a text rule", async () => {
    const Excel = createExcel(cohorts());
    const code = await codeOf(
      Excel.run(async (context: RequestContext) => {
        const format = context.workbook.worksheets.getItem("Cohorts").getRangeByIndexes(1, 0, 2, 1).conditionalFormats.add("ContainsText");
        format.colorScale.criteria = { minimum: { type: "LowestValue" }, maximum: { type: "HighestValue" } };
        await context.sync();
      }),
    );
    expect(code).toBe("InvalidArgument");
  });

  it("adds a line chart with one series per column after the first, named by the first row", async () => {
    const model = cohorts();
    const Excel = createExcel(model);
    await Excel.run(async (context: RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Cohorts");
      const chart = sheet.charts.add("Line", sheet.getRangeByIndexes(0, 0, 3, 3), "Columns");
      chart.title.text = "Retention curves";
      chart.setPosition(sheet.getRangeByIndexes(0, 4, 1, 1));
      await context.sync();
    });
    const [chart] = model.sheet("Cohorts")!.charts;
    expect(chart).toMatchObject({ type: "Line", title: "Retention curves", top: 0, left: 4 });
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ["2024-01", [1, 0.5]],
      ["2024-02", [1, 0.25]],
    ]);
  });
});
