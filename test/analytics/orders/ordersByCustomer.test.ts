import { groupOrdersByCustomer } from "../../../src/analytics/orders/ordersByCustomer";

const datesOf = (g: { offsets: Int32Array; dates: Int32Array }, c: number) => Array.from(g.dates.subarray(g.offsets[c], g.offsets[c + 1]));

describe("groupOrdersByCustomer", () => {
  it("groups orders by customer in order of first appearance, dates ascending, leaving out orders after as_of", async () => {
    // The example of ordersByCustomer.ts: B's 45020 order is after as_of 45015.
    const g = await groupOrdersByCustomer(["A", "B", "A", "B"], Float64Array.from([45010, 45002, 45000, 45020]), { asOf: 45015 });
    expect(g.ids).toEqual(["A", "B"]);
    expect(datesOf(g, 0)).toEqual([45000, 45010]);
    expect(datesOf(g, 1)).toEqual([45002]);
    expect(g.firstDate).toBe(45000);
    expect(g.asOf).toBe(45015);
  });

  it("defaults as_of to the latest order date and skips rows without an id", async () => {
    const g = await groupOrdersByCustomer(["A", null, "A"], Float64Array.from([45001, 46000, 45003]));
    // The null row's 46000 does not count, so as_of is 45003.
    expect(g.asOf).toBe(45003);
    expect(datesOf(g, 0)).toEqual([45001, 45003]);
  });

  it("drops the time of day from order dates and as_of", async () => {
    // 45010.9 is day 45010; as_of 45015.5 is day 45015, so the order at 45015.2 (day 45015) counts.
    const g = await groupOrdersByCustomer(["A", "A"], Float64Array.from([45010.9, 45015.2]), { asOf: 45015.5 });
    expect(datesOf(g, 0)).toEqual([45010, 45015]);
    expect(g.asOf).toBe(45015);
  });

  it("sorts long histories and keeps repeated dates", async () => {
    const dates = Array.from({ length: 100 }, (_, i) => 45000 + ((i * 37) % 50));
    const g = await groupOrdersByCustomer(dates.map(() => "X"), Float64Array.from(dates), { blockRows: 7 });
    // 100 orders over 50 distinct days, each day twice (37 is coprime with 50).
    expect(datesOf(g, 0)).toEqual([...dates].sort((a, b) => a - b));
  });

  it("pauses between blocks of rows", async () => {
    let pauses = 0;
    await groupOrdersByCustomer(["A", "B", "C", "D", "E"], Float64Array.from([1, 2, 3, 4, 5]), {
      blockRows: 2,
      pause: async () => {
        pauses++;
      },
    });
    // Rows 1–2, 3–4, 5: two pauses in the first pass, three before the blocks of the second.
    expect(pauses).toBe(5);
  });

  it("fails on columns of different lengths and on a missing date", async () => {
    await expect(groupOrdersByCustomer(["A"], Float64Array.from([1, 2]))).rejects.toMatchObject({ code: "#VALUE!" });
    await expect(groupOrdersByCustomer(["A", "B"], Float64Array.from([1, NaN]))).rejects.toMatchObject({
      code: "#VALUE!",
      message: "order_dates, row 2: expected a date",
    });
  });
});
