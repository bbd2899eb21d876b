import { quantileSorted, seqProbabilities, type7, type7Positions } from "../../../src/analytics/numeric/quantileSorted";

describe("seqProbabilities", () => {
  it("gives k × (1/bins) as R's seq(0, 1, length.out = bins + 1) does, including its rounding", () => {
    // R's seq.default computes from + k × ((to − from)/(length.out − 1)) = 0 + k × 0.2 here, and in
    // double precision 3 × 0.2 = 0.6000000000000001, one bit above 0.6 (1 × 0.2, 2 × 0.2, 4 × 0.2 are exact roundings).
    expect(Array.from(seqProbabilities(5))).toEqual([0.2, 0.4, 0.6000000000000001, 0.8]);
    expect(seqProbabilities(5)[2]).not.toBe(0.6);
    // 3 bins: 1/3 and 2 × (1/3) = 0.6666666666666666.
    expect(Array.from(seqProbabilities(3))).toEqual([1 / 3, 2 * (1 / 3)]);
  });

  it("rejects a number of bins that is not a whole number of 1 or more", () => {
    expect(() => seqProbabilities(0)).toThrow(RangeError);
    expect(() => seqProbabilities(2.5)).toThrow(RangeError);
  });
});

describe("quantileSorted (R type 7)", () => {
  const x = [1, 2, 3, 4, 10];

  it("reads the order statistic itself when the index is whole", () => {
    // n = 5, p = 0.5 → index 1 + 4 × 0.5 = 3 → x3 = 3; p = 0 → x1, p = 1 → x5.
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 1)).toBe(10);
  });

  it("interpolates (1 − h)·x[lo] + h·x[hi] between neighbours", () => {
    // p = 0.8 → index 4.2, lo 4, hi 5, h = 0.2000000000000002 → 0.8 × 4 + 0.2 × 10 = 5.2 (R gives 5.2).
    expect(quantileSorted(x, 0.8)).toBeCloseTo(5.2, 12);
    // p = 0.6000000000000001 → index 3.4000000000000004 → 0.6 × 3 + 0.4 × 4 = 3.4.
    expect(quantileSorted(x, 0.6000000000000001)).toBeCloseTo(3.4, 12);
  });

  it("does not interpolate between tied neighbours, as R skips x[hi] = x[lo]", () => {
    // 1 1 1 2 2 3 4 5 8 12, p = 0.2 → index 2.8 between x2 = x3 = 1 → exactly 1.
    expect(quantileSorted([1, 1, 1, 2, 2, 3, 4, 5, 8, 12], 0.2)).toBe(1);
  });

  it("is the one value for a single value", () => {
    expect(quantileSorted([42], 0.3)).toBe(42);
  });

  it("uses only the first n values when n is given", () => {
    // First 3 of [5, 6, 7, 100]: median 6.
    expect(quantileSorted([5, 6, 7, 100], 0.5, 3)).toBe(6);
  });

  it("refuses no values and probabilities outside [0, 1]", () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], NaN)).toThrow(RangeError);
  });
});

describe("type7Positions and type7", () => {
  it("name the 0-based positions read and interpolate in R's order", () => {
    // n = 10, p = 0.4 → index 1 + 9 × 0.4 = 4.6 → 1-based 4 and 5 → 0-based 3 and 4.
    expect(type7Positions(10, 0.4)).toEqual({ lo: 3, hi: 4, index: 4.6 });
    // index 6.4, x6 = 3, x7 = 4 → 0.6 × 3 + 0.4 × 4 = 3.4000000000000004 to the bit.
    expect(type7(1 + 9 * 0.6000000000000001, 3, 4)).toBe(3.4000000000000004);
  });
});
