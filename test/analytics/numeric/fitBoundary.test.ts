import { AnalyticsError } from "../../../src/analytics/errors";
import { FitRefusalError, failFit, runawayDescription } from "../../../src/analytics/numeric/fitBoundary";

// Hints as bgnbdFit.ts words them for the BG/NBD: a → ∞ alone means instant dropout, b → ∞ alone no dropout,
// and both together a dropout chance a / (a + b) that is the same for everyone.
const HINTS = {
  "a:0": "no sign of dropout",
  "b:infinity": "no sign of dropout",
  "a:infinity": "everyone drops out at once",
  "a:infinity+b:infinity": "the dropout chance hardly differs",
};

describe("runawayDescription", () => {
  it("gives null when every log-parameter is within ±9", () => {
    expect(runawayDescription(["r", "alpha", "a", "b"], [0.3, 1.4, -8.9, 9], HINTS)).toBeNull();
  });

  it("names the runaways with their hints, each hint once (the file comment's example)", () => {
    expect(runawayDescription(["r", "alpha", "a", "b"], [0.3, 1.4, -14, 10.4], HINTS)).toBe("a goes to 0 and b goes to infinity (no sign of dropout)");
  });

  it("replaces two single hints that would contradict each other by their pair's hint", () => {
    // a → ∞ alone reads "everyone drops out at once", b → ∞ alone "no sign of dropout"; together only the pair's hint.
    expect(runawayDescription(["r", "alpha", "a", "b"], [0.3, 1.4, 12, 11], HINTS)).toBe("a goes to infinity and b goes to infinity (the dropout chance hardly differs)");
  });

  it("keeps a single runaway's hint when its pair partner did not run away", () => {
    expect(runawayDescription(["r", "alpha", "a", "b"], [0, 0, 12, 0], HINTS)).toBe("a goes to infinity (everyone drops out at once)");
  });
});

describe("failFit", () => {
  it("throws a #VALUE! AnalyticsError that carries the kind of refusal and the technical message", () => {
    let thrown: unknown;
    try {
      failFit("noRepeats", "nobody made a repeat purchase");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AnalyticsError);
    expect(thrown).toBeInstanceOf(FitRefusalError);
    expect(thrown).toMatchObject({ code: "#VALUE!", refusal: "noRepeats", message: "nobody made a repeat purchase" });
  });
});
