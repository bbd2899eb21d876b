/**
 * The benchmark harness behind `npm run bench`: each area exports a list of
 * benchmarks from test/bench/<area>.bench.ts; the runner times them and prints
 * one Markdown table (it goes in the README).
 */
export type BenchResult = {
  /** What was measured, e.g. "RFMSCORE, n = 100,000". */
  readonly name: string;
  readonly seconds: number;
  /** The same work through the built dist/functions.js with Excel-shaped input (any[][] in and out), when measured. */
  readonly throughExcel?: number;
  /** Free text beside the time: a ratio to a baseline, likelihood evaluations, the target. */
  readonly note?: string;
};

export type Benchmark = {
  readonly name: string;
  /** Runs only when `npm run bench` is given a filter its name contains (e.g. it needs Chromium and a built dist/). */
  readonly optIn?: boolean;
  /** Runs the measurement(s), returning one or more rows. May be async. */
  readonly run: () => BenchResult[] | Promise<BenchResult[]>;
};

/** Wall-clock seconds of the fastest of `repeat` runs (after one warm-up when repeat > 1). */
export async function time<T>(fn: () => T | Promise<T>, repeat = 3): Promise<{ seconds: number; result: T }> {
  let best = Infinity;
  let result!: T;
  if (repeat > 1) await fn();
  for (let i = 0; i < repeat; i++) {
    const start = process.hrtime.bigint();
    result = await fn();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (seconds < best) best = seconds;
  }
  return { seconds: best, result };
}

/** Seconds to sort n doubles in a Float64Array: the yardstick the targets are stated in. */
export async function sortBaseline(values: Float64Array): Promise<number> {
  return (await time(() => Float64Array.from(values).sort())).seconds;
}

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (n: number) => n.toLocaleString("en-US");
