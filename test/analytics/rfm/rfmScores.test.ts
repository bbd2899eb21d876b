import { rfmBreaks, rfmDigits } from "../../../src/analytics/rfm/rfmScores";
import { rfmTable } from "../../../src/analytics/rfm/rfmTable";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { seededRandom } from "../../bench/harness";
import { readRfmOrders } from "../../support/rfmOrders";

const f64 = (...v: number[]) => Float64Array.from(v);

describe("rfmDigits, method rfm (rfm R package)", () => {
  // The 10-customer worked example of rfmScores.ts, 5 bins, values already in order:
  //   1 1 1 2 2 3 4 5 8 12, n = 10, index_k = 1 + 9·p_k
  //   p 0.2 → 2.8: x2 = x3 = 1 → q 1 → break 2
  //   p 0.4 → 4.6: x4 = x5 = 2 → q 2 → break 3
  //   p 0.6000000000000001 → 6.4: 0.6·3 + 0.4·4 = 3.4000000000000004 → break 4.4
  //   p 0.8 → 8.2: 0.8·5 + 0.2·8 = 5.599999999999998 → break 6.6
  //   intervals [1,2) [2,3) [3,4.4) [4.4,6.6) [6.6,13) → digits 1 1 1 2 2 3 3 4 5 5
  const counts = f64(1, 1, 1, 2, 2, 3, 4, 5, 8, 12);

  it("puts frequency values in [lower, upper) intervals at type-7 quantiles + 1", () => {
    const { f } = rfmDigits(counts, counts, counts);
    expect(Array.from(f)).toEqual([1, 1, 1, 2, 2, 3, 3, 4, 5, 5]);
  });

  it("gives the break points to the bit", () => {
    const breaks = rfmBreaks(counts)!;
    expect(Array.from(breaks.quantiles)).toEqual([1, 2, 3.4000000000000004, 5.599999999999998]);
    expect(Array.from(breaks.lower)).toEqual([1, 2, 3, 4.4, 6.599999999999998]);
    expect(Array.from(breaks.upper)).toEqual([2, 3, 4.4, 6.599999999999998, 13]); // last: max 12 + 1
  });

  it("reverses recency so that the fewest days get the highest digit", () => {
    // Same values as days: interval index 1 1 1 2 2 3 3 4 5 5 → reversed 6 − i.
    const { r } = rfmDigits(counts, counts, counts);
    expect(Array.from(r)).toEqual([5, 5, 5, 4, 4, 3, 3, 2, 1, 1]);
  });

  it("combines the digits as R×100 + F×10 + M", () => {
    // The rfmScores.ts example, 2 bins: medians 50, 2, 120 → breaks 51, 3, 121.
    // Recency 10 → [10, 51) → interval 1 → reversed 2; 50 → 2; 200 → [51, 201) → 1.
    // Frequency 5 → [3, 6) → 2; 2 and 1 → 1. Monetary 500 → 2; 120, 40 → 1.
    const { score } = rfmDigits(f64(10, 50, 200), f64(5, 2, 1), f64(500, 120, 40), 2);
    expect(Array.from(score)).toEqual([222, 211, 111]);
  });

  it("gives tied values the same digit, leaving a digit unused when ties cover a quantile", () => {
    // 8 customers, 4 bins: counts 1 1 1 1 1 1 2 9; index = 1 + 7p:
    // p 0.25 → 2.75 → 1; p 0.5 → 4.5 → 1; p 0.75 → 6.25 → x6 = 1, x7 = 2 → 1.25.
    // Breaks 2, 2, 2.25: intervals [1,2) [2,2) [2,2.25) [2.25,10) → the six 1s → 1, the 2 → 3, the 9 → 4; digit 2 unused.
    const v = f64(1, 1, 1, 1, 1, 1, 2, 9);
    const { f } = rfmDigits(v, v, v, 4);
    expect(Array.from(f)).toEqual([1, 1, 1, 1, 1, 1, 3, 4]);
  });

  it("gives every customer the lowest digit (highest for recency) when all values tie", () => {
    // All 7: quantiles 7, breaks 8; intervals [7,8) [8,8) … [8,8) → interval 1 for everyone.
    const v = f64(7, 7, 7, 7);
    const { r, f, m, score } = rfmDigits(v, v, v);
    expect([Array.from(r), Array.from(f), Array.from(m)]).toEqual([[5, 5, 5, 5], [1, 1, 1, 1], [1, 1, 1, 1]]);
    expect(score[0]).toBe(511);
  });

  it("scores a single customer as R top, F and M bottom", () => {
    // n = 1: every quantile is the value x, breaks x + 1, so x is in interval 1.
    expect(Array.from(rfmDigits(f64(30), f64(3), f64(99.5)).score)).toEqual([511]);
  });

  it("leaves blanks out of the quantiles and marks the customer missing", () => {
    // The blank (NaN) frequency is left out: the other 10 values give the worked example's breaks.
    const withBlank = f64(1, 1, 1, 2, NaN, 2, 3, 4, 5, 8, 12);
    const { f, score, breaks } = rfmDigits(withBlank, withBlank, withBlank);
    expect(Array.from(f)).toEqual([1, 1, 1, 2, 0, 2, 3, 3, 4, 5, 5]);
    expect(Number.isNaN(score[4])).toBe(true);
    expect(breaks.frequency!.count).toBe(10);
  });

  it("scores the other columns of a customer with one blank column", () => {
    // Customer 2 has no monetary value: R and F digits still come from their own columns.
    const { r, f, m, score } = rfmDigits(f64(10, 20), f64(1, 2), f64(100, NaN), 2);
    // Recency median 15 → break 16: 10 → [10,16) → 2; 20 → [16,21) → 1. Frequency median 1.5 → 2.5: 1 → 1, 2 → 1.
    expect([Array.from(r), Array.from(f), Array.from(m)]).toEqual([[2, 1], [1, 1], [1, 0]]);
    expect(score[0]).toBe(211);
    expect(Number.isNaN(score[1])).toBe(true);
  });

  it("has no breaks for a column with no values and marks every customer missing", () => {
    const { m, breaks, score } = rfmDigits(f64(1, 2), f64(1, 2), f64(NaN, NaN));
    expect(breaks.monetary).toBeNull();
    expect(Array.from(m)).toEqual([0, 0]);
    expect(Array.from(score).every(Number.isNaN)).toBe(true);
  });

  it("returns empty columns for no customers", () => {
    const { score, breaks } = rfmDigits(f64(), f64(), f64());
    expect(score.length).toBe(0);
    expect(breaks.recency).toBeNull();
  });

  it("treats 0 as a real value, not a blank", () => {
    // Monetary 0, 0, 10, 20 with 2 bins: median 5 → break 6: 0 → 1, 10 and 20 → 2.
    expect(Array.from(rfmDigits(f64(1, 1, 1, 1), f64(1, 1, 1, 1), f64(0, 0, 10, 20), 2).m)).toEqual([1, 1, 2, 2]);
  });

  it("accepts 2 to 9 bins and refuses others with #VALUE!", () => {
    const v = Float64Array.from({ length: 90 }, (_, i) => i);
    expect(Math.max(...rfmDigits(v, v, v, 9).f)).toBe(9);
    expect(() => rfmDigits(v, v, v, 10)).toThrow(expect.objectContaining({ code: "#VALUE!", message: "bins: expected a whole number from 2 to 9, found 10" }));
    expect(() => rfmDigits(v, v, v, 1)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
    expect(() => rfmDigits(v, v, v, 4.5)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  it("refuses columns of different lengths", () => {
    expect(() => rfmDigits(f64(1, 2), f64(1), f64(1, 2))).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });

  it("gives the same digits whether order statistics come from counting or from selection", () => {
    // Whole numbers in a small range take the counting path; adding 0.5 to every value forces
    // selection and shifts every break by exactly 0.5, so the digits must not change.
    const random = seededRandom(5);
    const whole = Float64Array.from({ length: 20_000 }, () => Math.floor(random() * 400));
    const half = whole.map((v) => v + 0.5);
    expect(rfmDigits(whole, whole, whole, 7).f).toEqual(rfmDigits(half, half, half, 7).f);
  });

  it("matches a direct transcription of the package's interval loop on random data", () => {
    // The package: for i in 1..bins, digit[lower_i ≤ v < upper_i] ← i (later intervals overwrite).
    const random = seededRandom(17);
    const v = Float64Array.from({ length: 3000 }, () => Math.round(random() * random() * 500) / 4);
    const b = rfmBreaks(v, 6)!;
    const expected = Array.from(v, (x) => {
      let d = 0;
      for (let i = 0; i < 6; i++) if (x >= b.lower[i] && x < b.upper[i]) d = i + 1;
      return d;
    });
    expect(Array.from(rfmDigits(v, v, v, 6).m)).toEqual(expected);
  });
});

describe("rfmDigits, method quantile", () => {
  it("uses the quantiles themselves as break points", () => {
    // Worked example counts with the quantile method: breaks 1, 2, 3.4, 5.6 (no + 1):
    // [1,1) [1,2) [2,3.4) [3.4,5.6) [5.6,13) → 1s → 2, 2s → 3, 3 → 3, 4 and 5 → 4, 8 and 12 → 5.
    const v = f64(1, 1, 1, 2, 2, 3, 4, 5, 8, 12);
    expect(Array.from(rfmDigits(v, v, v, 5, "quantile").f)).toEqual([2, 2, 2, 3, 3, 3, 4, 4, 5, 5]);
  });

  it("suits fractional values that whole-unit breaks would lump together", () => {
    // Shares 0.1 … 0.4, 2 bins: median 0.25. quantile: [0.1,0.25) [0.25,1.4) → 1 1 2 2;
    // rfm would make the break 1.25 and put everyone in interval 1.
    const v = f64(0.1, 0.2, 0.3, 0.4);
    expect(Array.from(rfmDigits(v, v, v, 2, "quantile").m)).toEqual([1, 1, 2, 2]);
    expect(Array.from(rfmDigits(v, v, v, 2, "rfm").m)).toEqual([1, 1, 1, 1]);
  });

  it("refuses an unknown method", () => {
    const v = f64(1);
    expect(() => rfmDigits(v, v, v, 5, "kmeans" as never)).toThrow(expect.objectContaining({ code: "#VALUE!" }));
  });
});

describe("rfmDigits on the rfm package's order log", () => {
  const log = readRfmOrders();
  const table = rfmTable(log.ids, log.dates, log.amounts, serialFromIsoText("2006-12-31")!);
  const digits = rfmDigits(table.recencyDays, table.orders, table.revenue);

  it("finds the package's break points (its documented thresholds are these, rounded)", () => {
    // rfm_table_order's example passes recency_bins = c(115, 181, 297, 482), frequency_bins = c(4, 5, 6, 8),
    // monetary_bins = c(256, 382, 506, 666) for this data and date: the default breaks, rounded.
    expect(Array.from(digits.breaks.recency!.upper.slice(0, 4))).toEqual([115, 181, 297.4000000000001, 482]);
    expect(Array.from(digits.breaks.frequency!.upper.slice(0, 4))).toEqual([4, 5, 6, 8]);
    expect(Array.from(digits.breaks.monetary!.upper.slice(0, 4))).toEqual([255.8, 382, 506.4000000000001, 666]);
  });

  it("scores every one of the 995 customers", () => {
    expect(digits.score.length).toBe(995);
    expect(Array.from(digits.score).every((s) => s >= 111 && s <= 555)).toBe(true);
  });
});

describe("rfmDigits with weights (a grouped table)", () => {
  /** Row i repeated weights[i] times, with the source row of each expanded row: the independent computation. */
  function expand(columns: Float64Array[], weights: ArrayLike<number>): { columns: Float64Array[]; source: number[] } {
    const source: number[] = [];
    for (let i = 0; i < weights.length; i++) for (let k = 0; k < weights[i]; k++) source.push(i);
    return { columns: columns.map((c) => Float64Array.from(source, (i) => c[i])), source };
  }

  it("gives the hand-computed digits of the doc comment's example", () => {
    // 2 bins, frequency 5/2/1 with weights 1, 1, 3 → expansion 1 1 1 2 5, n 5, index 1 + 4·0.5 = 3 → q 1,
    // break 2: intervals [1, 2) [2, 6) → digits 2, 2, 1 (unweighted: median 2, break 3 → 2, 1, 1)
    const d = rfmDigits(f64(10, 50, 200), f64(5, 2, 1), f64(500, 120, 40), 2, "rfm", [1, 1, 3]);
    expect(Array.from(d.f)).toEqual([2, 2, 1]);
    expect(Array.from(rfmDigits(f64(10, 50, 200), f64(5, 2, 1), f64(500, 120, 40), 2).f)).toEqual([2, 1, 1]);
    // the breaks count the expansion's 5 customers
    expect(d.breaks.frequency?.count).toBe(5);
    expect(Array.from(d.breaks.frequency?.quantiles ?? [])).toEqual([1]);
  });

  it("equals the expanded table digit by digit on a seeded table with many ties (both methods, 3 to 9 bins)", () => {
    const rnd = seededRandom(111);
    const n = 3000;
    const recency = new Float64Array(n);
    const frequency = new Float64Array(n);
    const monetary = new Float64Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      recency[i] = rnd() < 0.01 ? NaN : Math.floor(rnd() * 60) * 7; // whole days, heavily tied
      frequency[i] = 1 + Math.floor(rnd() * rnd() * 8); // most customers 1 or 2 orders
      monetary[i] = Math.round(rnd() * 2000) / 4; // quarters: the sort path
      const u = rnd();
      weights[i] = u < 0.5 ? 1 : u < 0.9 ? 2 + Math.floor(rnd() * 6) : u < 0.99 ? 20 + Math.floor(rnd() * 80) : 0;
    }
    const e = expand([recency, frequency, monetary], weights);
    expect(e.source.length).toBeGreaterThan(10_000);
    for (const method of ["rfm", "quantile"] as const) {
      for (const bins of [3, 5, 9]) {
        const grouped = rfmDigits(recency, frequency, monetary, bins, method, weights);
        const expanded = rfmDigits(e.columns[0], e.columns[1], e.columns[2], bins, method);
        for (const key of ["recency", "frequency", "monetary"] as const) {
          expect(Array.from(grouped.breaks[key]?.lower ?? [])).toEqual(Array.from(expanded.breaks[key]?.lower ?? []));
          expect(grouped.breaks[key]?.count).toBe(expanded.breaks[key]?.count);
        }
        const mismatches: string[] = [];
        e.source.forEach((i, j) => {
          if (grouped.r[i] !== expanded.r[j] || grouped.f[i] !== expanded.f[j] || grouped.m[i] !== expanded.m[j]) mismatches.push(`${method} ${bins} row ${i}`);
        });
        expect(mismatches).toEqual([]);
      }
    }
  });

  it("gives the unweighted digits when every weight is 1, and refuses weights of the wrong length", () => {
    const r = f64(10, 50, 200, 3, 3);
    const f = f64(5, 2, 1, 1, 4);
    const m = f64(500, 120, 40, 40, 99.5);
    const plain = rfmDigits(r, f, m);
    const ones = rfmDigits(r, f, m, 5, "rfm", [1, 1, 1, 1, 1]);
    expect(Array.from(ones.score)).toEqual(Array.from(plain.score));
    expect(() => rfmDigits(r, f, m, 5, "rfm", [1, 1])).toThrow("weights has 2 rows but recency has 5");
    expect(() => rfmDigits(r, f, m, 5, "rfm", [1, 1, 1, 0.5, 1])).toThrow("weights, row 4");
  });
});
