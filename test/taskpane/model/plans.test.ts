import { sheetPlan, skippedLines } from "../../../src/taskpane/model/plans";
import { EMPTY_MAPPING } from "../../../src/taskpane/model/mapping";
import { runSegmentation } from "../../../src/taskpane/model/segmentRun";
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

describe("sheetPlan", () => {
  // Four customers, cutoff 5 orders: a promoter with 9 orders and 70 % on discount would be Loyal (the decision table in
  // loyaltySegment.ts) and is Reachable; a passive (8) flagged TRUE would be Reachable and is High-risk.
  const rows = [
    ["a", 10, 9, 100, 0.7],
    ["b", 8, 1, 50, true],
    ["c", 10, 9, 200, 0.1],
    ["d", 3, 1, 5, ""],
  ];
  const run = () =>
    runSegmentation({
      rows,
      firstSheetRow: 2,
      mapping: { ...EMPTY_MAPPING, columns: { ...EMPTY_MAPPING.columns, id: 0, attitude: 1, frequency: 2, monetary: 3, priceDriven: 4 } },
      mode: "groups",
      measure: "orders",
      cutoff: { kind: "atLeast", value: 5 },
    });

  it("writes the reason for every price-driven override into the Issue column", async () => {
    const plan = sheetPlan(await run(), "recommend", en);
    const issue = plan.header.indexOf("Issue");
    expect(plan.rows.map((r) => r[issue])).toEqual([
      "Price-driven (70% of orders on discount): would be Loyal, shown as Reachable",
      "Price-driven (marked TRUE): would be Reachable, shown as High-risk",
      "",
      "",
    ]);
  });

  it("gives every summary column a number format, in the pane's column order", async () => {
    const plan = sheetPlan(await run(), "recommend", en);
    expect(plan.summary.header).toEqual(["Segment", "Customers", "Share of revenue", "Share of customers", "Revenue", "Average score"]);
    expect(plan.summary.formats).toEqual(["", "#,##0", "0.0%", "0.0%", "#,##0.00", "0.0"]);
    // Loyal: c only (200 of 355 revenue); Reachable: a; High-risk: b and d (scores 8 and 3 → 5.5)
    expect(plan.summary.rows.find((r) => r[0] === "High-risk")).toEqual(["High-risk", 2, 55 / 355, 0.5, 55, 5.5]);
  });
});
