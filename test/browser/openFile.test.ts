/**
 * Issue 12, "Open a file…" in Chromium with the real pane (dist/taskpane.js) and the real engine
 * (the lazy dist/duckdb.js chunk, dist/duckdb/ worker and wasm): a German order export (";" between
 * fields, decimal commas, dates as 31.12.2023, as test/taskpane/duckdb/germanOrders.ts writes them),
 * generated here from a seeded mulberry32, is picked through the pane's file input, its columns are
 * guessed, and the per-customer RFM table is run to a new sheet of the preview workbook. The sheet
 * must equal what the TypeScript core (src/analytics/rfm/rfmTable) gives on the same orders: a sample
 * of customers compared cell by cell, every customer by the totals (customers, orders, revenue).
 *
 * Size: 2,000,000 orders of 200,000 customers, as the issue asks (LOYALTY_OPENFILE_ORDERS overrides
 * it). Every 20th customer in sheet order (10,000 customers, about 100,000 orders) is compared cell
 * by cell. Measured on this 2-core machine (2026-12-02): "Run" to the written sheet in 9.7 s, the
 * file in 39 s with the CSV's generation. Until then the pane stopped at 200,000 result lines with
 * "Maximum call stack size exceeded" (a spread in the sheet writer), so this size is the test of it.
 *
 * Also: no request leaves localhost, no console error or CSP violation (support/browser.ts), the
 * DuckDB worker is gone after the job, and Cancel while DuckDB reads leaves no sheet and no worker.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Locator, Page, Worker } from "playwright-core";
import { rfmTable } from "../../src/analytics/rfm/rfmTable";
import { mulberry32 } from "../support/simulateBgnbd";
import { GERMAN_CSV_HEADER, Orders, germanCsvLine, makeOrders } from "../taskpane/duckdb/germanOrders";
import { DIST, PageLog, Session, startSession } from "./support/browser";
import { waitForPreview } from "./support/preview";

const ORDERS = Number(process.env.LOYALTY_OPENFILE_ORDERS ?? 2_000_000);
const CUSTOMERS = Math.round(ORDERS / 10);
const SAMPLE_EVERY = 20; // every 20th customer (in sheet order) is compared cell by cell: about 100,000 orders

/** Writes the orders as a German export, in chunks (a 2M-line string would be ~50 MB at once). */
function writeGermanCsv(file: string, o: Orders): void {
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, `${GERMAN_CSV_HEADER}\n`);
    for (let start = 0; start < o.ids.length; start += 100_000) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(o.ids.length, start + 100_000); i++) lines.push(`${germanCsvLine(o, i)}\n`);
      fs.writeSync(fd, lines.join(""));
    }
  } finally {
    fs.closeSync(fd);
  }
}

let session: Session;
let dir: string;
let csvFile: string;
let orders: Orders;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-openfile-"));
  csvFile = path.join(dir, "bestellungen.csv");
  orders = makeOrders(ORDERS, CUSTOMERS, 20261202, mulberry32(20261202));
  writeGermanCsv(csvFile, orders);
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const pane = (page: Page): Locator => page.locator("#pane");

type PreviewWindow = {
  __loyaltyPreview: { model: { sheets: { name: string }[]; sheet(name: string): { get(row: number, col: number): unknown; extent(): { rows: number; cols: number } } | null } };
};

/**
 * Chromium reports the wasm fetch as net::ERR_ABORTED once the streaming compile is done with it,
 * although the module arrived whole (HTTP 200, and the job runs on it). Only that entry is left out.
 */
function withoutWasmStreamEnd(log: PageLog): PageLog {
  return { ...log, failedRequests: log.failedRequests.filter((r) => !/\/duckdb\/duckdb-(eh|mvp)\.wasm \(net::ERR_ABORTED\)$/.test(r)) };
}

async function openPane(): Promise<{ page: Page; log: PageLog; workers: { worker: Worker; closed: boolean }[] }> {
  const { page, log } = await session.open("preview.html");
  const workers: { worker: Worker; closed: boolean }[] = [];
  page.on("worker", (worker) => {
    const entry = { worker, closed: false };
    workers.push(entry);
    worker.on("close", () => (entry.closed = true));
  });
  await waitForPreview(page);
  await pane(page).getByRole("tab", { name: "Warehouse" }).click();
  return { page, log, workers };
}

async function pickFile(page: Page, file: string): Promise<void> {
  await pane(page).getByLabel("Order file (CSV or Parquet)").setInputFiles(file);
  await pane(page).getByText("Fields separated by semicolons, decimal comma, dates as 31.12.2024.").waitFor();
  // The guesses, as the pane makes them for sheets: id, date and amount from the header and sample.
  await expect(pane(page).getByRole("combobox", { name: "Customer id column" }).inputValue()).resolves.toBe("0");
  await expect(pane(page).getByRole("combobox", { name: "Order date column" }).inputValue()).resolves.toBe("1");
  await expect(pane(page).getByRole("combobox", { name: "Amount column" }).inputValue()).resolves.toBe("2");
}

const sheetNames = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as PreviewWindow).__loyaltyPreview.model.sheets.map((s) => s.name));

