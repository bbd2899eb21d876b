/**
 * The Segment flow of the real task pane (dist/taskpane.js) in the preview, as a person runs it:
 * select the customer table, Use selection, Segment; then the Segments sheet is compared with
 * what =LOYALTY.SEGMENT gives in the formula box for the same columns, the summary and chart
 * are checked on screen, the same flow is run with the keyboard only, and a 100,000-row sheet
 * is segmented with a small payload limit so that the pane's block halving is exercised.
 * Screenshots before and after go to test-artifacts/.
 */
import { Locator, Page } from "playwright-core";
import { Session, screenshotPath, startSession } from "./support/browser";
import { cell, countBy, enter, goTo, letters, nameBox, readColumn, waitForPreview, workbook } from "./support/preview";

const SEGMENTS = ["Loyal", "Reachable", "Locked-in", "High-risk"];

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

/** True when, scrolled into view as a person would, nothing is drawn over the element's centre. */
async function uncovered(locator: Locator): Promise<boolean> {
  await locator.scrollIntoViewIfNeeded();
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 10));
    return top !== null && (el === top || el.contains(top));
  });
}

async function waitForResult(page: Page, timeout = 120000): Promise<void> {
  await pane(page).getByText(/Results are on the sheet/).waitFor({ timeout });
  await pane(page).getByRole("heading", { name: "What to do" }).waitFor({ timeout });
  await workbook(page).getByRole("tab", { name: "Segments", exact: true }).waitFor({ timeout });
}

/** The Segments sheet's header row, as a map from header text to column letter. */
async function headers(page: Page): Promise<Record<string, string>> {
  await goTo(page, "Segments!A1");
  const out: Record<string, string> = {};
  for (let c = 0; c < 8; c++) {
    const v = await cell(page, `${letters(c)}1`);
    // The first of equal headers: the summary table right of the results repeats "Segment".
    if (typeof v === "string" && v !== "" && !(v in out)) out[v] = letters(c);
  }
  return out;
}

const SUMMARY_NAME = "Customers, revenue and profit per segment";

/**
 * The pane's summary: a table where the pane is wide, one block per segment (a list of
 * label–value pairs) below 480 px (SummaryView.tsx, issue 13); the preview's pane is narrower.
 */
function summary(page: Page): Locator {
  return pane(page).getByRole("table", { name: SUMMARY_NAME }).or(pane(page).getByRole("list", { name: SUMMARY_NAME }));
}

/** Customers per segment in the pane's summary, in either layout. */
async function paneCounts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const table = pane(page).getByRole("table", { name: SUMMARY_NAME });
  if ((await table.count()) > 0) {
    for (const row of await table.locator("tbody tr").all()) {
      const cells = await row.locator("td").allTextContents();
      out[cells[0].trim()] = Number(cells[1].replace(/[^0-9]/g, ""));
    }
    return out;
  }
  for (const item of await pane(page).getByRole("list", { name: SUMMARY_NAME }).getByRole("listitem").all()) {
    const segment = (await item.locator("> span").first().textContent())?.trim() ?? "";
    const terms = await item.locator("dt").allTextContents();
    const values = await item.locator("dd").allTextContents();
    out[segment] = Number(values[terms.indexOf("Customers")].replace(/[^0-9]/g, ""));
  }
  return out;
}

describe("the Segment pane in the preview", () => {
  let page: Page;
  let log: { errors: string[]; failedRequests: string[]; external: string[] };
  let sheetCounts: Record<string, number>;

  beforeAll(async () => {
    ({ page, log } = await session.open("preview.html"));
    await waitForPreview(page);
  });

  it("segments the customer table selected with the mouse into a Segments sheet", async () => {
    await pane(page).getByRole("button", { name: "Use selection" }).waitFor();
    await pane(page).screenshot({ path: screenshotPath("pane-before-segment.png") });
    const grid = workbook(page).getByRole("grid");
    await grid.locator('[data-address="A1"]').click();
    await grid.hover();
    await page.mouse.wheel(0, 40000);
    await grid.locator('[data-address="I996"]').click({ modifiers: ["Shift"] });
    expect(await nameBox(page, "A1:I996")).toBe("A1:I996");

    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Customers!A1:I996: 995 customer rows").waitFor();
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await waitForResult(page);
    await page.mouse.move(5, 5);
    await pane(page).screenshot({ path: screenshotPath("pane-after-segment.png") });
    await page.screenshot({ path: screenshotPath("preview-after-segment.png") });

    const h = await headers(page);
    expect(Object.keys(h)).toEqual(expect.arrayContaining(["Customer", "Segment", "Issue"]));
    const segments = await readColumn(page, "Segments", h.Segment, 2, 996);
    sheetCounts = countBy(segments);
    expect(Object.keys(sheetCounts).every((k) => SEGMENTS.includes(k))).toBe(true);
    expect(Object.values(sheetCounts).reduce((a, b) => a + b, 0)).toBe(995);
    expect(await cell(page, "A997")).toBe("");
  });

  it("writes the counts that =LOYALTY.SEGMENT gives in the formula box for the same columns", async () => {
    const h = await headers(page);
    const behaviour = Object.keys(h).find((k) => ["R+F+M", "Orders per year", "Orders", "Revenue"].includes(k));
    expect(behaviour).toBeDefined();
    // Attitude: the recommend scores (Customers!G); behaviour: the values the pane used (its
    // sheet shows them); price-driven: the discount share (Customers!I), as the pane mapped them.
    await goTo(page, "Formulas!A1");
    const status = await enter(page, `=LOYALTY.SEGMENT(Customers!G2:G996, Segments!${h[behaviour!]}2:${h[behaviour!]}996, , Customers!I2:I996)`);
    expect(status).toContain("spilled 995 × 1");
    const fromFormula = await readColumn(page, "Formulas", "A", 1, 995);
    expect(countBy(fromFormula)).toEqual(sheetCounts);
    // Row by row, too: the pane keeps the source order.
    const fromSheet = await readColumn(page, "Segments", h.Segment, 2, 996);
    expect(fromSheet).toEqual(fromFormula);
    expect(await paneCounts(page)).toEqual(Object.fromEntries(SEGMENTS.map((s) => [s, sheetCounts[s] ?? 0])));
  });

  it("uses R+F+M from the same RFM code as =LOYALTY.RFMSCORE", async () => {
    const h = await headers(page);
    expect(h["R+F+M"]).toBeDefined();
    const sums = await readColumn(page, "Segments", h["R+F+M"], 2, 996);
    await goTo(page, "Formulas!C1");
    await enter(page, "=LOYALTY.RFMSCORE(Customers!F2:F996, Customers!D2:D996, Customers!E2:E996)");
    const scores = await readColumn(page, "Formulas", "C", 1, 995);
    const digitSums = scores.map((s) => (typeof s === "number" ? Math.floor(s / 100) + (Math.floor(s / 10) % 10) + (s % 10) : s));
    expect(sums).toEqual(digitSums);
  });

  it("shows the summary and the chart in the pane, uncovered, and a chart on the Segments sheet", async () => {
    const table = summary(page);
    expect(await table.isVisible()).toBe(true);
    const chart = pane(page).getByRole("figure").first();
    expect(await chart.locator("svg").first().isVisible()).toBe(true);
    expect(await uncovered(table)).toBe(true);
    expect(await uncovered(chart)).toBe(true);
    await workbook(page).getByRole("tab", { name: "Segments", exact: true }).click();
    expect(await workbook(page).locator(".chart-box").count()).toBe(1);
  });

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});

