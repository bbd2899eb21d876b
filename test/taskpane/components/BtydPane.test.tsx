/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import axeCore from "axe-core";
import { SegmentPane } from "../../../src/taskpane/components/SegmentPane";
import { ModelCheck } from "../../../src/taskpane/components/ModelCheck";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { en } from "../../../src/taskpane/strings/en";
import type { ReportSheetPlan } from "../../../src/taskpane/excel/reportSheet";
import { cdnowOrders, cdnowSummaryWithSpend, groupedHoldoutTable, isoOf } from "../../support/btydFixtures";
import { holdoutSummary } from "../../../src/analytics/btyd/holdoutSummary";
import { checkModel, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { fakePort, installDomPolyfills } from "../support";

installDomPolyfills();

async function expectAccessible(container: HTMLElement): Promise<void> {
  // jsdom cannot compute colours, so colour contrast is checked in palette.test.ts instead.
  const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

function selectedText(label: string): string {
  const select = screen.getByLabelText(label, { selector: "select" }) as HTMLSelectElement;
  return select.selectedOptions[0]?.textContent ?? "";
}

/**
 * CDNOW's 2,357 customers as a customer table: as of 1997-09-30 (serial 35703), first purchase
 * = as_of − round(7 T) days, last purchase = first + round(7 t_x) days, orders = x + 1, total
 * spend = zbar · (x + 1), recommend = row mod 11. Derived back in weeks these give x, and t_x and
 * T to within half a day.
 */
const AS_OF = serialFromIsoText("1997-09-30") as number;
/** A date as the pane shows it in the default en-US culture ("09/30/1997"); ISO text is still accepted as input. */
const shown = (iso: string): string => en.format.date(serialFromIsoText(iso) as number);
function cdnowTable(): unknown[][] {
  const c = cdnowSummaryWithSpend();
  const rows: unknown[][] = [["Cust #", "Likelihood to recommend", "First purchase", "Last purchase", "Number of orders", "Total spend"]];
  c.id.forEach((id, i) => {
    const first = AS_OF - Math.round(7 * c.T[i]);
    const last = first + Math.round(7 * c.tx[i]);
    rows.push([Number(id), i % 11, first, last, c.x[i] + 1, (c.zbar as Float64Array)[i] * (c.x[i] + 1)]);
  });
  return rows;
}

async function pick(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
  await screen.findByRole("heading", { name: en.map.heading });
}

describe("Segment pane with predicted value", () => {
  it("says x, t_x and T will be derived, treating each order as a purchase day, and adds the value columns", async () => {
    const user = userEvent.setup();
    const port = fakePort({ rows: cdnowTable() });
    const { container } = render(<SegmentPane port={port} strings={en} />);
    await pick(user);
    // The summary says it in a few words; the full sentence is with the columns, under Change.
    expect(screen.getByText(`${en.btyd.map.summaryLabel}: ${en.btyd.map.summarySource.derived}`)).toBeTruthy();
    expect(screen.queryByText(en.btyd.map.derived)).toBeNull();
    await user.click(screen.getByRole("button", { name: en.map.changeLabel }));
    expect(screen.getByText(en.btyd.map.derived)).toBeTruthy();
    expect(selectedText(en.btyd.map.roles.x)).toBe(en.map.notMapped);
    await expectAccessible(container);

    await user.click(screen.getByRole("button", { name: en.run.segment }));
    await screen.findByRole("heading", { name: en.btyd.summary.heading }, { timeout: 20000 });
    const plan = port.sheetPlans[0];
    expect(plan.header).toEqual(["Customer", "Segment", "Recommend score", "R+F+M", "RFM score", "P(alive)", "Expected purchases (12 months)", "Predicted 12-month value", "Lapse flag", "Issue"]);
    // customer 1: x 2, first 1997-01-01, last 1997-08-02 (213 days), as of 1997-09-30 (272 days) → t_x 30.43, T 38.86 → P(alive) ≈ 0.7266
    expect(plan.rows[0][5]).toBeCloseTo(0.7266, 2);
    expect(plan.rows[0][8]).toBe("");
    // the notes say how histories and spend were read
    expect(screen.getByText(en.btyd.summary.derived(shown("1997-09-30")))).toBeTruthy();
    expect(screen.getByText(en.btyd.summary.spend)).toBeTruthy();
    expect(screen.getByText(en.btyd.summary.oneTime)).toBeTruthy();
    const table = screen.getByRole("table", { name: en.btyd.summary.table });
    const head = within(table).getAllByRole("columnheader").map((c) => c.textContent);
    expect(head).toEqual(["Segment", "Customers", "Expected purchases", "Predicted value", "Likely lapsed", "Value at risk"]);
    // four groups; value at risk only for Loyal and Reachable
    const body = within(table).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("td")).map((c) => c.textContent));
    expect(body.map((r) => r[0])).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk"]);
    expect(body[2][5]).toBe("–");
    expect(body[3][5]).toBe("–");
    // the customers with a prediction add up to all 2,357
    expect(body.reduce((a, r) => a + Number((r[1] as string).replace(/,/g, "")), 0)).toBe(2357);
    expect(screen.getByText(/^Value at risk: /)).toBeTruthy();
    await expectAccessible(container);
  });

  it("shows the model's reason and writes the sheet as before when the fit fails", async () => {
    const user = userEvent.setup();
    // Nobody repeats: BG/NBD cannot be identified. Orders per year of tenure (as of 45030): 1 ÷ (1030 / 365.25) = 0.35,
    // 1 ÷ (530 / 365.25) = 0.69, then 1 and 1 (under a year counts as one) → median 0.85, so the segmentation itself works.
    const rows = [
      ["Cust #", "Likelihood to recommend", "First purchase", "Last purchase", "Number of orders"],
      [1, 9, 44000, 44000, 1],
      [2, 3, 44500, 44500, 1],
      [3, 10, 45000, 45000, 1],
      [4, 7, 45030, 45030, 1],
    ];
    const port = fakePort({ rows });
    const { container } = render(<SegmentPane port={port} strings={en} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    await screen.findByRole("heading", { name: en.summary.heading });
    // In an analyst's words, with what to try next; the core's technical message behind a "Technical reason" disclosure.
    expect(screen.getByText(en.btyd.summary.failed)).toBeTruthy();
    expect(screen.getByText(en.fitRefusal.kinds.noRepeats.what)).toBeTruthy();
    expect(screen.getByText(en.fitRefusal.kinds.noRepeats.next)).toBeTruthy();
    const technical = screen.getByText(/nobody made a repeat purchase \(every x is 0\)/);
    expect(technical.closest("details")?.open).toBe(false);
    await user.click(screen.getByText(en.fitRefusal.technical));
    expect(technical.closest("details")?.open).toBe(true);
    expect(screen.queryByRole("heading", { name: en.btyd.summary.heading })).toBeNull();
    expect(port.sheetPlans[0].header).toEqual(["Customer", "Segment", "Recommend score", "Orders per year", "Issue"]);
    await expectAccessible(container);
  });

  it("takes mapped x, t_x and T with their unit, and gives a column one role only", async () => {
    const user = userEvent.setup();
    const rows = [
      ["id", "Likelihood to recommend", "Orders", "x", "t_x", "T"],
      [1, 9, 3, 2, 30.43, 38.86],
      [2, 3, 2, 1, 1.71, 38.86],
    ];
    render(<SegmentPane port={fakePort({ rows })} strings={en} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.map.changeLabel }));
    // exact lifetimes-style headers are guessed
    expect(selectedText(en.btyd.map.roles.x)).toBe("x (column D)");
    expect(selectedText(en.btyd.map.roles.tx)).toBe("t_x (column E)");
    expect(selectedText(en.btyd.map.roles.T)).toBe("T (column F)");
    expect(screen.getByText(en.btyd.map.mapped)).toBeTruthy();
    expect(selectedText(en.btyd.map.unitLabel)).toBe(en.btyd.map.units.week);
    await user.selectOptions(screen.getByLabelText(en.btyd.map.unitLabel, { selector: "select" }), en.btyd.map.units.day);
    expect(selectedText(en.btyd.map.unitLabel)).toBe(en.btyd.map.units.day);
    // Giving column C (Orders) to x takes it from frequency.
    await user.selectOptions(screen.getByLabelText(en.btyd.map.roles.x, { selector: "select" }), "Orders (column C)");
    expect(selectedText(en.btyd.map.roles.x)).toBe("Orders (column C)");
    expect((screen.getByLabelText(/^Frequency \(orders\)/, { selector: "select" }) as HTMLSelectElement).value).toBe("");
    // and giving column D back to T takes it from nobody else (x now has C)
    await user.selectOptions(screen.getByLabelText(en.btyd.map.roles.T, { selector: "select" }), "x (column D)");
    expect(selectedText(en.btyd.map.roles.T)).toBe("x (column D)");
    expect(selectedText(en.btyd.map.roles.x)).toBe("Orders (column C)");
  });
});

