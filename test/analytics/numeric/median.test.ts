import { median, presentValues, selectInPlace } from "../../../src/analytics/numeric/median";
import { seededRandom } from "../../bench/harness";

describe("median", () => {
  it("is the middle value for an odd count", () => {
    // Sorted 1, 1, 3, 4, 5 → the 3rd value is 3.
    expect(median(Float64Array.of(3, 1, 4, 1, 5))).toBe(3);
  });

  it("is the mean of the two middle values for an even count", () => {
    // Sorted 1, 1, 3, 4 → (1 + 3) / 2 = 2.
    expect(median(Float64Array.of(3, 1, 4, 1))).toBe(2);
  });

  it("leaves out missing values (NaN)", () => {
    // Present: 7, 2, 10 → sorted 2, 7, 10 → 7.
    expect(median(Float64Array.of(NaN, 7, 2, NaN, 10))).toBe(7);
  });

  it("is NaN when there are no values", () => {
    expect(median(new Float64Array(0))).toBeNaN();
    expect(median(Float64Array.of(NaN, NaN))).toBeNaN();
  });

  it("is the value itself for one value, and the tied value for all ties", () => {
    expect(median(Float64Array.of(42))).toBe(42);
    expect(median(new Float64Array(1001).fill(5))).toBe(5);
  });

  it("does not change its input", () => {
    const input = Float64Array.of(5, 4, 3, 2, 1);
    median(input);
    expect(Array.from(input)).toEqual([5, 4, 3, 2, 1]);
  });

  it("does not overflow for two huge values", () => {
    // (1e308 + 1e308) would be Infinity; halves first give 1e308.
    expect(median(Float64Array.of(1e308, 1e308))).toBe(1e308);
  });

  it("agrees with a full sort on random data with many ties", () => {
    const random = seededRandom(7);
    for (const n of [2, 3, 10, 101, 1000, 4096]) {
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 11));
      const sorted = Float64Array.from(values).sort();
      const expected = n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      expect([n, median(values)]).toEqual([n, expected]);
    }
  });
});

describe("selectInPlace", () => {
  it("puts the k-th smallest value at k, smaller ones before and larger ones after", () => {
    const random = seededRandom(11);
    const values = Float64Array.from({ length: 999 }, () => random() * 100 - 50);
    const sorted = Float64Array.from(values).sort();
    for (const k of [0, 1, 499, 997, 998]) {
      const work = Float64Array.from(values);
      expect(selectInPlace(work, k)).toBe(sorted[k]);
      for (let i = 0; i < k; i++) expect(work[i] <= work[k]).toBe(true);
      for (let i = k + 1; i < work.length; i++) expect(work[i] >= work[k]).toBe(true);
    }
  });

  it("handles sorted, reversed and organ-pipe input", () => {
    const n = 10_001;
    const ascending = Float64Array.from({ length: n }, (_, i) => i);
    const descending = Float64Array.from({ length: n }, (_, i) => n - 1 - i);
    const organ = Float64Array.from({ length: n }, (_, i) => Math.min(i, n - 1 - i));
    expect(selectInPlace(ascending, 5000)).toBe(5000);
    expect(selectInPlace(descending, 5000)).toBe(5000);
    // Organ pipe 0,1,…,5000,…,1,0: values 0…4999 appear twice, 5000 once; sorted index 5000 is 2500.
    expect(selectInPlace(organ, 5000)).toBe(2500);
  });

  it("rejects an index outside the array", () => {
    expect(() => selectInPlace(Float64Array.of(1, 2), 2)).toThrow(RangeError);
  });
});

describe("presentValues", () => {
  it("copies the values that are not NaN, in order", () => {
    expect(Array.from(presentValues(Float64Array.of(1, NaN, 0, -2)))).toEqual([1, 0, -2]);
  });
});
