/**
 * The Segments sheet with predicted value: a Segment run on CDNOW's 2,357 customers (x, t_x, T
 * mapped in weeks), its BTYD outcome, the sheet plan, and the writer against the mock Excel.
 */
import { pAlive } from "../../../src/analytics/btyd/bgnbdPredictions";
import { writeSegmentsSheet } from "../../../src/taskpane/excel";
import { type BtydFitted, computeBtyd } from "../../../src/taskpane/model/btydModel";
import { EMPTY_MAPPING, type Mapping } from "../../../src/taskpane/model/mapping";
import { sheetPlan } from "../../../src/taskpane/model/plans";
import { type RunResult, runSegmentation } from "../../../src/taskpane/model/segmentRun";
import { en } from "../../../src/taskpane/strings/en";
import { cdnowSummaryWithSpend } from "../../support/btydFixtures";
import { MockSheet, installMockExcel, newState, uninstallMockExcel } from "./mockExcel";

afterEach(() => uninstallMockExcel());

// Columns: id, recommend (i mod 11), orders (x + 1), revenue (zbar · (x + 1)), x, t_x, T
const cdnow = cdnowSummaryWithSpend();
const rows = cdnow.id.map((id, i) => [id, i % 11, cdnow.x[i] + 1, (cdnow.zbar as Float64Array)[i] * (cdnow.x[i] + 1), cdnow.x[i], cdnow.tx[i], cdnow.T[i]]);
const mapping: Mapping = {
  ...EMPTY_MAPPING,
  columns: { ...EMPTY_MAPPING.columns, id: 0, attitude: 1, frequency: 2, monetary: 3 },
  btyd: { x: 4, tx: 5, T: 6, unit: "week" },
};

async function run(withBtyd: boolean): Promise<RunResult> {
  const segmented = await runSegmentation({ rows, firstSheetRow: 2, mapping, mode: "groups", measure: "orders", cutoff: { kind: "median" } });
  if (!withBtyd) return segmented;
  const btyd = await computeBtyd({ rows, firstSheetRow: 2, mapping, segments: segmented.segments, names: segmented.summary.rows.map((r) => r.segment), groups: true });
  return { ...segmented, btyd };
}

describe("Segments sheet with predicted value", () => {
  let result: RunResult;
  beforeAll(async () => {
    result = await run(true);
  });

  it("adds P(alive), expected purchases, predicted value and the lapse flag before Issue", () => {
    const plan = sheetPlan(result, "recommend", en);
    expect(plan.header).toEqual(["Customer", "Segment", "Recommend score", "Orders", "P(alive)", "Expected purchases (12 months)", "Predicted 12-month value", "Lapse flag", "Issue"]);
    const b = result.btyd as BtydFitted;
    // customer 1: x 2, t_x 30.43, T 38.86 → P(alive) 0.7266 with the fitted (≈ published) parameters; not lapsed
    expect(plan.rows[0][4]).toBeCloseTo(0.7266, 3);
    expect(plan.rows[0][7]).toBe("");
    // customer 2 (x 1, t_x 1.71, T 38.86): P(alive) = 1 / (1 + a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x))
    // = 1 / (1 + 0.7929/2.4258 · (43.2735/6.1235)^1.2426) = 1 / (1 + 0.32686 · 11.357) = 1 / 4.7122 ≈ 0.2122 → likely lapsed
    expect(plan.rows[1][4]).toBeCloseTo(pAlive(b.bgnbd, 1, 1.71, 38.86), 12);
    expect(plan.rows[1][4]).toBeCloseTo(0.2122, 2);
    expect(plan.rows[1][7]).toBe("likely lapsed");
    // a customer with x = 0
    const zero = cdnow.x.findIndex((x) => x === 0);
    expect(plan.rows[zero][4]).toBe(1);
    expect(plan.rows[zero][7]).toBe("one-time buyer");
    // summary: expected purchases, predicted value, likely lapsed, value at risk (Loyal and Reachable only)
    expect(plan.summary.header.slice(-4)).toEqual(["Expected purchases (12 months)", "Predicted 12-month value", "Likely lapsed", "Value at risk"]);
    const byName = new Map(plan.summary.rows.map((r) => [r[0], r]));
    const loyal = b.perSegment.find((s) => s.segment === "Loyal");
    expect(byName.get("Loyal")?.slice(-1)[0]).toBe(loyal?.lapsedValue);
    expect(byName.get("Locked-in")?.slice(-1)[0]).toBe("");
    const risk = (byName.get("Loyal")?.slice(-1)[0] as number) + (byName.get("Reachable")?.slice(-1)[0] as number);
    expect(risk).toBeCloseTo(b.valueAtRisk as number, 6);
  });

  it("leaves the sheet exactly as before when there is no BTYD outcome", async () => {
    const plain = sheetPlan(await run(false), "recommend", en);
    expect(plain.header).toEqual(["Customer", "Segment", "Recommend score", "Orders", "Issue"]);
    expect(plain.rows[0]).toHaveLength(5);
    const failed = sheetPlan({ ...(await run(false)), btyd: { kind: "failed", source: "mapped", message: "x", refusal: null } }, "recommend", en);
    expect(failed.header).toEqual(plain.header);
  });

  it("writes the new columns and summary to the Segments sheet", async () => {
    const state = newState([{ name: "Customers", cells: [["id"]], protected: false }]);
    installMockExcel(state);
    const plan = sheetPlan(result, "recommend", en);
    const written = await writeSegmentsSheet(plan);
    expect(written).toEqual({ sheetName: "Segments", formatted: true });
    const sheet = state.sheets.find((s) => s.name === "Segments") as MockSheet;
    expect(sheet.cells[0].slice(0, 9)).toEqual(plan.header);
    expect(sheet.cells[2].slice(0, 9)).toEqual(plan.rows[1]);
    expect(sheet.cells.length).toBeGreaterThanOrEqual(2358);
    // summary table one column right of the 9 result columns, with the value columns at its end
    expect(sheet.cells[0].slice(10, 10 + plan.summary.header.length)).toEqual(plan.summary.header);
    // the chart still plots the summary's first three columns (segment, customers, share of revenue)
    expect(state.chartPlacements[0].source).toEqual([0, 10, 5, 3]);
  });
});
