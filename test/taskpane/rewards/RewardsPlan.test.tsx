/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { App } from "../../../src/taskpane/App";
import { ExcelLayerError } from "../../../src/taskpane/excel";
import type { RewardsSheetPlan } from "../../../src/taskpane/model/rewardsPlan";
import { en } from "../../../src/taskpane/strings/en";
import { fakePort, installDomPolyfills, installLayoutForTabster } from "../support";
import { KNOWN_CUSTOMER_TABLE } from "../knownCustomerTable";

installDomPolyfills();
installLayoutForTabster();
// Tabster (Fluent's focus manager) calls CSS.escape on arrow keys; jsdom has no CSS object.
const g = globalThis as unknown as { CSS?: { escape?: (s: string) => string } };
g.CSS ??= {};
g.CSS.escape ??= (s: string) => s.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);

// The known customer table and its hand-computed segments: test/taskpane/knownCustomerTable.ts.
const TABLE = KNOWN_CUSTOMER_TABLE;

async function expectAccessible(container: HTMLElement): Promise<void> {
  // jsdom cannot compute colours; contrast is checked in palette.test.ts.
  const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

function tableRows(name: string): (string | null)[][] {
  const table = screen.getByRole("table", { name });
  return within(table).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent));
}

async function segmented(write?: (sheet: string, plan: RewardsSheetPlan) => Promise<{ sheetName: string; address: string }>) {
  const user = userEvent.setup();
  const port = { ...fakePort({ rows: TABLE }), writeRewardsTable: write };
  // The pane's width in Excel: 320 px.
  const host = document.createElement("div");
  host.style.width = "320px";
  document.body.appendChild(host);
  const view = render(<App port={port} />, { container: host });
  await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
  await screen.findByRole("heading", { name: en.map.heading });
  await user.click(screen.getByRole("button", { name: en.run.segment }));
  await screen.findByRole("heading", { name: en.rewards.heading });
  return { user, ...view };
}

describe("Rewards plan", () => {
  afterEach(() => document.body.replaceChildren());

  it("shows points, cost, profit and the suggested reward per group at the default earn rate and cost", async () => {
    const { container } = await segmented();
    // 1 point per unit; cost of a point 0.01 × 80% = 0.008: Loyal 1,400 points → 11.20, Reachable 600 → 4.80,
    // Locked-in 900 → 7.20, High-risk 50 → 0.40; all below profit.
    expect(screen.getByText(en.rewards.basisText({ basis: "faceValue", faceValue: 0.01, goodsCost: 0.006, redemptionRate: 0.8 }))).toBeTruthy();
    expect(tableRows(en.rewards.table)).toEqual([
      ["Segment", "Points earned", "Programme cost", "Profit", "Suggested reward"],
      ["Loyal", "1,400", "11.2", "1,200", en.rewards.groupSuggestion.Loyal],
      ["Reachable", "600", "4.8", "390", en.rewards.groupSuggestion.Reachable],
      ["Locked-in", "900", "7.2", "400", en.rewards.groupSuggestion["Locked-in"]],
      ["High-risk", "50", "0.4", "10", en.rewards.groupSuggestion["High-risk"]],
    ]);
    expect(screen.getByText(en.rewards.allWithinMargin)).toBeTruthy();
    // No writer in this host: no button.
    expect(screen.queryByRole("button", { name: en.rewards.write })).toBeNull();
    await expectAccessible(container);
  });

  it("warns where rewards cost more than the margin, and checks what is typed", async () => {
    const { user, container } = await segmented();
    const face = screen.getByLabelText(en.rewards.faceValue);
    await user.clear(face);
    await user.type(face, "1");
    // 0.8 a point: Loyal 1,120 < 1,200; Reachable 480 > 390; Locked-in 720 > 400; High-risk 40 > 10.
    expect(screen.getByText(en.rewards.costAboveMargin("Reachable"))).toBeTruthy();
    expect(screen.getByText(en.rewards.costAboveMargin("Locked-in"))).toBeTruthy();
    expect(screen.getByText(en.rewards.costAboveMargin("High-risk"))).toBeTruthy();
    expect(screen.queryByText(en.rewards.costAboveMargin("Loyal"))).toBeNull();
    await expectAccessible(container);

    const rate = screen.getByLabelText(en.rewards.redemptionRate);
    await user.clear(rate);
    await user.type(rate, "120");
    expect(screen.getByText(en.rewards.invalid.redemptionRate)).toBeTruthy();
    expect(screen.queryByRole("table", { name: en.rewards.table })).toBeNull();
  });

  it("switches to the cost of the goods by keyboard and says so", async () => {
    const { user } = await segmented();
    const radio = screen.getByRole("radio", { name: en.rewards.basisFaceValue });
    radio.focus();
    await user.keyboard("{ArrowDown}");
    expect((screen.getByRole("radio", { name: en.rewards.basisGoodsCost }) as HTMLInputElement).checked).toBe(true);
    // 0.006 × 80% = 0.0048 a point; Loyal 1,400 points → 6.72.
    expect(screen.getByText(en.rewards.basisText({ basis: "goodsCost", faceValue: 0.01, goodsCost: 0.006, redemptionRate: 0.8 }))).toBeTruthy();
    expect(tableRows(en.rewards.table)[1].slice(0, 3)).toEqual(["Loyal", "1,400", "6.72"]);
  });

  it("adds the table to the Segments sheet, and reports cells in the way", async () => {
    const plans: RewardsSheetPlan[] = [];
    let fail = false;
    const { user, container } = await segmented(async (sheet, plan) => {
      if (fail) throw new ExcelLayerError("unknown", "occupied");
      plans.push(plan);
      return { sheetName: sheet, address: "Segments!M1:T6" };
    });
    await user.click(screen.getByRole("button", { name: en.rewards.write }));
    expect(await screen.findByText(en.rewards.wrote("Segments"))).toBeTruthy();
    expect(plans[0].header.slice(0, 3)).toEqual(["Segment", "Programme cost", "Profit"]);
    expect(plans[0].rows[0].slice(0, 5)).toEqual(["Loyal", expect.closeTo(11.2, 9), 1200, 1400, 1400]);
    await expectAccessible(container);
    fail = true;
    await user.click(screen.getByRole("button", { name: en.rewards.write }));
    expect(await screen.findByText(en.rewards.writeFailed(en.rewards.occupied))).toBeTruthy();
  });
});
