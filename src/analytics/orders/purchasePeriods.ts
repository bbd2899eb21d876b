/**
 * Purchase days turned into purchase periods: the days of a customer that fall in the same
 * calendar week (Monday to Sunday) or month are one purchase, their values summed, and each
 * purchase is numbered by its period index (calendarPeriods.ts), so that times between purchases
 * are whole periods. This is how the Python library lifetimes counts with `freq="W"`
 * (`summary_data_from_transaction_data` turns dates into periods and keeps one row per customer
 * and period, values summed). BTYDSUMMARY's `whole_periods` uses it, and the warehouse SQL
 * (src/sql/btydSummarySql.ts) counts the same way, so that a grouped summary has one row per
 * distinct (x, t_x, T) in whole periods: far fewer than whole days give.
 *
 * Input and output have PurchaseDays' layout: customer c's purchases are
 * days[offsets[c]] … days[offsets[c + 1] − 1], ascending; in the output they are period indices.
 * Customers with an unusable order keep their `firstBadRow` and no purchases.
 * Example: days 35431 (Wed 1997-01-01), 35448 (Sat 1997-01-18), 35644 (Sat 1997-08-02), weeks →
 * periods 5061, 5063, 5091 (Monday-based week indices; 2 and 30 weeks after the first).
 * Cost: O(purchases), one period look-up each.
 */
import { PeriodKind, periodIndex } from "./calendarPeriods";
import { PurchaseDays } from "./purchaseDays";

export function purchasePeriods(purchases: PurchaseDays, kind: PeriodKind): PurchaseDays {
  const { ids, offsets, days, values, firstBadRow } = purchases;
  const n = ids.length;
  const periodOffsets = new Int32Array(n + 1);
  const periods = new Float64Array(days.length);
  const periodValues = values ? new Float64Array(days.length) : null;
  let out = 0;
  for (let c = 0; c < n; c++) {
    periodOffsets[c] = out;
    let last = NaN;
    for (let j = offsets[c]; j < offsets[c + 1]; j++) {
      const p = periodIndex(days[j], kind);
      if (p !== last) {
        periods[out++] = p;
        last = p;
      }
      if (periodValues && values) periodValues[out - 1] += values[j]; // a new typed array: each period starts at 0
    }
  }
  periodOffsets[n] = out;
  return {
    ids,
    offsets: periodOffsets,
    days: periods.subarray(0, out),
    values: periodValues ? periodValues.subarray(0, out) : null,
    firstBadRow,
  };
}
