import { maximumLikelihoodFit } from "../../../src/analytics/btyd/maximumLikelihoodFit";

describe("maximumLikelihoodFit", () => {
  it("finds the maximum of a known likelihood and its standard errors", () => {
    // ln L(p) = −100 [(ln p₁ − 1)² + (ln p₂ + 2)²]: maximum at p = (e, e⁻²). In p, the information is
    // 200/p² at the maximum (d²/dp² of −100 (ln p − c)² is −200/p² there), so SE = p/√200.
    const fit = maximumLikelihoodFit({
      model: "test",
      names: ["u", "v"],
      logLikelihood: (p) => -100 * ((Math.log(p[0]) - 1) ** 2 + (Math.log(p[1]) + 2) ** 2),
      start: [1, 1],
      totalWeight: 100,
      hints: {},
    });
    expect(fit.estimates[0]).toBeCloseTo(Math.E, 6);
    expect(fit.estimates[1]).toBeCloseTo(Math.exp(-2), 8);
    expect(fit.standardErrors[0]).toBeCloseTo(Math.E / Math.sqrt(200), 4);
    expect(fit.standardErrors[1]).toBeCloseTo(Math.exp(-2) / Math.sqrt(200), 5);
    expect(fit.logLikelihood).toBeCloseTo(0, 8);
  });

  it("refuses a likelihood that keeps rising as a parameter runs off, naming it and the hint", () => {
    // ln L rises for ever as p₁ → ∞.
    expect(() =>
      maximumLikelihoodFit({
        model: "test",
        names: ["u", "v"],
        logLikelihood: (p) => Math.log(p[0]) - (Math.log(p[1]) ** 2),
        start: [1, 1],
        totalWeight: 1,
        hints: { "u:infinity": "u has no bound" },
      }),
    ).toThrow(/the data cannot identify the test model: the likelihood keeps rising as u goes to infinity \(u has no bound\)/);
  });
});
