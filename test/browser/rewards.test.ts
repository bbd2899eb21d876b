/**
 * The Rewards plan of the real task pane (dist/taskpane.js) in the preview, on the sample
 * workbook's customer table, with the pane 320 px wide (the narrowest Excel gives a task pane):
 * segment, check the Rewards table is shown and fits, type a cost that makes some segment's
 * rewards exceed its profit, and add the table and chart to the Segments sheet.
 */
import { Locator, Page } from "playwright-core";
import { Session, screenshotPath, startSession } from "./support/browser";
import { cell, goTo, letters, nameBox, waitForPreview, workbook } from "./support/preview";

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

const pane = (page: Page): Locator => page.locator("#pane");

describe("the Rewards plan in the preview at 320 px", () => {
  let page: Page;
  let log: { errors: string[]; failedRequests: string[]; external: string[] };

  beforeAll(async () => {
    ({ page, log } = await session.open("preview.html"));
    await waitForPreview(page);
    // Test-only: the preview's pane is 360 px; make it the 320 px of Excel's narrowest task pane.
    await page.addStyleTag({ content: "#pane { flex-basis: 320px !important; width: 320px; }" });
  });

  it("shows the plan per segment after Segment, within the pane's width", async () => {
    const grid = workbook(page).getByRole("grid");
    await grid.locator('[data-address="A1"]').click();
    await page.keyboard.press("Control+a");
    expect(await nameBox(page, "A1:I996")).toBe("A1:I996");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Customers!A1:I996: 995 customer rows").waitFor();
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    const heading = pane(page).getByRole("heading", { name: "Rewards plan" });
    await heading.waitFor({ timeout: 120000 });
    await heading.scrollIntoViewIfNeeded();
    expect(await pane(page).evaluate((el) => el.getBoundingClientRect().width)).toBe(320);

    const table = pane(page).getByRole("table", { name: "Rewards plan per segment" });
    const rows = await table.locator("tbody tr").all();
    const segments = await Promise.all(rows.map(async (r) => (await r.locator("td").first().textContent())?.trim()));
    expect(segments).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk"]);
    // Nothing in the section sticks out of the pane: only the table's own region scrolls sideways.
    const overflow = await pane(page).evaluate((el) => {
      const root = el.querySelector('section[aria-labelledby="rewards-heading"]') as HTMLElement;
      const right = el.getBoundingClientRect().right;
      return Array.from(root.children)
        .filter((c) => (c as HTMLElement).getBoundingClientRect().right > right + 0.5)
        .map((c) => c.tagName + (c.getAttribute("role") ? `[${c.getAttribute("role")}]` : ""));
    });
    expect(overflow).toEqual([]);
    await pane(page).screenshot({ path: screenshotPath("pane-rewards-320.png") });
  });

  it("warns when a point costs more than some segment's margin", async () => {
    const face = pane(page).getByLabel("Face value of a point (what the customer gets)");
    await face.fill("1000");
    // At 1,000 × 80% a point, every segment with revenue and a profit has rewards above its margin.
    await pane(page).getByText(/the rewards would cost more than the segment's profit/).first().waitFor();
    await face.fill("0.01");
  });

  it("adds the Rewards table and its chart to the Segments sheet", async () => {
    await pane(page).getByRole("button", { name: "Add to the Segments sheet" }).click();
    await pane(page).getByText(/The Rewards table and chart are on the sheet Segments/).waitFor();
    await workbook(page).getByRole("tab", { name: "Segments", exact: true }).click();
    expect(await workbook(page).locator(".chart-box").count()).toBe(2);
    // Find the title line in row 1 right of the summary: the first cell of row 1 starting "Rewards plan:".
    let found = "";
    for (let c = 0; c < 40 && !found; c++) {
      const address = `${letters(c)}1`;
      await goTo(page, `Segments!${address}`);
      const v = await cell(page, address);
      if (typeof v === "string" && v.startsWith("Rewards plan:")) found = address;
    }
    expect(found).not.toBe("");
    expect(String(await cell(page, found))).toContain("cost of a point = face value 0.01 × expected redemption 80% = 0.008");
  });

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
