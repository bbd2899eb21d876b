import {
  bgnbdfit,
  btydsummary,
  expectedpurchases,
  expectedspend,
  gammagammafit,
  holdoutsummary,
  palive,
  predictedclv,
} from "../../src/functions/btyd";
import { cdnowOrders, cdnowSummary, cdnowSummaryWithSpend, isoOf } from "../support/btydFixtures";
import { excelError } from "../support/customFunctionsStub";

const column = (values: ArrayLike<unknown>) => Array.from(values, (v) => [v]);
// The CDNOW fit (Fader, Hardie & Lee 2005) as BGNBDFIT spills it, and the Gamma-Gamma note's figures.
const BGNBD_BLOCK = [
  ["r", "alpha", "a", "b", "log-likelihood"],
  [0.242593, 4.413532, 0.792886, 2.425754, -9582.43],
  [0.0126, 0.378, 0.186, 0.705, ""],
];
const GG_BLOCK = [
  ["p", "q", "v", "log-likelihood"],
  [6.25, 3.74, 15.44, -4055.92],
];

describe("LOYALTY.BGNBDFIT", () => {
  it("spills header, estimates with ln L, and standard errors for CDNOW", async () => {
    const { x, tx, T } = cdnowSummary();
    const out = await bgnbdfit(column(x), column(tx), column(T));
    expect(out[0]).toEqual(["r", "alpha", "a", "b", "log-likelihood"]);
    // FHL (2005): 0.242593, 4.413532, 0.792886, 2.425754, ln L −9582.4256; SEs 0.0126, 0.378, 0.186, 0.705.
    expect(out[1][0]).toBeCloseTo(0.2426, 4);
    expect(out[1][1]).toBeCloseTo(4.4135, 3);
    expect(out[1][4]).toBeCloseTo(-9582.4256, 2);
    expect(out[2][0]).toBeCloseTo(0.0126, 4);
    expect(out[2][4]).toBe("");
  });

  it("skips blank rows at the end of the ranges (null and '')", async () => {
    const { x, tx, T } = cdnowSummary();
    const withBlanks = async (blank: unknown) =>
      bgnbdfit([...column(x), [blank]], [...column(tx), [blank]], [...column(T), [blank]]);
    expect((await withBlanks(null))[1][4]).toBeCloseTo(-9582.4256, 2);
    expect((await withBlanks(""))[1][4]).toBeCloseTo(-9582.4256, 2);
  });

  it("fails the whole call naming the row of a half-blank or bad row", async () => {
    expect(excelError(await bgnbdfit([[1], [2]], [[1], [null]], [[3], [4]]))).toEqual({
      code: "#VALUE!",
      message: "t_x, row 2: the cell is blank; expected a time",
    });
    expect(excelError(await bgnbdfit([[1], ["two"]], [[1], [1]], [[3], [4]]))?.message).toBe('x, row 2: expected a number of repeat purchases, found text "two"');
    expect(excelError(await bgnbdfit([[1], [2]], [[5], [1]], [[3], [4]]))?.message).toBe("row 1: t_x (5) is more than T (3); the last purchase cannot come after the end of observation");
  });

  it("passes an input cell's error on", async () => {
    const na = new (globalThis as any).CustomFunctions.Error("#N/A", "missing");
    expect(excelError(await bgnbdfit([[1], [na]], [[1], [1]], [[3], [4]]))?.code).toBe("#N/A");
  });

  it("says so when the data cannot identify the model", async () => {
    expect(excelError(await bgnbdfit([[0], [0]], [[0], [0]], [[3], [4]]))?.message).toMatch(/nobody made a repeat purchase/);
    expect(excelError(await bgnbdfit([[2]], [[1]], [[3]]))?.message).toMatch(/a single customer is not enough/);
    expect(excelError(await bgnbdfit([[0], [0]], [[0], [0]], [[0], [0]]))?.message).toMatch(/every T is 0/);
    expect(excelError(await bgnbdfit([], [], []))?.message).toMatch(/no customers/);
  });

  it("accepts weights for grouped rows, 0 as a real weight", async () => {
    const { x, tx, T } = cdnowSummary();
    const plain = await bgnbdfit(column(x), column(tx), column(T));
    const weighted = await bgnbdfit([...column(x), [5]], [...column(tx), [1]], [...column(T), [2]], [...column(new Array(x.length).fill(1)), [0]]);
    expect(weighted[1][4]).toBeCloseTo(plain[1][4] as number, 6);
  });
});

