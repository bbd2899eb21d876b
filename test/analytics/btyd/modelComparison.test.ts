import { bayesianInformationCriterion, holdoutErrors } from "../../../src/analytics/btyd/modelComparison";

describe("bayesianInformationCriterion", () => {
  it("is k ln N − 2 LL with N the customers (FHL 2005 CDNOW BG/NBD LL −9582.4; Pareto/NBD −9594.98 of note 009)", () => {
    // 4 · ln 2357 = 4 · 7.76514 = 31.0606
    expect(bayesianInformationCriterion(-9582.4, 4, 2357)).toBeCloseTo(19195.86, 2);
    expect(bayesianInformationCriterion(-9594.98, 4, 2357)).toBeCloseTo(19221.02, 2);
    expect(() => bayesianInformationCriterion(-1, 4, 0)).toThrow(/customers is 0/);
  });
});

describe("holdoutErrors", () => {
  it("gives the mean absolute error per customer and the error of the total (hand-computed)", () => {
    // |1−0| + |1−2| + |3−1| = 4 over 3 customers; totals 5 predicted, 3 actual → +66.7 %
    const e = holdoutErrors([0, 2, 1], [1, 1, 3]);
    expect(e.meanAbsoluteError).toBeCloseTo(4 / 3, 12);
    expect(e.actualTotal).toBe(3);
    expect(e.predictedTotal).toBe(5);
    expect(e.totalError).toBeCloseTo(2 / 3, 12);
  });

  it("weights customers and leaves out NaN rows, counting them", () => {
    // Weights 2 and 1: |1−0|·2 + |1−2|·1 = 3 over weight 3 → 1; totals 3 and 2 → +50 %
    const e = holdoutErrors([0, 2, NaN], [1, 1, 4], [2, 1, 5]);
    expect(e.meanAbsoluteError).toBe(1);
    expect(e.totalError).toBeCloseTo(0.5, 12);
    expect(e.leftOut).toBe(1);
    expect(Number.isNaN(holdoutErrors([0], [1]).totalError)).toBe(true);
    expect(() => holdoutErrors([0], [1, 2])).toThrow(/same number of rows/);
  });
});
