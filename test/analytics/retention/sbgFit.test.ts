import * as fs from "fs";
import * as path from "path";
import { sbgFit, sbgLogLikelihood } from "../../../src/analytics/retention/sbgFit";
import { sbgChurnProbability, sbgSurvival } from "../../../src/analytics/retention/sbgProjection";

/** test/fixtures/sbg_fader_hardie_2007_survivors.csv: year, highend_alive, regular_alive (of 1000 each). */
function survivors(): { highEnd: number[]; regular: number[] } {
  const lines = fs.readFileSync(path.join(__dirname, "../../fixtures/sbg_fader_hardie_2007_survivors.csv"), "utf8").trim().split(/\r?\n/);
  const rows = lines.slice(1).map((line) => line.split(",").map(Number));
  return { highEnd: rows.map((r) => r[1]), regular: rows.map((r) => r[2]) };
}

const sig3 = (x: number) => Number(x.toPrecision(3));

describe("sbgFit", () => {
  const { highEnd, regular } = survivors();

  it("reproduces Fader & Hardie's (2007) fit of the regular segment", () => {
    // Paper: alpha 0.704, beta 1.182, LL −1680.27 (years 0–7 of 1000 customers).
    expect(regular).toEqual([1000, 631, 468, 382, 326, 289, 262, 241]);
    const fit = sbgFit(regular);
    expect(sig3(fit.alpha)).toBe(0.704);
    expect(sig3(fit.beta)).toBe(1.18);
    expect(fit.beta).toBeCloseTo(1.182, 3);
    expect(Math.abs(fit.logLikelihood - -1680.27)).toBeLessThan(0.01);
  });

  it("reproduces Fader & Hardie's (2007) fit of the high-end segment", () => {
    // Paper: alpha 0.668, beta 3.806, LL −1611.16.
    const fit = sbgFit(highEnd);
    expect(sig3(fit.alpha)).toBe(0.668);
    expect(sig3(fit.beta)).toBe(3.81);
    expect(fit.beta).toBeCloseTo(3.806, 3);
    expect(Math.abs(fit.logLikelihood - -1611.16)).toBeLessThan(0.01);
  });

  it("gives the same alpha and beta for percentages as for counts, LL on the input's scale", () => {
    const counts = sbgFit(regular);
    const percent = sbgFit(regular.map((c) => c / 10)); // 100, 63.1, 46.8, …
    const fractions = sbgFit(regular.map((c) => c / 1000)); // 1, 0.631, … (63.1% in a percent cell)
    for (const fit of [percent, fractions]) {
      expect(fit.alpha).toBeCloseTo(counts.alpha, 9);
      expect(fit.beta).toBeCloseTo(counts.beta, 9);
    }
    expect(percent.logLikelihood).toBeCloseTo(counts.logLikelihood / 10, 9);
  });

  it("computes the likelihood as the paper's sum over P(T = t) and S(n)", () => {
    // LL = Σ (c_{t−1} − c_t) ln P(T = t) + c_n ln S(n), with P and S from the paper's recursion.
    const alpha = 0.9;
    const beta = 2.1;
    const c = [100, 80, 66, 57];
    let expected = 0;
    for (let t = 1; t < c.length; t++) expected += (c[t - 1] - c[t]) * Math.log(sbgChurnProbability(alpha, beta, t));
    expected += c[3] * Math.log(sbgSurvival(alpha, beta, 3));
    expect(sbgLogLikelihood(alpha, beta, c)).toBeCloseTo(expected, 10);
  });

  it("finds the maximum: the likelihood is lower a little way off in every direction", () => {
    const fit = sbgFit(regular);
    for (const [da, db] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, 1e-3], [-1e-3, -1e-3]]) {
      expect(sbgLogLikelihood(fit.alpha + da, fit.beta + db, regular)).toBeLessThan(fit.logLikelihood);
    }
  });

  it("recovers alpha and beta from the survival curve they imply", () => {
    // With c_t = 1000 · S(t) exactly, the likelihood is a cross-entropy maximised at the true
    // distribution (Gibbs' inequality), so the fit must return the α and β that made the curve.
    for (const [alpha, beta] of [[0.3, 0.8], [2, 5], [0.704, 1.182], [5, 40], [1.5, 0.4]]) {
      const c = Array.from({ length: 9 }, (_, t) => 1000 * sbgSurvival(alpha, beta, t));
      const fit = sbgFit(c);
      expect(fit.alpha).toBeCloseTo(alpha, 6);
      expect(fit.beta).toBeCloseTo(beta, 6);
    }
  });

  it("works with a cohort that has all left by the last period", () => {
    // c_n = 0 drops the S(n) term; with retention rising before that (0.4, 0.625, 0.76, …) a fit exists.
    const c = [1000, 400, 250, 190, 160, 140, 0];
    const fit = sbgFit(c);
    expect(fit.alpha).toBeGreaterThan(0);
    expect(fit.logLikelihood).toBeCloseTo(sbgLogLikelihood(fit.alpha, fit.beta, c), 10);
    expect(sbgLogLikelihood(fit.alpha * 1.01, fit.beta, c)).toBeLessThan(fit.logLikelihood);
    expect(sbgLogLikelihood(fit.alpha, fit.beta * 1.01, c)).toBeLessThan(fit.logLikelihood);
  });

  it("rejects fewer than 3 values, increasing counts and counts above the cohort size", () => {
    expect(() => sbgFit([1000, 600])).toThrow(
      "customers_remaining: expected at least 3 values (the cohort size, then the customers left after each of 2 or more periods), found 2",
    );
    expect(() => sbgFit([1000, 600, 650])).toThrow("customers_remaining, row 3: 650 is more than the 600 of row 2; customers remaining cannot increase");
    expect(() => sbgFit([1000, 1200, 900])).toThrow("customers_remaining, row 2: 1200 is above the cohort size 1000 (row 1)");
    expect(() => sbgFit([0, 0, 0])).toThrow("customers_remaining, row 1: the cohort size must be above 0, found 0");
    expect(() => sbgFit([10, 5, -1])).toThrow("customers_remaining, row 3: expected a count of 0 or more, found -1");
    try {
      sbgFit([1000, 600]);
    } catch (e) {
      expect((e as { code: string }).code).toBe("#VALUE!");
    }
  });

  it("explains counts without churn, with everyone gone at once, or with falling retention", () => {
    expect(() => sbgFit([50, 50, 50])).toThrow(/no customer left in any period/);
    expect(() => sbgFit([50, 0, 0])).toThrow(/every customer left in the first period/);
    // Retention 0.9 then 8/9 ≈ 0.889 falls; the sBG retention always rises, so the best fit is at infinity.
    // So is the regular segment followed by everyone leaving in year 8.
    for (const c of [[10, 9, 8], [...regular, 0]]) {
      let thrown: { code?: string; message?: string } = {};
      try {
        sbgFit(c);
      } catch (e) {
        thrown = e as typeof thrown;
      }
      // #VALUE!, not #NUM!: Excel shows a custom message only on #VALUE! and #N/A (Microsoft's custom-functions
      // error documentation), and this one says what to do instead (issue 10).
      expect(thrown.code).toBe("#VALUE!");
      expect(thrown.message).toContain("retention does not rise");
    }
  });
});