describe("several selected areas", () => {
  it("makes the pane ask for one block when two areas are selected with Ctrl+click", async () => {
    const { page, log } = await session.open("preview.html");
    await waitForPreview(page);
    const grid = workbook(page).getByRole("grid");
    await grid.locator('[data-address="A1"]').click();
    await grid.locator('[data-address="C3"]').click({ modifiers: ["Shift"] });
    await grid.locator('[data-address="E5"]').click({ modifiers: ["Control"] });
    // Both areas show as selected.
    expect(await grid.locator('[data-address="B2"]').getAttribute("aria-selected")).toBe("true");
    expect(await grid.locator('[data-address="E5"]').getAttribute("aria-selected")).toBe("true");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Several areas are selected. Select one block of cells and try again.").waitFor();
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});

describe("the Segment flow by keyboard only", () => {
  it("selects the table with Ctrl+A, then Use selection and Segment with Tab and Enter", async () => {
    const { page, log } = await session.open("preview.html");
    await waitForPreview(page);
    const focused = () => page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute("role") ?? el.tagName}:${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 40) ?? ""}` : "";
    });
    async function tabTo(target: string, limit = 80): Promise<void> {
      for (let i = 0; i < limit; i++) {
        if ((await focused()) === target) return;
        await page.keyboard.press("Tab");
      }
      throw new Error(`Tab never reached ${target}; last focus: ${await focused()}`);
    }
    await tabTo("grid:Sheet Customers");
    await page.keyboard.press("Control+Home");
    await page.keyboard.press("Control+a");
    expect(await nameBox(page, "A1:I996")).toBe("A1:I996");
    await tabTo("BUTTON:Use selection");
    await page.keyboard.press("Enter");
    await pane(page).getByText("Customers!A1:I996: 995 customer rows").waitFor();
    await tabTo("BUTTON:Segment");
    await page.keyboard.press("Enter");
    await waitForResult(page);
    expect(await paneCounts(page)).toEqual(expect.objectContaining({ Loyal: expect.any(Number) }));
    const counts = await paneCounts(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(995);
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});

describe("a 100,000-row sheet with the payload limit on", () => {
  it("segments every row, halving blocks when Excel refuses a payload", async () => {
    // 256 KB instead of Excel on the web's 5 MB: a 10,000-row block of this sheet is ~0.7 MB to
    // read and ~0.5 MB to write, so both the read and the write halving are exercised.
    const { page, log } = await session.open("preview.html?rows=100000&sheet=Generated&payloadLimit=0.25");
    await waitForPreview(page);
    await workbook(page).getByRole("grid", { name: "Sheet Generated" }).waitFor();
    await goTo(page, "A1");
    await workbook(page).getByRole("grid").press("Control+a");
    expect(await nameBox(page, "A1:I100001")).toBe("A1:I100001");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Generated!A1:I100001: 100,000 customer rows").waitFor();
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await waitForResult(page, 300000);
    const counts = await paneCounts(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(100000);
    await goTo(page, "Segments!A100001");
    expect(await cell(page, "A100001")).toBe("G0100000");
    expect(await cell(page, "A100002")).toBe("");
    const refusals = (await page.getByTestId("payload-refusals").textContent()) ?? "";
    const [, request, response] = /request (\d+), response (\d+)/.exec(refusals) ?? [];
    expect(Number(request)).toBeGreaterThan(0);
    expect(Number(response)).toBeGreaterThan(0);
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});

