import { WARM_START_GROUPS, bgnbdFit, bgnbdFitAsync, bgnbdFitGroups } from "../../../src/analytics/btyd/bgnbdFit";
import { groupBgnbdCustomers } from "../../../src/analytics/btyd/bgnbdGroups";
import { cdnowSummary } from "../../support/btydFixtures";
import { simulateBgnbd } from "../../support/simulateBgnbd";

const relative = (value: number, expected: number) => Math.abs(value / expected - 1);

describe("bgnbdFit on CDNOW (2,357 customers, weeks)", () => {
  const { x, tx, T } = cdnowSummary();
  const fit = bgnbdFit(x, tx, T);

  it("reproduces the published estimates within relative 1e-3", () => {
    // Fader, Hardie & Lee (2005); lifetimes BetaGeoFitter on the same file: r 0.242593, α 4.413532, a 0.792886, b 2.425754.
    expect(relative(fit.r, 0.242593)).toBeLessThan(1e-3);
    expect(relative(fit.alpha, 4.413532)).toBeLessThan(1e-3);
    expect(relative(fit.a, 0.792886)).toBeLessThan(1e-3);
    expect(relative(fit.b, 2.425754)).toBeLessThan(1e-3);
  });

  it("reaches the published log-likelihood −9582.4256 within 0.01", () => {
    expect(Math.abs(fit.logLikelihood - -9582.4256)).toBeLessThan(0.01);
  });

  it("gives the published standard errors 0.0126, 0.378, 0.186, 0.705", () => {
    // lifetimes' summary of the same fit (observed information): 0.012557, 0.378224, 0.185719, 0.705345.
    expect(fit.standardErrors.r).toBeCloseTo(0.0126, 4);
    expect(fit.standardErrors.alpha).toBeCloseTo(0.378, 3);
    expect(fit.standardErrors.a).toBeCloseTo(0.186, 3);
    expect(fit.standardErrors.b).toBeCloseTo(0.705, 3);
  });

  it("groups the 2,357 customers into fewer distinct histories", () => {
    expect(fit.groups).toBeLessThan(2357);
    expect(fit.evaluations).toBeGreaterThan(0);
  });

  it("gives the same fit from grouped rows with weights", () => {
    // Collapse identical rows by hand into (x, t_x, T, count) and fit with the counts as weights.
    const counts = new Map<string, number>();
    for (let i = 0; i < x.length; i++) {
      const key = `${x[i]},${tx[i]},${T[i]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const rows = [...counts].map(([key, n]) => [...key.split(",").map(Number), n]);
    const weighted = bgnbdFit(
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      rows.map((r) => r[3]),
    );
    expect(weighted.r).toBeCloseTo(fit.r, 6);
    expect(weighted.b).toBeCloseTo(fit.b, 5);
    expect(weighted.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
  });

  it("gives the same fit when run asynchronously", async () => {
    const fitAsync = await bgnbdFitAsync(x, tx, T);
    expect(fitAsync.logLikelihood).toBe(fit.logLikelihood);
  });
});

describe("bgnbdFit on data that cannot identify the model", () => {
  it("refuses when nobody repeats", () => {
    expect(() => bgnbdFit([0, 0, 0], [0, 0, 0], [5, 8, 9])).toThrow(/nobody made a repeat purchase/);
  });
  it("refuses a single customer", () => {
    expect(() => bgnbdFit([3], [4], [9])).toThrow(/a single customer is not enough/);
  });
  it("refuses when every T is 0", () => {
    expect(() => bgnbdFit([0, 0], [0, 0], [0, 0])).toThrow(/every T is 0/);
  });
  it("refuses no customers and identical histories", () => {
    expect(() => bgnbdFit([], [], [])).toThrow(/there are no customers/);
    expect(() => bgnbdFit([1, 1], [2, 2], [3, 3])).toThrow(/the same \(x, t_x, T\)/);
  });
  it("refuses customers who all buy at one rate and never drop out, naming what runs off", () => {
    // Simulated with r and α huge (every λ ≈ 0.5 a week) and p ≈ 0: the BG/NBD maximum lies at infinity.
    const sim = simulateBgnbd({ r: 1e6, alpha: 2e6, a: 1e-4, b: 1e4, n: 3000, minT: 20, maxT: 40, seed: 3 });
    expect(() => bgnbdFit(sim.x, sim.tx, sim.T)).toThrow(/the data cannot identify the BG\/NBD model: the likelihood keeps rising as .*goes to/);
  });

  it("refuses a likelihood whose maximum lies at infinity rather than return a wrong fit", () => {
    // Everyone buys at a steady pace right to the end (t_x = T): no sign of dropout, so b → ∞ (or a → 0).
    const x = [3, 5, 2, 4, 6, 1];
    const T = [10, 12, 8, 11, 13, 6];
    expect(() => bgnbdFit(x, T, T)).toThrow(/the data cannot identify the BG\/NBD model/);
  });
});

describe("bgnbdFit on 50,000 customers simulated from known parameters", () => {
  // CDNOW-like truth; T uniform on 27–39 weeks as in CDNOW's first-quarter cohort.
  const truth = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 };
  const sim = simulateBgnbd({ ...truth, n: 50_000, minT: 27, maxT: 39, seed: 20261127 });
  const fit = bgnbdFit(sim.x, sim.tx, sim.T);

  it("recovers every parameter within 4 standard errors", () => {
    // The MLE is asymptotically normal with the observed-information standard errors, so
    // |estimate − truth| < 4 SE fails by chance with probability about 6e-5 per parameter.
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit[name] - truth[name])).toBeLessThan(4 * fit.standardErrors[name]);
    }
  });

  it("has standard errors small enough for the check to mean something (under 15% of each value)", () => {
    // About √(2357/50000) ≈ 0.22 of CDNOW's relative errors (5%, 9%, 23%, 29%).
    for (const name of ["r", "alpha", "a", "b"] as const) expect(fit.standardErrors[name] / truth[name]).toBeLessThan(0.15);
  });
});

describe("bgnbdFit above WARM_START_GROUPS distinct histories", () => {
  // 250,000 customers with continuous times: every history is its own group, so the fit first fits
  // every 5th group (50,000) and starts the full fit from there. The maximum must be the one a
  // cold start finds (same likelihood, estimates and standard errors to 1e-7), in fewer passes.
  const truth = { r: 0.24, alpha: 4.4, a: 0.79, b: 2.43 };
  const sim = simulateBgnbd({ ...truth, n: 250_000, minT: 1, maxT: 78, seed: 20261202 });
  const groups = groupBgnbdCustomers(sim.x, sim.tx, sim.T);
  const warm = bgnbdFitGroups(groups);
  const cold = bgnbdFitGroups(groups, { warmStart: false });

  it("has more groups than the threshold, so the warm start is taken", () => {
    expect(groups.count).toBeGreaterThan(WARM_START_GROUPS);
    expect(warm.evaluations).toBeLessThan(cold.evaluations);
  });

  it("ends at the cold start's maximum", () => {
    expect(Math.abs(warm.logLikelihood - cold.logLikelihood)).toBeLessThan(1e-9 * Math.abs(cold.logLikelihood));
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(relative(warm[name], cold[name])).toBeLessThan(1e-7);
      expect(relative(warm.standardErrors[name], cold.standardErrors[name])).toBeLessThan(1e-5);
      expect(Math.abs(warm[name] - truth[name])).toBeLessThan(4 * warm.standardErrors[name]);
    }
  });

  it("gives the same fit asynchronously", async () => {
    const fit = await bgnbdFitAsync(sim.x, sim.tx, sim.T);
    for (const name of ["r", "alpha", "a", "b"] as const) expect(fit[name]).toBe(warm[name]);
  });
});
