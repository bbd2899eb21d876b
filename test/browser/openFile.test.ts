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
 * The grouped BTYD summary runs on a smaller export of 200,000 orders of 20,000 customers from the
 * same generator: every row of its sheet, keyed by (x, t_x, T), must be a group of the TypeScript
 * core's per-customer summary (src/analytics/btyd/btydSummary, weeks, as of the latest order)
 * grouped as BGNBDFIT groups its input (bgnbdGroups.ts), with that group's number of customers,
 * and every group must be on the sheet.
 *
 * The same 2,000,000 orders as a Parquet file (written here by DuckDB in Node, Snappy) go the
 * pane's Parquet path (hyparquet's row groups into DuckDB-Wasm) to the RFM table, compared the same way.
 *
 * Also: no request leaves localhost, no console error or CSP violation (support/browser.ts), the
 * DuckDB worker is gone after the job, and Cancel while DuckDB reads leaves no sheet and no worker.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { groupBgnbdCustomers } from "../../src/analytics/btyd/bgnbdGroups";
import { btydSummary } from "../../src/analytics/btyd/btydSummary";
import { rfmTable } from "../../src/analytics/rfm/rfmTable";
import { mulberry32 } from "../support/simulateBgnbd";
import { Orders, makeOrders, writeGermanCsv } from "../taskpane/duckdb/germanOrders";
import { germanCsvToParquet } from "../taskpane/duckdb/ordersParquet";
import type { Page } from "playwright-core";
import { DIST, Session, startSession } from "./support/browser";
import { PreviewWindow, type TrackedWorker, WROTE, openFilePane, pane, pickGermanFile, pickParquetFile, runOnFile, sheetNames, sheetRows, watchLongTasks, withoutWasmStreamEnd } from "./support/openFile";

const ORDERS = Number(process.env.LOYALTY_OPENFILE_ORDERS ?? 2_000_000);
const CUSTOMERS = Math.round(ORDERS / 10);
const SAMPLE_EVERY = 20; // every 20th customer (in sheet order) is compared cell by cell: about 100,000 orders
const SMALL_ORDERS = 200_000; // the grouped BTYD summary's export, compared in full

let session: Session;
let dir: string;
let csvFile: string;
let parquetFile: string;
let orders: Orders;
let smallFile: string;
let smallOrders: Orders;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-openfile-"));
  csvFile = path.join(dir, "bestellungen.csv");
  const started = Date.now();
  orders = makeOrders(ORDERS, CUSTOMERS, 20261202, mulberry32(20261202));
  writeGermanCsv(csvFile, orders);
  // The same orders as Parquet, by DuckDB's own writer (node-api): Kundennummer VARCHAR, Bestelldatum DATE, Betrag DECIMAL(10, 2), Snappy.
  parquetFile = path.join(dir, "bestellungen.parquet");
  await germanCsvToParquet(csvFile, parquetFile);
  smallFile = path.join(dir, "bestellungen-klein.csv");
  smallOrders = makeOrders(SMALL_ORDERS, SMALL_ORDERS / 10, 20261203, mulberry32(20261203));
  writeGermanCsv(smallFile, smallOrders);
  console.log(`openFile: ${ORDERS} + ${SMALL_ORDERS} orders generated and written in ${Date.now() - started} ms`);
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The guesses, as the pane makes them for sheets: id, date and amount from the header and sample. */
const GUESSED = { id: "0", date: "1", amount: "2" };

const DUCKDB_WORKER = "/duckdb/duckdb-browser-eh.worker.js";
const PARQUET_WORKER = "/parquet-worker.js";
const workerPath = (w: TrackedWorker): string => new URL(w.worker.url()).pathname;

/** The page started exactly the workers at `paths` (sorted), and each has closed (within 5 s). */
async function expectWorkersClosed(page: Page, workers: TrackedWorker[], paths: string[]): Promise<void> {
  expect(workers.map(workerPath).sort()).toEqual(paths);
  for (let i = 0; i < 50 && workers.some((w) => !w.closed); i++) await page.waitForTimeout(100);
  expect(workers.map((w) => w.closed)).toEqual(paths.map(() => true));
}

