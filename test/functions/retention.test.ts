import { churn, customerslost, retention } from "../../src/functions/retention";
import { excelError } from "../support/customFunctionsStub";

describe("LOYALTY.RETENTION", () => {
  it("computes the worked example from single cells", async () => {
    // Excel passes single cells to any[][] parameters as [[v]].
    expect(await retention([[1000]], [[800]], [[200]])).toEqual([[0.6]]);
  });

  it("spills one rate per period for same-shape ranges", async () => {
    // Hand-computed: (90 − 10) / 100 = 0.8; (120 − 30) / 100 = 0.9.
    expect(await retention([[100], [100]], [[90], [120]], [[10], [30]])).toEqual([[0.8], [0.9]]);
  });

  it("keeps a bad period's error in its own cell", async () => {
    const out = await retention([[100, 0]], [[90, 5]], [[10, 5]]);
    expect(out[0][0]).toBe(0.8);
    expect(excelError(out[0][1])).toEqual({ code: "#DIV/0!", message: undefined });
  });

  it("reuses a single cell for every period", async () => {
    expect(await retention([[100]], [[90], [80]], [[0]])).toEqual([[0.9], [0.8]]);
  });

  it("fails the whole call on mismatched shapes, naming both arguments", async () => {
    expect(excelError((await retention([[1], [2]], [[1], [2], [3]], [[0]])))).toEqual({
      code: "#VALUE!",
      message: "customers_end is 3×1 cells but customers_start is 2×1; give ranges of the same shape",
    });
  });

  it("names the argument and row of text in a count cell", async () => {
    const out = await retention([[100], ["abc"]], [[90], [90]], [[0], [0]]);
    expect(excelError(out[1][0])).toEqual({
      code: "#VALUE!",
      message: 'customers_start, row 2: expected a customer count, found text "abc"',
    });
  });

  it("treats a blank count as an error rather than zero", async () => {
    expect(excelError((await retention([[null]], [[5]], [[0]]))[0][0])).toMatchObject({ code: "#VALUE!" });
    expect(excelError((await retention([[""]], [[5]], [[0]]))[0][0])?.message).toBe("customers_start: the cell is blank; expected a customer count");
  });

  it("passes an input cell's error on in that cell", async () => {
    const inputError = new (globalThis as any).CustomFunctions.Error("#N/A", "no data");
    expect(excelError((await retention([[inputError]], [[5]], [[0]]))[0][0])?.code).toBe("#N/A");
  });

  it("names no row for a single cell reused beside ranges", async () => {
    // new_customers is one cell used for both periods: "row 2" would point at a cell that does not exist.
    const out = await retention([[100], [100]], [[90], [80]], [["ten"]]);
    expect(out.map((line) => excelError(line[0])?.message)).toEqual([
      'new_customers: expected a customer count, found text "ten"',
      'new_customers: expected a customer count, found text "ten"',
    ]);
  });

  it("names the period's row when its counts are impossible", async () => {
    // Row 2: 50 new customers but only 40 at the end; row 3: −5 at the start. Row 1: (90 − 10) / 100 = 0.8.
    const out = await retention([[100], [100], [-5]], [[90], [40], [0]], [[10], [50], [0]]);
    expect(out[0][0]).toBe(0.8);
    expect(excelError(out[1][0])).toEqual({
      code: "#VALUE!",
      message: "row 2: new_customers (50) is more than customers_end (40); new customers are part of the end count",
    });
    expect(excelError(out[2][0])?.message).toBe("row 3: customers_start is -5; expected a count of 0 or more");
    // In a block of periods the column is named too.
    expect(excelError((await customerslost([[100, -1]], [[90, 0]], [[10, 0]]))[0][1])?.message).toBe(
      "row 1, column 2: customers_start is -1; expected a count of 0 or more",
    );
  });

  it("keeps a single period's message as the core gives it", async () => {
    expect(excelError((await churn([[-1]], [[0]], [[0]]))[0][0])?.message).toBe("customers_start is -1; expected a count of 0 or more");
  });
});

describe("LOYALTY.CHURN and LOYALTY.CUSTOMERSLOST", () => {
  it("give 0.4 and 400 for the worked example", async () => {
    expect(await churn([[1000]], [[800]], [[200]])).toEqual([[0.4]]);
    expect(await customerslost([[1000]], [[800]], [[200]])).toEqual([[400]]);
  });
});