describe("Open a file… in Chromium", () => {
  it(`writes the core's RFM table for a German CSV of ${ORDERS.toLocaleString("en-US")} orders`, async () => {
    const { page, log, workers } = await openPane();
    await pickFile(page, csvFile);
    await pane(page).getByRole("radio", { name: "RFM table (one row per customer)" }).check();
    const started = Date.now();
    await pane(page).getByRole("button", { name: "Run on this file" }).click();
    const done = pane(page).getByText(/^Wrote [\d,]+ rows from [\d,]+ orders to the new sheet /);
    await done.waitFor({ timeout: 150_000 });
    console.log(`openFile: ${ORDERS} orders → RFM sheet in ${Date.now() - started} ms`);

    const core = rfmTable(orders.ids, orders.serials, orders.amounts);
    const counted = core.ids.map((_, c) => c).filter((c) => core.orders[c] > 0);
    const coreOrders = counted.reduce((s, c) => s + core.orders[c], 0);
    const coreRevenue = counted.reduce((s, c) => s + core.revenue[c], 0);
    expect(await done.textContent()).toBe(`Wrote ${counted.length.toLocaleString("en-US")} rows from ${ORDERS.toLocaleString("en-US")} orders to the new sheet RFM from file.`);
    expect(coreOrders).toBe(ORDERS);

    // Read in the page: the totals over every row, and every SAMPLE_EVERY-th row in full.
    const sheet = await page.evaluate((every) => {
      const s = (window as unknown as PreviewWindow).__loyaltyPreview.model.sheet("RFM from file");
      if (!s) return null;
      const { rows } = s.extent();
      const header = [0, 1, 2, 3, 4, 5, 6].map((c) => s.get(2, c));
      const sample: unknown[][] = [];
      let customers = 0;
      let orderCount = 0;
      let revenue = 0;
      for (let r = 3; r < rows; r++) {
        if (s.get(r, 0) === null) continue;
        customers++;
        orderCount += s.get(r, 3) as number;
        revenue += s.get(r, 4) as number;
        if ((r - 3) % every === 0) sample.push([0, 1, 2, 3, 4, 5, 6].map((c) => s.get(r, c)));
      }
      return { title: s.get(0, 0), header, customers, orderCount, revenue, sample };
    }, SAMPLE_EVERY);
    expect(sheet).not.toBeNull();
    const got = sheet!;
    expect(got.title).toBe("RFM table (one row per customer): bestellungen.csv");
    expect(got.header).toEqual(["customer", "first_order", "last_order", "orders", "revenue", "recency_days", "orders_without_amount"]);
    expect(got.customers).toBe(counted.length);
    expect(got.orderCount).toBe(ORDERS);
    expect(Math.abs(got.revenue - coreRevenue) / coreRevenue).toBeLessThan(1e-12);

    const at = new Map(core.ids.map((id, c) => [id, c]));
    expect(got.sample.length).toBeGreaterThanOrEqual(Math.floor(counted.length / SAMPLE_EVERY));
    for (const row of got.sample) {
      const c = at.get(row[0] as string);
      expect(c).toBeDefined();
      expect(row.slice(1, 4)).toEqual([core.firstOrder[c!], core.lastOrder[c!], core.orders[c!]]);
      expect(row[4] as number).toBeCloseTo(core.revenue[c!], 6);
      expect(row.slice(5)).toEqual([core.recencyDays[c!], 0]);
    }

    // One same-origin worker, and it was terminated after the job.
    expect(workers.map((w) => new URL(w.worker.url()).pathname)).toEqual(["/duckdb/duckdb-browser-eh.worker.js"]);
    for (let i = 0; i < 50 && !workers[0].closed; i++) await page.waitForTimeout(100);
    expect(workers[0].closed).toBe(true);
    expect(withoutWasmStreamEnd(log)).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("says how to fix a server that sends the wasm with the wrong type, instead of waiting for ever", async () => {
    // Before the check, the worker's instantiateStreaming rejected inside the worker and the pane sat
    // at "Reading the file with DuckDB" for good (seen with serve-dist's old octet-stream type).
    const { page, log, workers } = await openPane();
    await page.route("**/duckdb/*.wasm", async (route) => {
      const body = fs.readFileSync(path.join(DIST, new URL(route.request().url()).pathname));
      await route.fulfill({ status: 200, body, headers: { "content-type": "application/octet-stream" } });
    });
    const before = await sheetNames(page);
    await pickFile(page, csvFile);
    await pane(page).getByRole("button", { name: "Run on this file" }).click();
    await pane(page)
      .getByText(/the add-in's web server sends its WebAssembly file as "application\/octet-stream", and browsers run it only when it is sent as application\/wasm/)
      .waitFor({ timeout: 30_000 });
    expect(await sheetNames(page)).toEqual(before);
    expect(workers).toHaveLength(0); // no worker was started on a wasm it could not run
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("leaves no sheet behind and no worker when Cancel is pressed while DuckDB reads the file", async () => {
    const { page, log, workers } = await openPane();
    const before = await sheetNames(page);
    await pickFile(page, csvFile);
    await pane(page).getByRole("radio", { name: "RFM table (one row per customer)" }).check();
    await pane(page).getByRole("button", { name: "Run on this file" }).click();
    await pane(page).getByText("Reading the file with DuckDB").first().waitFor();
    // Cancel once the worker exists, i.e. while the engine is loading or reading.
    for (let i = 0; i < 100 && workers.length === 0; i++) await page.waitForTimeout(50);
    await pane(page).getByRole("button", { name: "Cancel" }).click();
    await pane(page).getByText("Cancelled. No sheet was left behind.").waitFor({ timeout: 30_000 });
    expect(await sheetNames(page)).toEqual(before);
    expect(workers).toHaveLength(1);
    for (let i = 0; i < 50 && !workers[0].closed; i++) await page.waitForTimeout(100);
    expect(workers[0].closed).toBe(true);
    expect(withoutWasmStreamEnd(log)).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});
