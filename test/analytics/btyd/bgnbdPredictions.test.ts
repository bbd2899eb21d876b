import {
  bgnbdParamsError,
  expectedPurchases,
  expectedPurchasesColumn,
  expectedPurchasesIfAlive,
  pAlive,
  pAliveColumn,
  pAliveRows,
} from "../../../src/analytics/btyd/bgnbdPredictions";

// The CDNOW fit (Fader, Hardie & Lee 2005): r 0.242593, α 4.413532, a 0.792886, b 2.425754 (weeks).
const cdnow = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 };

describe("pAlive", () => {
  it("is 0.7266 for the CDNOW customer x 2, t_x 30.43, T 38.86", () => {
    // FHL (2005) spreadsheet / lifetimes conditional_probability_alive: 0.7266.
    expect(pAlive(cdnow, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
  });

  it("is 1 for a customer without repeat purchases (dropout happens only after a purchase)", () => {
    expect(pAlive(cdnow, 0, 0, 38.86)).toBe(1);
    expect(pAlive(cdnow, 0, 0, 0)).toBe(1);
  });

  it("is 1 / (1 + a/(b + x − 1)) when the last purchase is at the end (t_x = T)", () => {
    // ((α+T)/(α+t_x))^(r+x) = 1, so P = 1/(1 + 0.792886/(2.425754 + 2)).
    expect(pAlive(cdnow, 3, 20, 20)).toBeCloseTo(1 / (1 + 0.792886 / 4.425754), 14);
  });

  it("goes to 0 without NaN for a frequent buyer long silent, x in the hundreds", () => {
    const p = pAlive(cdnow, 300, 1, 1000);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
  });

  it("gives the same values over columns", () => {
    const out = pAliveColumn(cdnow, [2, 0, 300], [30.43, 0, 1], [38.86, 38.86, 1000]);
    expect(out[0]).toBeCloseTo(pAlive(cdnow, 2, 30.43, 38.86), 14);
    expect(out[1]).toBe(1);
    expect(out[2]).toBeCloseTo(pAlive(cdnow, 300, 1, 1000), 14);
  });

  it("gives the same values for whole-day histories, whose logarithms come from tables", () => {
    // Whole t_x and T below 65,536 take ln(α + t) from a table (a difference of two table
    // entries instead of the log of the ratio); the rest, and x ≥ 4,096, the direct formula.
    // The references are eq. 13 of FHL (2005) row by row (pAlive above).
    const days = { r: 0.2426, alpha: 4.4135 * 7, a: 0.7929, b: 2.4258 };
    const rows: [number, number, number][] = [
      [1, 0, 1], [2, 213, 272], [2, 272, 272], [7, 1, 540], [40, 500, 545], [5000, 60_000, 65_535],
      [3, 65_535, 70_000], [3, 12.5, 300], [4096, 10, 20], [1, 0, 0],
    ];
    const out = pAliveColumn(days, rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]));
    rows.forEach(([x, tx, T], i) => expect(Math.abs(out[i] - pAlive(days, x, tx, T))).toBeLessThanOrEqual(1e-13 * Math.max(1e-300, pAlive(days, x, tx, T)) + 1e-300));
    // Hand check of one row: x 2, t_x 213, T 272 days, α 30.8945 → 1 / (1 + 0.7929/3.4258 · (302.8945/243.8945)^2.2426).
    expect(out[1]).toBeCloseTo(1 / (1 + (0.7929 / 3.4258) * (302.8945 / 243.8945) ** 2.2426), 13);
  });

  it("gives the same bits block by block as over the whole column, its tables kept between blocks", () => {
    const x = [0, 1, 2, 7, 2, 1, 4096, 3], tx = [0, 5, 213, 1, 213, 5, 10, 12.5], T = [9, 9, 272, 540, 272, 30, 20, 300];
    const days = { r: 0.2426, alpha: 4.4135 * 7, a: 0.7929, b: 2.4258 };
    const whole = pAliveColumn(days, x, tx, T);
    const rows = pAliveRows(days);
    const inBlocks = new Float64Array(x.length);
    for (let from = 0; from < x.length; from += 3) rows(x, tx, T, inBlocks, from, Math.min(x.length, from + 3));
    expect(Array.from(inBlocks)).toEqual(Array.from(whole));
    expect(inBlocks[4]).toBe(whole[2]); // the same history in another block, from the kept table
  });
});

