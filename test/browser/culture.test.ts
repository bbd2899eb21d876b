/**
 * The Segment and Retention flows in German and Norwegian (issue 14): the preview opened with
 * ?lang=de-DE and ?lang=nb-NO sets Office's display language and Excel's culture (de-DE: decimal
 * ",", thousands "."; nb-NO: decimal ",", thousands no-break space), and the pane, the sheets it
 * writes and the formula box follow them. Labels come from the pane's own string files; the
 * figures are the sample's (rfm package order log: 4,906 orders of 995 customers, README) and
 * sums computed here from the sheets the pane read and wrote; their formatting is written out.
 */
import { Locator, Page } from "playwright-core";
import { stringsFor } from "../../src/taskpane/i18n";
import type { Strings } from "../../src/taskpane/strings/en";
import { Session, startSession } from "./support/browser";
import { cellText, enter, goTo, letters, waitForPreview, workbook } from "./support/preview";

type Cell = number | string | boolean | null | { error: string };
type PreviewWindow = { __loyaltyPreview: { model: { sheet(name: string): { get(r: number, c: number): Cell; numberFormat(r: number, c: number): string; extent(): { rows: number; cols: number } } | null } } };

const CASES = [
  // thousands: the grouping of 4,906 as the culture writes it (Excel's nb-NO groups with U+00A0).
  { tag: "de-DE", language: "de", culture: { name: "de-DE", decimalSeparator: ",", thousandsSeparator: "." }, orders: "4.906", group: "." },
  { tag: "nb-NO", language: "nb", culture: { name: "nb-NO", decimalSeparator: ",", thousandsSeparator: "\u00a0" }, orders: "4\u00a0906", group: "\u00a0" },
] as const;

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  await session?.close();
});

const pane = (page: Page): Locator => page.locator("#pane");

/** A sheet's cells as values (raw, as stored), read through the preview's model. */
function readSheet(page: Page, name: string): Promise<Cell[][] | null> {
  return page.evaluate((n) => {
    const s = (window as unknown as PreviewWindow).__loyaltyPreview.model.sheet(n);
    if (!s) return null;
    const { rows, cols } = s.extent();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => s.get(r, c)));
  }, name);
}

/** The pane's summary per segment label: customers, share of customers and revenue, as shown, in either layout. */
async function summaryTexts(page: Page, t: Strings): Promise<Record<string, { customers: string; share: string; revenue: string }>> {
  const out: Record<string, { customers: string; share: string; revenue: string }> = {};
  const c = t.summary.columns;
  const table = pane(page).getByRole("table", { name: t.summary.table });
  if ((await table.count()) > 0) {
    const heads = (await table.locator("thead th").allTextContents()).map((h) => h.trim());
    for (const row of await table.locator("tbody tr").all()) {
      const cells = (await row.locator("td").allTextContents()).map((v) => v.trim());
      out[cells[0]] = { customers: cells[heads.indexOf(c.customers)], share: cells[heads.indexOf(c.customerShare)], revenue: cells[heads.indexOf(c.revenue)] };
    }
    return out;
  }
  for (const item of await pane(page).getByRole("list", { name: t.summary.table }).getByRole("listitem").all()) {
    const segment = (await item.locator("> span").first().textContent())?.trim() ?? "";
    const terms = (await item.locator("dt").allTextContents()).map((v) => v.trim());
    const values = (await item.locator("dd").allTextContents()).map((v) => v.trim());
    out[segment] = { customers: values[terms.indexOf(c.customers)], share: values[terms.indexOf(c.customerShare)], revenue: values[terms.indexOf(c.revenue)] };
  }
  return out;
}

