import { pAlive } from "../../../src/analytics/btyd/bgnbdPredictions";
import { frequencyRecencyGrid, recencyStep } from "../../../src/analytics/btyd/frequencyRecencyGrid";

// Fader, Hardie & Lee (2005): CDNOW estimates (weeks).
const CDNOW = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };

describe("frequencyRecencyGrid", () => {
  it("evaluates f on x 0 … maxX and t_x 0, step, … ≤ T, leaving x = 0 with t_x > 0 empty (hand-computed)", () => {
    const g = frequencyRecencyGrid(2, 1, 1, (x, tx) => x + tx);
    expect(Array.from(g.frequencies)).toEqual([0, 1]);
    expect(Array.from(g.recencies)).toEqual([0, 1, 2]);
    expect(Array.from(g.values[0])).toEqual([0, NaN, NaN]);
    expect(Array.from(g.values[1])).toEqual([1, 2, 3]);
  });

  it("picks a whole step for at most 40 columns", () => {
    expect(recencyStep(38.86)).toBe(1); // CDNOW's largest T: t_x 0 … 38
    expect(recencyStep(365)).toBe(10); // a year in days: 0, 10, … 360
    expect(frequencyRecencyGrid(38.86, 0, recencyStep(38.86), () => 1).recencies.length).toBe(39);
  });

  it("gives CDNOW's P(alive) at T 38.86 as FHL 2005 eq. 13 computed here", () => {
    const T = 38.86;
    const g = frequencyRecencyGrid(T, 10, 1, (x, tx, t) => pAlive(CDNOW, x, tx, t));
    const { r, alpha, a, b } = CDNOW;
    // Eq. 13 as printed: 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+t_x))^(r+x)).
    for (const [x, tx] of [[1, 0], [2, 30], [10, 38], [5, 12]]) {
      const printed = 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
      expect(g.values[x][tx]).toBeCloseTo(printed, 12);
    }
    expect(g.values[0][0]).toBe(1);
  });

  it("refuses a T of 0 and a negative frequency", () => {
    expect(() => frequencyRecencyGrid(0, 1, 1, () => 0)).toThrow(/T is 0/);
    expect(() => frequencyRecencyGrid(1, -1, 1, () => 0)).toThrow(/largest frequency/);
  });
});
