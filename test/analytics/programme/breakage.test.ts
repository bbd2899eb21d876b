import { breakageEstimate, developmentNote } from "../../../src/analytics/programme/breakage";

// Worked by hand: issued 1,000, 1,000, 800; cumulative redeemed
//   cohort 1: 300 500 600
//   cohort 2: 400 600  –
//   cohort 3: 200  –   –
// f1 = (500 + 600) / (300 + 400) = 11/7 on 2 cohorts; f2 = 600 / 500 = 1.2 on 1 cohort.
// Ultimate: 600; 600 × 1.2 = 720; 200 × 11/7 × 1.2 = 377.142857… → rates 0.6, 0.72, 0.471428…
const issued = [1000, 1000, 800];
const triangle = [
  [300, 500, 600],
  [400, 600, null],
  [200, null, null],
];

describe("breakageEstimate", () => {
  it("develops each cohort with volume-weighted factors", () => {
    const { cohorts, factors } = breakageEstimate(issued, triangle);
    expect(factors).toEqual([
      { from: 1, factor: 1100 / 700, cohorts: 2 },
      { from: 2, factor: 1.2, cohorts: 1 },
    ]);
    const rates = cohorts.map((c) => ("rate" in c ? c.rate : NaN));
    expect(rates[0]).toBeCloseTo(0.6, 12);
    expect(rates[1]).toBeCloseTo(0.72, 12);
    expect(rates[2]).toBeCloseTo((200 * (11 / 7) * 1.2) / 800, 12);
    expect(cohorts[2]).toMatchObject({ issued: 800, redeemedSoFar: 200, latestAge: 1 });
    expect((cohorts[2] as { breakage: number }).breakage).toBeCloseTo(1 - 0.4714285714, 9);
    expect(developmentNote(factors)).toBe("Development factors (volume-weighted): age 1→2: 1.5714 on 2 cohorts; age 2→3: 1.2 on 1 cohort");
  });

  it("applies the tail and caps the rate at 1", () => {
    // Tail 1.05: 630/1000 = 0.63, 756/1000 = 0.756, 396/800 = 0.495.
    const t = breakageEstimate(issued, triangle, 1.05).cohorts.map((c) => ("rate" in c ? c.rate : NaN));
    expect(t[0]).toBeCloseTo(0.63, 12);
    expect(t[1]).toBeCloseTo(0.756, 12);
    expect(t[2]).toBeCloseTo(0.495, 12);
    // Cohort 2 issued 700: 720 / 700 > 1 → rate 1, breakage 0.
    const capped = breakageEstimate([1000, 700, 800], triangle).cohorts[1];
    expect(capped).toMatchObject({ rate: 1, breakage: 0 });
  });

  it("handles one cohort and one age", () => {
    expect(breakageEstimate([100], [[40]]).cohorts).toEqual([{ issued: 100, redeemedSoFar: 40, latestAge: 1, rate: 0.4, breakage: expect.closeTo(0.6, 12) }]);
  });

  it("rejects a hole, a falling cumulative and more redeemed than issued, naming the row", () => {
    expect(() => breakageEstimate([10, 10], [[1, null, 3], [1, 2, 3]])).toThrow(/^redeemed_triangle, row 1, column 3: a value after a blank at column 2/);
    expect(() => breakageEstimate([10, 10], [[1, 2, 3], [5, 4, null]])).toThrow(/^redeemed_triangle, row 2, column 2: 4 is less than 5/);
    expect(() => breakageEstimate([10, 2], [[1, 2], [3, null]])).toThrow(/^redeemed_triangle, row 2, column 1: 3 points redeemed but the cohort was issued 2/);
    expect(() => breakageEstimate([10], [[1]], 0.9)).toThrow(/^tail: expected a development factor of 1 or more/);
  });

  it("gives #N/A for a cohort with nothing observed or nothing issued", () => {
    const { cohorts } = breakageEstimate([10, 0, 5], [[1, 2], [0, null], [null, null]]);
    expect(cohorts[1]).toMatchObject({ code: "#N/A", message: expect.stringMatching(/^issued, row 2/) });
    expect(cohorts[2]).toMatchObject({ code: "#N/A", message: expect.stringMatching(/^redeemed_triangle, row 3: no redemptions observed/) });
  });
});
