/**
 * Predicted value in the real task pane (dist/taskpane.js) in the preview: Check the model on the
 * CDNOW order log pasted into a sheet (table and chart drawn, uncovered, no NaN in the SVG), its
 * Model report (the new sheet's tables against the core run here in Node on the same log, four
 * native charts, the pane's charts drawn within 320 px), and
 * the Segment flow on the sample Customers sheet, whose derived histories the BG/NBD core refuses
 * (no sign of dropout in rfm_data_orders): the pane gives the model's reason, the sheet is as before.
 */
import * as fs from "fs";
import * as path from "path";
import { Locator, Page } from "playwright-core";
import { ROOT, Session, screenshotPath, startSession } from "./support/browser";
import { goTo, paste, waitForPreview, workbook, cell, letters, readColumn } from "./support/preview";
import { serialFromIsoText } from "../../src/analytics/orders/dates";
import { checkModel, readOrderLog } from "../../src/taskpane/model/modelCheck";
import { buildModelReport } from "../../src/taskpane/model/modelReport";

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const pane = (page: Page): Locator => page.locator("#pane");

/** CDNOW_sample.txt as "Customer<TAB>Order date" lines with ISO dates, header first. */
function cdnowLog(): string {
  const lines = ["Customer\tOrder date"];
  for (const line of fs.readFileSync(path.join(ROOT, "test", "fixtures", "CDNOW_sample.txt"), "utf8").split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    lines.push(`${Number(f[1])}\t${f[2].slice(0, 4)}-${f[2].slice(4, 6)}-${f[2].slice(6, 8)}`);
  }
  return lines.join("\n");
}

