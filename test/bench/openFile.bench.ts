/**
 * "Open a file…" at the issue's size, in Chromium (issue 12): a German order export of 10,000,000
 * orders (";" between fields, decimal commas, dates as 31.12.2023; test/taskpane/duckdb/germanOrders.ts,
 * drawn from a seeded mulberry32 and written in chunks to a temporary file) is picked through the real
 * pane (the built dist/, served and driven as test/browser/openFile.test.ts does), and each analysis is
 * timed from the click on "Run on this file" to the pane's "Wrote … rows" line: the lazy engine
 * chunk, DuckDB-Wasm reading the file by handle, the query, and writing the new sheet of the preview
 * workbook in blocks.
 *
 * Rows: the CSV's generation; RFM table (1,000,000 customers: ~999,955 rows, under Excel's
 * 1,048,573 data rows); grouped BTYD summary (weeks); and a second export of 10,000,000 orders of
 * 2,000,000 customers, where the pane must refuse the RFM table ("… do not fit on one Excel sheet")
 * and still write the grouped summary. Each analysis runs in a fresh page.
 *
 * Memory, per analysis: the peak resident set (VmRSS in /proc/PID/status, sampled every 100 ms) of
 * the page's renderer process, which holds the pane, the preview workbook and the DuckDB worker
 * thread with its wasm memory (Chromium runs dedicated workers as threads of the page's renderer:
 * the process is found by its "DedicatedWorker" thread); and the peak of the summed VmRSS of every
 * process of this Chromium (browser, zygotes, GPU, utility, renderers; shared pages count once per
 * process), sampled likewise. Not the kernel's VmHWM:
 * Chromium resets it itself (clear_refs), so after a run it can read less than the sampled peak
 * (410 MB against 1,587 MB seen for the grouped summary of 10M orders).
 *
 * Parquet: the same 10,000,000 orders copied to Parquet by DuckDB in Node (@duckdb/node-api,
 * Snappy, its default row groups), read in the pane by hyparquet row group by row group into
 * DuckDB-Wasm (files/parquetFile.ts), to the RFM table and the grouped summary.
 *
 * Opt-in (it needs Chromium and `npm run build` first): `npm run bench "open a file"`.
 * BENCH_OPENFILE_ORDERS changes the size (customers stay a tenth; the second file, a fifth, only
 * from 5,500,000 orders, where its customers surely exceed a sheet).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { DIST, Session, startSession } from "../browser/support/browser";
import { WROTE, openFilePane, pickGermanFile, pickParquetFile, runOnFile, watchLongTasks, withoutWasmStreamEnd } from "../browser/support/openFile";
import { mulberry32 } from "../support/simulateBgnbd";
import { streamGermanCsv } from "../taskpane/duckdb/germanOrders";
import { germanCsvToParquet } from "../taskpane/duckdb/ordersParquet";
import { BenchResult, Benchmark, fmt } from "./harness";

const ORDERS = Number(process.env.BENCH_OPENFILE_ORDERS ?? 10_000_000);
/** BENCH_OPENFILE_ONLY=parquet (or csv) times only that file kind (the CSV is still generated: the Parquet file is copied from it). */
const ONLY = process.env.BENCH_OPENFILE_ONLY ?? "";
if (!["", "csv", "parquet"].includes(ONLY)) throw new Error(`BENCH_OPENFILE_ONLY: expected csv or parquet, got ${ONLY}`);
/** A wait long enough for any analysis on a loaded 2-core machine; a timeout fails the benchmark. */
const RUN_TIMEOUT_MS = 30 * 60_000;

type Proc = { pid: number; ppid: number; renderer: boolean; rssKb: number; hwmKb: number };

function readProc(pid: number): Proc | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return { pid, ppid, renderer: cmdline.includes("--type=renderer"), rssKb: kb("VmRSS"), hwmKb: kb("VmHWM") };
  } catch {
    return null; // the process ended while being read
  }
}

/** This Chromium's processes: the browser (found by its fresh --user-data-dir) and all its descendants. */
function chromiumProcesses(profile: string): Proc[] {
  const all = fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const browser = all.find((pid) => {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8");
      return cmdline.includes(`--user-data-dir=${profile}`) && !cmdline.includes("--type=");
    } catch {
      return false;
    }
  });
  if (browser === undefined) throw new Error(`No Chromium process with --user-data-dir=${profile}`);
  const procs = all.map(readProc).filter((p): p is Proc => p !== null);
  const family = new Set([browser]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs)
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
  }
  return procs.filter((p) => family.has(p.pid));
}

