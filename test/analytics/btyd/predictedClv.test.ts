import { bgnbdFit } from "../../../src/analytics/btyd/bgnbdFit";
import { expectedPurchases } from "../../../src/analytics/btyd/bgnbdPredictions";
import { expectedSpend } from "../../../src/analytics/btyd/expectedSpend";
import { gammaGammaFit } from "../../../src/analytics/btyd/gammaGammaFit";
import { clvOptionsError, predictedClv, predictedClvColumn } from "../../../src/analytics/btyd/predictedClv";
import { cdnowSummaryWithSpend } from "../../support/btydFixtures";

describe("predictedClv", () => {
  const d = cdnowSummaryWithSpend();
  const bg = bgnbdFit(d.x, d.tx, d.T);
  const gg = gammaGammaFit(d.x, d.zbar!);
  const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, timeUnit: "week" as const };
  const clv = (i: number, o: Parameters<typeof predictedClv>[6] = options) => predictedClv(bg, gg, d.x[i], d.tx[i], d.T[i], d.zbar![i], o);

  it("gives 36.30, 4.64 and 8.35 for the first three CDNOW customers (weeks, 12 months, 1% a month)", () => {
    // Issue 5's CDNOW check with both models fitted on cdnow_customers_summary_with_transactions.csv.
    expect(clv(0)).toBeCloseTo(36.3, 2);
    expect(clv(1)).toBeCloseTo(4.64, 2);
    expect(clv(2)).toBeCloseTo(8.35, 2);
  });

  it("is E[Y(12 months)] × expected spend without discounting (the monthly differences telescope)", () => {
    const month = 30.4375 / 7;
    const expected = expectedPurchases(bg, 12 * month, 2, 30.43, 38.86) * expectedSpend(gg, 2, 22.35);
    expect(clv(0, { ...options, monthlyDiscountRate: 0 })).toBeCloseTo(expected, 10);
  });

  it("scales with the margin and falls with the discount rate", () => {
    expect(clv(0, { ...options, marginRate: 0.3 })).toBeCloseTo(0.3 * clv(0), 12);
    expect(clv(0, { ...options, monthlyDiscountRate: 0.05 })).toBeLessThan(clv(0));
  });

  it("gives the same value in months as in weeks once t_x, T and α are measured in months", () => {
    // α is a time scale: α in months = α in weeks × 7 / 30.4375. No other conversion may happen.
    const k = 7 / 30.4375;
    const inMonths = predictedClv({ ...bg, alpha: bg.alpha * k }, gg, 2, 30.43 * k, 38.86 * k, 22.35, { ...options, timeUnit: "month" });
    expect(inMonths).toBeCloseTo(clv(0), 10);
  });

  it("values a one-time buyer by the population mean spend, month by month discounted", () => {
    // Customer 3: x = 0, T 38.86. Σ_k [E(k·u) − E((k−1)·u)] / 1.01^k × p·v/(q − 1), summed here from EXPECTEDPURCHASES.
    const month = 30.4375 / 7;
    let sum = 0;
    for (let k = 1; k <= 12; k++) {
      sum += (expectedPurchases(bg, k * month, 0, 0, d.T[2]) - expectedPurchases(bg, (k - 1) * month, 0, 0, d.T[2])) / 1.01 ** k;
    }
    expect(clv(2)).toBeCloseTo((sum * gg.p * gg.v) / (gg.q - 1), 10);
  });
});

describe("clvOptionsError", () => {
  it("wants whole months and non-negative rates", () => {
    expect(clvOptionsError({ horizonMonths: 12, timeUnit: "week" })).toBeNull();
    expect(clvOptionsError({ horizonMonths: 1.5, timeUnit: "week" })).toMatch(/^horizon_months is 1.5/);
    expect(clvOptionsError({ horizonMonths: 0, timeUnit: "week" })).toMatch(/^horizon_months is 0/);
    expect(clvOptionsError({ horizonMonths: 12, monthlyDiscountRate: -0.1, timeUnit: "week" })).toMatch(/^monthly_discount_rate/);
    expect(clvOptionsError({ horizonMonths: 12, marginRate: -1, timeUnit: "week" })).toMatch(/^margin_rate/);
  });
});

describe("predictedClvColumn", () => {
  it("gives each customer's predictedClv, computing shared (x, T) sums once", () => {
    const d = cdnowSummaryWithSpend();
    const bg = bgnbdFit(d.x, d.tx, d.T);
    const gg = gammaGammaFit(d.x, d.zbar!);
    const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, timeUnit: "week" as const };
    const column = predictedClvColumn(bg, gg, d.x, d.tx, d.T, d.zbar!, options);
    for (const i of [0, 1, 2, 100, 2356]) {
      expect(column[i]).toBeCloseTo(predictedClv(bg, gg, d.x[i], d.tx[i], d.T[i], d.zbar![i], options), 12);
    }
  });
});