describe("predicted value in the preview", () => {
  let page: Page;
  let log: { errors: string[]; failedRequests: string[]; external: string[] };

  beforeAll(async () => {
    ({ page, log } = await session.open("preview.html"));
    await waitForPreview(page);
  });

  it("checks the model on a pasted order log: 1997-09-30 split, eight frequency groups, a drawn chart", async () => {
    await goTo(page, "Formulas!A1");
    await paste(page, cdnowLog());
    await goTo(page, "Formulas!A1");
    // Check the model is folded by default (an advanced option).
    await pane(page).getByText("Check the model on an order log").click();
    await pane(page).getByRole("button", { name: "Use order log" }).click();
    const end = pane(page).getByLabel("Calibration ends on");
    await end.waitFor({ timeout: 60000 });
    // The default: midpoint of the 1st and 99th percentile order dates (modelCheck.test.ts); FHL's split is typed in.
    // Shown as a short date in the preview's culture (en-US, M/d/yyyy), as the pane shows dates since the i18n work.
    expect(await end.inputValue()).toBe("9/24/1997");
    await end.fill("1997-09-30");
    await pane(page).getByRole("button", { name: "Check the model" }).click();
    const table = pane(page).getByRole("table", { name: /per frequency group/ });
    await table.waitFor({ timeout: 60000 });
    const groups = await table.locator("tbody tr td:first-child").allTextContents();
    expect(groups).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    // CDNOW's calibration x distribution (cdnow_customers_summary.csv): 1,411 with x = 0
    expect((await table.locator("tbody tr").first().locator("td").nth(1).textContent())?.trim()).toBe("1,411");
    const chart = pane(page).getByRole("figure", { name: /Actual and predicted repeat purchases/ });
    await chart.scrollIntoViewIfNeeded();
    const bars = chart.locator("svg rect");
    expect(await bars.count()).toBeGreaterThanOrEqual(16);
    // Every bar has a real height (a background rect may say "100%"), and the figure is not drawn over.
    const heights = await bars.evaluateAll((els) => els.map((e) => e.getAttribute("height") ?? ""));
    expect(heights.filter((h) => !h.endsWith("%")).every((h) => Number.isFinite(Number(h)) && Number(h) >= 0)).toBe(true);
    expect(heights.filter((h) => !h.endsWith("%")).length).toBe(16);
    await pane(page).screenshot({ path: screenshotPath("pane-model-check.png") });
  });

  it("builds the model report: the new sheet's tables are the core's, four native charts, the pane's charts within 320 px", async () => {
    // The report is built in a 320 px window, the narrowest task pane, so the pane's charts are drawn at that width.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 320, height: size.height });
    await pane(page).getByRole("button", { name: "Build the model report" }).click();
    await pane(page).getByText("The model report is on the new sheet Model report.").waitFor({ timeout: 120000 });
    // The core on the same log in Node: the pane's numbers must be these.
    const rows = cdnowLog().split("\n").slice(1).map((line) => line.split("\t"));
    const log = readOrderLog(rows, 0, 1, 2);
    const core = await buildModelReport(log, await checkModel(log, serialFromIsoText("1997-09-30")!));
    // Layout of model/modelReportPlan.ts: head rows 1–8, histogram title on row 10, its table rows 11–19.
    await goTo(page, "'Model report'!A1");
    expect(await cell(page, "B4")).toBe(2357);
    expect(await readColumn(page, "Model report", "B", 12, 19)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const expected = (await readColumn(page, "Model report", "C", 12, 19)) as number[];
    expected.forEach((v, k) => expect(v).toBeCloseTo(core.histogram.expected[k], 9));
    // Weekly tracking: title row 10 + 18 (histogram) + 18 (holdout) = row 46, weeks on rows 48–125.
    expect(await readColumn(page, "Model report", "A", 48, 48)).toEqual(["1"]);
    expect(await readColumn(page, "Model report", "B", 48, 125)).toEqual(Array.from(core.tracking.actual));
    const weekly = (await readColumn(page, "Model report", "C", 48, 125)) as number[];
    weekly.forEach((v, k) => expect(v).toBeCloseTo(core.tracking.expected[k], 9));
    expect(await workbook(page).locator(".chart-box").count()).toBe(4);
    expect(await workbook(page).getByRole("img", { name: "Chart: Cumulative repeat purchases" }).count()).toBe(1);

    // In the 320 px pane every report chart is drawn, finite, and nothing needs sideways scrolling.
    for (const name of [/Customers by repeat purchases/, /Repeat purchases per week/, /Cumulative repeat purchases/, /P\(alive\) by repeat purchases/, /Expected purchases next week/]) {
      const figure = pane(page).getByRole("figure", { name });
      await figure.scrollIntoViewIfNeeded();
      const svg = figure.locator("svg").first();
      expect(await svg.isVisible()).toBe(true);
      const box = (await svg.boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.width).toBeLessThanOrEqual(320);
      expect(await figure.evaluate((el) => el.innerHTML.includes("NaN"))).toBe(false);
    }
    expect(await pane(page).getByRole("table", { name: "Models fitted on the same calibration histories" }).locator("tbody tr td:first-child").allTextContents()).toEqual(["BG/NBD", "Pareto/NBD", "MBG/NBD"]);
    expect(await page.evaluate(() => (document.querySelector("#pane") as HTMLElement).scrollWidth)).toBeLessThanOrEqual(320);
    await pane(page).screenshot({ path: screenshotPath("pane-model-report-320.png") });
    await page.setViewportSize(size);
  });

  it("segments the Customers sheet with derived histories the model cannot fit: the model's reason, the sheet as before", async () => {
    await goTo(page, "Customers!A1");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    // The mapping summary's short line; the full sentence ("x, t_x and T will be derived in weeks …") is under Change.
    await pane(page).getByText("Predicted value: from order dates and count").waitFor({ timeout: 30000 });
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await pane(page).getByText(/Results are on the sheet/).waitFor({ timeout: 120000 });
    const header: string[] = [];
    await workbook(page).getByRole("tab", { name: "Segments", exact: true }).waitFor();
    await goTo(page, "Segments!A1");
    for (let c = 0; c < 12; c++) header.push(String(await cell(page, `${letters(c)}1`)));
    // The sample's rfm_data_orders histories show no sign of dropout, so the BG/NBD core refuses them
    // (as LOYALTY.BGNBDFIT does on that data set); the pane says why and writes the sheet as before.
    await pane(page).getByText("Customer value could not be predicted, so those columns are left out; the segments are complete.").waitFor();
    await pane(page).getByText(/The customers all buy at much the same rate/).waitFor();
    await pane(page).getByText("Technical reason").click();
    await pane(page).getByText(/the data cannot identify the BG\/NBD model/).waitFor();
    expect(header).not.toContain("P(alive)");
    expect(header.slice(0, 6)).toEqual(["Customer", "Segment", "Recommend score", "R+F+M", "RFM score", "Issue"]);
    expect(header.indexOf("Issue")).toBeGreaterThan(header.indexOf("Segment"));
    await pane(page).screenshot({ path: screenshotPath("pane-predicted-value.png") });
  });

  it("caused no console errors or failed requests", () => {
    expect(log.errors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
  });
});
