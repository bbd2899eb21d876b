/**
 * The BTYD fits on every reference dataset the project holds (issue 5, "Fitting that does not
 * fail"): they converge where the data identify the model, and say why where they do not.
 */
import * as fs from "fs";
import * as path from "path";
import { bgnbdFit } from "../../../src/analytics/btyd/bgnbdFit";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { gammaGammaFit } from "../../../src/analytics/btyd/gammaGammaFit";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", name), "utf8").trim().split(/\r?\n/).slice(1);

describe("BG/NBD on lifetimes' example_transactions.csv (15,273 orders of 5,000 customers, 2014)", () => {
  const lines = fixture("example_transactions.csv");
  const ids = lines.map((l) => l.split(",")[1]);
  const dates = lines.map((l) => serialFromIsoText(l.split(",")[0])!);
  const fitIn = (unit: "day" | "week" | "month") => {
    const s = btydSummary(ids, dates, null, null, unit);
    return bgnbdFit(s.x, s.tx, s.T);
  };
  const days = fitIn("day");
  const repeats = btydSummary(ids, dates, null, null, "day").x.reduce((sum, x) => sum + x, 0);

  it("converges with finite standard errors", () => {
    expect(days.standardErrors.r).toBeGreaterThan(0);
    expect(days.standardErrors.b / days.b).toBeLessThan(0.5);
  });

  it("gives the same r, a, b in days, weeks and months, with α scaled by the unit's days (no hidden conversion)", () => {
    // α is the time scale of the purchase rates: α_weeks = α_days / 7, α_months = α_days / 30.4375.
    // ln L differs by n_repeats · ln(days per unit) only (densities of times in another unit).
    for (const [unit, per] of [["week", 7], ["month", 30.4375]] as const) {
      const f = fitIn(unit);
      expect(f.r).toBeCloseTo(days.r, 6);
      expect(f.a).toBeCloseTo(days.a, 5);
      expect(f.b).toBeCloseTo(days.b, 5);
      expect(f.alpha * per).toBeCloseTo(days.alpha, 4);
      expect(f.logLikelihood - days.logLikelihood).toBeCloseTo(repeats * Math.log(per), 5);
    }
  });
});

describe("BG/NBD on lifetimes' donations.csv (annual donation occasions, 11,104 donors in 22 weighted rows)", () => {
  it("says the data show no sign of dropout (these are discrete-time data for the BG/BB, not the BG/NBD)", () => {
    const rows = fixture("donations.csv").map((l) => l.split(",").map(Number));
    expect(() =>
      bgnbdFit(
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
        rows.map((r) => r[2]),
        rows.map((r) => r[3]),
      ),
    ).toThrow(/a goes to 0 and b goes to infinity \(the data show no sign of dropout\)/);
    // The pane words it from the refusal's kind (fitBoundary.ts).
    expect(() => bgnbdFit(rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]))).toThrow(
      expect.objectContaining({ refusal: "noDropout" }),
    );
  });
});

describe("BTYD fits on the rfm package's rfm_data_orders.csv (4,906 synthetic orders of 995 customers)", () => {
  const lines = fixture("rfm_data_orders.csv");
  const s = btydSummary(
    lines.map((l) => l.split(",")[0]),
    lines.map((l) => serialFromIsoText(l.split(",")[1])!),
    lines.map((l) => Number(l.split(",")[2])),
    null,
    "week",
  );

  it("refuses the BG/NBD: the synthetic customers buy at nearly one rate, so the maximum lies at infinity", () => {
    // A profile of ln L over r (a and b refitted) keeps rising towards r ≈ 100 with a, b → ∞.
    expect(() => bgnbdFit(s.x, s.tx, s.T)).toThrow(/the data cannot identify the BG\/NBD model: the likelihood keeps rising as/);
    // r and alpha run off together (r / alpha, the mean rate, stays put): purchase rates hardly differ.
    expect(() => bgnbdFit(s.x, s.tx, s.T)).toThrow(expect.objectContaining({ refusal: "sameRates" }));
  });

  it("refuses the Gamma-Gamma: average spends hardly differ between customers beyond chance", () => {
    expect(() => gammaGammaFit(s.x, s.averageSpend!)).toThrow(/q goes to infinity and v goes to infinity/);
  });
});
