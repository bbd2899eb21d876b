import { gammaGammaCustomerLogLikelihood, gammaGammaFit, gammaGammaFitAsync, gammaGammaRowError } from "../../../src/analytics/btyd/gammaGammaFit";
import { cdnowSummaryWithSpend } from "../../support/btydFixtures";
import { mulberry32 } from "../../support/simulateBgnbd";

describe("gammaGammaFit on CDNOW's 946 repeat buyers (x, zbar)", () => {
  const { x, zbar } = cdnowSummaryWithSpend();
  const fit = gammaGammaFit(x, zbar!);

  it("fits only the customers with repeat purchases", () => {
    // 946 of the 2,357 CDNOW customers have x > 0 (Fader & Hardie 2013).
    expect(fit.customers).toBe(946);
  });

  it("reproduces p 6.25, q 3.74, v 15.44 within 0.01", () => {
    // Fader & Hardie (2013), "The Gamma-Gamma model of monetary value"; the full-precision optimum has v ≈ 15.448.
    expect(Math.abs(fit.p - 6.25)).toBeLessThan(0.01);
    expect(Math.abs(fit.q - 3.74)).toBeLessThan(0.01);
    expect(Math.abs(fit.v - 15.44)).toBeLessThan(0.01);
  });

  it("reaches ln L −4055.92", () => {
    expect(fit.logLikelihood).toBeCloseTo(-4055.92, 2);
  });

  it("sums the per-customer densities", () => {
    let sum = 0;
    for (let i = 0; i < x.length; i++) if (x[i] > 0) sum += gammaGammaCustomerLogLikelihood(fit, x[i], zbar![i]);
    expect(fit.logLikelihood).toBeCloseTo(sum, 8);
  });

  it("gives the same fit with weights doubling every row (only ln L doubles)", () => {
    const doubled = gammaGammaFit(x, zbar!, new Float64Array(x.length).fill(2));
    expect(doubled.p).toBeCloseTo(fit.p, 5);
    expect(doubled.logLikelihood).toBeCloseTo(2 * fit.logLikelihood, 5);
  });

  it("gives the same fit asynchronously", async () => {
    expect((await gammaGammaFitAsync(x, zbar!)).logLikelihood).toBe(fit.logLikelihood);
  });
});

describe("gammaGammaCustomerLogLikelihood", () => {
  it("is the hand-worked density for p = q = v = 1, x = 1, z̄ = 1", () => {
    // ln Γ(2) − ln Γ(1) − ln Γ(1) + 0 + 0·ln 1 + 1·ln 1 − 2 ln 2 = −2 ln 2.
    expect(gammaGammaCustomerLogLikelihood({ p: 1, q: 1, v: 1 }, 1, 1)).toBeCloseTo(-2 * Math.log(2), 14);
  });
});

describe("gammaGammaFit on spends simulated from known parameters", () => {
  it("recovers p, q, v within 4 standard errors from 20,000 customers", () => {
    // Transaction values Gamma(p, ν), ν ~ Gamma(q, v); sums of Exponentials for whole-number shapes.
    const truth = { p: 6, q: 4, v: 15 };
    const uniform = mulberry32(7);
    const gammaInt = (shape: number, rate: number) => {
      let s = 0;
      for (let k = 0; k < shape; k++) s -= Math.log(1 - uniform());
      return s / rate;
    };
    const n = 20_000;
    const x = new Float64Array(n);
    const z = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = 1 + Math.floor(uniform() * 5);
      const nu = gammaInt(truth.q, truth.v);
      let sum = 0;
      for (let j = 0; j < x[i]; j++) sum += gammaInt(truth.p, nu);
      z[i] = sum / x[i];
    }
    const fit = gammaGammaFit(x, z);
    for (const name of ["p", "q", "v"] as const) expect(Math.abs(fit[name] - truth[name])).toBeLessThan(4 * fit.standardErrors[name]);
  });
});

describe("gammaGammaFit on data that cannot identify the model", () => {
  it("refuses when nobody repeats or only one customer does", () => {
    expect(() => gammaGammaFit([0, 0], [0, 0])).toThrow(/nobody made a repeat purchase/);
    expect(() => gammaGammaFit([0, 3], [0, 12])).toThrow(/only one customer has repeat purchases/);
  });

  it("refuses identical spends everywhere (no spread to estimate)", () => {
    expect(() => gammaGammaFit([1, 2, 3, 1, 2], [10, 10, 10, 10, 10])).toThrow(/cannot identify the Gamma-Gamma model/);
  });

  it("fails naming the row of a zero spend with repeat purchases", () => {
    expect(() => gammaGammaFit([1, 2], [10, 0])).toThrow("row 2: average_spend is 0");
  });
});

describe("gammaGammaRowError", () => {
  it("accepts x = 0 with any spend and rejects fractional x", () => {
    expect(gammaGammaRowError(0, 0)).toBeNull();
    expect(gammaGammaRowError(2.5, 10)).toMatch(/^x is 2.5/);
  });
});
