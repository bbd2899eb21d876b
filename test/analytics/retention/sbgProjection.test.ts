import {
  checkSbgParameters,
  sbgChurnProbability,
  sbgRetentionRate,
  sbgSurvival,
  sbgSurvivalCurve,
} from "../../../src/analytics/retention/sbgProjection";

/** The paper's recursion for P(T = t) (Fader & Hardie 2007, eq. 5), written out independently. */
function paperP(alpha: number, beta: number, t: number): number {
  let p = alpha / (alpha + beta);
  for (let i = 2; i <= t; i++) p *= (beta + i - 2) / (alpha + beta + i - 1);
  return p;
}

/** S(t) = 1 − Σ_{i ≤ t} P(T = i) (eq. 6). */
function paperS(alpha: number, beta: number, t: number): number {
  let s = 1;
  for (let i = 1; i <= t; i++) s -= paperP(alpha, beta, i);
  return s;
}

describe("sBG projections", () => {
  it("give the worked example α = β = 1", () => {
    // P(T=1) = 1/2, P(T=2) = (1 + 0)/(1 + 1 + 1) · 1/2 = 1/6, S(2) = 1 − 1/2 − 1/6 = 1/3, r_2 = (1/3)/(1/2) = 2/3.
    expect(sbgChurnProbability(1, 1, 1)).toBeCloseTo(1 / 2, 15);
    expect(sbgChurnProbability(1, 1, 2)).toBeCloseTo(1 / 6, 15);
    expect(sbgSurvival(1, 1, 2)).toBeCloseTo(1 / 3, 15);
    expect(sbgRetentionRate(1, 1, 2)).toBeCloseTo(2 / 3, 15);
    expect(sbgSurvival(1, 1, 0)).toBe(1);
  });

  it("agree with the paper's formulas for the regular segment's fit", () => {
    // α 0.704, β 1.182 (Fader & Hardie 2007): check P, S and r_t = (β + t − 1)/(α + β + t − 1) = S(t)/S(t − 1).
    const alpha = 0.704;
    const beta = 1.182;
    for (let t = 1; t <= 12; t++) {
      expect(sbgChurnProbability(alpha, beta, t)).toBeCloseTo(paperP(alpha, beta, t), 12);
      expect(sbgSurvival(alpha, beta, t)).toBeCloseTo(paperS(alpha, beta, t), 12);
      expect(sbgRetentionRate(alpha, beta, t)).toBeCloseTo((beta + t - 1) / (alpha + beta + t - 1), 15);
      expect(sbgRetentionRate(alpha, beta, t)).toBeCloseTo(paperS(alpha, beta, t) / paperS(alpha, beta, t - 1), 12);
    }
    // r_1 = 1.182 / 1.886 = 0.6267; S(1) = r_1. The observed year-1 survival was 631/1000.
    expect(sbgRetentionRate(alpha, beta, 1)).toBeCloseTo(0.6267, 4);
  });

  it("project a rising retention rate", () => {
    // The paper's point: retention rises as the less loyal customers leave first.
    const r = [1, 2, 3, 4, 5, 12].map((t) => sbgRetentionRate(0.668, 3.806, t));
    for (let i = 1; i < r.length; i++) expect(r[i]).toBeGreaterThan(r[i - 1]);
  });

  it("build a whole survival curve equal to the one-at-a-time values", () => {
    const curve = sbgSurvivalCurve(0.668, 3.806, 20);
    expect(curve.length).toBe(21);
    expect(curve[0]).toBe(1);
    for (let t = 0; t <= 20; t++) expect(curve[t]).toBeCloseTo(paperS(0.668, 3.806, t), 12);
  });

  it("stay finite and positive far out, where 1 − ΣP would lose its digits", () => {
    const s = sbgSurvival(0.704, 1.182, 100_000);
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1e-3);
  });

  it("reject alpha or beta that are not above 0", () => {
    expect(() => checkSbgParameters(0, 1)).toThrow("sbg_params: alpha must be a number above 0, found 0");
    expect(() => checkSbgParameters(1, -2)).toThrow("sbg_params: beta must be a number above 0, found -2");
    expect(() => checkSbgParameters(0.7, 1.2)).not.toThrow();
  });
});
