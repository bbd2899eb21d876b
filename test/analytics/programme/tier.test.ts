import { checkTierLadder, tierOf } from "../../../src/analytics/programme/tier";

// The ladder: 0 Basic, 500 Silver, 2,000 Gold.
const ladder = { bounds: [0, 500, 2000], names: ["Basic", "Silver", "Gold"] };

describe("tierOf", () => {
  it("puts a value exactly at a bound in the higher tier", () => {
    expect(tierOf(0, ladder)).toBe("Basic");
    expect(tierOf(499.99, ladder)).toBe("Basic");
    expect(tierOf(500, ladder)).toBe("Silver");
    expect(tierOf(1999.999, ladder)).toBe("Silver");
    expect(tierOf(2000, ladder)).toBe("Gold");
    expect(tierOf(1e9, ladder)).toBe("Gold");
  });

  it("gives #N/A below the lowest bound, naming the row", () => {
    expect(tierOf(-1, ladder, 7)).toEqual({ code: "#N/A", message: "values, row 7: -1 is below the lowest tier's bound 0, so it has no tier" });
  });

  it("works with one tier", () => {
    expect(tierOf(3, { bounds: [1], names: ["Member"] })).toBe("Member");
  });
});

describe("checkTierLadder", () => {
  it("rejects bounds out of order or repeated, naming the row", () => {
    expect(() => checkTierLadder({ bounds: [0, 2000, 500], names: ["a", "b", "c"] })).toThrow(/^thresholds, row 3: the bound 500 is not above the bound 2000 of row 2/);
    expect(() => checkTierLadder({ bounds: [0, 0], names: ["a", "b"] })).toThrow(/^thresholds, row 2:/);
    expect(() => checkTierLadder({ bounds: [], names: [] })).toThrow(/at least one tier/);
    expect(() => checkTierLadder(ladder)).not.toThrow();
  });
});
