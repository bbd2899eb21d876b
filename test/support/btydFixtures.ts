/**
 * Readers for the CDNOW fixtures of the BTYD tests (test/fixtures/README.md, "BTYD" section):
 * cdnow_customers_summary.csv (ID, frequency, recency, T), its _with_transactions twin
 * (ID, x, t_x, T, zbar) and the CDNOW_sample.txt order log.
 */
import * as fs from "fs";
import * as path from "path";

// Beside this file under jest; from the project root when compiled elsewhere (npm run bench).
const FIXTURES = [path.join(__dirname, "..", "fixtures"), path.join(process.cwd(), "test", "fixtures")].find((dir) =>
  fs.existsSync(path.join(dir, "CDNOW_sample.txt")),
)!;

export type CdnowSummary = {
  readonly id: string[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Only in the _with_transactions file. */
  readonly zbar?: Float64Array;
};

function readSummary(file: string, withZbar: boolean): CdnowSummary {
  const lines = fs.readFileSync(path.join(FIXTURES, file), "utf8").trim().split(/\r?\n/).slice(1);
  const n = lines.length;
  const id: string[] = [];
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const zbar = new Float64Array(n);
  lines.forEach((line, i) => {
    const f = line.split(",");
    id.push(f[0]);
    x[i] = Number(f[1]);
    tx[i] = Number(f[2]);
    T[i] = Number(f[3]);
    if (withZbar) zbar[i] = Number(f[4]);
  });
  return withZbar ? { id, x, tx, T, zbar } : { id, x, tx, T };
}

/** cdnow_customers_summary.csv: 2,357 customers, weeks. */
export const cdnowSummary = () => readSummary("cdnow_customers_summary.csv", false);
/** cdnow_customers_summary_with_transactions.csv: the same with zbar. */
export const cdnowSummaryWithSpend = () => readSummary("cdnow_customers_summary_with_transactions.csv", true);

export type OrderLog = { readonly customer: string[]; readonly ymd: string[]; readonly dollars: number[] };

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, CDs, dollars; whitespace separated. */
export function cdnowOrders(): OrderLog {
  const customer: string[] = [];
  const ymd: string[] = [];
  const dollars: number[] = [];
  for (const line of fs.readFileSync(path.join(FIXTURES, "CDNOW_sample.txt"), "utf8").split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 5) continue;
    customer.push(String(Number(f[1])));
    ymd.push(f[2]);
    dollars.push(Number(f[4]));
  }
  return { customer, ymd, dollars };
}

/** "19970101" → "1997-01-01". */
export const isoOf = (ymd: string) => `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;

/**
 * A grouped calibration/holdout table as src/sql/holdoutSummarySql.ts writes it (its column names and
 * order): one row per distinct (x, t_x_days, T_days, x_holdout), sorted by them, with the number of
 * customers. Built from HOLDOUTSUMMARY's core per customer (`h`, in weeks: t_x and T are days / 7).
 */
export function groupedHoldoutTable(h: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number>; xHoldout: ArrayLike<number>; holdoutLength: number }): unknown[][] {
  const counts = new Map<string, number>();
  for (let i = 0; i < h.x.length; i++) {
    const key = [h.x[i], Math.round(h.tx[i] * 7), Math.round(h.T[i] * 7), h.xHoldout[i]].join(",");
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].map((k) => k.split(",").map(Number));
  keys.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
  const rows: unknown[][] = [["x", "t_x_days", "T_days", "x_holdout", "t_x", "T", "holdout_length", "customers"]];
  for (const [x, txd, Td, xh] of keys) rows.push([x, txd, Td, xh, txd / 7, Td / 7, h.holdoutLength, counts.get([x, txd, Td, xh].join(","))]);
  return rows;
}
