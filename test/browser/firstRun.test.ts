/**
 * Issue 13, "first run": the preview as a new user sees it in a 320 px wide window, with the real
 * task pane (dist/taskpane.js). The CDNOW sample (Fader & Hardie, via lifetimes) identifies the
 * BG/NBD model, so Segment adds predicted value and Check the model works with its default
 * calibration end; the rfm sample's refusal is worded for an analyst with the technical reason one
 * click away; the set-up is a summary with Change; override reasons are written; the pane hints at
 * edit mode and explains a greyed-out "A new sheet"; Retention draws only cohorts of 30 or more.
 * Also the narrow tables (predicted value, Check the model), chart legends in sentence case, no
 * tooltip under a resting pointer after a run, the Cohorts sheet's line chart in the preview, and
 * the preview's formula box on an empty cell.
 * Screenshots go to test-artifacts/ (git-ignored).
 */
import { Locator, Page } from "playwright-core";
import { Session, screenshotPath, startSession } from "./support/browser";
import { enter, goTo, waitForPreview, workbook } from "./support/preview";

const WIDTH = 320;
const HEIGHT = 900;

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

const pane = (page: Page): Locator => page.locator("#pane");

/** How far below the pane's top (CSS px) the element ends: in Excel the pane is its own window, here it sits below the workbook. */
const belowPaneTop = (locator: Locator): Promise<number> =>
  locator.evaluate((el) => el.getBoundingClientRect().bottom - (document.querySelector("#pane") as HTMLElement).getBoundingClientRect().top);

/** Chart tooltips and callouts that are shown (Fluent renders them in portals on the body). */
const shownTooltips = (page: Page): Locator => page.locator(".fui-PopoverSurface:visible, [role=tooltip]:visible");

/** Sums the "Customers" values of a stacked per-segment list (label–value pairs). */
async function stackedCustomers(list: Locator): Promise<number> {
  let total = 0;
  for (const item of await list.getByRole("listitem").all()) {
    const terms = await item.locator("dt").allTextContents();
    const values = await item.locator("dd").allTextContents();
    total += Number(values[terms.indexOf("Customers")].replace(/,/g, ""));
  }
  return total;
}

/** Widest content of the page and of the pane, in CSS px (what would need sideways scrolling). */
const widths = (page: Page) =>
  page.evaluate(() => ({ page: document.documentElement.scrollWidth, pane: (document.querySelector("#pane") as HTMLElement).scrollWidth }));

