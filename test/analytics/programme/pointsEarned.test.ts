import { pointsEarned } from "../../../src/analytics/programme/pointsEarned";

describe("pointsEarned", () => {
  it("gives the issue's example: 37.80 at 1 point per unit → 37", () => {
    expect(pointsEarned(37.8, 1)).toBe(37);
  });

  it("rounds 0.29 at 100 points per unit to 29, where a plain floor in doubles gives 28", () => {
    expect(Math.floor(0.29 * 100)).toBe(28); // the bug the issue describes: 0.29 × 100 = 28.999999999999996
    expect(pointsEarned(0.29, 100)).toBe(29);
  });

  it("matches integer-cent arithmetic for every cent amount 0.01..999.99 at 1, 10 and 100 points per unit", () => {
    // Expected: floor(cents × rate / 100) in integers, exact. The naive floor(amount × rate) is wrong
    // for 4,586 of these amounts at rate 100 (the count), which this sweep also confirms.
    let naiveWrong = 0;
    const mismatches: string[] = [];
    for (const rate of [1, 10, 100]) {
      for (let cents = 1; cents <= 99999; cents++) {
        const amount = cents / 100; // the double nearest to the typed amount, as a cell holds it
        const n = cents * rate;
        const expected = (n - (n % 100)) / 100;
        if (pointsEarned(amount, rate) !== expected) mismatches.push(`${amount} × ${rate}`);
        if (rate === 100 && Math.floor(amount * rate) !== expected) naiveWrong++;
      }
    }
    expect(mismatches).toEqual([]);
    expect(naiveWrong).toBe(4586);
  });

  it("gives refunds negative points rounded toward zero, the mirror of the sale", () => {
    expect(pointsEarned(-37.8, 1)).toBe(-37);
    expect(pointsEarned(-0.29, 100)).toBe(-29);
    for (let cents = 1; cents <= 99999; cents += 7) {
      const n = cents * 10; // integer-cent arithmetic, toward zero
      expect((pointsEarned(-cents / 100, 10) as number) + (n - (n % 100)) / 100).toBe(0);
    }
    expect(Object.is(pointsEarned(-0.5, 1), 0)).toBe(true); // no −0 in a cell
  });

  it("rounds to nearest with halves away from zero, also where the double lies just below the half", () => {
    // 0.145 × 100 = 14.499999999999998 in doubles; 14.5 rounds to 15 (Excel's ROUND).
    expect(0.145 * 100).toBeLessThan(14.5);
    expect(pointsEarned(0.145, 100, "nearest")).toBe(15);
    expect(pointsEarned(37.4, 1, "nearest")).toBe(37);
    expect(pointsEarned(37.5, 1, "nearest")).toBe(38);
    expect(pointsEarned(-37.5, 1, "nearest")).toBe(-38);
  });

  it("keeps the fraction with 'none' and applies the multiplier before rounding", () => {
    expect(pointsEarned(37.8, 1, "none")).toBeCloseTo(37.8, 12);
    // 37.80 × 1 × 1.5 = 56.7 → 56 down, 57 nearest.
    expect(pointsEarned(37.8, 1, "down", 1.5)).toBe(56);
    expect(pointsEarned(37.8, 1, "nearest", 1.5)).toBe(57);
    // 0.29 × 10 × 10 = 29 exactly, though the doubles give 28.999999999999996.
    expect(pointsEarned(0.29, 10, "down", 10)).toBe(29);
  });

  it("rejects a negative rate or multiplier naming the row", () => {
    expect(pointsEarned(10, -1, "down", 1, 4)).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^points_per_unit, row 4: expected/) });
    expect(pointsEarned(10, 1, "down", -2, 3)).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^multipliers, row 3: expected a multiplier of 0 or more/) });
  });
});
