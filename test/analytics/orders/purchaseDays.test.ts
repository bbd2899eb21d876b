import { purchaseDays, purchaseDaysAsync } from "../../../src/analytics/orders/purchaseDays";

describe("purchaseDays", () => {
  it("merges same-day orders into one purchase with their values summed, days ascending", () => {
    // File comment example: A: 90 (1), 100 (5 + 7); B: 101 (3).
    const p = purchaseDays(["A", "A", "B", "A"], [100, 100, 101, 90], [5, 7, 3, 1], 1000);
    expect(p.ids).toEqual(["A", "B"]);
    expect([...p.offsets]).toEqual([0, 2, 3]);
    expect([...p.days]).toEqual([90, 100, 101]);
    expect([...p.values!]).toEqual([1, 12, 3]);
  });

  it("leaves out orders after the cutoff and rows without an id", () => {
    const p = purchaseDays(["A", null, "B", "A"], [10, 11, 30, 25], null, 20);
    expect(p.ids).toEqual(["A"]);
    expect([...p.days]).toEqual([10]);
    expect(p.values).toBeNull();
  });

  it("marks a customer with an unusable order by its first bad row", () => {
    const p = purchaseDays(["A", "B", "A", "A"], [1, 2, NaN, 3], [1, 1, 1, NaN], 10);
    expect([...p.firstBadRow]).toEqual([2, -1]);
    expect(p.offsets[1] - p.offsets[0]).toBe(0);
  });

  it("sorts a long history", () => {
    const dates = Array.from({ length: 100 }, (_, i) => 1000 - i * 3);
    const p = purchaseDays(new Array(100).fill("A"), dates, dates, 5000);
    expect(p.days[0]).toBe(703);
    expect(p.days[99]).toBe(1000);
    expect(p.values![99]).toBe(1000);
  });
});

describe("purchaseDaysAsync", () => {
  it("gives what purchaseDays gives, in slices across block boundaries", async () => {
    // 30,000 orders of 3,000 customers on 400 days (same-day repeats included), an unusable amount
    // in row 9,000 and orders after the cutoff; every block boundary crossed with a pause.
    const n = 30_000;
    const ids = Array.from({ length: n }, (_, i) => (i % 997 === 5 ? null : `C${(i * 7919) % 3000}`));
    const dates = Float64Array.from({ length: n }, (_, i) => 45_000 + ((i * 31) % 400));
    const amounts = Float64Array.from({ length: n }, (_, i) => (i === 9_000 ? NaN : (i % 50) + 0.5));
    let pauses = 0;
    const sliced = await purchaseDaysAsync(ids, dates, amounts, 45_350, { due: () => true, pause: async () => void pauses++ });
    expect(sliced).toEqual(purchaseDays(ids, dates, amounts, 45_350));
    expect(sliced.firstBadRow[sliced.ids.indexOf(ids[9_000]!)]).toBe(9_000);
    expect(pauses).toBeGreaterThan(3);
  });
});
