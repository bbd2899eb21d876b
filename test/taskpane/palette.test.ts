import { SEGMENT_COLOURS, SEGMENT_COLOUR_LIST, contrastRatio } from "../../src/taskpane/palette";

describe("segment palette", () => {
  it("has one colour per group, in the groups' order", () => {
    expect(SEGMENT_COLOUR_LIST.map((c) => c.name)).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk"]);
  });

  it("reaches WCAG AA for the text on every fill and 3:1 against both pane backgrounds", () => {
    for (const colour of Object.values(SEGMENT_COLOURS)) {
      expect(contrastRatio(colour.font, colour.fill)).toBeGreaterThanOrEqual(4.5);
      // light theme background (Fluent colorNeutralBackground1 #ffffff) and dark theme (#292929)
      expect(contrastRatio(colour.fill, "#ffffff")).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(colour.fill, "#292929")).toBeGreaterThanOrEqual(3);
    }
  });

  it("computes contrast as WCAG 2 defines it", () => {
    // black on white: (1 + 0.05) / (0 + 0.05) = 21
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 10);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });
});