describe("LOYALTY.PALIVE", () => {
  it("gives 0.7266 for the CDNOW customer and 1 for x = 0", async () => {
    // FHL (2005) spreadsheet: x 2, t_x 30.43, T 38.86 → 0.7266; x = 0 → 1.
    const out = await palive([[2], [0]], [[30.43], [0]], [[38.86], [38.86]], BGNBD_BLOCK);
    expect(out[0][0]).toBeCloseTo(0.7266, 4);
    expect(out[1][0]).toBe(1);
  });

  it("takes the block without its header, or the bare numbers as a row or a column", async () => {
    const expected = (await palive([[2]], [[30.43]], [[38.86]], BGNBD_BLOCK))[0][0];
    expect((await palive([[2]], [[30.43]], [[38.86]], BGNBD_BLOCK.slice(1)))[0][0]).toBe(expected);
    expect((await palive([[2]], [[30.43]], [[38.86]], [[0.242593, 4.413532, 0.792886, 2.425754]]))[0][0]).toBe(expected);
    expect((await palive([[2]], [[30.43]], [[38.86]], [[0.242593], [4.413532], [0.792886], [2.425754]]))[0][0]).toBe(expected);
  });

  it("refuses a Gamma-Gamma block or bad parameters for the whole call", async () => {
    expect(excelError((await palive([[2]], [[30]], [[38]], GG_BLOCK)))?.message).toMatch(/^bgnbd_params: the header says p, q, v/);
    expect(excelError((await palive([[2]], [[30]], [[38]], [[0.2, 4, 0.8, -1]])))?.message).toBe("bgnbd_params: b is -1; every BG/NBD parameter must be a number above 0");
    expect(excelError((await palive([[2]], [[30]], [[38]], [[0.2, 4]])))?.message).toMatch(/^bgnbd_params: expected the block BGNBDFIT spilled/);
  });

  it("keeps a bad customer's error in its own row", async () => {
    const out = await palive([[2], [""], [1], ["x"], [2]], [[30.43], [1], [50], [1], [1]], [[38.86], [5], [40], [5], [5]], BGNBD_BLOCK);
    expect(out[0][0]).toBeCloseTo(0.7266, 4);
    expect(excelError(out[1][0])).toEqual({ code: "#N/A", message: "x, row 2: the cell is blank; no number of repeat purchases for this customer" });
    expect(excelError(out[2][0])).toEqual({ code: "#VALUE!", message: "row 3: t_x (50) is more than T (40); the last purchase cannot come after the end of observation" });
    expect(excelError(out[3][0])?.code).toBe("#VALUE!");
    expect(typeof out[4][0]).toBe("number");
  });

  it("fails on mismatched lengths", async () => {
    expect(excelError((await palive([[1], [2]], [[1], [1], [1]], [[3]], BGNBD_BLOCK)))?.message).toMatch(/same number of rows/);
  });
});

describe("LOYALTY.EXPECTEDPURCHASES", () => {
  it("gives 1.2259 for the CDNOW customer over 39 weeks", async () => {
    // The worked example of the spreadsheet accompanying FHL (2005).
    expect((await expectedpurchases([[39]], [[2]], [[30.43]], [[38.86]], BGNBD_BLOCK))[0][0]).toBeCloseTo(1.2259, 4);
  });

  it("reuses a single t for every customer and rejects a negative t in its row", async () => {
    const out = await expectedpurchases([[39]], [[2], [0]], [[30.43], [0]], [[38.86], [38.86]], BGNBD_BLOCK);
    expect(out.length).toBe(2);
    // x = 0, T 38.86, t 39: eq. 10 with scipy's hyp2f1 gives 0.1947809248 (test/analytics/bgnbdPredictions.test.ts).
    expect(out[1][0]).toBeCloseTo(0.1947809248, 9);
    expect(excelError((await expectedpurchases([[-1]], [[2]], [[30.43]], [[38.86]], BGNBD_BLOCK))[0][0])?.message).toBe("t is -1; expected a period length of 0 or more");
  });

  it("computes every row of a range longer than one block", async () => {
    // 70,000 rows pass a block boundary (65,536); every row is the same customer, so every value is 1.2259.
    const n = 70_000;
    const out = await expectedpurchases([[39]], Array.from({ length: n }, () => [2]), [[30.43]], [[38.86]], BGNBD_BLOCK);
    expect(out.length).toBe(n);
    expect(out[n - 1][0]).toBeCloseTo(1.2259, 4);
  });
});

