// MBG/NBD likelihood, fit and predictions (src/analytics/btyd/mbgnbd*.ts).
import { groupBgnbdCustomers } from "../../../src/analytics/btyd/bgnbdGroups";
import { mbgnbdCustomerLogLikelihood, mbgnbdLogLikelihood } from "../../../src/analytics/btyd/mbgnbdLogLikelihood";
import { mbgnbdFit } from "../../../src/analytics/btyd/mbgnbdFit";
import { mbgnbdExpectedPurchases, mbgnbdNewCustomerExpectedPurchases, mbgnbdPAlive } from "../../../src/analytics/btyd/mbgnbdPredictions";
import { cdnowSummary } from "../../support/btydFixtures";
import { hyp2f1, mbgnbdReferenceLogLikelihood } from "../../support/btydReference";
import { richardsonGradient } from "../../support/numericGradient";
import { simulateMbgnbd } from "../../support/simulateBtydModels";

const relative = (value: number, expected: number) => Math.abs(value / expected - 1);
// lifetimes' ModifiedBetaGeoFitter on CDNOW (issue 15): r 0.525, α 6.183, a 0.891, b 1.614.
const CDNOW = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

describe("MBG/NBD on CDNOW", () => {
  const { x, tx, T } = cdnowSummary();
  const fit = mbgnbdFit(x, tx, T);

  it("reproduces the published estimates r 0.525, α 6.183, a 0.891, b 1.614 (relative 1e-3)", () => {
    expect(relative(fit.r, 0.525)).toBeLessThan(1e-3);
    expect(relative(fit.alpha, 6.183)).toBeLessThan(1e-3);
    expect(relative(fit.a, 0.891)).toBeLessThan(1e-3);
    expect(relative(fit.b, 1.614)).toBeLessThan(1e-3);
  });

  it("has the likelihood of Batislam et al. eq. 2 as printed, for every customer (1e-10)", () => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) {
      const reference = mbgnbdReferenceLogLikelihood(CDNOW, x[i], tx[i], T[i]);
      expect(Math.abs(mbgnbdCustomerLogLikelihood(CDNOW, x[i], tx[i], T[i]) - reference)).toBeLessThan(1e-10 * Math.abs(reference));
      sum += reference;
    }
    expect(Math.abs(fit.logLikelihood - sum)).toBeLessThan(0.01);
  });
});

describe("MBG/NBD predictions", () => {
  it("P(alive) is 1/(1 + a/(b+x)·((α+T)/(α+t_x))^(r+x)), below 1 at x = 0", () => {
    const { r, alpha, a, b } = CDNOW;
    expect(mbgnbdPAlive(CDNOW, 2, 30.43, 38.86)).toBeCloseTo(1 / (1 + (a / (b + 2)) * Math.pow((alpha + 38.86) / (alpha + 30.43), r + 2)), 12);
    expect(mbgnbdPAlive(CDNOW, 0, 0, 38.86)).toBeCloseTo(1 / (1 + (a / b) * Math.pow((alpha + 38.86) / alpha, r)), 12);
    expect(mbgnbdPAlive(CDNOW, 0, 0, 38.86)).toBeLessThan(1);
  });
  it("E[Y(t)] and a new customer's E[X(t)] follow Batislam et al. eqs. 4–5 as printed", () => {
    const { r, alpha, a, b } = CDNOW;
    const [t, x, tx, T] = [39, 2, 30.43, 38.86];
    const z = t / (alpha + T + t);
    const printed =
      ((a + b + x) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x + 1, a + b + x, z)) * mbgnbdPAlive(CDNOW, x, tx, T);
    expect(mbgnbdExpectedPurchases(CDNOW, t, x, tx, T)).toBeCloseTo(printed, 10);
    const newPrinted = (b / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
    expect(mbgnbdNewCustomerExpectedPurchases(CDNOW, t)).toBeCloseTo(newPrinted, 10);
  });
});

describe("mbgnbdFit on 50,000 simulated customers", () => {
  const truth = { r: 0.525, alpha: 6.18, a: 0.89, b: 1.61 };
  const sim = simulateMbgnbd(truth, { n: 50_000, minT: 27, maxT: 40, seed: 20261202, step: 1 });
  const fit = mbgnbdFit(sim.x, sim.tx, sim.T);
  it("recovers every parameter within 3 standard errors (each under 15% of its value)", () => {
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(fit[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]);
      expect(fit.standardErrors[name] / truth[name]).toBeLessThan(0.15);
    }
  });
  it("refuses data without repeat purchases", () => {
    expect(() => mbgnbdFit([0, 0, 0], [0, 0, 0], [5, 8, 9])).toThrow(/MBG\/NBD model: nobody made a repeat purchase/);
  });
});

describe("MBG/NBD analytic gradient", () => {
  // Reference: Richardson-extrapolated central differences (test/support/numericGradient.ts) of
  // the likelihood as printed in Batislam et al. eq. 2 (btydReference.ts), summed over customers.
  const { x, tx, T } = cdnowSummary();
  const hand = {
    // x = 0 (the dropout term at x = 0), t_x = T, t_x tiny, x large, a fractional T.
    x: [0, 0, 1, 2, 5, 3, 40, 12],
    tx: [0, 0, 0.5, 30.43, 10, 20, 77.5, 0.01],
    T: [38.86, 0.5, 40, 38.86, 10, 52.25, 78, 30],
  };
  const points = [CDNOW, { r: 0.3, alpha: 2, a: 0.4, b: 3.5 }, { r: 2.5, alpha: 30, a: 3, b: 0.7 }, { r: 0.05, alpha: 0.8, a: 12, b: 25 }];
  for (const [label, data] of [["CDNOW", { x, tx, T }], ["hand-made histories", hand]] as const) {
    it(`matches central differences of the printed likelihood on ${label} at four parameter points (1e-6 relative)`, () => {
      const groups = groupBgnbdCustomers(data.x, data.tx, data.T);
      for (const point of points) {
        const gradient = new Float64Array(4);
        const ll = mbgnbdLogLikelihood(groups, point, gradient);
        const total = (p: number[]) => {
          let sum = 0;
          for (let i = 0; i < data.x.length; i++) sum += mbgnbdReferenceLogLikelihood({ r: p[0], alpha: p[1], a: p[2], b: p[3] }, data.x[i], data.tx[i], data.T[i]);
          return sum;
        };
        const p = [point.r, point.alpha, point.a, point.b];
        expect(relative(ll, total(p))).toBeLessThan(1e-10);
        const reference = richardsonGradient(total, p);
        for (let j = 0; j < 4; j++) expect(relative(gradient[j], reference[j])).toBeLessThan(1e-6);
      }
    });
  }
  it("is used by the fit: a few dozen evaluations on CDNOW, converged", () => {
    const fit = mbgnbdFit(x, tx, T);
    // With central differences this fit took 28 gradient evaluations (9 likelihoods each); the
    // analytic gradient takes one likelihood-and-gradient per evaluation and lands on the same point.
    expect(fit.evaluations).toBeLessThan(60);
    expect(relative(fit.alpha, CDNOW.alpha)).toBeLessThan(1e-3);
  });
});
