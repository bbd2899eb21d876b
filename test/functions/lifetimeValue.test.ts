import { cltv, clv } from "../../src/functions/lifetimeValue";
import { excelError } from "../support/customFunctionsStub";

const col = (values: unknown[]) => values.map((v) => [v]);

describe("LOYALTY.CLTV", () => {
  it("computes the worked example from single cells", async () => {
    // 2129.53, see test/analytics/cltv.test.ts.
    const out = await cltv([[1000]], [[2.5]], [[0]], [[1]], [[0.1]]);
    expect(out.length).toBe(1);
    expect(out[0][0]).toBeCloseTo(2129.53, 2);
  });

  it("uses margin 1 and discount 0 when they are left out or blank", async () => {
    // 1000 × 2.5 − 100 = 2400.
    expect(await cltv([[1000]], [[2.5]], [[100]])).toEqual([[2400]]);
    expect(await cltv([[1000]], [[2.5]], [[100]], null as any, null as any)).toEqual([[2400]]);
    expect(await cltv([[1000]], [[2.5]], [[100]], [[""]], [[null]])).toEqual([[2400]]);
  });

  it("spills one value per customer, reusing single cells", async () => {
    // Margin 0.5 for all: 100 × 0.5 × 2 − 10 = 90; 200 × 0.5 × 1 − 0 = 100; 0 revenue → 0 − 0 = 0.
    expect(await cltv(col([100, 200, 0]), col([2, 1, 3]), col([10, 0, 0]), [[0.5]])).toEqual(col([90, 100, 0]));
  });

  it("gives #N/A for a blank required cell and #VALUE! for text, each in its row", async () => {
    const out = await cltv(col([100, null, "x"]), col([1, 1, 1]), [[0]]);
    expect(out[0][0]).toBe(100);
    expect(excelError(out[1][0])).toEqual({ code: "#N/A", message: "annual_revenue, row 2: the cell is blank; no annual revenue for this customer" });
    expect(excelError(out[2][0])).toEqual({ code: "#VALUE!", message: 'annual_revenue, row 3: expected annual revenue, found text "x"' });
  });

  it("names a rate typed as a percentage in its row", async () => {
    const out = await cltv(col([100, 100]), col([1, 1]), [[0]], col([0.3, 30]));
    expect(out[0][0]).toBeCloseTo(30, 12);
    expect(excelError(out[1][0])?.message).toBe("margin_rate, row 2: expected a fraction from 0 up to 1 (10% is 0.1), found 30");
  });

  it("passes an input error on and fails on mismatched lengths", async () => {
    const na = new (globalThis as any).CustomFunctions.Error("#N/A", "x");
    expect(excelError((await cltv([[na]], [[1]], [[0]]))[0][0])?.code).toBe("#N/A");
    expect(excelError((await cltv(col([1, 2]), col([1, 2, 3]), [[0]])))?.message).toBe("years has 3 rows but annual_revenue has 2; give ranges with the same number of rows");
  });
});

describe("LOYALTY.CLV", () => {
  it("computes the worked example", async () => {
    // 100 × 0.8 / 0.3 = 266.67.
    expect((await clv([[100]], [[0.8]], [[0.1]]))[0][0]).toBeCloseTo(266.67, 2);
  });

  it("spills per customer with an acquisition cost column", async () => {
    // 100·0.8/0.3 − 50 = 216.67; 60·0.5/(1.1 − 0.5) − 0 = 30/0.6 = 50.
    const out = await clv(col([100, 60]), col([0.8, 0.5]), [[0.1]], col([50, 0]));
    expect(out[0][0]).toBeCloseTo(216.6667, 4);
    expect(out[1][0]).toBeCloseTo(50, 10);
  });

  it("puts #VALUE! in the row of a retention rate of 1 or more", async () => {
    const out = await clv(col([100, 100]), col([1, 0.5]), [[0.1]]);
    expect(excelError(out[0][0])?.message).toBe("retention_rate, row 1: expected a fraction from 0 up to but not including 1 (80% is 0.8), found 1");
    expect(out[1][0]).toBeCloseTo(100 * 0.5 / 0.6, 10);
  });

  it("treats a blank acquisition cost as 0 and a blank retention rate as missing", async () => {
    expect((await clv([[100]], [[0.8]], [[0.1]], [[""]]))[0][0]).toBeCloseTo(266.67, 2);
    expect(excelError((await clv([[100]], [[null]], [[0.1]]))[0][0])?.code).toBe("#N/A");
  });
});
