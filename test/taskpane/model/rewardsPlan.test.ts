import { DEFAULT_REWARD_SETTINGS, costPerPoint, rewardRows, rewardsSheetPlan, settingsProblem } from "../../../src/taskpane/model/rewardsPlan";
import type { RunResult, SummaryRow } from "../../../src/taskpane/model/segmentRun";
import { en } from "../../../src/taskpane/strings/en";
import { suggestionFor } from "../../../src/taskpane/rewards/RewardsPlan";

/** A run result with only what the Rewards plan reads: the summary rows (and no BTYD fit). */
function resultWith(rows: Partial<SummaryRow>[], profit = true): RunResult {
  const full = rows.map((r) => ({ customers: 1, customerShare: 0, revenue: null, revenueShare: null, profit: null, averageAttitude: null, recurring: null, segment: "", ...r }));
  return { summary: { rows: full, customers: full.length, revenue: 1, profit: profit ? 1 : null, recurring: null, skipped: 0, skippedGroups: [] }, btyd: null } as unknown as RunResult;
}

const texts = { sheet: en.rewards.sheet, basisText: en.rewards.basisText, suggestion: (s: string) => suggestionFor(en, s) };

describe("rewardRows", () => {
  it("prices points at face value × expected redemption and flags rewards above the margin", () => {
    // Cost of a point 1 × 0.8 = 0.8. Loyal: 1,400 points → 1,120 < profit 1,200. High-risk: 50 points → 40 > 10.
    const settings = { ...DEFAULT_REWARD_SETTINGS, faceValue: 1 };
    expect(costPerPoint(settings)).toBe(0.8);
    const rows = rewardRows(resultWith([{ segment: "Loyal", revenue: 1400, profit: 1200 }, { segment: "High-risk", revenue: 50, profit: 10 }]), settings);
    expect(rows[0]).toMatchObject({ segment: "Loyal", points: 1400, cost: 1120, profit: 1200, costAboveMargin: false });
    expect(rows[0].costShareOfProfit).toBeCloseTo(1120 / 1200, 12);
    expect(rows[1]).toMatchObject({ segment: "High-risk", points: 50, cost: 40, costAboveMargin: true, costShareOfProfit: 4 });
  });

  it("prices points at the cost of the goods × expected redemption, and rounds points down exactly", () => {
    // 0.006 × 0.8 = 0.0048 per point; revenue 1,234.29 at 100 points per unit → 123,429 points (not 123,428) → 592.4592.
    const settings = { ...DEFAULT_REWARD_SETTINGS, basis: "goodsCost" as const, goodsCost: 0.006, earnRate: 100 };
    const [row] = rewardRows(resultWith([{ segment: "Loyal", revenue: 1234.29, profit: 10000 }]), settings);
    expect(row.points).toBe(123429);
    expect(row.cost).toBeCloseTo(123429 * 0.0048, 9);
  });

  it("leaves points and cost unknown without revenue, and the margin check off without profit", () => {
    const [row] = rewardRows(resultWith([{ segment: "Loyal", revenue: null }], false), DEFAULT_REWARD_SETTINGS);
    expect(row).toMatchObject({ points: null, cost: null, profit: null, costAboveMargin: false, costShareOfProfit: null });
  });

  it("says which field cannot be used", () => {
    expect(settingsProblem(DEFAULT_REWARD_SETTINGS)).toBeNull();
    expect(settingsProblem({ ...DEFAULT_REWARD_SETTINGS, earnRate: NaN })).toBe("earnRate");
    expect(settingsProblem({ ...DEFAULT_REWARD_SETTINGS, redemptionRate: 1.2 })).toBe("redemptionRate");
    expect(settingsProblem({ ...DEFAULT_REWARD_SETTINGS, basis: "goodsCost", goodsCost: -1 })).toBe("goodsCost");
    // The face value is not used on the goods-cost basis.
    expect(settingsProblem({ ...DEFAULT_REWARD_SETTINGS, basis: "goodsCost", faceValue: -1 })).toBeNull();
  });
});

describe("rewardsSheetPlan", () => {
  it("puts segment, cost and profit first for the chart and says which cost basis was used", () => {
    const settings = { ...DEFAULT_REWARD_SETTINGS, faceValue: 1 };
    const rows = rewardRows(resultWith([{ segment: "Loyal", customers: 2, revenue: 1400, profit: 1200 }, { segment: "High-risk", revenue: 50, profit: 10 }]), settings);
    const plan = rewardsSheetPlan(rows, settings, texts);
    expect(plan.title).toBe("Rewards plan: cost of a point = face value 1 × expected redemption 80% = 0.8. Points = segment revenue × earn rate, rounded down.");
    expect(plan.header).toEqual(["Segment", "Programme cost", "Profit", "Points earned", "Revenue", "Customers", "Warning", "Suggested reward"]);
    expect(plan.rows).toEqual([
      ["Loyal", 1120, 1200, 1400, 1400, 2, "", en.rewards.groupSuggestion.Loyal],
      ["High-risk", 40, 10, 50, 50, 1, "Rewards cost more than the margin", en.rewards.groupSuggestion["High-risk"]],
    ]);
    expect(plan.chartColumns).toBe(3);
    expect(plan.moneyColumns).toEqual([1, 2, 4]);
  });

  it("drops the profit and warning columns when cost to serve is not mapped, and names RFM segments' rewards", () => {
    const rows = rewardRows(resultWith([{ segment: "Champions", revenue: 100 }, { segment: "Someone else", revenue: 5 }], false), DEFAULT_REWARD_SETTINGS);
    const plan = rewardsSheetPlan(rows, DEFAULT_REWARD_SETTINGS, texts);
    expect(plan.header).toEqual(["Segment", "Programme cost", "Points earned", "Revenue", "Customers", "Suggested reward"]);
    expect(plan.rows[0]).toEqual(["Champions", 0.8, 100, 100, 1, en.rewards.rfmSuggestion.Champions]);
    expect(plan.rows[1][5]).toBe(en.rewards.otherSuggestion);
    expect(plan.chartColumns).toBe(2);
  });
});
