import { checkWeights, weightedDistinct, weightedQuantile, weightedValueAtRank } from "../../../src/analytics/numeric/weightedQuantile";
import { quantileSorted, seqProbabilities } from "../../../src/analytics/numeric/quantileSorted";

/** The expansion: value i repeated weights[i] times, NaN values left out, sorted (the independent computation). */
function expandSorted(values: ArrayLike<number>, weights: ArrayLike<number>): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) for (let k = 0; k < weights[i]; k++) out.push(values[i]);
  return Float64Array.from(out).sort();
}

/** Seeded linear congruential generator (the one segmentRun.test.ts uses), in [0, 1). */
function lcg(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe("weightedQuantile", () => {
  it("gives the hand-computed quantiles of the file comment's example", () => {
    // values 1, 2, 10 with weights 3, 1, 2 expand to 1 1 1 2 10 10, N = 6.
    // p 0.5: index 1 + 5·0.5 = 3.5, x[3] = 1, x[4] = 2 → 0.5·1 + 0.5·2 = 1.5 (the median (1 + 2)/2)
    expect(weightedQuantile([1, 2, 10], [3, 1, 2], 0.5)).toBe(1.5);
    // p 0.8: index 1 + 5·0.8 = 5 exactly → x[5] = 10
    expect(weightedQuantile([1, 2, 10], [3, 1, 2], 0.8)).toBe(10);
    // p 0.25: index 2.25, x[2] = x[3] = 1 → 1 (ties: no interpolation)
    expect(weightedQuantile([1, 2, 10], [3, 1, 2], 0.25)).toBe(1);
    // p 0 and 1: the minimum and the maximum
    expect(weightedQuantile([1, 2, 10], [3, 1, 2], 0)).toBe(1);
    expect(weightedQuantile([1, 2, 10], [3, 1, 2], 1)).toBe(10);
  });

  it("interpolates between two different values as R does", () => {
    // values 2, 4 with weights 1, 3 expand to 2 4 4 4; p 0.25: index 1 + 3·0.25 = 1.75,
    // x[1] = 2, x[2] = 4, h = 0.75 → 0.25·2 + 0.75·4 = 3.5. R: quantile(c(2, 4, 4, 4), 0.25) = 3.5
    expect(weightedQuantile([4, 2], [3, 1], 0.25)).toBe(3.5);
    // the same on decimals (the sort path): 0.5, 1.5 with weights 1, 3 → 0.25·0.5 + 0.75·1.5 = 1.25
    expect(weightedQuantile([1.5, 0.5], [3, 1], 0.25)).toBe(1.25);
  });

  it("leaves out blank (NaN) values and rows of weight 0, and gives NaN for no weight at all", () => {
    // 5 (w 0) and NaN (w 4) stand for no one: expansion 1 3 3, median 3
    expect(weightedQuantile([1, 3, 5, NaN], [1, 2, 0, 4], 0.5)).toBe(3);
    expect(weightedQuantile([1, 2], [0, 0], 0.5)).toBeNaN();
    expect(weightedQuantile([], [], 0.5)).toBeNaN();
  });

  it("groups the values with their cumulative weights", () => {
    // values 2, 1, 2, NaN with weights 1, 3, 4, 5 → 1 (w 3), 2 (w 1 + 4): cumulative 3, 8
    const w = weightedDistinct([2, 1, 2, NaN], [1, 3, 4, 5]);
    expect(Array.from(w.values)).toEqual([1, 2]);
    expect(Array.from(w.cumulative)).toEqual([3, 8]);
    expect(w.total).toBe(8);
    // 0-based ranks 0…2 are the three 1s, ranks 3…7 the 2s
    expect([0, 2, 3, 7].map((r) => weightedValueAtRank(w, r))).toEqual([1, 1, 2, 2]);
  });

  it("refuses weights that are not whole numbers of 0 or more, naming the row", () => {
    expect(() => weightedQuantile([1, 2], [1, 1.5], 0.5)).toThrow("weights, row 2: 1.5");
    expect(() => weightedQuantile([1, 2], [-1, 1], 0.5)).toThrow("weights, row 1: -1");
    expect(() => weightedQuantile([1, 2], [1, NaN], 0.5)).toThrow("weights, row 2: NaN");
    expect(() => weightedQuantile([1, 2], [1, Infinity], 0.5)).toThrow("weights, row 2");
    expect(() => checkWeights([1], 2)).toThrow("weights has 1 rows but the values have 2");
  });

  it("equals the type-7 quantile of the expansion on a seeded table with many ties, both paths", () => {
    const rnd = lcg(20261202);
    const n = 4000;
    const probabilities = [...seqProbabilities(5), ...seqProbabilities(7), ...seqProbabilities(9), 0, 1, 0.5, 0.123456789, 0.99];
    // whole values in a small range (counting path), whole values in a wide range and decimals (sort path)
    const kinds: ((r: () => number) => number)[] = [
      (r) => Math.floor(r() * 30),
      (r) => Math.floor(r() * 40) * 1_000_003,
      (r) => Math.round(r() * 500) / 100,
    ];
    for (const kind of kinds) {
      const values = new Float64Array(n);
      const weights = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        values[i] = rnd() < 0.02 ? NaN : kind(rnd);
        // mostly 1, some large groups, a few empty ones
        const u = rnd();
        weights[i] = u < 0.6 ? 1 : u < 0.95 ? 1 + Math.floor(rnd() * 9) : u < 0.98 ? 50 + Math.floor(rnd() * 500) : 0;
      }
      const expanded = expandSorted(values, weights);
      expect(expanded.length).toBeGreaterThan(n);
      for (const p of probabilities) {
        // bit for bit: toBe, not toBeCloseTo
        expect(weightedQuantile(values, weights, p)).toBe(quantileSorted(expanded, p));
      }
    }
  });

  it("gives the unweighted quantile when every weight is 1", () => {
    // 1 2 3 4 10 at p_3 of 5 bins (0.6000000000000001): 3.4000000000000004, quantileSorted.ts's example
    const p = seqProbabilities(5)[2];
    expect(weightedQuantile([10, 4, 3, 2, 1], [1, 1, 1, 1, 1], p)).toBe(3.4000000000000004);
  });
});