describe("LOYALTY.GAMMAGAMMAFIT", () => {
  it("fits CDNOW's repeat buyers to p 6.25, q 3.74, v 15.44 and ln L −4055.92", async () => {
    const { x, zbar } = cdnowSummaryWithSpend();
    const out = await gammagammafit(column(x), column(zbar!));
    expect(out[0]).toEqual(["p", "q", "v", "log-likelihood"]);
    expect(Math.abs((out[1][0] as number) - 6.25)).toBeLessThan(0.01);
    expect(Math.abs((out[1][1] as number) - 3.74)).toBeLessThan(0.01);
    expect(Math.abs((out[1][2] as number) - 15.44)).toBeLessThan(0.01);
    expect(out[1][3]).toBeCloseTo(-4055.92, 2);
  });

  it("accepts a blank spend for one-time buyers", async () => {
    const { x, zbar } = cdnowSummaryWithSpend();
    const spend = Array.from(zbar!, (z, i) => [x[i] === 0 ? null : z]);
    expect((await gammagammafit(column(x), spend))[1][3]).toBeCloseTo(-4055.92, 2);
  });

  it("refuses when nobody repeats", async () => {
    expect(excelError(await gammagammafit([[0], [0]], [[0], [0]]))?.message).toMatch(/nobody made a repeat purchase/);
  });
});

describe("LOYALTY.EXPECTEDSPEND", () => {
  it("shrinks towards the population mean and gives it for x = 0", async () => {
    // 6.25 · (15.44 + 2 · 22.35) / (12.5 + 2.74) = 24.6637; x = 0: 6.25 · 15.44 / 2.74 = 35.2190.
    const out = await expectedspend([[2], [0], [0]], [[22.35], [""], [0]], GG_BLOCK);
    expect(out[0][0]).toBeCloseTo(24.6637, 4);
    expect(out[1][0]).toBeCloseTo(35.219, 3);
    expect(out[2][0]).toBeCloseTo(35.219, 3);
  });

  it("refuses q ≤ 1 for the whole call and a blank spend with repeats in its row", async () => {
    expect(excelError((await expectedspend([[2]], [[10]], [[6, 1, 15]])))?.message).toMatch(/^gg_params: q is 1; with q ≤ 1 the mean spend is infinite/);
    expect(excelError((await expectedspend([[2], [1]], [[null], [5]], GG_BLOCK))[0][0])?.code).toBe("#N/A");
  });
});

describe("LOYALTY.PREDICTEDCLV", () => {
  it("gives 36.30, 4.64 and 8.35 for the first three CDNOW customers (weeks, 12 months, 1%)", async () => {
    const d = cdnowSummaryWithSpend();
    const bg = await bgnbdfit(column(d.x), column(d.tx), column(d.T));
    const gg = await gammagammafit(column(d.x), column(d.zbar!));
    const out = await predictedclv(column(d.x.slice(0, 3)), column(d.tx.slice(0, 3)), column(d.T.slice(0, 3)), column(d.zbar!.slice(0, 3)), bg, gg, 12, 0.01, null, "week" as any);
    expect(out[0][0]).toBeCloseTo(36.3, 2);
    expect(out[1][0]).toBeCloseTo(4.64, 2);
    expect(out[2][0]).toBeCloseTo(8.35, 2);
  });

  it("treats an omitted or blank time_unit as week and refuses other text", async () => {
    const clv = (unit: unknown) => predictedclv([[2]], [[30.43]], [[38.86]], [[22.35]], BGNBD_BLOCK, GG_BLOCK, 12, 0.01, null, unit as any);
    const week = (await clv("week"))[0][0];
    expect((await clv(undefined))[0][0]).toBe(week);
    expect((await clv(""))[0][0]).toBe(week);
    expect((await clv("day"))[0][0]).not.toBe(week);
    expect(excelError(await clv("fortnight"))?.message).toBe('time_unit: expected "day", "week" or "month", found text "fortnight"');
  });

  it("refuses a fractional horizon and a blank one", async () => {
    expect(excelError(await predictedclv([[2]], [[30]], [[38]], [[22]], BGNBD_BLOCK, GG_BLOCK, 1.5))?.message).toMatch(/^horizon_months is 1.5/);
    expect(excelError(await predictedclv([[2]], [[30]], [[38]], [[22]], BGNBD_BLOCK, GG_BLOCK, null))?.message).toMatch(/^horizon_months: the cell is blank/);
  });

  it("keeps bad rows' errors in place among computed rows", async () => {
    const out = await predictedclv([[2], [1], [0]], [[30.43], [5], [0]], [[38.86], [10], [38.86]], [[22.35], [null], [""]], BGNBD_BLOCK, GG_BLOCK, 12, 0.01);
    expect(typeof out[0][0]).toBe("number");
    expect(excelError(out[1][0])).toEqual({ code: "#N/A", message: "row 2: average_spend is blank; no average spend for a customer with repeat purchases" });
    expect(out[2][0]).toBeGreaterThan(0); // a one-time buyer valued at the population mean spend
  });
});

