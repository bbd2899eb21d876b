import { indexDistinct } from "../../../src/analytics/numeric/distinctValues";

describe("indexDistinct", () => {
  it("lists distinct values in order of first appearance with each row's index", () => {
    const { values, index } = indexDistinct([5, 3, 5, 7, 3]);
    expect([...values]).toEqual([5, 3, 7]);
    expect([...index]).toEqual([0, 1, 0, 2, 1]);
  });

  it("treats −0 as 0 and keeps values that differ in the last bit apart", () => {
    const { values, index } = indexDistinct([0, -0, 0.1 + 0.2, 0.3]);
    expect(values.length).toBe(3); // 0.1 + 0.2 = 0.30000000000000004 ≠ 0.3
    expect(index[0]).toBe(index[1]);
  });

  it("handles an empty column and many values", () => {
    expect(indexDistinct([]).values.length).toBe(0);
    const column = Float64Array.from({ length: 10000 }, (_, i) => i % 997);
    const { values, index } = indexDistinct(column);
    expect(values.length).toBe(997);
    expect(values[index[9999]]).toBe(9999 % 997);
  });

  it("keeps every value's position while its table grows past its first size", () => {
    // 300,000 rows over 150,000 distinct values: the table doubles many times from 1,024 slots.
    const column = Float64Array.from({ length: 300_000 }, (_, i) => ((i * 7919) % 150_000) + 0.5);
    const { values, index } = indexDistinct(column);
    expect(values.length).toBe(150_000);
    expect(values[0]).toBe(0.5);
    expect(values[1]).toBe(7919.5);
    for (let i = 0; i < column.length; i += 997) expect(values[index[i]]).toBe(column[i]);
    expect(index[150_000]).toBe(index[0]); // row 150,000 repeats row 0's value
  });
});
