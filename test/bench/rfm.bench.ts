/**
 * RFMTABLE, RFMSCORE and RFMSEGMENT on generated data (fixed seeds, so every run
 * measures the same input). Targets from the foundation issue, on a 2-core machine:
 * RFMSCORE ≤ 3× a Float64Array sort of the same n; RFMTABLE ≤ 0.5 s for a full
 * sheet (1,048,575 orders) and ≤ 2.5 s for 5.2 million orders.
 */
import { rfmDigits } from "../../src/analytics/rfm/rfmScores";
import { rfmSegment } from "../../src/analytics/rfm/rfmSegments";
import { rfmTable } from "../../src/analytics/rfm/rfmTable";
import { loadavg } from "os";
import { Benchmark, BenchResult, fmt, seededRandom, sortBaseline, time } from "./harness";

/** An order log: ids like "C000123" (fresh string objects, as Excel passes them), whole-day dates over 3 years, amounts in cents. */
function orderLog(orders: number, customers: number, seed: number) {
  const random = seededRandom(seed);
  const width = String(customers - 1).length < 6 ? 6 : String(customers - 1).length;
  const ids: string[] = new Array(orders);
  const dates = new Float64Array(orders);
  const amounts = new Float64Array(orders);
  for (let i = 0; i < orders; i++) {
    // Every customer orders once among the first rows; later orders are skewed (a few customers buy often, as in real logs).
    const c = i < customers ? i : Math.floor(customers * random() * random());
    ids[i] = "C" + String(c).padStart(width, "0");
    dates[i] = 44_000 + Math.floor(random() * 1_100);
    amounts[i] = Math.round(random() * 20_000) / 100;
  }
  return { ids, dates, amounts };
}

/** Per-customer columns shaped like an RFM table: whole recency days, small order counts with many ties, currency revenue. */
function customerColumns(n: number, seed: number) {
  const random = seededRandom(seed);
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = Math.floor(random() * 1_100);
    frequency[i] = 1 + Math.floor(-Math.log(1 - random()) * 3);
    monetary[i] = Math.round(frequency[i] * random() * 30_000) / 100;
  }
  return { recency, frequency, monetary };
}

const SIZES = [10_000, 100_000, 1_048_576];

export const rfmBenches: Benchmark[] = [
  {
    name: "RFMSCORE",
    run: async () => {
      const rows: BenchResult[] = [];
      for (const n of SIZES) {
        const { recency, frequency, monetary } = customerColumns(n, 7);
        const sort = await sortBaseline(monetary);
        // Steady state: at 10k one call lasts about a millisecond, so warm the JIT up first (the sort is native code).
        for (let k = 0; k < 10; k++) rfmDigits(recency, frequency, monetary, 5, "rfm");
        const { seconds } = await time(() => rfmDigits(recency, frequency, monetary, 5, "rfm"), 5);
        rows.push({
          name: `RFMSCORE, n = ${fmt(n)} (sort ${(sort * 1000).toFixed(1)} ms)`,
          seconds,
          note: `${(seconds / sort).toFixed(2)}× sort; target ≤ 3×`,
        });
      }
      return rows;
    },
  },
  {
    name: "RFMSEGMENT",
    run: async () => {
      const rows: BenchResult[] = [];
      for (const n of SIZES) {
        const { recency, frequency, monetary } = customerColumns(n, 11);
        const { score } = rfmDigits(recency, frequency, monetary);
        const sort = await sortBaseline(monetary);
        const { seconds } = await time(() => rfmSegment(score), 5);
        rows.push({
          name: `RFMSEGMENT, n = ${fmt(n)} (sort ${(sort * 1000).toFixed(1)} ms)`,
          seconds,
          note: `${(seconds / sort).toFixed(2)}× sort`,
        });
      }
      return rows;
    },
  },
  {
    name: "RFMTABLE",
    run: async () => {
      const rows: BenchResult[] = [];
      for (const [orders, customers, target] of [
        [1_048_575, 200_000, 0.5],
        [1_048_575, 1_000_000, 0.5],
        [5_200_000, 1_000_000, 2.5],
      ]) {
        const { ids, dates, amounts } = orderLog(orders, customers, 3);
        const { seconds, result } = await time(() => rfmTable(ids, dates, amounts), 3);
        // CPU time of one more run and the load average: wall time on a shared 2-core machine
        // stretches with whatever else runs, CPU time much less.
        const before = process.cpuUsage();
        rfmTable(ids, dates, amounts);
        const cpu = process.cpuUsage(before);
        rows.push({
          name: `RFMTABLE, ${fmt(orders)} orders, ${fmt(result.ids.length)} customers`,
          seconds,
          note: `target ≤ ${target} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (all threads, GC included); load average ${loadavg()[0].toFixed(1)}`,
        });
      }
      return rows;
    },
  },
];
