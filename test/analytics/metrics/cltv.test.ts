import { cltv } from "../../../src/analytics/metrics/cltv";

describe("cltv", () => {
  it("gives 2129.53 for the worked example of the issue", () => {
    // 1000/1.1 + 1000/1.1² + 0.5·1000/1.1^2.5 = 909.0909 + 826.4463 + 393.9943 = 2129.5315.
    const value = cltv({ annualRevenue: 1000, years: 2.5, acquisitionCost: 0, marginRate: 1, discountRate: 0.1 }) as number;
    expect(value).toBeCloseTo(2129.53, 2);
    expect(value).toBeCloseTo(1000 / 1.1 + 1000 / 1.1 ** 2 + (0.5 * 1000) / 1.1 ** 2.5, 9);
  });

  it("is exactly revenue × years − acquisition cost with the defaults", () => {
    // 1200 × 3 − 500 = 3100; 1000 × 2.5 − 100 = 2400; 333 × 0.7 − 0 = 233.1 (as JavaScript computes 333 * 0.7).
    expect(cltv({ annualRevenue: 1200, years: 3, acquisitionCost: 500 })).toBe(3100);
    expect(cltv({ annualRevenue: 1000, years: 2.5, acquisitionCost: 100 })).toBe(2400);
    expect(cltv({ annualRevenue: 333, years: 0.7, acquisitionCost: 0 })).toBe(333 * 0.7);
  });

  it("applies the margin rate", () => {
    // 1000 × 0.25 × 2 = 500.
    expect(cltv({ annualRevenue: 1000, years: 2, acquisitionCost: 0, marginRate: 0.25 })).toBe(500);
  });

  it("discounts whole years at the end of each year", () => {
    // 100/1.05 + 100/1.05² + 100/1.05³ = 95.2381 + 90.7029 + 86.3838 = 272.3248.
    expect(cltv({ annualRevenue: 100, years: 3, acquisitionCost: 0, discountRate: 0.05 })).toBeCloseTo(272.3248, 4);
  });

  it("discounts a part year at its own end, Y", () => {
    // Y = 0.5: 0.5 · 1000 / 1.1^0.5 = 500 / 1.0488088 = 476.7313.
    expect(cltv({ annualRevenue: 1000, years: 0.5, acquisitionCost: 0, discountRate: 0.1 })).toBeCloseTo(476.7313, 4);
  });

  it("is minus the acquisition cost for zero years", () => {
    expect(cltv({ annualRevenue: 1000, years: 0, acquisitionCost: 50, discountRate: 0.1 })).toBe(-50);
  });

  it("stays accurate for a tiny discount rate", () => {
    // d → 0 tends to R·Y: with d = 1e-12 the value is 3000 within rounding.
    expect(cltv({ annualRevenue: 1000, years: 3, acquisitionCost: 0, discountRate: 1e-12 })).toBeCloseTo(3000, 6);
  });

  it("rejects negative amounts and rates that look like percentages, naming the row", () => {
    expect(cltv({ annualRevenue: -1, years: 1, acquisitionCost: 0 }, 3)).toEqual({
      code: "#VALUE!",
      message: "annual_revenue, row 3: expected a number of 0 or more, found -1",
    });
    expect(cltv({ annualRevenue: 1, years: -2, acquisitionCost: 0 })).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/^years/) });
    expect(cltv({ annualRevenue: 1, years: 1, acquisitionCost: -5 })).toMatchObject({ code: "#VALUE!" });
    expect(cltv({ annualRevenue: 1, years: 1, acquisitionCost: 0, marginRate: 30 })).toEqual({
      code: "#VALUE!",
      message: "margin_rate: expected a fraction from 0 up to 1 (10% is 0.1), found 30",
    });
    expect(cltv({ annualRevenue: 1, years: 1, acquisitionCost: 0, discountRate: 10 })).toMatchObject({ code: "#VALUE!" });
    expect(cltv({ annualRevenue: 1, years: 1, acquisitionCost: 0, discountRate: -1 })).toMatchObject({ code: "#VALUE!" });
  });
});