const mb = (kb: number): string => fmt(Math.round(kb / 1024));

/** Whether the process runs a dedicated worker thread (Chromium names it "DedicatedWorker thread"; comm keeps 15 characters). */
function runsWorker(pid: number): boolean {
  try {
    return fs.readdirSync(`/proc/${pid}/task`).some((t) => {
      try {
        return fs.readFileSync(`/proc/${pid}/task/${t}/comm`, "utf8").startsWith("DedicatedWorker");
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * One analysis of `file` in a fresh page, with the peak of the renderer that runs the DuckDB worker
 * (the page's: Chromium runs a dedicated worker as a thread of its page's renderer) and the sampled
 * whole-Chromium peak.
 */
async function measure(session: Session, file: string, analysis: "rfmTable" | "btydGrouped") {
  const { page, log, workers } = await openFilePane(session);
  const guessed = file.endsWith(".parquet") ? await pickParquetFile(page, file) : await pickGermanFile(page, file);
  if (guessed.id !== "0" || guessed.date !== "1" || guessed.amount !== "2") throw new Error(`unexpected column guesses ${JSON.stringify(guessed)}`);
  const workerHosts = new Set<number>();
  const rendererPeakKb = new Map<number, number>();
  let totalPeakKb = 0;
  const sample = (): void => {
    const procs = chromiumProcesses(session.profile);
    totalPeakKb = Math.max(totalPeakKb, procs.reduce((s, p) => s + p.rssKb, 0));
    for (const p of procs) {
      if (!p.renderer) continue;
      rendererPeakKb.set(p.pid, Math.max(rendererPeakKb.get(p.pid) ?? 0, p.rssKb));
      if (runsWorker(p.pid)) workerHosts.add(p.pid);
    }
  };
  sample();
  // The pane's own thread (not the DuckDB worker): Chromium's long-task observer reports every task over 50 ms.
  const longTasks = await watchLongTasks(page);
  const runStart = await longTasks.now();
  const timer = setInterval(sample, 100);
  let run: Awaited<ReturnType<typeof runOnFile>>;
  try {
    run = await runOnFile(page, analysis, RUN_TIMEOUT_MS);
  } finally {
    clearInterval(timer);
  }

  const tasks = await longTasks.seen();
  sample();
  if (workerHosts.size !== 1) throw new Error(`expected one renderer running the DuckDB worker, found ${workerHosts.size}`);
  const [host] = workerHosts;
  const panePeakKb = Math.max(rendererPeakKb.get(host) ?? 0, readProc(host)?.hwmKb ?? 0);
  for (let i = 0; i < 50 && workers.some((w) => !w.closed); i++) await page.waitForTimeout(100);
  const clean = withoutWasmStreamEnd(log);
  const problems = [
    ...clean.errors,
    ...clean.failedRequests,
    ...clean.external.map((u) => `external request ${u}`),
    // The DuckDB worker, and for a Parquet file the Parquet worker, each closed after the job.
    ...(workers.length === (file.endsWith(".parquet") ? 2 : 1) && workers.every((w) => w.closed) ? [] : [`${workers.length} worker(s), closed: ${workers.map((w) => w.closed).join(",")}`]),
  ];
  await page.close();
  // Let the page's renderer exit before the next analysis, so that its memory is not in the next total.
  for (let i = 0; i < 100 && fs.existsSync(`/proc/${host}`) && readProc(host) !== null; i++) await new Promise((r) => setTimeout(r, 100));
  return { ...run, panePeakKb, totalPeakKb, problems, longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)), over200: tasks.filter((t) => t.duration > 200).map((t) => ({ at: t.start - runStart, ms: t.duration })) };
}

/** The pane's refusal of an RFM table longer than a sheet (strings/en.ts, files.tooManyCustomers). */
const DOES_NOT_FIT = /^[\d,]+ customers do not fit on one Excel sheet/;

function row(name: string, m: Awaited<ReturnType<typeof measure>>, expected: RegExp): BenchResult {
  const ok = expected.test(m.message) && m.problems.length === 0;
  return {
    name,
    seconds: m.ms / 1000,
    note:
      `"${m.message}"; ${m.engineMs === null ? "" : `DuckDB ${(m.engineMs / 1000).toFixed(1)} s, then the sheet; `}peak RSS of the pane's renderer (page + DuckDB worker) ${mb(m.panePeakKb)} MB, ` +
      `sum over all Chromium processes ${mb(m.totalPeakKb)} MB (shared pages counted in each); ` +
      `longest task on the pane's thread ${Math.round(m.longestTaskMs)} ms` +
      (m.over200.length ? ` (over 200 ms: ${m.over200.map((t) => `${Math.round(t.ms)} ms at ${(t.at / 1000).toFixed(1)} s`).join(", ")})` : " (none over 200 ms)") +
      (ok ? "" : `; UNEXPECTED${m.problems.length ? `: ${m.problems.join("; ")}` : ""}`),
  };
}

async function run(): Promise<BenchResult[]> {
  for (const f of ["taskpane.js", "preview.html", "duckdb/duckdb-eh.wasm"])
    if (!fs.existsSync(path.join(DIST, f))) throw new Error(`${path.join(DIST, f)} is missing: run \`npm run build\` before \`npm run bench "open a file"\``);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-bench-openfile-"));
  const rows: BenchResult[] = [];
  let session: Session | null = null;
  try {
    const customers = Math.round(ORDERS / 10);
    const file = path.join(dir, "bestellungen.csv");
    let started = Date.now();
    const bytes = streamGermanCsv(file, ORDERS, customers, mulberry32(20261202));
    rows.push({ name: `generate ${fmt(ORDERS)} orders of ${fmt(customers)} customers as a German CSV`, seconds: (Date.now() - started) / 1000, note: `${mb(bytes / 1024)} MB file, written in chunks of 100,000 lines (Node)` });

    session = await startSession();
    const what = `${fmt(ORDERS)} orders (${fmt(customers)} customers), CSV`;
    if (ONLY !== "parquet") {
      rows.push(row(`${what} → RFM table`, await measure(session, file, "rfmTable"), WROTE));
      rows.push(row(`${what} → grouped BTYD summary (weeks)`, await measure(session, file, "btydGrouped"), WROTE));
    }

    if (ONLY === "csv") return rows;
    const parquet = path.join(dir, "bestellungen.parquet");
    started = Date.now();
    await germanCsvToParquet(file, parquet);
    rows.push({ name: `copy the CSV to Parquet (DuckDB in Node, Snappy)`, seconds: (Date.now() - started) / 1000, note: `${mb(fs.statSync(parquet).size / 1024)} MB file` });
    const parquetWhat = `${fmt(ORDERS)} orders (${fmt(customers)} customers), Parquet (hyparquet)`;
    rows.push(row(`${parquetWhat} → RFM table`, await measure(session, parquet, "rfmTable"), WROTE));
    rows.push(row(`${parquetWhat} → grouped BTYD summary (weeks)`, await measure(session, parquet, "btydGrouped"), WROTE));
    fs.rmSync(parquet);
    if (ONLY === "parquet") return rows;

    // More customers than a sheet has rows: the pane must say the RFM table does not fit. (Only
    // where a fifth of the orders surely gives that many distinct customers: 10M orders → ~1.99M.)
    fs.rmSync(file);
    const many = Math.round(ORDERS / 5);
    if (many < 1_100_000) return rows;
    const manyFile = path.join(dir, "bestellungen-viele.csv");
    started = Date.now();
    streamGermanCsv(manyFile, ORDERS, many, mulberry32(20261204));
    const generated = (Date.now() - started) / 1000;
    const manyWhat = `${fmt(ORDERS)} orders (${fmt(many)} customers), CSV`;
    const refused = await measure(session, manyFile, "rfmTable");
    const refusedRow = row(`${manyWhat} → RFM table (too many customers for a sheet)`, refused, DOES_NOT_FIT);
    rows.push({ ...refusedRow, note: `${refusedRow.note}; file generated in ${generated.toFixed(1)} s` });
    rows.push(row(`${manyWhat} → grouped BTYD summary (weeks)`, await measure(session, manyFile, "btydGrouped"), WROTE));
  } finally {
    await session?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export const openFile: Benchmark[] = [{ name: "open a file (Chromium, DuckDB-Wasm)", optIn: true, run }];
