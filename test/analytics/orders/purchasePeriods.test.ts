import { purchaseDays } from "../../../src/analytics/orders/purchaseDays";
import { purchasePeriods } from "../../../src/analytics/orders/purchasePeriods";

describe("purchasePeriods", () => {
  it("numbers CDNOW customer 1's purchase days by their Monday weeks", () => {
    // 35431 = Wed 1997-01-01, 35448 = Sat 1997-01-18, 35644 = Sat 1997-08-02; weeks ⌊(serial − 2) / 7⌋.
    const p = purchasePeriods(purchaseDays(["1", "1", "1"], [35431, 35448, 35644], [29.33, 29.73, 14.96], 35703), "week");
    expect(Array.from(p.days)).toEqual([5061, 5063, 5091]);
    expect(Array.from(p.offsets)).toEqual([0, 3]);
  });

  it("sums the values of days in the same period and keeps customers apart", () => {
    // Serials 45355 (Mon 2024-03-04) and 45361 (Sun 2024-03-10) share a week; B's 45361 and 45362 (Mon) do not.
    const days = purchaseDays(["A", "B", "A", "B"], [45355, 45361, 45361, 45362], [5, 1, 7, 2], 45370);
    const p = purchasePeriods(days, "week");
    expect(p.ids).toEqual(["A", "B"]);
    expect(Array.from(p.offsets)).toEqual([0, 1, 3]);
    expect(Array.from(p.days)).toEqual([6479, 6479, 6480]);
    expect(Array.from(p.values!)).toEqual([12, 1, 2]);
  });

  it("keeps a customer with an unusable order without purchases and its first bad row", () => {
    const days = purchaseDays(["A", "A", "B"], [45355, NaN, 45361], null, 45370);
    const p = purchasePeriods(days, "month");
    expect(Array.from(p.firstBadRow)).toEqual([1, -1]);
    expect(p.values).toBeNull();
    expect(Array.from(p.days).slice(p.offsets[1], p.offsets[2])).toEqual([12 * 2024 + 2]);
  });
});
