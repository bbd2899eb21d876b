/** Every query the generator writes, for one dialect, with the options the pane offers. */
import { Dialect } from "../../../src/sql/dialect";
import { btydSummarySql } from "../../../src/sql/btydSummarySql";
import { clvJoinSql } from "../../../src/sql/clvGroupsSql";
import { cohortsSql } from "../../../src/sql/cohortsSql";
import { holdoutSummarySql } from "../../../src/sql/holdoutSummarySql";
import { pAliveSql } from "../../../src/sql/pAliveSql";
import { retentionByPeriodSql } from "../../../src/sql/retentionByPeriodSql";
import { rfmScoresSql } from "../../../src/sql/rfmScoresSql";
import { rfmSegmentsSql } from "../../../src/sql/rfmSegmentsSql";
import { rfmTableSql } from "../../../src/sql/rfmTableSql";

export const SOURCE = { table: "shop.sales.orders", customerId: "customer_id", orderDate: "order_date", amount: "amount" };

export function allQueries(d: Dialect): Record<string, string> {
  const source = SOURCE;
  const out: Record<string, string> = {
    "RFM table": rfmTableSql(d, { source, asOf: "2024-12-31" }),
    "RFM table, latest date": rfmTableSql(d, { source, asOf: null }),
    "RFM scores": rfmScoresSql(d, { source, asOf: "2024-12-31" }),
    "RFM scores, quantile, 9 bins": rfmScoresSql(d, { source, asOf: "2024-12-31", bins: 9, method: "quantile" }),
    "RFM segments": rfmSegmentsSql(d, { source, asOf: "2024-12-31" }),
    "BTYD summary": btydSummarySql(d, { source, asOf: "2024-12-31", unit: "week" }),
    "BTYD summary, grouped": btydSummarySql(d, { source, asOf: "2024-12-31", unit: "day", shape: "grouped" }),
    "BTYD spend": btydSummarySql(d, { source, asOf: "2024-12-31", unit: "month", shape: "spend" }),
    "BTYD summary in whole months": btydSummarySql(d, { source, asOf: "2024-12-31", unit: "month", wholePeriods: true }),
    "BTYD summary in whole weeks, grouped": btydSummarySql(d, { source, asOf: "2024-12-31", unit: "week", shape: "grouped", wholePeriods: true }),
    "BTYD spend in whole weeks": btydSummarySql(d, { source, asOf: "2024-12-31", unit: "week", shape: "spend", wholePeriods: true }),
    "Holdout summary": holdoutSummarySql(d, { source, calibrationEnd: "2024-06-30", holdoutEnd: "2024-12-31" }),
    "Holdout summary, grouped": holdoutSummarySql(d, { source, calibrationEnd: "2024-06-30", holdoutEnd: "2024-12-31", grouped: true }),
    "P(alive)": pAliveSql(d, { source, asOf: "2024-12-31", params: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 } }),
    "CLV join": clvJoinSql(d, { source, asOf: "2024-12-31", groupTable: "shop.sales.clv_groups", gammaGamma: { p: 6.25, q: 3.74, v: 15.44 }, marginRate: 0.3, horizonMonths: 12, monthlyDiscountRate: 0.01 }),
    "Retention by month": retentionByPeriodSql(d, { source, asOf: "2024-12-31", period: "month" }),
  };
  for (const period of ["week", "month", "quarter", "year"] as const) out[`Cohorts by ${period}`] = cohortsSql(d, { source, asOf: "2024-12-31", period });
  out["Retention by week"] = retentionByPeriodSql(d, { source, asOf: "2024-12-31", period: "week", activeDays: 28 });
  return out;
}
