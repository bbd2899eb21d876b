import { valueChurn, valueLoss, valueLost } from "../../../src/analytics/metrics/valueLost";

const cols = (start: number[], end: number[], includeDowngrades = false) => ({
  start: Float64Array.from(start),
  end: Float64Array.from(end),
  includeDowngrades,
});

// The worked example of valueLost.ts: start 100, 50, 80, 30; end 0, blank, 60, 45.
const example = (include: boolean) => cols([100, 50, 80, 30], [0, NaN, 60, 45], include);

describe("valueLost", () => {
  it("sums the start value of customers whose end value is 0 or blank", () => {
    // 100 (end 0) + 50 (end blank) = 150; 80 → 60 is a downgrade, 30 → 45 an upgrade.
    expect(valueLost(example(false))).toBe(150);
  });

  it("adds downgrades when asked, without netting off upgrades", () => {
    // 150 + (80 − 60) = 170; the +15 upgrade is not subtracted.
    expect(valueLost(example(true))).toBe(170);
  });

  it("does not count new customers (start 0 or blank)", () => {
    // Rows 2 and 3 start at 0 / blank and end with value: new customers. Only row 1 is lost.
    expect(valueLoss(cols([40, 0, NaN], [0, 25, 30]))).toEqual({ lost: 40, startTotal: 40 });
  });

  it("is 0 when nobody leaves or pays less", () => {
    expect(valueLost(cols([10, 20], [10, 25], true))).toBe(0);
  });

  it("is 0 for no customers", () => {
    expect(valueLoss(cols([], []))).toEqual({ lost: 0, startTotal: 0 });
  });

  it("rejects a negative value naming the column and row", () => {
    expect(valueLost(cols([10, -5], [0, 0]))).toEqual({ code: "#VALUE!", message: "value_start, row 2: expected a value of 0 or more, found -5" });
    expect(valueLost(cols([10], [-1]))).toEqual({ code: "#VALUE!", message: "value_end, row 1: expected a value of 0 or more, found -1" });
    // A new customer's negative end value is still an error.
    expect(valueLost(cols([0], [-3]))).toMatchObject({ code: "#VALUE!" });
  });

  it("rejects columns of different lengths", () => {
    expect(valueLost(cols([1, 2], [1]))).toMatchObject({ code: "#VALUE!" });
  });
});

describe("valueChurn", () => {
  it("divides the lost value by the start total", () => {
    // Start total 100 + 50 + 80 + 30 = 260; 150 / 260 and 170 / 260.
    expect(valueChurn(example(false))).toBeCloseTo(150 / 260, 15);
    expect(valueChurn(example(true))).toBeCloseTo(170 / 260, 15);
  });

  it("is exact for simple shares", () => {
    // 25 lost of 25 + 75 = 100 → 0.25.
    expect(valueChurn(cols([25, 75], [0, 75]))).toBe(0.25);
  });

  it("is #DIV/0! when the start values sum to 0", () => {
    expect(valueChurn(cols([0, NaN], [5, 5]))).toEqual({ code: "#DIV/0!", message: "value_start sums to 0" });
  });

  it("passes a negative value's #VALUE! on", () => {
    expect(valueChurn(cols([-1], [0]))).toMatchObject({ code: "#VALUE!" });
  });
});