describe("LOYALTY.BTYDSUMMARY", () => {
  it("rebuilds the CDNOW summary from the order log (ISO text dates)", async () => {
    const o = cdnowOrders();
    const out = await btydsummary(column(o.customer), column(o.ymd.map(isoOf)), column(o.dollars), "1997-09-30");
    expect(out[0]).toEqual(["Customer", "x", "t_x", "T", "Average repeat spend"]);
    expect(out.length).toBe(2358);
    // cdnow_customers_summary_with_transactions.csv row 1: 1, 2, 30.43, 38.86, 22.35.
    expect(out[1][0]).toBe(1);
    expect(out[1][1]).toBe(2);
    expect(out[1][2]).toBeCloseTo(30.43, 2);
    expect(out[1][3]).toBeCloseTo(38.86, 2);
    expect(out[1][4]).toBeCloseTo(22.345, 10);
  });

  it("counts whole weeks with whole_periods TRUE, and refuses a whole_periods that is not TRUE or FALSE", async () => {
    // CDNOW customer 1 in Monday weeks (see btydSummary.test.ts): x 2, t_x 30, T 39, spend (29.73 + 14.96) / 2.
    const o = cdnowOrders();
    const out = await btydsummary(column(o.customer), column(o.ymd.map(isoOf)), column(o.dollars), "1997-09-30", "week" as any, true);
    expect(out.length).toBe(2358);
    expect(out[1].slice(0, 4)).toEqual([1, 2, 30, 39]);
    expect(out[1][4]).toBeCloseTo(22.345, 10);
    expect(out.slice(1).every((r) => Number.isInteger(r[2]) && Number.isInteger(r[3]))).toBe(true);
    expect(excelError(await btydsummary([["A"]], [[45000]], null as any, null, "week" as any, "yes"))?.message).toBe('whole_periods: expected TRUE or FALSE, found text "yes"');
  });

  it("works from date serials, without amounts, in days", async () => {
    // 45000 and 45010 for A, 45005 for B; as_of defaults to 45010. A: x 1, t_x 10, T 10; B: x 0, t_x 0, T 5.
    const out = await btydsummary([["A"], ["B"], ["A"]], [[45000], [45005], [45010]], null as any, null, "day" as any);
    expect(out).toEqual([
      ["Customer", "x", "t_x", "T"],
      ["A", 1, 10, 10],
      ["B", 0, 0, 5],
    ]);
  });

  it("shows a bad order's error in its customer's row and skips blank rows", async () => {
    const out = await btydsummary([["A"], ["B"], [""], ["B"]], [[45000], ["03/04/2024"], [null], [45001]], [[1], [2], [""], [3]], 45010, "day" as any);
    expect(out[1]).toEqual(["A", 0, 0, 10, 0]);
    expect(out[2][0]).toBe("B");
    expect(excelError(out[2][1])?.message).toMatch(/^order_dates, row 2: expected a date, found text "03\/04\/2024"/);
    expect(out.length).toBe(3);
  });

  it("refuses an order without a customer id and a bad time_unit", async () => {
    expect(excelError(await btydsummary([["A"], [null]], [[45000], [45001]]))?.message).toBe("customer_ids, row 2: the cell is blank; every order needs a customer id");
    expect(excelError(await btydsummary([["A"]], [[45000]], null as any, null, 7 as any))?.message).toBe('time_unit: expected "day", "week" or "month", found 7');
  });

  it("gives #N/A when every order comes after as_of_date", async () => {
    expect(excelError(await btydsummary([["A"]], [[45000]], null as any, 44000))?.code).toBe("#N/A");
  });
});