describe("first run of the preview at 320 px", () => {
  let page: Page;
  let log: { errors: string[]; failedRequests: string[]; external: string[] };

  beforeAll(async () => {
    ({ page, log } = await session.open("preview.html", { width: WIDTH, height: HEIGHT }));
    await waitForPreview(page);
  });

  it("(7) fits the window: no sideways scrolling of the page or the pane", async () => {
    const w = await widths(page);
    expect(w.page).toBeLessThanOrEqual(WIDTH);
    expect(w.pane).toBeLessThanOrEqual(WIDTH);
    await page.screenshot({ path: screenshotPath("first-run-320-start.png"), fullPage: true });
  });

  it("(2) shows confident guesses as a summary with Change, the run button on the first screen of a 320 × 700 pane", async () => {
    await goTo(page, "'CDNOW customers'!A1");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Recognised by their headers:").waitFor({ timeout: 60000 });
    expect(await pane(page).getByRole("button", { name: "Change the column mapping" }).isVisible()).toBe(true);
    // The CDNOW customers have no attitude column, so the pane goes straight to RFM segments (no behaviour step) and says why.
    await pane(page).getByText("No attitude column is mapped, so these are RFM segments, not the four loyalty groups.").waitFor();
    expect(await pane(page).getByRole("heading", { name: "3. Segment" }).isVisible()).toBe(true);
    const run = pane(page).getByRole("button", { name: "Make RFM segments", exact: true });
    expect(await run.isVisible()).toBe(true);
    // Not one dropdown in the set-up, and the button ends within the first 700 px of the pane (it was 1,540 px down).
    expect(await pane(page).getByRole("combobox").count()).toBe(0);
    expect(await belowPaneTop(run)).toBeLessThanOrEqual(700);
    // Check the model, an advanced option, is folded below it.
    expect(await pane(page).getByRole("button", { name: "Use order log" }).isVisible()).toBe(false);
    const top = await pane(page).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: screenshotPath("first-run-320-setup.png"), fullPage: true, clip: { x: 0, y: top, width: WIDTH, height: 700 } });

    // Change: the columns as dropdowns, the advanced options (cost, discount share, predicted value's x, t_x and T) folded.
    await pane(page).getByRole("button", { name: "Change the column mapping" }).click();
    await pane(page).getByRole("combobox", { name: /^Customer id/ }).waitFor();
    const advanced = pane(page).locator("details", { hasText: "Advanced options" });
    expect(await advanced.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await pane(page).getByRole("combobox", { name: "Repeat purchases (x)" }).isVisible()).toBe(false);
    expect(await pane(page).getByRole("combobox", { name: "Cost to serve" }).isVisible()).toBe(false);
  });

  it("(7) fits the predicted-value summary to 320 px: one block per segment instead of a six-column table", async () => {
    await pane(page).getByRole("button", { name: "Make RFM segments", exact: true }).click();
    await pane(page).getByText(/Results are on the sheet/).waitFor({ timeout: 180000 });
    const name = "Expected purchases, predicted value and likely lapsed customers per segment";
    const list = pane(page).getByRole("list", { name });
    await list.waitFor({ timeout: 60000 });
    expect(await pane(page).getByRole("table", { name }).count()).toBe(0);
    // Every one of the 2,357 CDNOW customers (Fader & Hardie's sample) has a purchase history, so the blocks add up to all of them.
    expect(await stackedCustomers(list)).toBe(2357);
    const first = list.getByRole("listitem").first();
    expect(await first.locator("dt").allTextContents()).toEqual(["Customers", "Expected purchases", "Predicted value", "Likely lapsed"]);
    const w = await widths(page);
    expect(w.pane).toBeLessThanOrEqual(WIDTH);
    await list.screenshot({ path: screenshotPath("first-run-320-predicted-value.png") });
    await pane(page).getByRole("button", { name: "Segment other data" }).click();
  });

  it("(1) checks the model on the CDNOW orders with the default calibration end (1st–99th percentile midpoint)", async () => {
    await goTo(page, "'CDNOW orders'!A1");
    // Check the model is folded by default (an advanced option).
    await pane(page).getByText("Check the model on an order log").click();
    await pane(page).getByRole("button", { name: "Use order log" }).click();
    const end = pane(page).getByLabel("Calibration ends on");
    await end.waitFor({ timeout: 60000 });
    // Shown as a short date in the preview's culture (en-US, M/d/yyyy), as the pane shows dates since the i18n work.
    expect(await end.inputValue()).toBe("9/24/1997");
    await pane(page).getByRole("button", { name: "Check the model" }).click();
    const table = pane(page).getByRole("table", { name: /per frequency group/ });
    await table.waitFor({ timeout: 120000 });
    expect(await table.locator("tbody tr td:first-child").allTextContents()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    // (7) All four columns within the pane's width: no sideways scrolling of the table's region.
    expect(await table.locator("thead th").allTextContents()).toEqual(["Repeat purchases (x)", "Customers", "Actual", "Predicted"]);
    const region = pane(page).getByRole("region", { name: /per frequency group/ });
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    // Legends as the pane writes them (Fluent's legend capitalised each word).
    const chart = pane(page).getByRole("figure", { name: "Actual and predicted repeat purchases per customer in the holdout" });
    expect(await chart.locator(".fui-legend__legend").allInnerTexts()).toEqual(["Actual", "Predicted"]);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-model-check.png") });
  });

  it("(6) hints at edit mode after a short wait, and carries on when editing ends", async () => {
    await goTo(page, "Customers!A1");
    await workbook(page).getByLabel("User editing a cell").check();
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText(/If a cell is being edited, press Enter or Esc/).waitFor({ timeout: 10000 });
    await pane(page).screenshot({ path: screenshotPath("first-run-320-edit-mode.png") });
    await workbook(page).getByLabel("User editing a cell").uncheck();
    await pane(page).getByText(/Customers!A1:I996: 995 customer rows/).waitFor({ timeout: 60000 });
    expect(await pane(page).getByText(/If a cell is being edited/).count()).toBe(0);
  });

  it("(6) says why A new sheet is greyed out when the workbook structure is protected", async () => {
    await workbook(page).getByLabel("Protect workbook structure").check();
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText(/A new sheet cannot be added because the workbook's structure is protected/).waitFor({ timeout: 60000 });
    expect(await pane(page).getByRole("radio", { name: "A new sheet" }).isDisabled()).toBe(true);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-protected.png") });
    await workbook(page).getByLabel("Protect workbook structure").uncheck();
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByRole("radio", { name: "A new sheet" }).waitFor();
    expect(await pane(page).getByRole("radio", { name: "A new sheet" }).isDisabled()).toBe(false);
  });

  it("(1, 5) words the rfm sample's refusal for an analyst, opens the technical reason by keyboard, and writes override reasons", async () => {
    await pane(page).getByRole("radio", { name: "A new sheet" }).check();
    // Clicked with the mouse, which then rests where it clicked.
    const segment = pane(page).getByRole("button", { name: "Segment", exact: true });
    await segment.scrollIntoViewIfNeeded();
    const box = (await segment.boundingBox())!;
    const rest = { x: Math.round(box.x + 24), y: Math.round(box.y + box.height / 2) };
    await page.mouse.click(rest.x, rest.y);
    await pane(page).getByText(/Results are on the sheet/).waitFor({ timeout: 180000 });
    await pane(page).getByText("Customer value could not be predicted, so those columns are left out; the segments are complete.").waitFor({ timeout: 60000 });
    await pane(page).getByText(/The customers all buy at much the same rate/).waitFor();
    const summary = pane(page).getByText("Technical reason");
    await summary.focus();
    await page.keyboard.press("Enter");
    await pane(page).getByText(/the data cannot identify the BG\/NBD model/).waitFor();
    expect(await pane(page).getByText(/the data cannot identify the BG\/NBD model/).isVisible()).toBe(true);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-refusal.png") });

    // (8) The chart's legend in sentence case, as the rest of the pane.
    const chart = pane(page).getByRole("figure", { name: "Share of customers and of revenue per segment" });
    expect(await chart.locator(".fui-legend__legend").allInnerTexts()).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk"]);
    // (8) No tooltip when the chart comes to lie under the resting pointer (the pane's focus on the result scrolls):
    // scroll a bar under it, as that focus can. Without PointerSettled this showed "Loyal 130"-style callouts over the chart's heading.
    const bar = await chart.evaluate((fig, x) => {
      const hit = Array.from(fig.querySelectorAll("rect")).map((r) => r.getBoundingClientRect()).find((r) => r.left + 1 < x && r.right - 1 > x && r.height >= 8);
      return hit ? hit.top + hit.height / 2 : null;
    }, rest.x);
    expect(bar).not.toBeNull();
    await page.evaluate((dy) => window.scrollBy(0, dy), bar! - rest.y);
    await page.waitForTimeout(500);
    expect(await shownTooltips(page).count()).toBe(0);
    // Once the mouse really moves, the chart answers it as before.
    await page.mouse.move(rest.x, rest.y + 3);
    await shownTooltips(page).first().waitFor({ timeout: 5000 });
    await chart.screenshot({ path: screenshotPath("first-run-320-chart-hover.png") });
    await page.mouse.move(1, 1);
    await shownTooltips(page).first().waitFor({ state: "hidden", timeout: 5000 });

    // (5) The Issue column of the Segments sheet explains every price-driven override.
    const written = (await pane(page).getByText(/Results are on the sheet/).textContent()) ?? "";
    const sheet = /“(.+)”/.exec(written)?.[1] ?? "Segments";
    // The pane activates the new sheet; make sure it is the one shown.
    await workbook(page).getByRole("tab", { name: sheet, exact: true, selected: true }).waitFor();
    const table = await page.evaluate((name) => {
      const model = (globalThis as unknown as { __loyaltyPreview: { model: { sheet(n: string): { get(r: number, c: number): unknown } } } }).__loyaltyPreview.model;
      const s = model.sheet(name);
      const header: string[] = [];
      for (let c = 0; c < 12; c++) header.push(String(s.get(0, c) ?? ""));
      const rows: string[][] = [];
      for (let r = 1; r <= 995; r++) rows.push([String(s.get(r, 1) ?? ""), String(s.get(r, header.indexOf("Issue")) ?? "")]);
      return { header, rows };
    }, sheet);
    expect(table.header).toContain("Issue");
    const segmentOf = table.rows.map((r) => r[0]);
    const issues = table.rows.map((r) => r[1]);
    const overrides = issues.filter((t) => t.startsWith("Price-driven"));
    expect(overrides.length).toBeGreaterThan(0);
    for (const text of overrides) expect(text).toMatch(/^Price-driven \(\d+% of orders on discount\): would be (Loyal|Reachable|Locked-in), shown as (Reachable|High-risk)$/);
    // The row's segment is the one the reason names as shown.
    issues.forEach((t, i) => {
      if (t.startsWith("Price-driven")) expect(t.endsWith(`shown as ${segmentOf[i]}`)).toBe(true);
    });
  });

  it("(3, 7) draws retention only from cohorts of 30 or more, sizes in the reading and legend, in a table that fits", async () => {
    await pane(page).getByRole("tab", { name: "Retention" }).click();
    await goTo(page, "Orders!A2");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Orders!A1:F4907: 4,906 order rows").waitFor({ timeout: 60000 });
    await pane(page).getByRole("button", { name: "Build cohorts" }).click();
    const reading = pane(page).getByText(/^Of the \d+ customers who first bought in [A-Z][a-z]+ \d{4}, \d+% bought again the next month\.$/);
    await reading.waitFor({ timeout: 180000 });
    expect(Number((await reading.textContent())?.match(/^Of the (\d+)/)?.[1])).toBeGreaterThanOrEqual(30);
    const table = pane(page).getByRole("table", { name: "Share of each cohort that ordered again, by periods after its first" });
    const sizes = (await table.locator("tbody tr td:nth-child(2)").allTextContents()).map((t) => Number(t.replace(/,/g, "")));
    expect(sizes.length).toBeGreaterThan(0);
    for (const n of sizes) expect(n).toBeGreaterThanOrEqual(30);
    // Narrow: months 1-3 only, and the table's region needs no sideways scrolling.
    expect(await table.locator("thead th").allTextContents()).toEqual(["Cohort start", "Customers", "Month 1", "Month 2", "Month 3"]);
    const region = pane(page).getByRole("region", { name: "Share of each cohort that ordered again, by periods after its first" });
    const fit = await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
    expect(fit).toBe(true);
    // The legend names each cohort with its size, in lower case ("85 customers", not "85 Customers").
    const cohorts = await table.locator("tbody tr td:first-child").allTextContents();
    const legends = cohorts.map((c, i) => `${c} (${sizes[i].toLocaleString("en-US")} customers)`);
    const paneChart = pane(page).getByRole("figure", { name: /^Retention curves of the latest \d+ cohorts?$/ });
    expect(await paneChart.locator(".fui-legend__legend").allInnerTexts()).toEqual(legends);
    // Six legend rows no longer squeeze the plot (it was about 110 px with the legend taking the rest of 350).
    expect(Number(await paneChart.locator("svg[role=region]").first().getAttribute("height"))).toBeGreaterThanOrEqual(150);

    // (8) The Cohorts sheet's chart in the preview: a line per cohort (Excel's "Line" chart), every cohort in its legend with its size.
    const sheetChart = workbook(page).getByRole("img", { name: "Chart: Retention curves of the latest cohorts" });
    await sheetChart.waitFor();
    expect(await sheetChart.getAttribute("data-chart-type")).toBe("Line");
    expect(await sheetChart.locator(".chart-line").count()).toBe(cohorts.length);
    expect(await sheetChart.locator(".chart-bar").count()).toBe(0);
    expect(await sheetChart.locator(".chart-legend").allTextContents()).toEqual(legends);
    // Every legend entry lies inside the drawn chart, and no two overlap.
    const placed = await sheetChart.evaluate((fig) => {
      const svg = fig.querySelector("svg")!.getBoundingClientRect();
      const boxes = Array.from(fig.querySelectorAll(".chart-legend")).map((t) => t.getBoundingClientRect());
      const overlap = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return {
        inside: boxes.every((b) => b.bottom <= svg.bottom && b.right <= svg.right),
        overlapping: boxes.some((a, i) => boxes.some((b, j) => i < j && overlap(a, b))),
      };
    });
    expect(placed).toEqual({ inside: true, overlapping: false });
    await sheetChart.scrollIntoViewIfNeeded();
    await sheetChart.screenshot({ path: screenshotPath("first-run-320-cohorts-chart.png") });
    await page.mouse.move(1, 1);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-retention.png") });
    const w = await widths(page);
    expect(w.pane).toBeLessThanOrEqual(WIDTH);
  });

  it("(8) shows nothing in the formula box of an empty cell, and drops the previous cell's error there", async () => {
    await goTo(page, "Formulas!E1");
    const status = await enter(page, "=LOYALTY.NPS(Customers!A2:A996)");
    expect(status).toContain("#VALUE!");
    const box = workbook(page).getByRole("textbox", { name: "Formula", exact: true });
    const message = page.getByTestId("formula-message");
    await goTo(page, "Formulas!E1");
    await page.waitForFunction(() => document.querySelector("[data-testid=formula-message]")?.textContent?.includes("#VALUE!"));
    // An empty cell: an empty formula box with no grey example formula, and no error left from E1.
    await goTo(page, "Formulas!Z9");
    expect(await box.inputValue()).toBe("");
    expect(await box.getAttribute("placeholder")).toBeNull();
    await page.waitForFunction(() => !document.querySelector("[data-testid=formula-message]")?.textContent?.includes("#VALUE!"));
    expect(await message.getAttribute("class")).not.toContain("error");
    await workbook(page).screenshot({ path: screenshotPath("first-run-320-empty-cell.png") });
  });

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
