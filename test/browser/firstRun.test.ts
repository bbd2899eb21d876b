/**
 * Issue 13, "first run": the preview as a new user sees it in a 320 px wide window, with the real
 * task pane (dist/taskpane.js). The CDNOW sample (Fader & Hardie, via lifetimes) identifies the
 * BG/NBD model, so Segment adds predicted value and Check the model works with its default
 * calibration end; the rfm sample's refusal is worded for an analyst with the technical reason one
 * click away; the set-up is a summary with Change; override reasons are written; the pane hints at
 * edit mode and explains a greyed-out "A new sheet"; Retention draws only cohorts of 30 or more.
 * Screenshots go to test-artifacts/ (git-ignored).
 */
import { Locator, Page } from "playwright-core";
import { Session, screenshotPath, startSession } from "./support/browser";
import { goTo, waitForPreview, workbook } from "./support/preview";

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

  it("(2) shows confident guesses as a summary with Change", async () => {
    await goTo(page, "'CDNOW customers'!A1");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("These columns were recognised by their headers:").waitFor({ timeout: 60000 });
    expect(await pane(page).getByRole("button", { name: "Change the column mapping" }).isVisible()).toBe(true);
    // The CDNOW customers have no attitude column, so the pane offers RFM segments.
    expect(await pane(page).getByRole("button", { name: "Make RFM segments", exact: true }).isVisible()).toBe(true);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-setup.png") });
  });

  it("(1) checks the model on the CDNOW orders with the default calibration end (1st–99th percentile midpoint)", async () => {
    await goTo(page, "'CDNOW orders'!A1");
    await pane(page).getByRole("button", { name: "Use order log" }).click();
    const end = pane(page).getByLabel("Calibration ends on");
    await end.waitFor({ timeout: 60000 });
    // Shown as a short date in the preview's culture (en-US, M/d/yyyy), as the pane shows dates since the i18n work.
    expect(await end.inputValue()).toBe("9/24/1997");
    await pane(page).getByRole("button", { name: "Check the model" }).click();
    const table = pane(page).getByRole("table", { name: /per frequency group/ });
    await table.waitFor({ timeout: 120000 });
    expect(await table.locator("tbody tr td:first-child").allTextContents()).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
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
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await pane(page).getByText(/Results are on the sheet/).waitFor({ timeout: 180000 });
    await pane(page).getByText("Customer value could not be predicted, so those columns are left out; the segments are complete.").waitFor({ timeout: 60000 });
    await pane(page).getByText(/The customers all buy at much the same rate/).waitFor();
    const summary = pane(page).getByText("Technical reason");
    await summary.focus();
    await page.keyboard.press("Enter");
    await pane(page).getByText(/the data cannot identify the BG\/NBD model/).waitFor();
    expect(await pane(page).getByText(/the data cannot identify the BG\/NBD model/).isVisible()).toBe(true);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-refusal.png") });

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
    // The legend names each cohort with its size.
    expect(await pane(page).getByText(/\(\d+ customers\)$/).count()).toBeGreaterThanOrEqual(sizes.length);
    await page.mouse.move(1, 1);
    await pane(page).screenshot({ path: screenshotPath("first-run-320-retention.png") });
    const w = await widths(page);
    expect(w.pane).toBeLessThanOrEqual(WIDTH);
  });

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