describe("Check the model", () => {
  const orders = cdnowOrders();
  const log: unknown[][] = [["Customer", "Order date", "Dollars"], ...orders.customer.map((c, i) => [c, isoOf(orders.ymd[i]), orders.dollars[i]])];

  it("picks the order log, defaults the calibration end to its midpoint and shows the table and chart", async () => {
    const user = userEvent.setup();
    const { container } = render(<ModelCheck port={fakePort({ rows: log })} strings={en} />);
    // Folded by default: open it as a user would.
    const details = screen.getByText(en.btyd.check.unfold).closest("details")!;
    expect(details.open).toBe(false);
    await user.click(screen.getByText(en.btyd.check.unfold));
    expect(details.open).toBe(true);
    await user.click(screen.getByRole("button", { name: en.btyd.check.useLog }));
    await screen.findByLabelText(en.btyd.check.calibrationEnd);
    expect(selectedText(en.btyd.check.idColumn)).toBe("Customer (column A)");
    expect(selectedText(en.btyd.check.dateColumn)).toBe("Order date (column B)");
    // Midpoint of the 1st and 99th percentile order dates, 1997-01-04 and 1998-06-14 (modelCheck.test.ts)
    const input = screen.getByLabelText(en.btyd.check.calibrationEnd) as HTMLInputElement;
    expect(input.value).toBe(shown("1997-09-24"));
    expect(screen.getByText(en.btyd.check.picked("Customers!A1:C6920", 6919))).toBeTruthy();
    await expectAccessible(container);
    // FHL 2005's split, week 39, for the published group sizes below
    await user.clear(input);
    await user.type(input, "1997-09-30");
    await user.click(screen.getByRole("button", { name: en.btyd.check.run }));
    const table = await screen.findByRole("table", { name: en.btyd.check.table }, { timeout: 20000 });
    const body = within(table).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("td")).map((c) => c.textContent));
    // groups 0 … 6 and 7+; CDNOW's calibration x distribution: 1,411 customers with x = 0, 64 with 7 or more
    expect(body.map((r) => r[0])).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(body[0][1]).toBe("1,411");
    expect(body[7][1]).toBe("64");
    expect(screen.getByRole("figure", { name: en.btyd.check.chartTitle })).toBeTruthy();
    expect(screen.getByText(/^Holdout of 39 weeks, 2,357 customers: 1,882 repeat purchases made/)).toBeTruthy();
    await expectAccessible(container);
  });

  it("builds the model report: writes the sheet plan once and shows its charts and the comparison", async () => {
    const user = userEvent.setup();
    const plans: ReportSheetPlan[] = [];
    const port = { ...fakePort({ rows: log }), writeReportSheet: async (plan: ReportSheetPlan) => (plans.push(plan), { sheetName: "Model report (2)", formatted: true }) };
    const { container } = render(<ModelCheck port={port} strings={en} />);
    await user.click(screen.getByRole("button", { name: en.btyd.check.useLog }));
    const input = (await screen.findByLabelText(en.btyd.check.calibrationEnd)) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, "1997-09-30");
    await user.click(screen.getByRole("button", { name: en.btyd.check.run }));
    const build = await screen.findByRole("button", { name: en.btyd.check.report.build }, { timeout: 20000 });
    // The tracking runs to the holdout end, the log's last order date, unless a date between the calibration end and it is typed.
    const tracking = screen.getByLabelText(en.btyd.check.report.trackingEnd) as HTMLInputElement;
    expect(tracking.value).toBe(shown("1998-06-30"));
    await user.clear(tracking);
    await user.type(tracking, "1998-07-31");
    await user.click(build);
    expect(screen.getByText(en.btyd.check.report.badTrackingEnd(shown("1997-09-30"), shown("1998-06-30")))).toBeTruthy();
    expect(plans).toHaveLength(0);
    await user.clear(tracking);
    await user.type(tracking, "1998-06-30");
    await user.click(build);
    expect(await screen.findByText(en.btyd.check.report.done("Model report (2)"), undefined, { timeout: 30000 })).toBeTruthy();
    expect(plans).toHaveLength(1);
    // The plan's histogram: CDNOW's calibration counts (cdnow_customers_summary.csv) under their header.
    const histogram = plans[0].blocks.find((b) => b.values[0] === en.btyd.check.report.sheet.histogramHeader)!;
    expect(histogram.values.slice(1).map((r) => r[1])).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const r = en.btyd.check.report;
    for (const name of [r.histogramChart, r.weeklyChart, r.cumulativeChart, r.pAliveHeatmap(272 / 7), r.nextWeekHeatmap(272 / 7)]) expect(container.querySelector(`figure[aria-label="${name}"] svg`)).toBeTruthy();
    const comparison = container.querySelector(`table[aria-label="${r.comparisonTable}"]`)!;
    expect(Array.from(comparison.querySelectorAll("tbody tr"), (row) => row.querySelector("td")?.textContent)).toEqual(["BG/NBD", "Pareto/NBD", "MBG/NBD"]);
    // axe over the whole report takes minutes in jsdom (two heatmaps of 1,170 cells each): every rule on the
    // pane without the charts' drawings, and the landmark rules (each chart's own name) on everything.
    const figures = Array.from(container.querySelectorAll("figure svg"));
    // duplicate-id is off: every Fluent cartesian chart's root has the fixed id "chart_" (CartesianChart.js), so any two charts share it.
    const rest = await axeCore.run({ include: [container], exclude: figures } as never, { rules: { "color-contrast": { enabled: false }, "duplicate-id": { enabled: false } } });
    const landmarks = await axeCore.run(container, { runOnly: ["landmark-unique", "region"] });
    expect([...rest.violations, ...landmarks.violations].map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }, 60000);

  it("refuses a calibration end outside the log and explains a fit that cannot identify the model, by keyboard", async () => {
    const user = userEvent.setup();
    render(<ModelCheck port={fakePort({ rows: log })} strings={en} />);
    await user.tab();
    // Folded by default, so the first stop is the disclosure; Enter opens it in a browser (firstRun.test.ts opens
    // one so), jsdom acts on its click only.
    expect(document.activeElement).toBe(screen.getByText(en.btyd.check.unfold));
    await user.click(screen.getByText(en.btyd.check.unfold));
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: en.btyd.check.useLog }));
    await user.keyboard("{Enter}");
    const input = (await screen.findByLabelText(en.btyd.check.calibrationEnd)) as HTMLInputElement;
    await user.clear(input);
    await user.type(input, "1999-01-01");
    const run = screen.getByRole("button", { name: en.btyd.check.run });
    run.focus();
    await user.keyboard("{Enter}");
    expect(screen.getByText(en.btyd.check.badDate(shown("1997-01-01"), shown("1998-06-30")))).toBeTruthy();
    // One day of calibration: nobody has repeated yet.
    await user.clear(input);
    await user.type(input, "1997-01-02");
    run.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByText(en.btyd.check.failed)).toBeTruthy();
    expect(screen.getByText(en.fitRefusal.kinds.noRepeats.what)).toBeTruthy();
    expect(screen.getByText(`${en.fitRefusal.kinds.noRepeats.next} ${en.fitRefusal.checkNext}`)).toBeTruthy();
    // The technical reason is one click away (a native disclosure; its keyboard toggle is the browser's, see test/browser/firstRun.test.ts).
    const technical = screen.getByText(/nobody made a repeat purchase/);
    expect(technical.closest("details")?.open).toBe(false);
    await user.click(screen.getByText(en.fitRefusal.technical));
    expect(technical.closest("details")?.open).toBe(true);
  });
});

