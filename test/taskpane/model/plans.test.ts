import { skippedLines } from "../../../src/taskpane/model/plans";
import type { Summary } from "../../../src/taskpane/model/segmentRun";
import { en } from "../../../src/taskpane/strings/en";

describe("skippedLines", () => {
  it("counts the rows per reason and lists the first five sheet rows", () => {
    const rows = [17, 40, 41, 42, 43, 50, 51, 52, 53, 54, 55, 56];
    const summary: Summary = {
      rows: [],
      customers: 0,
      revenue: null,
      profit: null,
      recurring: null,
      skipped: 13,
      skippedGroups: [
        { reason: { kind: "attitudeRange", scale: "recommend" }, rows },
        { reason: { kind: "errorValue", role: "monetary", code: "#N/A" }, rows: [9] },
      ],
    };
    expect(skippedLines(summary, en)).toEqual(["12 rows skipped: recommend score not 0–10 (rows 17, 40, 41, 42, 43, …)", "1 row skipped: revenue is #N/A (row 9)"]);
  });
});

