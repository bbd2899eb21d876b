import { at } from "../../../src/analytics/orders/cells";
import { netPromoterScore } from "../../../src/analytics/metrics/nps";

const nps = (...scores: number[]) => netPromoterScore(Float64Array.from(scores));

describe("netPromoterScore", () => {
  it("is % promoters − % detractors", () => {
    // 10, 10, 9 promoters; 8 passive; 3 detractor → 100 · (3 − 1) / 5 = 40.
    expect(nps(10, 10, 9, 8, 3)).toBe(40);
  });

  it("is unrounded", () => {
    // 1 promoter, 2 passives of 3 → 100 / 3 = 33.333…
    expect(nps(9, 7, 8)).toBe(100 / 3);
  });

  it("reaches −100 and 100 and is 0 with only passives", () => {
    expect(nps(0, 6, 5)).toBe(-100);
    expect(nps(9, 10)).toBe(100);
    expect(nps(7, 8)).toBe(0);
  });

  it("puts 0 with the detractors, 7 and 8 with the passives", () => {
    // 0 detractor, 7 passive, 9 promoter → (1 − 1) / 3 = 0; 0 alone → −100.
    expect(nps(0, 7, 9)).toBe(0);
    expect(nps(0)).toBe(-100);
  });

  it("skips blanks (NaN)", () => {
    // 10 and 2 → (1 − 1) / 2 = 0; blanks do not count as answers.
    expect(nps(NaN, 10, NaN, 2)).toBe(0);
  });

  it("classifies decimals by ≥ 9 and ≥ 7", () => {
    // 8.9 passive, 6.9 detractor, 9 promoter → (1 − 1) / 3 = 0.
    expect(nps(8.9, 6.9, 9)).toBe(0);
  });

  it("is #DIV/0! without scores", () => {
    expect(nps()).toEqual({ code: "#DIV/0!", message: "there are no scores" });
    expect(nps(NaN, NaN)).toMatchObject({ code: "#DIV/0!" });
  });

  it("rejects a score outside 0–10, naming where it is", () => {
    expect(netPromoterScore(Float64Array.of(5, 11), (i) => at("scores", i + 1))).toEqual({
      code: "#VALUE!",
      message: "scores, row 2: expected a likelihood-to-recommend score from 0 to 10, found 11",
    });
    expect(nps(-1)).toMatchObject({ code: "#VALUE!" });
  });
});
