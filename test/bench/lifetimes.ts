/**
 * The Python library lifetimes timed on the same data as the TypeScript benchmark, in the same run
 * (issues 15 and 17 ask for "ahead of lifetimes ... measured in one sitting"). The columns of each
 * job are written to a CSV file with 17 significant digits, test/bench/lifetimes_reference.py times
 * the library call, and its best time and estimates come back as JSON.
 *
 * Needs a python3 with lifetimes (`pip install lifetimes`); LOYALTY_PYTHON names another
 * interpreter. Without it every lifetimes figure says why it is missing: the benchmark never
 * invents one.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { groupBgnbdCustomers } from "../../src/analytics/btyd/bgnbdGroups";

export type LifetimesJob = {
  readonly id: string;
  readonly kind: "bgnbd" | "paretonbd" | "mbgnbd" | "bgbb" | "palive" | "summary";
  /** The CSV's columns, by header name; or `file`, a CSV already written (with a header row). */
  readonly data?: Readonly<Record<string, ArrayLike<number> | readonly string[]>>;
  readonly file?: string;
  readonly repeat: number;
  /** For the fits: the column names in the fitter's order, and the weights column if any. */
  readonly columns?: readonly string[];
  readonly weights?: string;
  /** For palive: r, alpha, a, b. For summary: the as-of date as an Excel serial (dates in the CSV as serials or ISO text). */
  readonly params?: readonly number[];
  readonly as_of?: number;
};

export type LifetimesResult = { readonly seconds: number; readonly params: readonly number[] };
export type LifetimesRun = { readonly version: string; readonly results: Readonly<Record<string, LifetimesResult>> } | { readonly missing: string };

const python = () => process.env.LOYALTY_PYTHON || "python3";
const script = () => path.resolve(process.cwd(), "test", "bench", "lifetimes_reference.py");

function writeCsv(file: string, data: NonNullable<LifetimesJob["data"]>): void {
  const names = Object.keys(data);
  const n = data[names[0]].length;
  const fd = fs.openSync(file, "w");
  try {
    fs.writeSync(fd, `${names.join(",")}\n`);
    for (let start = 0; start < n; start += 50_000) {
      const lines: string[] = [];
      for (let i = start; i < Math.min(n, start + 50_000); i++) {
        lines.push(names.map((k) => {
          const v = (data[k] as ArrayLike<number | string>)[i];
          return typeof v === "number" ? v.toPrecision(17) : v;
        }).join(","));
      }
      fs.writeSync(fd, `${lines.join("\n")}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

export function runLifetimes(jobs: readonly LifetimesJob[]): LifetimesRun {
  const probe = spawnSync(python(), ["-c", "import lifetimes"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) return { missing: `lifetimes is not installed for ${python()} (pip install lifetimes, or set LOYALTY_PYTHON)` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-lifetimes-"));
  try {
    const described = jobs.map((job) => {
      if (job.file) return { ...job };
      const file = path.join(dir, `${job.id.replace(/[^A-Za-z0-9]+/g, "_")}.csv`);
      writeCsv(file, job.data!);
      const { data: _data, ...rest } = job;
      return { ...rest, file };
    });
    const jobsFile = path.join(dir, "jobs.json");
    fs.writeFileSync(jobsFile, JSON.stringify(described));
    const run = spawnSync(python(), [script(), jobsFile], { encoding: "utf8", maxBuffer: 1 << 24 });
    if (run.error || run.status !== 0) return { missing: `lifetimes failed: ${(run.stderr || String(run.error)).trim().split("\n").pop()}` };
    return JSON.parse(run.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** "lifetimes 0.11.3 0.071 s (3.1× ours)" for the README's note column, or why there is no figure. */
export function lifetimesNote(run: LifetimesRun, id: string, ours: number, estimates?: (params: readonly number[]) => string): string {
  if ("missing" in run) return `no lifetimes figure: ${run.missing}`;
  const r = run.results[id];
  if (!r) return "no lifetimes figure";
  const ratio = r.seconds / ours;
  const ahead = ratio >= 1 ? `ours ${ratio.toFixed(1)}× faster` : `lifetimes ${(1 / ratio).toFixed(1)}× faster`;
  return `lifetimes ${run.version} ${r.seconds.toFixed(r.seconds < 0.01 ? 4 : 3)} s in the same run (${ahead})${estimates ? `, ${estimates(r.params)}` : ""}`;
}

/** One row per distinct (x, t_x, T) with its number of customers: lifetimes' own weighted form (its best case). */
export function groupedHistories(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): NonNullable<LifetimesJob["data"]> {
  const g = groupBgnbdCustomers(x, tx, T);
  const cols = { x: new Float64Array(g.count), t_x: new Float64Array(g.count), T: new Float64Array(g.count), customers: new Float64Array(g.count) };
  for (let k = 0; k < g.count; k++) {
    cols.x[k] = g.xValues[g.xIndex[k]];
    cols.t_x[k] = g.txValues[g.txIndex[k]];
    cols.T[k] = g.tValues[g.tIndex[k]];
    cols.customers[k] = g.weight[k];
  }
  return cols;
}
