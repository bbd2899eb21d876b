import { cellAt, commonShape, guard, listOf, rowCount, single, toExcelValue, valueAt } from "../../src/functions/adapter";
import { failValue } from "../../src/analytics/errors";
import { excelError } from "../support/customFunctionsStub";

describe("listOf", () => {
  it("reads a column, a row and a single cell as lists", () => {
    expect(listOf([[1], [2], [3]], "a")).toEqual([1, 2, 3]);
    expect(listOf([[1, 2, 3]], "a")).toEqual([1, 2, 3]);
    expect(listOf([[7]], "a")).toEqual([7]);
    expect(listOf(7, "a")).toEqual([7]);
  });

  it("rejects a block of several rows and columns, naming the argument", () => {
    expect(() => listOf([[1, 2], [3, 4]], "scores")).toThrow("scores: expected a single column or row, got 2 rows × 2 columns");
  });
});

describe("rowCount and valueAt", () => {
  it("reuses a single cell for every row", () => {
    const a = { arg: "a", values: [1, 2, 3] };
    const b = { arg: "b", values: [10] };
    expect(rowCount([a, b])).toBe(3);
    expect(valueAt(b.values, 2)).toBe(10);
  });

  it("fails on different lengths, naming both arguments", () => {
    expect(() => rowCount([{ arg: "x", values: [1, 2] }, { arg: "t_x", values: [1, 2, 3] }])).toThrow(
      "t_x has 3 rows but x has 2; give ranges with the same number of rows",
    );
  });
});

describe("single", () => {
  it("unwraps a 1×1 range and keeps omitted as null", () => {
    expect(single([[5]], "bins")).toBe(5);
    expect(single(null, "bins")).toBeNull();
    expect(single(undefined, "bins")).toBeNull();
  });

  it("rejects a range where one value is expected", () => {
    expect(() => single([[1], [2]], "bins")).toThrow("bins: expected a single value, got a range of 2 cells");
  });
});

describe("commonShape and cellAt", () => {
  it("reuses a 1×1 grid for every cell of the shared shape", () => {
    const one = [[5]];
    expect(commonShape([{ arg: "a", grid: [[1, 2]] }, { arg: "b", grid: one }])).toEqual({ rows: 1, cols: 2 });
    expect(cellAt(one, 0, 1)).toBe(5);
  });
});

describe("toExcelValue and guard", () => {
  it("never lets NaN, Infinity or null out", () => {
    // #VALUE! with the message, not a bare #NUM!: Excel shows messages only on #VALUE! and #N/A (issue 10).
    expect(excelError(toExcelValue(Number.NaN))).toEqual({ code: "#VALUE!", message: "the result is not a finite number" });
    expect(excelError(toExcelValue(-Infinity))).toEqual({ code: "#VALUE!", message: "the result is not a finite number" });
    expect(toExcelValue(null)).toBe("");
  });

  it("maps errors to Excel's, dropping the message #DIV/0! cannot carry", () => {
    expect(excelError(toExcelValue({ code: "#DIV/0!", message: "start is 0" }))).toEqual({ code: "#DIV/0!", message: undefined });
    expect(excelError(toExcelValue({ code: "#N/A", message: "no score" }))).toEqual({ code: "#N/A", message: "no score" });
    // Custom functions cannot return #REF!; the reason travels in a #VALUE! message instead.
    expect(excelError(toExcelValue({ code: "#REF!", message: "x, row 2: the cell holds #REF!" }))).toEqual({
      code: "#VALUE!",
      message: "x, row 2: the cell holds #REF!",
    });
  });

  it("turns a thrown whole-call error or an unexpected exception into an Excel error", () => {
    expect(excelError(guard(() => failValue("bins: expected 2 to 9")))).toEqual({ code: "#VALUE!", message: "bins: expected 2 to 9" });
    expect(
      excelError(
        guard(() => {
          throw new TypeError("boom");
        }),
      ),
    ).toEqual({ code: "#VALUE!", message: "Loyalty Lens could not compute this: boom" });
  });
});
