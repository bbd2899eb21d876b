import { expectedSpend, gammaGammaParamsError } from "../../../src/analytics/btyd/expectedSpend";

const cdnow = { p: 6.25, q: 3.74, v: 15.44 }; // Fader & Hardie (2013)

describe("expectedSpend", () => {
  it("shrinks a customer's mean spend towards the population mean", () => {
    // 6.25 · (15.44 + 2 · 22.35) / (6.25 · 2 + 3.74 − 1) = 375.875 / 15.24 = 24.6637.
    expect(expectedSpend(cdnow, 2, 22.35)).toBeCloseTo(375.875 / 15.24, 12);
  });

  it("is the population mean p·v/(q − 1) for x = 0, whatever the spend cell says", () => {
    // 6.25 · 15.44 / 2.74 = 35.2190.
    expect(expectedSpend(cdnow, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(expectedSpend(cdnow, 0, 999)).toBe(expectedSpend(cdnow, 0, 0));
  });

  it("approaches the customer's own mean as x grows", () => {
    expect(expectedSpend(cdnow, 10_000, 50)).toBeCloseTo(50, 1);
  });
});

describe("gammaGammaParamsError", () => {
  it("rejects q ≤ 1, which has no finite mean spend", () => {
    expect(gammaGammaParamsError(cdnow)).toBeNull();
    expect(gammaGammaParamsError({ ...cdnow, q: 1 })).toMatch(/q is 1; with q ≤ 1 the mean spend is infinite/);
    expect(gammaGammaParamsError({ ...cdnow, p: -1 })).toMatch(/^p is -1/);
  });
});
