import { holdoutSummary } from "../../../src/analytics/btyd/holdoutSummary";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { checkModel, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { HoldoutTableError, checkHoldoutTable, guessHoldoutColumns, isHoldoutTable, readHoldoutTable } from "../../../src/taskpane/model/holdoutTable";
import { cdnowOrders, groupedHoldoutTable, isoOf } from "../../support/btydFixtures";

const iso = (text: string): number => serialFromIsoText(text) as number;
const CAL = iso("1997-09-30");
const END = iso("1998-06-30");

/** Relative difference, for figures that must agree to 1e-9. */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** CDNOW_sample.txt, its order log and HOLDOUTSUMMARY's core per customer (weeks, calibration end 1997-09-30). */
function cdnow() {
  const orders = cdnowOrders();
  const log = readOrderLog(orders.customer.map((c, i) => [c, isoOf(orders.ymd[i])]), 0, 1, 1);
  const h = holdoutSummary(orders.customer, orders.ymd.map((d) => iso(isoOf(d))), CAL, END, "week");
  return { log, h };
}

const grouped = groupedHoldoutTable;

describe("Check the model on a calibration/holdout table", () => {
  const { log, h } = cdnow();

  it("guesses the columns of the warehouse SQL's grouped table and of HOLDOUTSUMMARY's table", () => {
    const g = grouped(h);
    // t_x_days and T_days are not t_x and T: the names are matched whole
    expect(guessHoldoutColumns(g, true, 8)).toEqual({ x: 0, tx: 4, T: 5, xHoldout: 3, holdoutLength: 6, weight: 7 });
    const perCustomer = [["Customer", "x", "t_x", "T", "x_holdout", "holdout_length"]];
    expect(guessHoldoutColumns(perCustomer, true, 6)).toEqual({ x: 1, tx: 2, T: 3, xHoldout: 4, holdoutLength: 5, weight: null });
    expect(isHoldoutTable(guessHoldoutColumns(perCustomer, true, 6))).toBe(true);
    // lifetimes' calibration_and_holdout_data names, a German weight header; an order log is not a holdout table
    expect(guessHoldoutColumns([["frequency_cal", "recency_cal", "T_cal", "frequency_holdout", "duration_holdout", "Anzahl Kunden"]], true, 6)).toEqual({ x: 0, tx: 1, T: 2, xHoldout: 3, holdoutLength: 4, weight: 5 });
    expect(isHoldoutTable(guessHoldoutColumns([["Customer", "Order date", "Customers"]], true, 3))).toBe(false);
  });

  it("gives the same parameters and figures on the grouped CDNOW table as on the order log", async () => {
    const g = grouped(h);
    const table = readHoldoutTable(g.slice(1), guessHoldoutColumns(g, true, 8), 2, null);
    // 2,357 customers in fewer rows; holdout 1997-10-01 … 1998-06-30 = 273 days = 39 weeks
    expect(table.customers).toBe(2357);
    expect(table.rows).toBe(g.length - 1);
    expect(table.rows).toBeLessThan(2357);
    expect(table.holdoutLength).toBe(39);
    const onTable = await checkHoldoutTable(table);
    const onLog = await checkModel(log, CAL, END);
    // Both fits run on the distinct (x, t_x, T) sorted (sortedHistories in modelCheck.ts): the same parameters
    // bit for bit; fitted in the rows' own order they were 1.02e-9 relative apart (the optimiser's tolerance).
    expect(onTable.params).toEqual(onLog.params);
    // FHL 2005's estimates on this split: r 0.2426, alpha 4.4135, a 0.7929, b 2.4258
    expect(onTable.params.r).toBeCloseTo(0.2426, 3);
    expect(onTable.params.b).toBeCloseTo(2.4258, 2);
    expect(onTable.customers).toBe(onLog.customers);
    expect(onTable.holdoutWeeks).toBe(onLog.holdoutWeeks);
    expect(onTable.groups.map((x) => [x.x, x.customers])).toEqual(onLog.groups.map((x) => [x.x, x.customers]));
    onTable.groups.forEach((grp, i) => {
      expect(rel(grp.actual, onLog.groups[i].actual)).toBeLessThan(1e-9);
      expect(rel(grp.predicted, onLog.groups[i].predicted)).toBeLessThan(1e-9);
    });
    // the holdout's repeat purchases are whole numbers: the same total exactly (1,882, as the order log's check shows)
    expect(onTable.actualTotal).toBe(onLog.actualTotal);
    expect(onTable.actualTotal).toBe(1882);
    expect(rel(onTable.predictedTotal, onLog.predictedTotal)).toBeLessThan(1e-9);
  });

  it("takes a per-customer table without a weight column and a typed holdout length", async () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < h.x.length; i++) rows.push([h.ids[i], h.x[i], h.tx[i], h.T[i], h.xHoldout[i]]);
    const table = readHoldoutTable(rows, { x: 1, tx: 2, T: 3, xHoldout: 4, holdoutLength: null, weight: null }, 2, 39);
    expect(table.weight).toBeUndefined();
    expect(table.customers).toBe(2357);
    const onTable = await checkHoldoutTable(table);
    const onLog = await checkModel(log, CAL, END);
    // the same rows as the log's check: the same fit bit for bit
    expect(onTable.params).toEqual(onLog.params);
    expect(onTable.groups).toEqual(onLog.groups);
  });

  it("weights the holdout by the customers in each row: a mean x_holdout times its weight is the row's total", async () => {
    // The grouped table with x_holdout folded into a per-(x, t_x, T) mean: Σ w·mean is the same total per frequency group.
    const g = grouped(h).slice(1) as number[][];
    const byHistory = new Map<string, number[]>();
    for (const r of g) {
      const key = `${r[0]},${r[1]},${r[2]}`;
      const acc = byHistory.get(key) ?? [r[0], r[4], r[5], 0, 0];
      acc[3] += r[3] * r[7];
      acc[4] += r[7];
      byHistory.set(key, acc);
    }
    const rows = [...byHistory.values()].map(([x, tx, T, sum, w]) => [x, tx, T, sum / w, w]);
    const table = readHoldoutTable(rows, { x: 0, tx: 1, T: 2, xHoldout: 3, holdoutLength: null, weight: 4 }, 2, 39);
    const onTable = await checkHoldoutTable(table);
    const onLog = await checkModel(log, CAL, END);
    onTable.groups.forEach((grp, i) => expect(rel(grp.actual, onLog.groups[i].actual)).toBeLessThan(1e-9));
    expect(rel(onTable.actualTotal, 1882)).toBeLessThan(1e-12);
  });

  it("names the column and the sheet row of a bad weight, a bad history or a changing holdout length", () => {
    const cols = { x: 0, tx: 1, T: 2, xHoldout: 3, holdoutLength: 4, weight: 5 };
    const good = [1, 10, 20, 1, 39, 3];
    const issue = (bad: unknown[], typed: number | null = null) => {
      try {
        readHoldoutTable([good, bad], cols, 2, typed);
      } catch (e) {
        return (e as HoldoutTableError).issue;
      }
      return null;
    };
    // data from sheet row 2: the second data row is sheet row 3
    expect(issue([1, 10, 20, 1, 39, ""])).toEqual({ kind: "blank", role: "weight", row: 3, value: "" });
    expect(issue([1, 10, 20, 1, 39, -2])).toEqual({ kind: "negative", role: "weight", row: 3, value: "-2" });
    expect(issue([1, 10, 20, 1, 39, 2.5])).toEqual({ kind: "notWhole", role: "weight", row: 3, value: "2.5" });
    expect(issue([1, 10, 20, 1, 39, "many"])).toEqual({ kind: "notNumber", role: "weight", row: 3, value: "many" });
    expect(issue([1.5, 10, 20, 1, 39, 1])).toEqual({ kind: "notWhole", role: "x", row: 3, value: "1.5" });
    // t_x after T: not a purchase history
    expect(issue([1, 30, 20, 1, 39, 1])).toEqual({ kind: "badHistory", role: "x", row: 3, value: "1, 30, 20" });
    expect(issue([1, 10, 20, 1, 26, 1])).toEqual({ kind: "lengthDiffers", role: "holdoutLength", row: 3, value: "26" });
    // a weight of 0 leaves the row out; blank rows are skipped
    const t = readHoldoutTable([good, [2, 15, 20, 0, 39, 0], ["", "", "", "", "", ""]], cols, 2, null);
    expect(t.customers).toBe(3);
    expect(t.rows).toBe(2);
    expect(() => readHoldoutTable([[1, 10, 20, 1, 39, 0]], cols, 2, null)).toThrow(HoldoutTableError);
    // no holdout length column and none typed
    try {
      readHoldoutTable([good], { ...cols, holdoutLength: null }, 2, null);
    } catch (e) {
      expect((e as HoldoutTableError).issue.kind).toBe("noLength");
    }
  });
});
