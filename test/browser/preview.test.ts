/**
 * The local preview (dist/preview.html, as `npm run build` emits it) in Chromium: it loads
 * cleanly, holds the sample workbook, selects like Excel, and its formula box evaluates
 * LOYALTY functions through the CustomFunctions registry that the real dist/functions.js fills.
 */
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { buildSampleWorkbook } from "../../src/preview/sample/sampleWorkbook";
import { ROOT, Session, startSession } from "./support/browser";
import { cell, cellText, enter, goTo, nameBox, showSheet, waitForPreview, workbook } from "./support/preview";

let session: Session;
let page: Page;
let log: { errors: string[]; failedRequests: string[]; external: string[] };

// The same sample workbook, built in Node from the same asset, to know what the sheet holds.
const sample = buildSampleWorkbook(fs.readFileSync(path.join(ROOT, "assets/rfm_data_orders.csv"), "utf8"));
const customers = sample.sheet("Customers")!;

beforeAll(async () => {
  session = await startSession();
  ({ page, log } = await session.open("preview.html"));
  await waitForPreview(page);
});

afterAll(async () => {
  await session?.close();
});

describe("preview.html", () => {
  it("loads with no console errors, no failed requests and no request beyond localhost", async () => {
    expect(await workbook(page).getByRole("tab").allTextContents()).toEqual(["Customers", "Orders", "CDNOW customers", "CDNOW orders", "Formulas"]);
    // The pane's own bundle rendered beside the workbook.
    await page.locator("#root *").first().waitFor();
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });

  it("labels the generated columns of the customer sheet as synthetic", async () => {
    await goTo(page, "Customers!K1");
    expect(await cell(page, "K1")).toMatch(/SYNTHETIC/);
    expect([await cell(page, "G1"), await cell(page, "H1"), await cell(page, "I1")]).toEqual(["Likelihood to recommend", "Cost to serve", "Discount share"]);
  });

  it("holds the 995 customers and the 4906 orders of the rfm order log", async () => {
    // rfm_data_orders: 4906 orders of 995 customers (shared/data/README.md); header in row 1.
    await goTo(page, "Customers!A996");
    expect(typeof (await cell(page, "A996"))).toBe("string");
    expect(await cell(page, "A997")).toBe("");
    await goTo(page, "Orders!A4907");
    expect(typeof (await cell(page, "A4907"))).toBe("string");
    expect(await cell(page, "A4908")).toBe("");
    // First order row of the CSV: Brion Stark, 2004-12-20, 32.
    await goTo(page, "Orders!A2");
    expect([await cell(page, "A2"), await cellText(page, "B2"), await cell(page, "C2")]).toEqual(["Brion Stark", "2004-12-20", 32]);
  });

  it("selects with the mouse: click, Shift+click, drag and column headers", async () => {
    await showSheet(page, "Customers");
    await workbook(page).locator('[data-address="A1"]').click();
    await workbook(page).locator('[data-address="C3"]').click({ modifiers: ["Shift"] });
    expect(await nameBox(page, "A1:C3")).toBe("A1:C3");
    await workbook(page).locator('[data-address="B2"]').hover();
    await page.mouse.down();
    await workbook(page).locator('[data-address="D5"]').hover();
    await page.mouse.up();
    expect(await nameBox(page, "B2:D5")).toBe("B2:D5");
    await workbook(page).locator(".col-header", { hasText: /^E$/ }).click();
    expect(await nameBox(page, "E:E")).toBe("E:E");
  });

  it("selects with the keyboard: arrows, Shift+arrows, Ctrl+arrows, Ctrl+A", async () => {
    await goTo(page, "A1");
    const grid = workbook(page).getByRole("grid");
    await grid.press("ArrowDown");
    await grid.press("ArrowRight");
    expect(await nameBox(page, "B2")).toBe("B2");
    await grid.press("Shift+ArrowRight");
    await grid.press("Shift+ArrowDown");
    expect(await nameBox(page, "B2:C3")).toBe("B2:C3");
    await grid.press("Control+ArrowDown");
    expect(await nameBox(page, "B996")).toBe("B996");
    await grid.press("Control+Home");
    await grid.press("Control+a");
    // The current region of A1: the customer table, up to the empty column J.
    expect(await nameBox(page, "A1:I996")).toBe("A1:I996");
  });

  it("evaluates =LOYALTY.NPS over a range of the customer sheet", async () => {
    // NPS = % promoters (9–10) − % detractors (0–6) of the recommend scores in G2:G996.
    let promoters = 0;
    let detractors = 0;
    for (let r = 1; r <= 995; r++) {
      const score = customers.get(r, 6) as number;
      if (score >= 9) promoters++;
      else if (score <= 6) detractors++;
    }
    const expected = ((promoters - detractors) / 995) * 100;
    await goTo(page, "Formulas!A1");
    const status = await enter(page, "=LOYALTY.NPS(Customers!G2:G996)");
    expect(status).toMatch(/^A1: /);
    expect(await cell(page, "A1")).toBeCloseTo(expected, 10);
  });

  it("spills a per-customer result down from the formula's cell", async () => {
    await goTo(page, "Formulas!C1");
    const status = await enter(page, "=LOYALTY.SEGMENT(Customers!G2:G996, Customers!D2:D996, , Customers!I2:I996)");
    expect(status).toContain("spilled 995 × 1 from C1");
    for (const address of ["C1", "C2", "C3", "C20"]) {
      expect(["Loyal", "Reachable", "Locked-in", "High-risk"]).toContain(await cell(page, address));
    }
    await goTo(page, "Formulas!C995");
    expect(["Loyal", "Reachable", "Locked-in", "High-risk"]).toContain(await cell(page, "C995"));
    expect(await cell(page, "C996")).toBe("");
  });

  it("shows Excel errors with their messages", async () => {
    await goTo(page, "Formulas!E1");
    const status = await enter(page, "=LOYALTY.NPS(Customers!A2:A996)");
    const shown = await cell(page, "E1");
    expect(shown).toMatchObject({ code: "#VALUE!" });
    expect((shown as { message: string }).message).toMatch(/row 1/);
    expect(status).toContain("#VALUE!");
    expect(await workbook(page).locator('[data-address="E1"]').getAttribute("title")).toContain((shown as { message: string }).message);
    await goTo(page, "Formulas!E2");
    expect(await enter(page, "=LOYALTY.NOSUCHFUNCTION(1)")).toContain("#NAME?");
  });

  it("gives #SPILL! when the cells a result needs are not empty", async () => {
    await goTo(page, "Formulas!G2");
    await enter(page, "blocker");
    await goTo(page, "Formulas!G1");
    await enter(page, "=LOYALTY.SEGMENT(Customers!G2:G996, Customers!D2:D996)");
    expect(await cell(page, "G1")).toMatchObject({ code: "#SPILL!" });
  });

  it("refuses, with a message, formulas Excel would not accept", async () => {
    await goTo(page, "Formulas!H1");
    expect(await enter(page, "=LOYALTY.NPS(")).toMatch(/^Formula not entered/);
    expect(await enter(page, "=SUM(A1:A3)")).toMatch(/only LOYALTY functions/);
    expect(await enter(page, "=LOYALTY.NPS()")).toMatch(/too few arguments/);
    expect(await cell(page, "H1")).toBe("");
  });

  it("ends with no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
