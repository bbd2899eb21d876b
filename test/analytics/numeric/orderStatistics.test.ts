import { rankValuesByCounting, selectRanks } from "../../../src/analytics/numeric/orderStatistics";
import { seededRandom } from "../../bench/harness";

/** The sorted copy, the reference every selection must agree with. */
const sorted = (v: Float64Array) => Float64Array.from(v).sort();

describe("selectRanks", () => {
  it("places the requested order statistics in their positions", () => {
    // [5, 1, 4, 2, 3] sorted is 1 2 3 4 5: rank 1 → 2, rank 3 → 4.
    const v = Float64Array.of(5, 1, 4, 2, 3);
    selectRanks(v, [1, 3]);
    expect([v[1], v[3]]).toEqual([2, 4]);
  });

  it("agrees with a full sort on random data, heavy ties and sorted input", () => {
    const random = seededRandom(42);
    const cases = [
      Float64Array.from({ length: 5000 }, () => random() * 1000),
      Float64Array.from({ length: 5000 }, () => Math.floor(random() * 4)), // four distinct values
      Float64Array.from({ length: 5000 }, (_, i) => i), // already in order
      Float64Array.from({ length: 5000 }, (_, i) => 5000 - i), // reversed
      new Float64Array(3000).fill(7), // all tied
    ];
    const ranks = [0, 999, 1000, 2499, 2500, 2999];
    for (const values of cases) {
      const expected = sorted(values);
      const work = Float64Array.from(values);
      selectRanks(work, ranks);
      for (const k of ranks) expect([k, work[k]]).toEqual([k, expected[k]]);
      // The values are only rearranged.
      expect(sorted(work)).toEqual(expected);
    }
  });

  it("works on a prefix when n is given and leaves the rest alone", () => {
    const v = Float64Array.of(9, 8, 7, 6, 100, -1);
    selectRanks(v, [0, 3], 4);
    expect([v[0], v[3], v[4], v[5]]).toEqual([6, 9, 100, -1]);
  });

  it("rejects a rank outside the values", () => {
    expect(() => selectRanks(Float64Array.of(1, 2, 3), [3])).toThrow(RangeError);
  });
});

describe("rankValuesByCounting", () => {
  it("reads ranks from a histogram of whole numbers, skipping NaN", () => {
    // 3, 1, 2, 2 sorted → 1 2 2 3: ranks 0, 2, 3 → 1, 2, 3 (given out of order: 3, 0, 2 → 3, 1, 2).
    expect(Array.from(rankValuesByCounting(Float64Array.of(3, NaN, 1, 2, 2), 1, 3, [3, 0, 2]))).toEqual([3, 1, 2]);
  });

  it("agrees with a sort on whole days", () => {
    const random = seededRandom(9);
    const values = Float64Array.from({ length: 4000 }, () => Math.floor(random() * 365) - 20);
    const expected = sorted(values);
    const ranks = [0, 17, 800, 801, 3999];
    expect(Array.from(rankValuesByCounting(values, -20, 344, ranks))).toEqual(ranks.map((k) => expected[k]));
  });
});