describe.each(CASES)("the pane in the preview with $tag", ({ tag, language, culture, orders, group }) => {
  const t = stringsFor(language, culture);
  let page: Page;
  let log: { errors: string[]; failedRequests: string[]; external: string[] };
  /** "1.234" (de) / "1 234" (nb) → 1234; "12,3 %" → 12.3. */
  const parse = (text: string) => Number(text.split(group).join("").replace(/[\s\u00a0\u202f%]/g, "").replace(",", "."));

  beforeAll(async () => {
    ({ page, log } = await session.open(`preview.html?lang=${tag}`));
    await waitForPreview(page);
  });

  it("shows the language in the toolbar and reads ; and decimal commas in the formula box", async () => {
    expect(await workbook(page).getByRole("combobox", { name: "Language and regional settings" }).inputValue()).toBe(tag);
    await goTo(page, "Formulas!A1");
    // README, LOYALTY.CLV: 100 × 0.8 / (1 + 0.1 − 0.8) = 266.666…; General shows 11 characters.
    expect(await enter(page, "=LOYALTY.CLV(100; 0,8; 0,1)")).toBe("A1: 266,6666667");
    expect((await readSheet(page, "Formulas"))![0][0]).toBeCloseTo(80 / 0.3, 10);
    expect(await cellText(page, "A1")).toBe("266,6666667");
  });

  it("segments the customers: labels in the language, counts and revenue grouped in the culture, raw numbers on the sheet", async () => {
    await goTo(page, "Customers!A1:I996");
    await pane(page).getByRole("button", { name: t.pick.useSelection }).click();
    await pane(page).getByText(t.pick.picked("Customers!A1:I996", 995)).waitFor();
    await pane(page).getByRole("button", { name: t.run.segment, exact: true }).click();
    await pane(page).getByText(t.run.wroteSheet(t.sheet.name)).waitFor({ timeout: 60000 });

    const written = (await readSheet(page, t.sheet.name))!;
    const segmentCol = written[0].indexOf(t.sheet.headers.segment);
    expect(segmentCol).toBeGreaterThanOrEqual(0);
    const labels = Object.values(t.segmentLabel);
    const segments = written.slice(1, 996).map((row) => row[segmentCol] as string);
    expect(segments.every((s) => labels.includes(s))).toBe(true);
    // Revenue per segment from the Customers sheet (column E), rows in the same order as the Segments sheet.
    const customers = (await readSheet(page, "Customers"))!;
    expect(customers[0][4]).toBe("Revenue");
    const expected: Record<string, { customers: number; revenue: number }> = {};
    segments.forEach((s, i) => {
      expected[s] ??= { customers: 0, revenue: 0 };
      expected[s].customers += 1;
      expected[s].revenue += customers[i + 1][4] as number;
    });
    // Every number the pane wrote beside the names is a raw number, not text in the culture.
    // (The results block ends at the first blank header; the summary table to its right is shorter.)
    const width = written[0].findIndex((h) => h === null || h === "");
    const numericCols = written[0].slice(0, width < 0 ? undefined : width).map((_, c) => c).filter((c) => typeof written[1][c] === "number");
    expect(numericCols.length).toBeGreaterThan(0);
    for (const c of numericCols) expect(written.slice(1, 996).every((row) => typeof row[c] === "number")).toBe(true);

    const shown = await summaryTexts(page, t);
    for (const [segment, want] of Object.entries(expected)) {
      const got = shown[segment];
      expect([segment, parse(got.customers)]).toEqual([segment, want.customers]);
      expect([segment, parse(got.revenue)]).toEqual([segment, Math.round(want.revenue)]);
      if (want.revenue >= 1000) expect(got.revenue).toMatch(new RegExp(`^\\d{1,3}(${group === "." ? "\\." : group}\\d{3})+$`));
      // Share of customers with at most one decimal, a decimal comma and a spaced % sign: "12,3 %".
      expect(got.share).toMatch(/^\d{1,3}(,\d)?[\u00a0\u202f ]%$/);
      expect(parse(got.share)).toBeCloseTo((100 * want.customers) / 995, 1);
    }
    expect(Object.values(shown).some((s) => s.share.includes(","))).toBe(true);
  });

  it("builds the cohorts: 4,906 order rows grouped in the culture, the sheet in the language with raw shares, shown with decimal commas", async () => {
    await pane(page).getByRole("tab", { name: t.retention.tabs.retention }).click();
    await goTo(page, "Orders!A2");
    await pane(page).getByRole("button", { name: t.pick.useSelection }).click();
    const picked = t.retention.pick.picked("Orders!A1:F4907", 4906);
    expect(picked).toContain(`: ${orders} `);
    await pane(page).getByText(picked).waitFor();
    await pane(page).getByRole("button", { name: t.retention.run.build }).click();
    await pane(page).getByText(t.retention.run.wroteSheet(t.retention.sheet.name)).waitFor({ timeout: 60000 });
    // The pane's totals: 4,906 orders from 995 customers, grouped as the culture groups.
    expect(await pane(page).getByText(new RegExp(`${orders.replace(".", "\\.")}.*995`)).count()).toBeGreaterThan(0);
    const shares = (await pane(page).getByRole("table", { name: t.retention.curve.tableLabel }).locator("tbody td").allTextContents()).filter((v) => /%/.test(v));
    expect(shares.length).toBeGreaterThan(0);
    expect(shares.every((v) => /^\d{1,3}(,\d+)?[\u00a0\u202f ]%$/.test(v.trim()))).toBe(true);

    // The Cohorts sheet holds the same numbers as =LOYALTY.COHORTS typed with ";" (rows 2… against 1…).
    await goTo(page, "Formulas!C1");
    expect(await enter(page, "=LOYALTY.COHORTS(Orders!A2:A4907; Orders!B2:B4907)")).toMatch(/^C1: .*\(spilled \d+ × \d+ from C1\)$/);
    const formulas = (await readSheet(page, "Formulas"))!;
    const cohorts = (await readSheet(page, t.retention.sheet.name))!;
    let compared = 0;
    for (let r = 1; r < 20; r++) {
      for (let c = 1; c < 6; c++) {
        const fromFormula = formulas[r]?.[c + 2];
        if (typeof fromFormula !== "number") continue;
        expect([r, c, cohorts[r + 1][c]]).toEqual([r, c, fromFormula]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    // A period-table share with a fraction ("0.0%" format) shows with a decimal comma in the grid; the cell keeps the fraction.
    const found = await page.evaluate((n) => {
      const s = (window as unknown as PreviewWindow).__loyaltyPreview.model.sheet(n)!;
      const { rows, cols } = s.extent();
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
        const v = s.get(r, c);
        if (s.numberFormat(r, c) === "0.0%" && typeof v === "number" && Math.round(v * 1000) % 10 !== 0) return { r, c, v };
      }
      return null;
    }, t.retention.sheet.name);
    expect(found).not.toBeNull();
    const address = `${letters(found!.c)}${found!.r + 1}`;
    await goTo(page, `${t.retention.sheet.name}!${address}`);
    expect(await cellText(page, address)).toBe(`${(found!.v * 100).toFixed(1).replace(".", ",")}%`);
  });

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