describe("expectedPurchases", () => {
  it("is 1.2259 for the CDNOW customer over the next 39 weeks", () => {
    // The worked example of the spreadsheet that accompanies FHL (2005): 1.2259.
    expect(expectedPurchases(cdnow, 39, 2, 30.43, 38.86)).toBeCloseTo(1.2259, 4);
  });

  it("matches eq. 10 evaluated with scipy.special.hyp2f1 for other customers", () => {
    // Reference values: eq. 10 of FHL (2005) with scipy 1.17 hyp2f1, parameters of the CDNOW fit above.
    expect(expectedPurchases(cdnow, 39, 0, 0, 38.86)).toBeCloseTo(0.1947809248, 9);
    expect(expectedPurchases(cdnow, 52, 1, 1.71, 38.86)).toBeCloseTo(0.2599071990, 9);
    expect(expectedPurchases(cdnow, 52, 0, 0, 0)).toBeCloseTo(1.4440214848, 9);
  });

  it("stays finite for x in the hundreds (the raw hypergeometric series would overflow)", () => {
    // scipy hyp2f1 on eq. 10 (mpmath-grade there): 98.8498528252.
    expect(expectedPurchases(cdnow, 39, 300, 38, 38.86)).toBeCloseTo(98.8498528252, 8);
    expect(Number.isFinite(expectedPurchases(cdnow, 39, 5000, 38, 38.86))).toBe(true);
  });

  it("is 0 over a horizon of 0 and grows with the horizon", () => {
    expect(expectedPurchases(cdnow, 0, 2, 30.43, 38.86)).toBe(0);
    expect(expectedPurchases(cdnow, 10, 2, 30.43, 38.86)).toBeLessThan(expectedPurchases(cdnow, 20, 2, 30.43, 38.86));
  });

  it("is continuous through a = 1, where eq. 10 reads 0/0", () => {
    // scipy at a = 1 + 1e-7: 1.38119024; our a = 1 exactly uses the limit −C ln(1 − z).
    const p = { r: 0.5, alpha: 3, a: 1, b: 2 };
    expect(expectedPurchases(p, 10, 3, 5, 8)).toBeCloseTo(1.38119024, 6);
  });

  it("multiplies the if-alive part by P(alive)", () => {
    expect(expectedPurchases(cdnow, 39, 2, 30.43, 38.86)).toBeCloseTo(
      expectedPurchasesIfAlive(cdnow, 39, 2, 38.86) * pAlive(cdnow, 2, 30.43, 38.86),
      14,
    );
  });
});

