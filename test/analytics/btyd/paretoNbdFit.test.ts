import { paretoNbdFit, paretoNbdFitAsync } from "../../../src/analytics/btyd/paretoNbdFit";
import { cdnowSummary } from "../../support/btydFixtures";
import { simulateParetoNbd } from "../../support/simulateBtydModels";

const relative = (value: number, expected: number) => Math.abs(value / expected - 1);

describe("paretoNbdFit on CDNOW (2,357 customers, weeks)", () => {
  const { x, tx, T } = cdnowSummary();
  const fit = paretoNbdFit(x, tx, T);

  it("reproduces the published estimates r 0.553, α 10.578, s 0.606, β 11.669 (relative 1e-3)", () => {
    // Fader & Hardie (2005), note 009 and its spreadsheet; issue 15.
    expect(relative(fit.r, 0.553)).toBeLessThan(1e-3);
    expect(relative(fit.alpha, 10.578)).toBeLessThan(1e-3);
    expect(relative(fit.s, 0.606)).toBeLessThan(1e-3);
    expect(relative(fit.beta, 11.669)).toBeLessThan(1e-3);
  });

  it("reaches the published log-likelihood −9594.97 on the two-decimal summary within 0.01", () => {
    // Issue 15: −9594.98 on exact days/7, −9594.97 on lifetimes' two-decimal summary (this fixture).
    expect(Math.abs(fit.logLikelihood - -9594.97)).toBeLessThan(0.01);
  });

  it("gives standard errors that say β is poorly pinned down and r well", () => {
    // The likelihood is flat in β (issue 15): its SE is about half its value; r's about a tenth.
    expect(fit.standardErrors.beta / fit.beta).toBeGreaterThan(0.3);
    expect(fit.standardErrors.r / fit.r).toBeLessThan(0.15);
  });

  it("gives the same fit from grouped rows with weights, and asynchronously", async () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < x.length; i++) counts.set(`${x[i]},${tx[i]},${T[i]}`, (counts.get(`${x[i]},${tx[i]},${T[i]}`) ?? 0) + 1);
    const rows = [...counts].map(([key, n]) => [...key.split(",").map(Number), n]);
    const weighted = paretoNbdFit(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]));
    expect(weighted.logLikelihood).toBeCloseTo(fit.logLikelihood, 6);
    expect(weighted.s).toBeCloseTo(fit.s, 5);
    expect((await paretoNbdFitAsync(x, tx, T)).logLikelihood).toBe(fit.logLikelihood);
  });
});

describe("paretoNbdFit on data that cannot identify the model", () => {
  it("refuses no customers, one customer, every T 0, nobody repeating, identical histories", () => {
    expect(() => paretoNbdFit([], [], [])).toThrow(/Pareto\/NBD model: there are no customers/);
    expect(() => paretoNbdFit([3], [4], [9])).toThrow(/a single customer is not enough/);
    expect(() => paretoNbdFit([0, 0], [0, 0], [0, 0])).toThrow(/every T is 0/);
    expect(() => paretoNbdFit([0, 0, 0], [0, 0, 0], [5, 8, 9])).toThrow(/nobody made a repeat purchase/);
    expect(() => paretoNbdFit([1, 1], [2, 2], [3, 3])).toThrow(/the same \(x, t_x, T\)/);
  });
  it("refuses a bad row, naming it", () => {
    expect(() => paretoNbdFit([1, 2], [5, 9], [6, 8])).toThrow(/row 2: t_x \(9\) is more than T \(8\)/);
  });
  it("refuses customers who all buy right to the end (no sign of dropout)", () => {
    const x = [3, 5, 2, 4, 6, 1];
    const T = [10, 12, 8, 11, 13, 6];
    expect(() => paretoNbdFit(x, T, T)).toThrow(/the data cannot identify the Pareto\/NBD model/);
  });
});

describe("paretoNbdFit on 50,000 customers simulated from known parameters", () => {
  // CDNOW-like truth; T whole weeks 27–39; t_x binned to the middle of its week (simulateBtydModels.ts)
  // so that the 50,000 customers fall into a few hundred distinct histories.
  const truth = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
  const sim = simulateParetoNbd(truth, { n: 50_000, minT: 27, maxT: 40, seed: 20261201, step: 1 });
  const fit = paretoNbdFit(sim.x, sim.tx, sim.T);

  it("recovers every parameter within 3 standard errors", () => {
    // |estimate − truth| < 3 SE fails by chance with probability about 0.003 per parameter; the seed is fixed.
    for (const name of ["r", "alpha", "s", "beta"] as const) {
      expect(Math.abs(fit[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]);
    }
  });
  it("has standard errors small enough for the check to mean something (under 15% of each value)", () => {
    for (const name of ["r", "alpha", "s", "beta"] as const) expect(fit.standardErrors[name] / truth[name]).toBeLessThan(0.15);
  });
});
