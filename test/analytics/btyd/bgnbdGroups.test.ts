import { bgnbdHistoryError, groupBgnbdCustomers } from "../../../src/analytics/btyd/bgnbdGroups";

describe("groupBgnbdCustomers", () => {
  it("merges identical (x, t_x, T) rows into one weighted group", () => {
    const g = groupBgnbdCustomers([2, 0, 2, 1], [30.43, 0, 30.43, 1.71], [38.86, 38.86, 38.86, 38.86]);
    expect(g.count).toBe(3);
    expect([...g.weight]).toEqual([2, 1, 1]);
    expect([...g.tValues]).toEqual([38.86]);
    expect(g.totalWeight).toBe(4);
    expect(g.rows).toBe(4);
    // weight of customers by distinct x: x = 2 twice, x = 0 once, x = 1 once.
    expect([...g.xValues]).toEqual([2, 0, 1]);
    expect([...g.weightOfX]).toEqual([2, 1, 1]);
  });

  it("adds given weights and leaves out rows of weight 0", () => {
    const g = groupBgnbdCustomers([1, 1, 3], [2, 2, 5], [9, 9, 9], [10, 2.5, 0]);
    expect(g.count).toBe(1);
    expect(g.weight[0]).toBe(12.5);
    expect(g.rows).toBe(2);
  });

  it("fails naming the row of an impossible history", () => {
    expect(() => groupBgnbdCustomers([1, 2], [3, 9], [5, 8])).toThrow("row 2: t_x (9) is more than T (8)");
    expect(() => groupBgnbdCustomers([1.5], [1], [2])).toThrow("row 1: x is 1.5; expected a whole number");
    expect(() => groupBgnbdCustomers([1], [1], [2], [-1])).toThrow("weights, row 1");
  });
});

describe("bgnbdHistoryError", () => {
  it("accepts t_x = T and T = 0 and rejects negatives and t_x > 0 without repeats", () => {
    expect(bgnbdHistoryError(3, 10, 10)).toBeNull();
    expect(bgnbdHistoryError(0, 0, 0)).toBeNull();
    expect(bgnbdHistoryError(-1, 0, 1)).toMatch(/^x is -1/);
    expect(bgnbdHistoryError(1, -1, 1)).toMatch(/^t_x is -1/);
    expect(bgnbdHistoryError(0, 2, 5)).toMatch(/x is 0/);
    expect(bgnbdHistoryError(1, 1, NaN)).toMatch(/^T is NaN/);
  });
});
