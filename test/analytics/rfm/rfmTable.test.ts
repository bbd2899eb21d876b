import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { expectedCustomers, latestDate, rfmTable, rfmTableInBlocks } from "../../../src/analytics/rfm/rfmTable";
import { readRfmOrders } from "../../support/rfmOrders";

const f64 = (...v: number[]) => Float64Array.from(v);

describe("rfmTable", () => {
  // The worked example of rfmTable.ts: (A, 45000, 10), (B, 45002, 5), (A, 45010, 20), (B, 45020, 7), as_of 45015.
  const ids = ["A", "B", "A", "B"];
  const dates = f64(45000, 45002, 45010, 45020);
  const amounts = f64(10, 5, 20, 7);

  it("summarises each customer's orders up to as_of", () => {
    const t = rfmTable(ids, dates, amounts, 45015);
    expect(t.ids).toEqual(["A", "B"]);
    expect(Array.from(t.firstOrder)).toEqual([45000, 45002]);
    expect(Array.from(t.lastOrder)).toEqual([45010, 45002]); // B's 45020 order is after as_of
    expect(Array.from(t.orders)).toEqual([2, 1]);
    expect(Array.from(t.revenue)).toEqual([30, 5]); // 10 + 20; 5
    expect(Array.from(t.recencyDays)).toEqual([5, 13]); // 45015 − 45010; 45015 − 45002
  });

  it("defaults as_of to the latest order date", () => {
    const t = rfmTable(ids, dates, amounts);
    expect(t.asOf).toBe(45020);
    // A: 45020 − 45010 = 10; B: now with the 45020 order, 2 orders, 12 revenue, recency 0.
    expect(Array.from(t.recencyDays)).toEqual([10, 0]);
    expect(Array.from(t.orders)).toEqual([2, 2]);
    expect(Array.from(t.revenue)).toEqual([30, 12]);
  });

  it("counts every order row, two on the same day included", () => {
    const t = rfmTable(["A", "A", "A"], f64(45000, 45000, 45001), f64(1, 2, 3));
    expect([t.orders[0], t.revenue[0]]).toEqual([3, 6]);
  });

  it("lists customers in order of first appearance", () => {
    expect(rfmTable(["Z", "A", "M", "A", "Z"], f64(1, 2, 3, 4, 5), f64(1, 1, 1, 1, 1)).ids).toEqual(["Z", "A", "M"]);
  });

  it("leaves out a customer whose orders all come after as_of", () => {
    // C orders only on 45020, after as_of 45015: as of that date C is not yet a customer.
    const t = rfmTable(["A", "C"], f64(45000, 45020), f64(1, 1), 45015);
    expect(t.ids).toEqual(["A"]);
  });

  it("orders customers by their first order that counts", () => {
    // B's first row (45020) is after as_of; its next (45001) counts, after A's row.
    const t = rfmTable(["B", "A", "B"], f64(45020, 45000, 45001), f64(1, 1, 1), 45015);
    expect(t.ids).toEqual(["A", "B"]);
    expect(Array.from(t.firstRow)).toEqual([1, 2]);
  });

  it("records a customer's first bad row (NaN date or amount) and keeps the rest apart", () => {
    const t = rfmTable(["A", "B", "A", "B"], f64(45000, NaN, 45001, 45002), f64(1, 2, NaN, 4), 45010);
    expect(Array.from(t.firstBadRow)).toEqual([2, 1]);
    // A's good order is still summed (the adapter decides to show an error instead).
    expect(Array.from(t.orders)).toEqual([1, 1]);
  });

  it("has no figures for a customer with only bad rows", () => {
    const t = rfmTable(["A"], f64(NaN), f64(1), 45010);
    expect(t.orders[0]).toBe(0);
    expect(Number.isNaN(t.recencyDays[0])).toBe(true);
    expect(t.firstBadRow[0]).toBe(0);
  });

  it("skips rows with no id", () => {
    const t = rfmTable([null, "A", ""], f64(45000, 45001, 45002), f64(1, 2, 3));
    expect(t.ids).toEqual(["A"]);
    expect(t.orders[0]).toBe(1);
  });

  it("keeps refunds (negative amounts) in the revenue", () => {
    expect(rfmTable(["A", "A"], f64(1, 2), f64(100, -30)).revenue[0]).toBe(70);
  });

  it("gives an empty table for an empty log", () => {
    expect(rfmTable([], f64(), f64()).ids).toEqual([]);
  });

  it("refuses columns of different lengths", () => {
    expect(() => rfmTable(["A"], f64(1, 2), f64(1))).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  it("starts its arrays at a quarter of the orders, between 1024 and 2^20", () => {
    // 100 orders → the floor 1024; 1,048,575 >>> 2 = 262,143; 5.2 million >>> 2 = 1.3 million → capped at 1,048,576.
    expect([expectedCustomers(100), expectedCustomers(1_048_575), expectedCustomers(5_200_000)]).toEqual([1024, 262_143, 1_048_576]);
  });

  it("gives the same table in blocks as in one go", async () => {
    const log = readRfmOrders();
    const asOf = serialFromIsoText("2006-12-31")!;
    let pauses = 0;
    const blocks = await rfmTableInBlocks(log.ids, log.dates, log.amounts, asOf, async () => void pauses++, 1000);
    const whole = rfmTable(log.ids, log.dates, log.amounts, asOf);
    expect(pauses).toBe(4); // 4906 rows in blocks of 1000 → 5 blocks, 4 pauses
    expect(blocks).toEqual(whole);
  });
});

describe("rfmTable on the rfm package's order log", () => {
  const log = readRfmOrders();
  const t = rfmTable(log.ids, log.dates, log.amounts, serialFromIsoText("2006-12-31")!);

  it("finds the 995 customers of the 4906 orders", () => {
    // rfm_data_orders: 4906 orders, 995 customers (package documentation); no order is after 2006-12-31.
    expect(t.ids.length).toBe(995);
    expect(t.orders.reduce((a, b) => a + b, 0)).toBe(4906);
  });

  it("gives the first customer's figures as counted by hand from the CSV", () => {
    // Brion Stark's 8 rows in the fixture: 2004-12-20 32, 2005-07-30 212, 2006-05-16 75, 2006-03-31 205,
    // 2005-08-26 104, 2005-04-02 33, 2005-05-17 165, 2005-02-15 26.
    // Revenue 32 + 212 + 75 + 205 + 104 + 33 + 165 + 26 = 852; first 2004-12-20, last 2006-05-16;
    // recency 2006-05-16 → 2006-12-31 = 15 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 229 days.
    const c = t.ids.indexOf("Brion Stark");
    expect(c).toBe(0);
    expect([t.orders[c], t.revenue[c], t.recencyDays[c]]).toEqual([8, 852, 229]);
    expect(t.firstOrder[c]).toBe(serialFromIsoText("2004-12-20"));
    expect(t.lastOrder[c]).toBe(serialFromIsoText("2006-05-16"));
  });

  it("defaults as_of to the latest order, 2006-12-30", () => {
    expect(latestDate(log.dates)).toBe(serialFromIsoText("2006-12-30"));
  });
});