describe("Check the model on a grouped calibration/holdout table", () => {
  // The warehouse SQL's grouped holdout summary of CDNOW_sample.txt (calibration end 1997-09-30, holdout to 1998-06-30),
  // made with the core (groupedHoldoutTable over holdoutSummary).
  const orders = cdnowOrders();
  const cal = serialFromIsoText("1997-09-30") as number;
  const end = serialFromIsoText("1998-06-30") as number;
  const h = holdoutSummary(orders.customer, orders.ymd.map((d) => serialFromIsoText(isoOf(d)) as number), cal, end, "week");
  const table = groupedHoldoutTable(h);
  const rowsOf = (t: HTMLElement) => within(t).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("td")).map((c) => c.textContent));

  it("recognises the table, maps the customers column as the weight and shows the order log's figures", async () => {
    const user = userEvent.setup();
    const { container } = render(<ModelCheck port={fakePort({ rows: table })} strings={en} />);
    await user.click(screen.getByText(en.btyd.check.unfold));
    await user.click(screen.getByRole("button", { name: en.btyd.check.useLog }));
    const t = en.btyd.check.onTable;
    await screen.findByLabelText(t.roles.weight, { selector: "select" });
    expect(selectedText(t.kindLabel)).toBe(t.kinds.table);
    expect(selectedText(t.roles.x)).toBe("x (column A)");
    expect(selectedText(t.roles.tx)).toBe("t_x (column E)");
    expect(selectedText(t.roles.T)).toBe("T (column F)");
    expect(selectedText(t.roles.xHoldout)).toBe("x_holdout (column D)");
    expect(selectedText(t.roles.holdoutLength)).toBe("holdout_length (column G)");
    expect(selectedText(t.roles.weight)).toBe("customers (column H)");
    // the pane says the rows are groups of customers
    expect(screen.getByText(t.grouped)).toBeTruthy();
    await expectAccessible(container);
    await user.click(screen.getByRole("button", { name: en.btyd.check.run }));
    const shownTable = await screen.findByRole("table", { name: en.btyd.check.table }, { timeout: 20000 });
    const body = rowsOf(shownTable);
    // The same groups as the order log's check above: 1,411 customers with x = 0, 64 with 7 or more; 1,882 holdout repeat purchases
    expect(body.map((r) => r[0])).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(body[0][1]).toBe("1,411");
    expect(body[7][1]).toBe("64");
    expect(screen.getByText(new RegExp(`^Holdout of 39 weeks, 2,357 customers in ${(table.length - 1).toLocaleString("en-US")} rows: 1,882 repeat purchases made`))).toBeTruthy();
    // and the same digits as the check on the order log itself
    const onLog = await checkModel(readOrderLog(orders.customer.map((c, i) => [c, isoOf(orders.ymd[i])]), 0, 1, 1), cal, end);
    expect(body).toEqual(onLog.groups.map((g) => [en.btyd.check.groupLabel(g.x, g.last), en.format.number(g.customers, 0), en.format.number(g.actual, 2), en.format.number(g.predicted, 2)]));
    expect(screen.getByText(t.noReport)).toBeTruthy();
    await expectAccessible(container);
  }, 60000);

  it("names the column and row of a fractional or blank weight, and asks for a holdout length when no column has it", async () => {
    const user = userEvent.setup();
    const bad = table.map((r) => [...r]);
    bad[6][7] = 2.5; // sheet row 7
    render(<ModelCheck port={fakePort({ rows: bad })} strings={en} />);
    await user.click(screen.getByText(en.btyd.check.unfold));
    await user.click(screen.getByRole("button", { name: en.btyd.check.useLog }));
    const t = en.btyd.check.onTable;
    await screen.findByLabelText(t.roles.weight, { selector: "select" });
    await user.click(screen.getByRole("button", { name: en.btyd.check.run }));
    expect(await screen.findByText("Row 7, customers (column H): 2.5 is not a whole number; customers are counted in whole numbers.")).toBeTruthy();
    // Without the holdout length column the length is typed; blank or 0 is refused in words.
    await user.selectOptions(screen.getByLabelText(t.roles.holdoutLength, { selector: "select" }), en.map.notMapped);
    const length = screen.getByLabelText(t.lengthLabel) as HTMLInputElement;
    await user.click(screen.getByRole("button", { name: en.btyd.check.run }));
    expect(screen.getByText(t.badLength)).toBeTruthy();
    await user.type(length, "39");
    bad[6][7] = "";
    await user.click(screen.getByRole("button", { name: en.btyd.check.run }));
    expect(await screen.findByText("Row 7, customers (column H): the cell is blank. Every row needs a value here; give 0 to leave a row out.")).toBeTruthy();
  });
});
