import { purchaseDays } from "../../../src/analytics/orders/purchaseDays";

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
