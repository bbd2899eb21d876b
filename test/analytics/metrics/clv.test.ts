import { clv } from "../../../src/analytics/metrics/clv";

describe("clv", () => {
  it("gives 266.67 for the worked example of the issue", () => {
    // 100 × 0.8 / (1 + 0.1 − 0.8) = 80 / 0.3 = 266.666…
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1 })).toBeCloseTo(266.6667, 4);
  });

  it("subtracts the acquisition cost", () => {
    // 266.67 − 50 = 216.67.
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, acquisitionCost: 50 })).toBeCloseTo(216.6667, 4);
  });

  it("equals the sum of discounted margins, period by period", () => {
    // Σ_{t≥1} 100·0.6^t/1.2^t = 100 · 0.5 / (1 − 0.5) = 100; 100 × 0.6 / (1.2 − 0.6) = 100.
    let sum = 0;
    for (let t = 1; t < 200; t++) sum += (100 * 0.6 ** t) / 1.2 ** t;
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.6, discountRate: 0.2 })).toBeCloseTo(sum, 9);
  });

  it("is minus the acquisition cost when nobody is retained", () => {
    expect(clv({ marginPerPeriod: 100, retentionRate: 0, discountRate: 0.1, acquisitionCost: 20 })).toBe(-20);
  });

  it("allows a negative discount rate while 1 + d − r stays above 0", () => {
    // 100 × 0.5 / (1 − 0.1 − 0.5) = 50 / 0.4 = 125.
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.5, discountRate: -0.1 })).toBeCloseTo(125, 10);
  });

  it("rejects a retention rate outside [0, 1)", () => {
    expect(clv({ marginPerPeriod: 100, retentionRate: 1, discountRate: 0.1 })).toEqual({
      code: "#VALUE!",
      message: "retention_rate: expected a fraction from 0 up to but not including 1 (80% is 0.8), found 1",
    });
    expect(clv({ marginPerPeriod: 100, retentionRate: -0.1, discountRate: 0.1 }, 2)).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/^retention_rate, row 2:/),
    });
    expect(clv({ marginPerPeriod: 100, retentionRate: 80, discountRate: 0.1 })).toMatchObject({ code: "#VALUE!" });
  });

  it("rejects 1 + d − r ≤ 0", () => {
    // 1 − 0.3 − 0.8 = −0.1.
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.8, discountRate: -0.3 })).toMatchObject({
      code: "#VALUE!",
      message: "discount_rate: 1 + discount_rate − retention_rate is -0.1; it must be above 0 for the value to be finite",
    });
  });

  it("rejects a discount rate typed as a percentage and a negative acquisition cost", () => {
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.8, discountRate: 10 })).toMatchObject({ code: "#VALUE!" });
    expect(clv({ marginPerPeriod: 100, retentionRate: 0.8, discountRate: 0.1, acquisitionCost: -1 })).toMatchObject({ code: "#VALUE!" });
  });
});
