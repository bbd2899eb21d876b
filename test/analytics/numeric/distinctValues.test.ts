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
});
