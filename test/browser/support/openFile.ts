/**
 * Driving "Open a file…" in the preview as a person does (Warehouse tab, the file input, the
 * column guesses, the analysis, Run), shared by test/browser/openFile.test.ts and the Chromium
 * benchmark test/bench/openFile.bench.ts. No jest here: the benchmark runs these outside jest.
 */
import { Locator, Page, Worker } from "playwright-core";
import { PageLog, Session } from "./browser";
import { waitForPreview } from "./preview";

export const pane = (page: Page): Locator => page.locator("#pane");

/** The preview workbook's model, as the page exposes it (src/preview). */
export type PreviewWindow = {
  __loyaltyPreview: { model: { sheets: { name: string }[]; sheet(name: string): { get(row: number, col: number): unknown; extent(): { rows: number; cols: number } } | null } };
};

export type TrackedWorker = { worker: Worker; closed: boolean };

/** The radio labels of the pane's analyses (strings/en.ts, files.rfmTable and files.btydGrouped). */
export const ANALYSIS_LABEL = {
  rfmTable: "RFM table (one row per customer)",
  btydGrouped: "BTYD summary, grouped (for BGNBDFIT with weights)",
} as const;

/** The line the pane shows when the sheet is written (strings/en.ts, files.done). */
export const WROTE = /^Wrote [\d,]+ rows from [\d,]+ orders to the new sheet /;

/**
 * Chromium reports the wasm fetch as net::ERR_ABORTED once the streaming compile is done with it,
 * although the module arrived whole (HTTP 200, and the job runs on it). Only that entry is left out.
 */
export function withoutWasmStreamEnd(log: PageLog): PageLog {
  return { ...log, failedRequests: log.failedRequests.filter((r) => !/\/duckdb\/duckdb-(eh|mvp)\.wasm \(net::ERR_ABORTED\)$/.test(r)) };
}

/** A fresh preview page on the Warehouse tab, recording every worker it starts and whether it closed. */
export async function openFilePane(session: Session): Promise<{ page: Page; log: PageLog; workers: TrackedWorker[] }> {
  const { page, log } = await session.open("preview.html");
  const workers: TrackedWorker[] = [];
  page.on("worker", (worker) => {
    const entry = { worker, closed: false };
    workers.push(entry);
    worker.on("close", () => (entry.closed = true));
  });
  await waitForPreview(page);
  await pane(page).getByRole("tab", { name: "Warehouse" }).click();
  return { page, log, workers };
}

/** A long task: its start on the page's clock (performance.now(), ms) and its duration. */
export type LongTask = { readonly start: number; readonly duration: number };

/**
 * Starts recording the page's long tasks (Chromium's long-task observer: every task over 50 ms on
 * the pane's own thread, not in its workers); the returned function gives them so far, and `now`
 * the page's clock, to place them.
 */
export async function watchLongTasks(page: Page): Promise<{ seen: () => Promise<LongTask[]>; now: () => Promise<number> }> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasksSeen: { start: number; duration: number }[] };
    w.longTasksSeen = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasksSeen.push({ start: e.startTime, duration: e.duration }))).observe({ type: "longtask" });
  });
  return {
    seen: () => page.evaluate(() => (window as unknown as { longTasksSeen: LongTask[] }).longTasksSeen),
    now: () => page.evaluate(() => performance.now()),
  };
}

/**
 * Picks `file` (a German export) in the pane's file input and waits for the dialect line; returns
 * the column indexes the pane guessed for the id, date and amount (the selects' values).
 */
export async function pickGermanFile(page: Page, file: string): Promise<{ id: string; date: string; amount: string }> {
  await pane(page).getByLabel("Order file (CSV or Parquet)").setInputFiles(file);
  await pane(page).getByText("Fields separated by semicolons, decimal comma, dates as 31.12.2024.").waitFor();
  return {
    id: await pane(page).getByRole("combobox", { name: "Customer id column" }).inputValue(),
    date: await pane(page).getByRole("combobox", { name: "Order date column" }).inputValue(),
    amount: await pane(page).getByRole("combobox", { name: "Amount column" }).inputValue(),
  };
}

/** Picks a Parquet file through the pane's file input; returns the column guesses made from its schema and sample. */
export async function pickParquetFile(page: Page, file: string): Promise<{ id: string; date: string; amount: string }> {
  await pane(page).getByLabel("Order file (CSV or Parquet)").setInputFiles(file);
  await pane(page).getByText("A Parquet file carries its own column names and types.").waitFor();
  return {
    id: await pane(page).getByRole("combobox", { name: "Customer id column" }).inputValue(),
    date: await pane(page).getByRole("combobox", { name: "Order date column" }).inputValue(),
    amount: await pane(page).getByRole("combobox", { name: "Amount column" }).inputValue(),
  };
}

/**
 * Chooses the analysis, presses Run and waits for the pane's message bar: the "Wrote …" line or an
 * error. Returns its text, the milliseconds from the click to it (engine, query and sheet), and to
 * the progress's "Writing the new sheet" (the engine's part), when that phase was seen.
 */
export async function runOnFile(
  page: Page,
  analysis: keyof typeof ANALYSIS_LABEL,
  timeout: number,
): Promise<{ message: string; ms: number; engineMs: number | null }> {
  await pane(page).getByRole("radio", { name: ANALYSIS_LABEL[analysis] }).check();
  const section = pane(page).getByRole("region", { name: "Open a file…" });
  const started = Date.now();
  await pane(page).getByRole("button", { name: "Run on this file" }).click();
  let engineMs: number | null = null;
  void section
    .getByText("Writing the new sheet")
    .first()
    .waitFor({ timeout })
    .then(() => (engineMs = Date.now() - started))
    .catch(() => undefined);
  // While it runs the section shows the progress; when it is done, one message bar (OpenFilePane's "finished" state).
  const bar = section.locator(".fui-MessageBar");
  await bar.first().waitFor({ timeout });
  const ms = Date.now() - started;
  return { message: ((await bar.first().textContent()) ?? "").trim(), ms, engineMs };
}

/** The rows of a sheet the pane wrote (row 3 on: title, blank line, header first), read in the page. */
export async function sheetRows(page: Page, sheet: string, columns: number): Promise<{ title: unknown; header: unknown[]; rows: unknown[][] } | null> {
  return page.evaluate(
    ({ sheet, columns }) => {
      const s = (window as unknown as PreviewWindow).__loyaltyPreview.model.sheet(sheet);
      if (!s) return null;
      const cols = Array.from({ length: columns }, (_, c) => c);
      const rows: unknown[][] = [];
      for (let r = 3; r < s.extent().rows; r++) if (s.get(r, 0) !== null) rows.push(cols.map((c) => s.get(r, c)));
      return { title: s.get(0, 0), header: cols.map((c) => s.get(2, c)), rows };
    },
    { sheet, columns },
  );
}

export const sheetNames = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as PreviewWindow).__loyaltyPreview.model.sheets.map((s) => s.name));
