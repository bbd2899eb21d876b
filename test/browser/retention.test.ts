/**
 * The Retention view of the real task pane (dist/taskpane.js) in the preview, as a person runs
 * it: the view tabs by keyboard, the sample Orders sheet (the rfm package's order log, 4,906
 * orders of 995 customers) picked with one cell, Build cohorts; then
 * the Cohorts sheet's triangle is compared with what =LOYALTY.COHORTS gives in the formula box
 * for the same columns, and the pane's curve and reading are checked on screen.
 */
import { Locator, Page } from "playwright-core";
import { Session, screenshotPath, startSession } from "./support/browser";
import { cell, enter, goTo, waitForPreview, workbook } from "./support/preview";

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

function pane(page: Page): Locator {
  return page.locator("#pane");
}

describe("the Retention view in the preview", () => {
  let page: Page;
  let log: { errors: string[]; failedRequests: string[]; external: string[] };

  beforeAll(async () => {
    ({ page, log } = await session.open("preview.html"));
    await waitForPreview(page);
  });

  it("switches from Segment to Retention with the arrow keys and Enter, and Tab leaves the tabs for the view", async () => {
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? `${el.getAttribute("role") ?? el.tagName}:${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}` : "";
      });
    const hasFocus = (tab: Locator) => tab.evaluate((el) => el === document.activeElement);
    await pane(page).getByRole("tab", { name: "Segment" }).focus();
    expect(await hasFocus(pane(page).getByRole("tab", { name: "Segment" }))).toBe(true);
    await page.keyboard.press("ArrowRight");
    expect(await hasFocus(pane(page).getByRole("tab", { name: "Retention" }))).toBe(true);
    await page.keyboard.press("Enter");
    await pane(page).getByText(/Select an order log/).waitFor();
    expect(await pane(page).getByRole("tab", { name: "Retention" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("BUTTON:Use selection");
  });

  it("builds the Cohorts sheet from the Orders sheet picked with one cell", async () => {
    await goTo(page, "Orders!A2");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Orders!A1:F4907: 4,906 order rows").waitFor();
    // The cohort form's column pickers (selects); Check the model below has text boxes "Customer id column" and "Order date column".
    expect(await pane(page).getByRole("combobox", { name: /^Customer id\b/ }).inputValue()).toBe("0"); // customer_id, column A
    expect(await pane(page).getByRole("combobox", { name: /^Order date\b/ }).inputValue()).toBe("1"); // order_date, column B
    await pane(page).getByRole("button", { name: "Build cohorts" }).click();
    await pane(page).getByText("The cohort triangle, the period table and the chart are on the sheet “Cohorts”.").waitFor({ timeout: 120000 });
    await workbook(page).getByRole("tab", { name: "Cohorts", exact: true }).waitFor();
    await page.mouse.move(5, 5);
    await pane(page).screenshot({ path: screenshotPath("pane-after-retention.png") });
    await page.screenshot({ path: screenshotPath("preview-after-retention.png") });
  });

  it("writes the same triangle as =LOYALTY.COHORTS for the same columns", async () => {
    await goTo(page, "Formulas!A1");
    const status = await enter(page, "=LOYALTY.COHORTS(Orders!A2:A4907, Orders!B2:B4907)");
    expect(status).toMatch(/^A1: Cohort start \(spilled \d+ × \d+ from A1\)$/);
    for (const [row, formulaRow] of [
      [2, 1],
      [3, 2],
      [4, 3],
      [20, 19],
    ]) {
      for (const column of ["A", "B", "C", "D", "E", "F"]) {
        await goTo(page, `Formulas!${column}${formulaRow}`);
        const expected = await cell(page, `${column}${formulaRow}`);
        await goTo(page, `Cohorts!${column}${row}`);
        expect([column, row, await cell(page, `${column}${row}`)]).toEqual([column, row, expected]);
      }
    }
  });

  it("shows the curve with its one-line reading in the pane, and a chart on the Cohorts sheet", async () => {
    const reading = pane(page).getByText(/^Of the \d+ customers who first bought in [A-Z][a-z]+ \d{4}, \d+% bought again the next month\.$/);
    // Only cohorts of at least 30 customers are described and drawn (retentionRun.ts MIN_COHORT_SIZE).
    expect(Number((await reading.textContent())?.match(/^Of the (\d+)/)?.[1])).toBeGreaterThanOrEqual(30);
    expect(await reading.isVisible()).toBe(true);
    const figure = pane(page).getByRole("figure");
    expect(await figure.locator("svg").first().isVisible()).toBe(true);
    expect(await pane(page).getByRole("table", { name: "Share of each cohort that ordered again, by periods after its first" }).locator("tbody tr").count()).toBe(6);
    await workbook(page).getByRole("tab", { name: "Cohorts", exact: true }).click();
    expect(await workbook(page).locator(".chart-box").count()).toBe(1);
  });

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
