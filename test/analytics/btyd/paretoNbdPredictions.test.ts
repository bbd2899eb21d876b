import {
  paretoNbdExpectedPurchases,
  paretoNbdNewCustomerExpectedPurchases,
  paretoNbdPAlive,
  paretoNbdParamsError,
} from "../../../src/analytics/btyd/paretoNbdPredictions";
import { cdnowSummary } from "../../support/btydFixtures";
import { paretoReferencePAlive } from "../../support/btydReference";

// Fader & Hardie (2005), note 009: CDNOW estimates (weeks).
const CDNOW = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };

/** E[Y(t) | x, t_x, T], note 009 eq. 13 as printed (s ≠ 1), with the printed P(alive). */
const referenceExpected = (p: typeof CDNOW, t: number, x: number, tx: number, T: number) =>
  (((p.r + x) * (p.beta + T)) / ((p.alpha + T) * (p.s - 1))) * (1 - Math.pow((p.beta + T) / (p.beta + T + t), p.s - 1)) * paretoReferencePAlive(p, x, tx, T);

describe("paretoNbdPAlive", () => {
  it("agrees with note 009 eq. 11 as printed for every CDNOW customer (1e-10)", () => {
    const { x, tx, T } = cdnowSummary();
    for (let i = 0; i < x.length; i++) expect(Math.abs(paretoNbdPAlive(CDNOW, x[i], tx[i], T[i]) - paretoReferencePAlive(CDNOW, x[i], tx[i], T[i]))).toBeLessThan(1e-10);
  });
  it("is 1 for a customer whose last purchase is now (t_x = T), and falls as the last purchase recedes", () => {
    expect(paretoNbdPAlive(CDNOW, 3, 20, 20)).toBe(1);
    expect(paretoNbdPAlive(CDNOW, 3, 10, 20)).toBeLessThan(paretoNbdPAlive(CDNOW, 3, 15, 20));
  });
  it("is below 1 at x = 0 (unlike the BG/NBD): a customer may be gone before buying again", () => {
    // Printed formula at x 0, t_x 0, T 38.86.
    expect(paretoNbdPAlive(CDNOW, 0, 0, 38.86)).toBeCloseTo(paretoReferencePAlive(CDNOW, 0, 0, 38.86), 12);
    expect(paretoNbdPAlive(CDNOW, 0, 0, 38.86)).toBeLessThan(1);
  });
  it("stays between 0 and 1 for x in the thousands", () => {
    const p = paretoNbdPAlive(CDNOW, 3000, 5, 400);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
  });
});

describe("paretoNbdExpectedPurchases", () => {
  it("agrees with note 009 eq. 13 as printed for CDNOW customers (relative 1e-10)", () => {
    const { x, tx, T } = cdnowSummary();
    for (let i = 0; i < 300; i++) {
      const reference = referenceExpected(CDNOW, 39, x[i], tx[i], T[i]);
      expect(Math.abs(paretoNbdExpectedPurchases(CDNOW, 39, x[i], tx[i], T[i]) / reference - 1)).toBeLessThan(1e-10);
    }
  });
  it("takes the s → 1 limit (r+x)(β+T)/(α+T) · ln(1 + t/(β+T)) · P(alive), continuous on both sides", () => {
    const at1 = { ...CDNOW, s: 1 };
    const limit = (((CDNOW.r + 2) * (CDNOW.beta + 38.86)) / (CDNOW.alpha + 38.86)) * Math.log(1 + 39 / (CDNOW.beta + 38.86)) * paretoReferencePAlive(at1, 2, 30.43, 38.86);
    expect(paretoNbdExpectedPurchases(at1, 39, 2, 30.43, 38.86)).toBeCloseTo(limit, 12);
    for (const s of [1 - 1e-9, 1 + 1e-9]) expect(paretoNbdExpectedPurchases({ ...CDNOW, s }, 39, 2, 30.43, 38.86)).toBeCloseTo(limit, 7);
  });
  it("is 0 for t = 0 and grows with t", () => {
    expect(paretoNbdExpectedPurchases(CDNOW, 0, 2, 30.43, 38.86)).toBe(0);
    expect(paretoNbdExpectedPurchases(CDNOW, 52, 2, 30.43, 38.86)).toBeGreaterThan(paretoNbdExpectedPurchases(CDNOW, 39, 2, 30.43, 38.86));
  });
});

describe("paretoNbdNewCustomerExpectedPurchases", () => {
  it("is rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)] (note 009 eq. 9) and E[Y(t) | 0, 0, 0]", () => {
    const printed = ((CDNOW.r * CDNOW.beta) / (CDNOW.alpha * (CDNOW.s - 1))) * (1 - Math.pow(CDNOW.beta / (CDNOW.beta + 39), CDNOW.s - 1));
    expect(paretoNbdNewCustomerExpectedPurchases(CDNOW, 39)).toBeCloseTo(printed, 12);
    expect(paretoNbdExpectedPurchases(CDNOW, 39, 0, 0, 0)).toBeCloseTo(printed, 12);
  });
  it("at s = 1 is rβ/α · ln(1 + t/β)", () => {
    expect(paretoNbdNewCustomerExpectedPurchases({ ...CDNOW, s: 1 }, 39)).toBeCloseTo(((CDNOW.r * CDNOW.beta) / CDNOW.alpha) * Math.log(1 + 39 / CDNOW.beta), 12);
  });
});

describe("paretoNbdParamsError", () => {
  it("names a parameter that is not above 0", () => {
    expect(paretoNbdParamsError(CDNOW)).toBeNull();
    expect(paretoNbdParamsError({ ...CDNOW, s: 0 })).toMatch(/s is 0; every Pareto\/NBD parameter must be a number above 0/);
  });
});
