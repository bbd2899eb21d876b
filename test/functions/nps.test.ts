import { nps } from "../../src/functions/nps";
import { excelError } from "../support/customFunctionsStub";

describe("LOYALTY.NPS", () => {
  it("scores a column", () => {
    // 10, 10, 9 promoters, 8 passive, 3 detractor → 40.
    expect(nps([[10], [10], [9], [8], [3]])).toBe(40);
  });

  it("accepts a block of any shape", () => {
    // 2×3: 10, 9, 0 / 7, 6, 10 → promoters 3, detractors 2 of 6 → 100/6 = 16.67.
    expect(nps([[10, 9, 0], [7, 6, 10]])).toBeCloseTo(100 / 6, 12);
    // A row: 9, 3 → 0.
    expect(nps([[9, 3]])).toBe(0);
  });

  it("skips blanks given as null and '', and counts 0 as a detractor", () => {
    // 10, 0 answered; null and "" skipped → (1 − 1) / 2 = 0.
    expect(nps([[10], [null], [""], [0]])).toBe(0);
  });

  it("names the row of text or an out-of-range score", () => {
    expect(excelError(nps([[10], ["nine"]]))).toEqual({ code: "#VALUE!", message: 'scores, row 2: expected a 0–10 score, found text "nine"' });
    expect(excelError(nps([[10], [9], [12]]))).toEqual({
      code: "#VALUE!",
      message: "scores, row 3: expected a likelihood-to-recommend score from 0 to 10, found 12",
    });
  });

  it("names row and column in a block, counting row by row", () => {
    // Row 2, column 1 holds 42.
    expect(excelError(nps([[10, 9], [42, 8]]))?.message).toBe("scores, row 2, column 1: expected a likelihood-to-recommend score from 0 to 10, found 42");
  });

  it("is #DIV/0! when every cell is blank", () => {
    expect(excelError(nps([[null], [""]]))).toEqual({ code: "#DIV/0!", message: undefined });
  });

  it("gives an input cell's error", () => {
    const na = new (globalThis as any).CustomFunctions.Error("#N/A", "x");
    expect(excelError(nps([[10], [na]]))).toEqual({ code: "#N/A", message: "scores, row 2: the cell holds #N/A" });
  });

  it("rejects TRUE as a score", () => {
    expect(excelError(nps([[true]]))).toEqual({ code: "#VALUE!", message: "scores: expected a 0–10 score, found TRUE" });
  });
});
