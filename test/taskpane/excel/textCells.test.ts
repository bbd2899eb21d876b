/**
 * Text written to cells stays text (issue 10, Security): every writer sets "@" on its string
 * cells before their values, so ids such as "=1+1" (a formula), "+49 30 123" (a formula Excel
 * cannot compute), "0012" (the number 12) and "1/2" (2 January) arrive as written. Checked
 * through the preview's Excel stand-in, which reads strings as Excel does (coerce.ts).
 */
import { WorkbookModel, createExcel } from "../../../src/preview/fakeExcel";
import { createOffice } from "../../../src/preview/host/office";
import { writeCohortsSheet, writeSegmentsSheet } from "../../../src/taskpane/excel";
import { textFormats } from "../../../src/taskpane/excel/textCells";

const IDS = ["=1+1", "+49 30 123", "0012", "1/2"];
let model: WorkbookModel;

beforeEach(() => {
  model = new WorkbookModel(["Customers"]);
  const g = globalThis as unknown as Record<string, unknown>;
  g.Excel = createExcel(model);
  g.Office = createOffice(Promise.resolve());
});
afterEach(() => {
  const g = globalThis as unknown as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
});

describe("textFormats", () => {
  it("gives @ to non-empty strings and General to numbers, booleans and blanks", () => {
    expect(textFormats([["a", 1, "", true, null]])).toEqual([["@", "General", "General", "General", "General"]]);
  });
});

describe("strings written by the pane stay text", () => {
  it("on the Segments sheet", async () => {
    const written = await writeSegmentsSheet({
      baseName: "Segments",
      incompleteName: (n) => `${n} incomplete`,
      header: ["Customer", "Segment"],
      rows: IDS.map((id) => [id, "Loyal"]),
      segmentColumn: 1,
      colours: [],
      summary: { header: ["Segment", "Customers", "Share"], rows: [["Loyal", 4, 1]], formats: ["", "#,##0", "0.0%"], chartTitle: "Chart" },
    });
    const sheet = model.sheet(written.sheetName)!;
    expect(IDS.map((_, i) => sheet.get(i + 1, 0))).toEqual(IDS);
    expect(IDS.map((_, i) => sheet.formula(i + 1, 0))).toEqual([null, null, null, null]);
    // Numbers stay numbers.
    expect(sheet.get(1, 4)).toBe(4);
  });

  it("on the Cohorts sheet", async () => {
    const written = await writeCohortsSheet({
      baseName: "Cohorts",
      incompleteName: (n) => `${n} incomplete`,
      blocks: [{ row: 0, values: [["Cohort", "Customers"], ...IDS.map((id, i) => [id, i + 1]), ["2024-03", 5]] }],
      formats: [],
      colourScale: null,
      chart: null,
      autofit: [],
    });
    const sheet = model.sheet(written.sheetName)!;
    expect([1, 2, 3, 4, 5].map((r) => sheet.get(r, 0))).toEqual([...IDS, "2024-03"]);
    expect([1, 2, 3, 4, 5].map((r) => sheet.get(r, 1))).toEqual([1, 2, 3, 4, 5]);
  });
});
