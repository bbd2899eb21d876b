/**
 * The stand-in reads strings written through Range.values as Excel reads typed text (Excel for
 * the web and desktop, en-US, General format), unless the cell is text-formatted "@"
 * (src/preview/fakeExcel/coerce.ts). Serials: 1900 date system, 45382 = 2024-03-31 (Excel's
 * DATE(2024,3,31)).
 */
import { arithmetic, coerceEntry } from "../../../src/preview/fakeExcel/coerce";
import { createExcel } from "../../../src/preview/fakeExcel";
import type { RequestContext } from "../../../src/preview/fakeExcel";
import { customersWorkbook } from "./support";

describe("the preview's Excel stand-in: strings written to cells", () => {
  it("turns =…, +… and a non-number -… into formulas", () => {
    expect(coerceEntry("=1+1", "General")).toEqual({ value: 2, formula: "=1+1", format: null });
    expect(coerceEntry("+49 30 123", "General")).toMatchObject({ formula: "=+49 30 123", value: { error: "#NAME?" } });
    expect(coerceEntry("-abc", "General")).toMatchObject({ formula: "=-abc" });
    expect(coerceEntry("-7", "General")).toEqual({ value: -7, formula: null, format: null });
  });

  it("turns number, percent, boolean and error text into values", () => {
    expect(["0012", "1,234.5", "12%", "true", "#N/A", "1e3"].map((t) => coerceEntry(t, "General").value)).toEqual([12, 1234.5, 0.12, true, { error: "#N/A" }, 1000]);
  });

  it("turns date text into date serials with a date format", () => {
    expect(coerceEntry("2024-03-31", "General")).toEqual({ value: 45382, formula: null, format: "m/d/yyyy" });
    expect(coerceEntry("3/31/2024", "General").value).toBe(45382);
    // "1/2" is 2 January of the current year: 2026-01-02 = 46024.
    expect(coerceEntry("1/2", "General", 2026)).toEqual({ value: 46024, formula: null, format: "d-mmm" });
    // "2024-03" is 1 March 2024 (45352).
    expect(coerceEntry("2024-03", "General").value).toBe(45352);
    expect(coerceEntry("2/30", "General").value).toBe("2/30");
  });

  it("keeps every string as it is in a text-formatted cell, and after a leading apostrophe", () => {
    for (const t of ["=1+1", "+49 30 123", "0012", "1/2", "TRUE"]) expect(coerceEntry(t, "@")).toEqual({ value: t, formula: null, format: null });
    expect(coerceEntry("'0012", "General").value).toBe("0012");
    expect(coerceEntry("C-17", "General").value).toBe("C-17");
  });

  it("evaluates plain arithmetic only", () => {
    expect([arithmetic("=1+2*3"), arithmetic("=(1+2)*3"), arithmetic("=2^3-1"), arithmetic("=-4/2")]).toEqual([7, 9, 7, -2]);
    expect([arithmetic("=SUM(1)"), arithmetic("=1+"), arithmetic("=49 30")]).toEqual([null, null, null]);
  });

  it("applies this through Range.values: text stays text only where the format was set to @ first", async () => {
    const model = customersWorkbook();
    await createExcel(model).run(async (context: RequestContext) => {
      const sheet = context.workbook.worksheets.getItem("Other sheet");
      sheet.getRangeByIndexes(0, 0, 1, 2).values = [["0012", "=1+1"]];
      const text = sheet.getRangeByIndexes(1, 0, 1, 2);
      text.numberFormat = [["@", "@"]];
      text.values = [["0012", "=1+1"]];
      await context.sync();
    });
    const other = model.sheet("Other sheet")!;
    expect([other.get(0, 0), other.get(0, 1), other.formula(0, 1)]).toEqual([12, 2, "=1+1"]);
    expect([other.get(1, 0), other.get(1, 1), other.formula(1, 1)]).toEqual(["0012", "=1+1", null]);
  });
});
