import { valuechurn, valuelost } from "../../src/functions/valueChurn";
import { excelError } from "../support/customFunctionsStub";

const col = (values: unknown[]) => values.map((v) => [v]);

describe("LOYALTY.VALUELOST", () => {
  it("treats null and '' at the end as lost, and 0 at the start as a new customer", () => {
    // Lost: 100 (end 0) + 50 (end null) + 20 (end "") = 170; row 4 starts at 0 (new), row 5 stays.
    expect(valuelost(col([100, 50, 20, 0, 10]), col([0, null, "", 40, 10]))).toBe(170);
  });

  it("adds downgrades with include_downgrades TRUE, 1 or text TRUE", () => {
    // 100 lost + (80 − 60) downgrade = 120.
    const start = col([100, 80, 30]);
    const end = col([0, 60, 45]);
    expect(valuelost(start, end)).toBe(100);
    expect(valuelost(start, end, true)).toBe(120);
    expect(valuelost(start, end, 1)).toBe(120);
    expect(valuelost(start, end, [["TRUE"]])).toBe(120);
    expect(valuelost(start, end, false)).toBe(100);
    expect(valuelost(start, end, null)).toBe(100);
    expect(valuelost(start, end, 0)).toBe(100);
  });

  it("fails on an include_downgrades that is not TRUE or FALSE", () => {
    expect(excelError(valuelost(col([1]), col([0]), "yes"))).toEqual({
      code: "#VALUE!",
      message: 'include_downgrades: expected TRUE or FALSE, found text "yes"',
    });
    expect(excelError(valuelost(col([1]), col([0]), 2))?.code).toBe("#VALUE!");
  });

  it("names text in a value column with its row", () => {
    expect(excelError(valuelost(col([10, "ten"]), col([0, 0])))).toEqual({
      code: "#VALUE!",
      message: 'value_start, row 2: expected a recurring value, found text "ten"',
    });
  });

  it("rejects negative values", () => {
    expect(excelError(valuelost(col([10, 5]), col([0, -5])))?.message).toBe("value_end, row 2: expected a value of 0 or more, found -5");
  });

  it("gives an input cell's error as the result", () => {
    const na = new (globalThis as any).CustomFunctions.Error("#N/A", "missing");
    expect(excelError(valuelost(col([10, na]), col([0, 0])))?.code).toBe("#N/A");
  });

  it("fails on columns of different lengths", () => {
    expect(excelError(valuelost(col([1, 2]), col([1, 2, 3])))?.message).toBe("value_end has 3 rows but value_start has 2; give ranges with the same number of rows");
  });

  it("works on one customer given as single cells", () => {
    expect(valuelost([[75]], [[null]])).toBe(75);
  });
});

describe("LOYALTY.VALUECHURN", () => {
  it("divides the lost value by the start total", () => {
    // 100 lost of 100 + 80 + 20 = 200 → 0.5; with the 80 → 60 downgrade 120 / 200 = 0.6.
    expect(valuechurn(col([100, 80, 20]), col([0, 60, 20]))).toBe(0.5);
    expect(valuechurn(col([100, 80, 20]), col([0, 60, 20]), true)).toBe(0.6);
  });

  it("is #DIV/0! when every start value is 0 or blank", () => {
    expect(excelError(valuechurn(col([0, null, ""]), col([5, 5, 5])))).toEqual({ code: "#DIV/0!", message: undefined });
  });
});