/**
 * Picks the export (CSV or the Parquet file of the same orders), runs the RFM table and compares
 * the sheet with the core: every customer by the totals, every SAMPLE_EVERY-th in full.
 */
async function expectCoreRfmSheet(kind: "csv" | "parquet"): Promise<void> {
  const { page, log, workers } = await openFilePane(session);
  await expect(kind === "csv" ? pickGermanFile(page, csvFile) : pickParquetFile(page, parquetFile)).resolves.toEqual(GUESSED);
  const longTasks = await watchLongTasks(page);
  const run = await runOnFile(page, "rfmTable", 150_000);
  const durations = (await longTasks.seen()).map((t) => t.duration);
  const longest = Math.max(0, ...durations);
  console.log(`openFile: ${ORDERS} orders (${kind}) → RFM sheet in ${run.ms} ms, longest task on the pane's thread ${Math.round(longest)} ms`);
  // The pane's own thread does not run 200 ms without yielding: hyparquet decodes in its worker, and
  // the result rows are converted and written in slices. Before, this run showed 17 tasks of
  // 200–960 ms (Parquet) and one of 712 ms (CSV); now 60–122 ms on a quiet machine. The tasks are
  // wall time, and the other browser tests run beside this one: one task may stretch past 200 ms
  // (256 ms was seen), none past 400 ms.
  expect(durations.filter((d) => d > 200).length).toBeLessThanOrEqual(1);
  expect(longest).toBeLessThan(400);

  const core = rfmTable(orders.ids, orders.serials, orders.amounts);
  const counted = core.ids.map((_, c) => c).filter((c) => core.orders[c] > 0);
  const coreOrders = counted.reduce((s, c) => s + core.orders[c], 0);
  const coreRevenue = counted.reduce((s, c) => s + core.revenue[c], 0);
  expect(run.message).toMatch(WROTE);
  expect(run.message).toBe(`Wrote ${counted.length.toLocaleString("en-US")} rows from ${ORDERS.toLocaleString("en-US")} orders to the new sheet RFM from file.`);
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
  expect(got.title).toBe(`RFM table (one row per customer): bestellungen.${kind}`);
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

  // Same-origin workers only (DuckDB's, and for Parquet the reader's), each terminated after the job.
  await expectWorkersClosed(page, workers, kind === "csv" ? [DUCKDB_WORKER] : [DUCKDB_WORKER, PARQUET_WORKER]);
  expect(withoutWasmStreamEnd(log)).toEqual({ errors: [], failedRequests: [], external: [] });
  await page.close();
}

