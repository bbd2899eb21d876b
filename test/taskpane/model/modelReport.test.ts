/**
 * The model report's data on CDNOW_sample.txt (FHL 2005's 39/39-week split), from the order log
 * through checkModel, against the lifetimes summary of the same log and the published fits.
 */
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { checkModel, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { buildModelReport, type ModelComparisonRow, type ModelReport } from "../../../src/taskpane/model/modelReport";
import { cdnowOrders, cdnowSummary, isoOf } from "../../support/btydFixtures";

const iso = (text: string): number => serialFromIsoText(text) as number;
const fitted = (r: ModelComparisonRow) => {
  if (r.status !== "fitted") throw new Error(`${r.model}: ${r.message}`);
  return r;
};

describe("buildModelReport on CDNOW_sample.txt", () => {
  const orders = cdnowOrders();
  const log = readOrderLog(
    orders.customer.map((c, i) => [c, isoOf(orders.ymd[i])]),
    0,
    1,
    1,
  );
  let report: ModelReport;
  let check: Awaited<ReturnType<typeof checkModel>>;
  beforeAll(async () => {
    check = await checkModel(log, iso("1997-09-30"));
    report = await buildModelReport(log, check);
  }, 60000);

  it("counts the calibration histogram as lifetimes' summary does, expected summing to the customers", () => {
    // cdnow_customers_summary.csv: 1,411 / 439 / 214 / 100 / 62 / 38 / 29 / 64 customers with x = 0 … 6, 7+.
    expect(Array.from(report.histogram.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(report.histogram.expected.reduce((s, v) => s + v, 0)).toBeCloseTo(2357, 6);
    expect(report.customers).toBe(2357);
  });

  it("tracks weeks 1 … 78 from 1997-01-01, the calibration ending in week 39, the actual total as the log's", () => {
    expect(report.origin).toBe(iso("1997-01-01"));
    expect(report.tracking.periods).toBe(78);
    expect(report.calibrationWeek).toBe(39);
    // Σ x (2,457, cdnow_customers_summary.csv) plus the holdout repeats checkModel counted.
    expect(report.tracking.actualCumulative[77]).toBe(2457 + check.actualTotal);
    // Weeks 1 … 38 hold only calibration days (up to 1997-09-24, before the 30th).
    expect(report.tracking.actualCumulative[37]).toBeLessThanOrEqual(2457);
  });

  it("stops the tracking at an earlier tracking end: 1998-03-31 is 454/7 weeks after 1997-01-01, so 65 weeks", async () => {
    const end = iso("1998-03-31");
    const short = await buildModelReport(log, check, end);
    expect(short.tracking.periods).toBe(65);
    expect(short.tracking.ends[64]).toBeCloseTo(454 / 7, 12);
    // Counted here from the log: distinct order days after each customer's first, up to 1998-03-31.
    const days = new Map<string, Set<string>>();
    orders.customer.forEach((c, i) => {
      if (orders.ymd[i] > "19980331") return;
      if (!days.has(c)) days.set(c, new Set());
      days.get(c)!.add(orders.ymd[i]);
    });
    let repeats = 0;
    for (const set of days.values()) repeats += set.size - 1;
    expect(short.tracking.actualCumulative[64]).toBe(repeats);
    // The expectation up to week 64 is the full report's; the holdout comparison still uses the whole holdout.
    expect(short.tracking.expectedCumulative[63]).toBeCloseTo(report.tracking.expectedCumulative[63], 9);
    expect(short.comparison[0].status === "fitted" && short.comparison[0].holdout.actualTotal).toBe(check.actualTotal);
  }, 30000);

  it("draws the heatmaps at the largest T, 272/7 = 38.86 weeks, x 0 … 29 and t_x 0 … 38", () => {
    expect(report.heatmapT).toBeCloseTo(272 / 7, 12);
    // The largest calibration x in cdnow_customers_summary.csv is 29.
    expect(report.pAliveGrid.frequencies.length).toBe(30);
    expect(report.pAliveGrid.recencies.length).toBe(39);
    // x 0: P(alive) 1 in the BG/NBD model
    expect(report.pAliveGrid.values[0][0]).toBe(1);
  });

  it("compares BG/NBD, Pareto/NBD and MBG/NBD on the same histories with their published fits", () => {
    const [bg, pnbd, mbg] = report.comparison.map(fitted);
    expect([bg.model, pnbd.model, mbg.model]).toEqual(["BG/NBD", "Pareto/NBD", "MBG/NBD"]);
    // FHL 2005: r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4.
    expect(bg.estimates[0]).toBeCloseTo(0.243, 2);
    expect(bg.estimates[1]).toBeCloseTo(4.414, 1);
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 0);
    // Fader & Hardie note 009 / issue 15: Pareto/NBD r 0.553, α 10.578, s 0.606, β 11.669, LL −9594.98 on exact days/7.
    expect(pnbd.estimates[0]).toBeCloseTo(0.553, 2);
    expect(pnbd.logLikelihood).toBeCloseTo(-9594.98, 1);
    // Batislam et al. 2007 via lifetimes: MBG/NBD r 0.525, α 6.183, a 0.891, b 1.614.
    expect(mbg.estimates[0]).toBeCloseTo(0.525, 2);
    expect(mbg.estimates[3]).toBeCloseTo(1.614, 1);
    // BIC = 4 ln 2357 − 2 LL: BG/NBD below Pareto/NBD, as their log-likelihoods say.
    expect(bg.bic).toBeCloseTo(4 * Math.log(2357) - 2 * bg.logLikelihood, 9);
    expect(bg.bic).toBeLessThan(pnbd.bic);
    // The BG/NBD holdout totals are checkModel's.
    expect(bg.holdout.actualTotal).toBe(check.actualTotal);
    expect(bg.holdout.predictedTotal).toBeCloseTo(check.predictedTotal, 6);
    for (const m of [bg, pnbd, mbg]) expect(m.standardErrors.every((se) => se > 0 && Number.isFinite(se))).toBe(true);
  });
});