describe("predictions on extreme but valid histories", () => {
  it("match eq. 10 when a + b < 1 (the hypergeometric's c below 0) and when a > 1", () => {
    // scipy.special.hyp2f1 on eq. 10: r 0.5, α 2, a 0.3, b 0.5 → 0.5523363751 (x 0, T 5, t 10) and 0.7380740800 (x 1, t_x 2);
    // a 2.5, b 0.5, x 3, t_x 2, T 5, t 100 → 0.3986339626.
    const p = { r: 0.5, alpha: 2, a: 0.3, b: 0.5 };
    expect(expectedPurchases(p, 10, 0, 0, 5)).toBeCloseTo(0.5523363751, 9);
    expect(expectedPurchases(p, 10, 1, 2, 5)).toBeCloseTo(0.73807408, 8);
    expect(expectedPurchases({ ...p, a: 2.5 }, 100, 3, 2, 5)).toBeCloseTo(0.3986339626, 9);
  });

  it("never give a value out of range, and NaN only where the series cannot be summed", () => {
    const params = [cdnow, { r: 5, alpha: 0.01, a: 50, b: 0.01 }, { r: 0.01, alpha: 1e4, a: 0.01, b: 100 }];
    const histories = [[0, 0, 0], [0, 0, 1e5], [1, 0, 0], [1, 0, 1e5], [500, 1e5, 1e5], [500, 1, 1e5], [3, 2, 2]];
    const unsummable: string[] = [];
    for (const p of params) {
      for (const [x, tx, T] of histories) {
        const alive = pAlive(p, x, tx, T);
        expect(alive >= 0 && alive <= 1).toBe(true);
        for (const t of [0, 1, 52, 1e5]) {
          const e = expectedPurchases(p, t, x, tx, T);
          if (Number.isNaN(e)) unsummable.push(`a ${p.a}, x ${x}, T ${T}, t ${t}`);
          else expect(Number.isFinite(e) && e >= 0).toBe(true);
        }
      }
    }
    // With a = 50 and α = 0.01 the terms grow like k^43 · z^k, z = 1 − 1e−7: no million terms reach the sum at
    // t = 1e5 (the earlier code stopped there and gave a truncated number). The functions say so with #VALUE! (issue 10).
    expect(unsummable).toEqual(["a 50, x 0, T 0, t 100000", "a 50, x 1, T 0, t 100000", "a 50, x 3, T 2, t 100000"]);
  });

  it("gives NaN, not −5e28, when the terms cancel beyond double precision (large r)", () => {
    // r 232 makes a + b − 1 − r ≈ −226, so the terms alternate in size up to ~1e45 and their sum loses every digit;
    // the earlier code returned −5.0e28 expected purchases here.
    const p = { r: 232.1172748941983, alpha: 0.0016205512291933475, a: 6.642164932416608, b: 0.006901854612543246 };
    expect(expectedPurchasesIfAlive(p, 64.6905629172089, 0, 37.48750812227266)).toBeNaN();
  });

  it("charges a call's budget of series terms and fails the call when it runs out", () => {
    // CDNOW customer x 2, T 38.86 over 39 weeks takes a few dozen terms: a budget of 5 is spent at once.
    const budget = { terms: 5 };
    expect(() => expectedPurchasesIfAlive(cdnow, 39, 2, 38.86, budget)).toThrow(/needs more than 200,000,000 terms/);
    const plenty = { terms: 1e6 };
    expect(expectedPurchasesIfAlive(cdnow, 39, 2, 38.86, plenty) * pAlive(cdnow, 2, 30.43, 38.86)).toBeCloseTo(1.2259, 4);
    expect(plenty.terms).toBeLessThan(1e6);
    expect(plenty.terms).toBeGreaterThan(1e6 - 200);
  });
});

describe("expectedPurchasesColumn", () => {
  it("gives each row's value with a t per row or one t for all, over a large (t, x, T) key space", () => {
    // 40 x × 3,000 T × 50 t = 6,000,000 possible triples; with one t, 120,000 (both radix-sorted by
    // groupByKey: more than 8 keys per row). Reference: expectedPurchases row by row.
    const n = 3000;
    const x = Float64Array.from({ length: n }, (_, i) => i % 40);
    const T = Float64Array.from({ length: n }, (_, i) => 40 + i * 0.01);
    const tx = Float64Array.from({ length: n }, (_, i) => (x[i] === 0 ? 0 : (i % 37) + 0.5));
    const t = Float64Array.from({ length: n }, (_, i) => 1 + (i % 50));
    for (const ts of [t, [52]]) {
      const out = expectedPurchasesColumn(cdnow, ts, x, tx, T);
      for (let i = 0; i < n; i += 7) expect(out[i]).toBe(expectedPurchases(cdnow, ts.length === 1 ? ts[0] : ts[i], x[i], tx[i], T[i]));
    }
  });

  it("gives each row's expectedPurchases with one t or a t per row", () => {
    const x = [2, 2, 0, 300];
    const tx = [30.43, 10, 0, 38];
    const T = [38.86, 38.86, 38.86, 38.86];
    const one = expectedPurchasesColumn(cdnow, [39], x, tx, T);
    const each = expectedPurchasesColumn(cdnow, [39, 10, 39, 39], x, tx, T);
    for (let i = 0; i < x.length; i++) expect(one[i]).toBeCloseTo(expectedPurchases(cdnow, 39, x[i], tx[i], T[i]), 12);
    expect(one[0]).toBeCloseTo(1.2259, 4);
    expect(each[1]).toBeCloseTo(expectedPurchases(cdnow, 10, 2, 10, 38.86), 12);
  });
});

describe("bgnbdParamsError", () => {
  it("accepts positive parameters and names a bad one", () => {
    expect(bgnbdParamsError(cdnow)).toBeNull();
    expect(bgnbdParamsError({ ...cdnow, b: 0 })).toMatch(/^b is 0/);
    expect(bgnbdParamsError({ ...cdnow, alpha: NaN })).toMatch(/^alpha is NaN/);
  });
});