describe("LOYALTY.HOLDOUTSUMMARY", () => {
  it("splits at calibration_end and notes customers left out", async () => {
    // A: 45000, 45010, 45030 (holdout), 45050 (holdout); B first buys in the holdout; cal end 45020, holdout end 45060, days.
    const out = await holdoutsummary([["A"], ["A"], ["B"], ["A"], ["A"]], [[45000], [45010], [45025], [45030], [45050]], 45020, 45060, "day" as any);
    expect(out).toEqual([
      ["Customer", "x", "t_x", "T", "x_holdout", "holdout_length"],
      ["A", 1, 10, 20, 2, 40],
      ["1 customer whose first order falls in the holdout left out", "", "", "", "", ""],
    ]);
  });

  it("refuses a holdout_end before calibration_end", async () => {
    expect(excelError(await holdoutsummary([["A"]], [[45000]], 45020, 45010))?.message).toMatch(/must come after calibration_end/);
  });
});

describe("bounded work and yields (issue 10)", () => {
  afterEach(() => {
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it("EXPECTEDPURCHASES says #VALUE! where the series cannot be summed, instead of a truncated number", async () => {
    // A one-time buyer (x 0) over t = 1e9 weeks beside α + T ≈ 43: z = 1 − 4e−8 and the terms fall only like k^−1.45,
    // so a million terms do not reach the sum (the earlier code returned the partial sum as if it were the answer).
    // The row with t = 39 is the CDNOW worked example, 1.2259.
    const out = await expectedpurchases(column([1e9, 39]), column([0, 2]), column([0, 30.43]), column([38.86, 38.86]), BGNBD_BLOCK);
    expect(excelError(out[0][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^row 1: the expected purchases cannot be computed accurately/) });
    expect(out[1][0]).toBeCloseTo(1.2259, 4);
  });

  it("PREDICTEDCLV with extreme but valid parameters ends with a finite value or #VALUE! and its reason (it used to run over a minute)", async () => {
    // r = 1E-300, gg p = 1E300, 1,200 months in days on 30 rows (issue 10). 1,200 months is 36,525 days beside
    // α + T ≈ 34: the series settles within the 10⁶ terms per month; spend p(v + x z̄)/(px + q − 1) tends to v + x z̄.
    const rows = 30;
    const out = await predictedclv(
      column(new Array(rows).fill(3)), column(new Array(rows).fill(20)), column(new Array(rows).fill(30)), column(new Array(rows).fill(25)),
      [[1e-300, 4.4, 0.79, 2.4]], [[1e300, 3.74, 15.44]], 1200, 0, null, "day" as never,
    );
    expect(out).toHaveLength(rows);
    for (const [cell] of out) {
      if (typeof cell === "number") expect(Number.isFinite(cell) && cell >= 0).toBe(true);
      else expect(excelError(cell)).toMatchObject({ code: "#VALUE!", message: expect.any(String) });
    }
  }, 120_000);

  it("PREDICTEDCLV yields inside one customer's long sum and gives the same value as the uninterrupted sum", async () => {
    // One customer, CDNOW fits, 240 months in weeks: every yield is counted through scheduler.yield, and the
    // stretch is cut to 0 ms (always due) so the month loop is resumed many times.
    let yields = 0;
    (globalThis as { scheduler?: unknown }).scheduler = { yield: () => (yields++, Promise.resolve()) };
    const args = [column([2]), column([30.43]), column([38.86]), column([22.35]), BGNBD_BLOCK, GG_BLOCK, 240, 0.01, 1, "week"] as const;
    const realNow = performance.now.bind(performance);
    let clock = 0;
    const spy = jest.spyOn(performance, "now").mockImplementation(() => (clock += 50));
    const sliced = await predictedclv(...(args as unknown as Parameters<typeof predictedclv>));
    spy.mockRestore();
    expect(realNow()).toBeGreaterThan(0);
    expect(yields).toBeGreaterThan(100);
    const whole = await predictedclv(...(args as unknown as Parameters<typeof predictedclv>));
    expect(sliced[0][0]).toBeCloseTo(whole[0][0] as number, 9);
    expect(whole[0][0] as number).toBeGreaterThan(36.3); // the 12-month value is 36.30 (FHL/CDNOW worked example); 100 years hold more
  });
});