describe("Open a file… in Chromium", () => {
  it(`writes the core's RFM table for a German CSV of ${ORDERS.toLocaleString("en-US")} orders`, async () => {
    await expectCoreRfmSheet("csv");
  });

  it(`writes the core's RFM table for a Parquet file of the same ${ORDERS.toLocaleString("en-US")} orders (read by hyparquet, Snappy)`, async () => {
    await expectCoreRfmSheet("parquet");
  });

  it(`writes the core's grouped BTYD summary for a German CSV of ${SMALL_ORDERS.toLocaleString("en-US")} orders`, async () => {
    const { page, log, workers } = await openFilePane(session);
    await expect(pickGermanFile(page, smallFile)).resolves.toEqual(GUESSED);
    const run = await runOnFile(page, "btydGrouped", 60_000); // the pane's defaults: weeks, as of the latest order
    console.log(`openFile: ${SMALL_ORDERS} orders → grouped BTYD sheet in ${run.ms} ms`);

    // The core: one (x, t_x, T) per customer in weeks, grouped as BGNBDFIT groups its rows.
    const core = btydSummary(smallOrders.ids, smallOrders.serials, null, null, "week");
    const g = groupBgnbdCustomers(core.x, core.tx, core.T);
    const groups = new Map<string, number>();
    for (let i = 0; i < g.count; i++) groups.set(`${g.xValues[g.xIndex[i]]}|${g.txValues[g.txIndex[i]]}|${g.tValues[g.tIndex[i]]}`, g.weight[i]);
    expect(g.rows).toBe(core.ids.length);
    expect(run.message).toBe(`Wrote ${g.count.toLocaleString("en-US")} rows from ${SMALL_ORDERS.toLocaleString("en-US")} orders to the new sheet BTYD groups from file.`);

    const sheet = await sheetRows(page, "BTYD groups from file", 4);
    expect(sheet).not.toBeNull();
    expect(sheet!.title).toBe("BTYD summary, grouped (for BGNBDFIT with weights): bestellungen-klein.csv");
    expect(sheet!.header).toEqual(["x", "t_x", "T", "customers"]);
    expect(sheet!.rows).toHaveLength(g.count);
    // Keyed, never by row order: each sheet row is one of the core's groups, with its customers; no
    // key twice, so with as many rows as groups every group is on the sheet.
    const seen = new Set<string>();
    for (const [x, tx, T, customers] of sheet!.rows) {
      const key = `${x}|${tx}|${T}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect([key, customers]).toEqual([key, groups.get(key)]);
    }
    expect(sheet!.rows.reduce((n, r) => n + (r[3] as number), 0)).toBe(core.ids.length);

    await expectWorkersClosed(page, workers, [DUCKDB_WORKER]);
    expect(withoutWasmStreamEnd(log)).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("says how to fix a server that sends the wasm with the wrong type, instead of waiting for ever", async () => {
    // Before the check, the worker's instantiateStreaming rejected inside the worker and the pane sat
    // at "Reading the file with DuckDB" for good (seen with serve-dist's old octet-stream type).
    const { page, log, workers } = await openFilePane(session);
    await page.route("**/duckdb/*.wasm", async (route) => {
      const body = fs.readFileSync(path.join(DIST, new URL(route.request().url()).pathname));
      await route.fulfill({ status: 200, body, headers: { "content-type": "application/octet-stream" } });
    });
    const before = await sheetNames(page);
    await expect(pickGermanFile(page, csvFile)).resolves.toEqual(GUESSED);
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
    const { page, log, workers } = await openFilePane(session);
    const before = await sheetNames(page);
    await expect(pickGermanFile(page, csvFile)).resolves.toEqual(GUESSED);
    await pane(page).getByRole("radio", { name: "RFM table (one row per customer)" }).check();
    await pane(page).getByRole("button", { name: "Run on this file" }).click();
    await pane(page).getByText("Reading the file with DuckDB").first().waitFor();
    // Cancel once the worker exists, i.e. while the engine is loading or reading.
    for (let i = 0; i < 100 && workers.length === 0; i++) await page.waitForTimeout(50);
    await pane(page).getByRole("button", { name: "Cancel" }).click();
    await pane(page).getByText("Cancelled. No sheet was left behind.").waitFor({ timeout: 30_000 });
    expect(await sheetNames(page)).toEqual(before);
    await expectWorkersClosed(page, workers, [DUCKDB_WORKER]);
    expect(withoutWasmStreamEnd(log)).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("leaves no sheet behind and stops the Parquet reader's worker when Cancel is pressed while it reads", async () => {
    const { page, log, workers } = await openFilePane(session);
    const before = await sheetNames(page);
    await expect(pickParquetFile(page, parquetFile)).resolves.toEqual(GUESSED);
    await pane(page).getByRole("radio", { name: "RFM table (one row per customer)" }).check();
    await pane(page).getByRole("button", { name: "Run on this file" }).click();
    // Cancel once the Parquet worker runs (it starts after DuckDB's), i.e. while row groups are read.
    for (let i = 0; i < 200 && !workers.map(workerPath).includes(PARQUET_WORKER); i++) await page.waitForTimeout(25);
    expect(workers.map(workerPath).sort()).toEqual([DUCKDB_WORKER, PARQUET_WORKER]);
    await pane(page).getByRole("button", { name: "Cancel" }).click();
    await pane(page).getByText("Cancelled. No sheet was left behind.").waitFor({ timeout: 30_000 });
    expect(await sheetNames(page)).toEqual(before);
    await expectWorkersClosed(page, workers, [DUCKDB_WORKER, PARQUET_WORKER]);
    expect(withoutWasmStreamEnd(log)).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});
