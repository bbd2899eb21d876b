// BG/BB summary, likelihood, fit and predictions (src/analytics/btyd/bgbb*.ts).
import * as fs from "fs";
import * as path from "path";
import { bgbbSummary, groupBgbbSummary } from "../../../src/analytics/btyd/bgbbSummary";
import { bgbbCustomerLogLikelihood, bgbbGroups, bgbbLogLikelihood } from "../../../src/analytics/btyd/bgbbLogLikelihood";
import { bgbbFit } from "../../../src/analytics/btyd/bgbbFit";
import { bgbbExpectedPurchases, bgbbPAlive } from "../../../src/analytics/btyd/bgbbPredictions";
import { serialFromYmd } from "../../../src/analytics/orders/dates";
import { bgbbReference } from "../../support/btydReference";
import { simulateBgbb } from "../../support/simulateBtydModels";

// donations.csv (lifetimes; FHS 2010): frequency, recency, periods, weights.
const donations = fs
  .readFileSync(path.join(__dirname, "..", "..", "fixtures", "donations.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(",").map(Number));
const col = (j: number) => donations.map((row) => row[j]);
// Fader, Hardie & Shang (2010), table 2.
const FHS = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe("bgbbSummary", () => {
  it("counts later periods with a transaction, the last one and the whole periods to the as-of date (period numbers)", () => {
    // A: periods 0 (first), 1, 1 (same period twice counts once), 3; B: only period 2; as of period 5.
    const s = bgbbSummary(["A", "A", "A", "A", "B"], [0, 1, 1, 3, 2], "year", 5);
    expect(s.ids).toEqual(["A", "B"]);
    expect([...s.x]).toEqual([2, 0]);
    expect([...s.tx]).toEqual([3, 0]);
    expect([...s.n]).toEqual([5, 3]);
  });
  it("reads dates by calendar year and leaves the unfinished year out", () => {
    const d = (y: number, m: number, day: number) => serialFromYmd(y, m, day);
    // A in 2019 (first), 2020, 2022, 2024 and 2025-03 (unfinished on 2025-06-30); B first in 2023.
    const s = bgbbSummary(["A", "A", "A", "A", "A", "B"], [d(2019, 5, 1), d(2020, 1, 9), d(2022, 7, 7), d(2024, 12, 31), d(2025, 3, 1), d(2023, 2, 2)], "year", d(2025, 6, 30));
    expect([...s.x]).toEqual([3, 0]);
    expect([...s.tx]).toEqual([5, 0]);
    expect([...s.n]).toEqual([5, 1]);
  });
  it("groups identical histories with their counts", () => {
    const g = groupBgbbSummary({ x: [1, 0, 1, 0], tx: [2, 0, 2, 0], n: [3, 3, 3, 2] });
    expect([...g.n]).toEqual([2, 3, 3]);
    expect([...g.count]).toEqual([1, 1, 2]);
  });
  it("refuses a fractional period number and an empty log", () => {
    expect(() => bgbbSummary(["A"], [1.5], "year", null)).toThrow(/row 1: 1.5 is not a whole period number/);
    expect(() => bgbbSummary([null], [1], "year", null)).toThrow(/there are no transactions/);
  });
});

describe("BG/BB likelihood and predictions", () => {
  it("sums to −33,225.6 over the donations data at FHS's estimates", () => {
    expect(Math.abs(bgbbLogLikelihood(bgbbGroups(col(0), col(1), col(2), col(3)), FHS) - -33225.6)).toBeLessThan(0.1);
  });
  it("agrees with the sum over death times (Beta moments as products) for every history with n ≤ 8", () => {
    for (let n = 0; n <= 8; n++)
      for (let x = 0; x <= n; x++)
        for (let tx = x === 0 ? 0 : x; tx <= (x === 0 ? 0 : n); tx++) {
          const ref = bgbbReference(FHS, x, tx, n);
          expect(bgbbCustomerLogLikelihood(FHS, x, tx, n)).toBeCloseTo(Math.log(ref.likelihood), 11);
          expect(bgbbPAlive(FHS, x, tx, n)).toBeCloseTo(ref.pAlive, 11);
          expect(bgbbExpectedPurchases(FHS, 5, x, tx, n)).toBeCloseTo(ref.expected(5), 10);
        }
  });
  it("takes the γ → 1 limit of the expectation, continuous on both sides", () => {
    const at1 = { ...FHS, gamma: 1 };
    const value = bgbbExpectedPurchases(at1, 5, 3, 4, 6);
    expect(value).toBeCloseTo(bgbbReference(at1, 3, 4, 6).expected(5), 11);
    for (const gamma of [1 - 1e-9, 1 + 1e-9]) expect(bgbbExpectedPurchases({ ...FHS, gamma }, 5, 3, 4, 6)).toBeCloseTo(value, 7);
  });
});

describe("bgbbFit", () => {
  it("reproduces FHS 2010 on the donations data: α 1.204, β 0.750, γ 0.657, δ 2.783, ln L −33,225.6", () => {
    const fit = bgbbFit(col(0), col(1), col(2), col(3));
    expect(fit.alpha).toBeCloseTo(1.204, 3);
    expect(fit.beta).toBeCloseTo(0.75, 3);
    expect(fit.gamma).toBeCloseTo(0.657, 3);
    expect(fit.delta).toBeCloseTo(2.783, 2);
    expect(Math.abs(fit.logLikelihood - -33225.6)).toBeLessThan(0.1);
  });
  it("recovers parameters from 50,000 simulated customers within 3 standard errors", () => {
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
    const g = groupBgbbSummary(simulateBgbb(truth, 50_000, 6, 20261203));
    const fit = bgbbFit(g.x, g.tx, g.n, g.count);
    for (const name of ["alpha", "beta", "gamma", "delta"] as const) expect(Math.abs(fit[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]);
  });
  it("refuses bad rows and unidentifiable data", () => {
    expect(() => bgbbFit([2], [1], [6])).toThrow(/row 1: t_x \(1\) is less than x \(2\)/);
    expect(() => bgbbFit([0, 0], [0, 0], [6, 6])).toThrow(/nobody transacted/);
  });
});
