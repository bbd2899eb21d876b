/**
 * Benchmarks of the rest of the BTYD family (issue 15): PARETONBDFIT, MBGNBDFIT and BGBBFIT on
 * their published data (CDNOW; the donations data) and on 1,000,000 simulated customers, grouped
 * where the model allows: the continuous-time models with T in whole weeks (1–78) and t_x binned
 * to the middle of its week (simulateBtydModels.ts), so 1M customers fall into a few thousand
 * distinct histories; BG/BB over 6 opportunities as BGBBSUMMARY's grouped rows. All in the
 * analytics core. Beside each, lifetimes (Python) on the same data in the same run (lifetimes.ts):
 * CDNOW per customer as lifetimes users give it, the million as lifetimes' weighted rows (one per
 * distinct history, its fastest form; ours gets the customers and groups them itself).
 */
import * as fs from "fs";
import * as path from "path";
import { bgbbFit } from "../../src/analytics/btyd/bgbbFit";
import { groupBgbbSummary } from "../../src/analytics/btyd/bgbbSummary";
import { mbgnbdFit } from "../../src/analytics/btyd/mbgnbdFit";
import { paretoNbdFit } from "../../src/analytics/btyd/paretoNbdFit";
import { cdnowSummary } from "../support/btydFixtures";
import { simulateBgbb, simulateMbgnbd, simulateParetoNbd } from "../support/simulateBtydModels";
import { BenchResult, Benchmark, fmt, time } from "./harness";
import { groupedHistories, lifetimesNote, runLifetimes } from "./lifetimes";

const MILLION = 1_000_000;
const target = (seconds: number, limit: number) => `target ≤ ${limit} s: ${seconds <= limit ? "met" : "MISSED"}`;
const WEEKS = { n: MILLION, minT: 1, maxT: 79, step: 1 };
const estimates = (names: readonly string[]) => (p: readonly number[]) => `its estimates ${p.map((v, k) => `${names[k]} ${v.toFixed(3)}`).join(" ")}`;

/** lifetimes' fit of one model on CDNOW (per customer) and on the simulated million (grouped, weighted). */
function lifetimesFits(kind: "paretonbd" | "mbgnbd", c: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> }, s: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> }) {
  const columns = ["x", "t_x", "T"];
  return runLifetimes([
    { id: "cdnow", kind, data: { x: c.x, t_x: c.tx, T: c.T }, columns, repeat: 3 },
    { id: "million", kind, data: groupedHistories(s.x, s.tx, s.T), columns, weights: "customers", repeat: 1 },
  ]);
}

function donations() {
  const dir = [path.join(__dirname, "..", "fixtures"), path.join(process.cwd(), "test", "fixtures")].find((d) => fs.existsSync(path.join(d, "donations.csv")))!;
  const rows = fs.readFileSync(path.join(dir, "donations.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  return [0, 1, 2, 3].map((j) => rows.map((r) => r[j]));
}

export const btydFamilyBenches: Benchmark[] = [
  {
    name: "PARETONBDFIT",
    run: async (): Promise<BenchResult[]> => {
      const c = cdnowSummary();
      const small = await time(() => paretoNbdFit(c.x, c.tx, c.T), 3);
      const truth = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
      const s = simulateParetoNbd(truth, { ...WEEKS, seed: 15 });
      const big = await time(() => paretoNbdFit(s.x, s.tx, s.T), 1);
      const f = big.result;
      const lt = lifetimesFits("paretonbd", c, s);
      const names = ["r", "α", "s", "β"];
      return [
        { name: `PARETONBDFIT, CDNOW ${fmt(c.x.length)} customers`, seconds: small.seconds, note: `${small.result.evaluations} evaluations of the likelihood and its analytic gradient, ${small.result.groups} groups; ${target(small.seconds, 0.05)}; ${lifetimesNote(lt, "cdnow", small.seconds, estimates(names))}` },
        {
          name: `PARETONBDFIT, ${fmt(MILLION)} simulated customers (whole weeks)`,
          seconds: big.seconds,
          note: `${f.evaluations} gradient evaluations, ${fmt(f.groups)} groups; r ${f.r.toFixed(3)} α ${f.alpha.toFixed(2)} s ${f.s.toFixed(3)} β ${f.beta.toFixed(2)} (truth 0.55, 10.6, 0.6, 11.7); ${target(big.seconds, 3)}; ${lifetimesNote(lt, "million", big.seconds, estimates(names))}`,
        },
      ];
    },
  },
  {
    name: "MBGNBDFIT",
    run: async (): Promise<BenchResult[]> => {
      const c = cdnowSummary();
      const small = await time(() => mbgnbdFit(c.x, c.tx, c.T), 3);
      const truth = { r: 0.525, alpha: 6.18, a: 0.89, b: 1.61 };
      const s = simulateMbgnbd(truth, { ...WEEKS, seed: 16 });
      const big = await time(() => mbgnbdFit(s.x, s.tx, s.T), 1);
      const f = big.result;
      const lt = lifetimesFits("mbgnbd", c, s);
      const names = ["r", "α", "a", "b"];
      return [
        { name: `MBGNBDFIT, CDNOW ${fmt(c.x.length)} customers`, seconds: small.seconds, note: `${small.result.evaluations} gradient evaluations, ${small.result.groups} groups; ${target(small.seconds, 0.05)}; ${lifetimesNote(lt, "cdnow", small.seconds, estimates(names))}` },
        {
          name: `MBGNBDFIT, ${fmt(MILLION)} simulated customers (whole weeks)`,
          seconds: big.seconds,
          note: `${f.evaluations} gradient evaluations, ${fmt(f.groups)} groups; r ${f.r.toFixed(3)} α ${f.alpha.toFixed(2)} a ${f.a.toFixed(3)} b ${f.b.toFixed(3)} (truth 0.525, 6.18, 0.89, 1.61); ${target(big.seconds, 3)}; ${lifetimesNote(lt, "million", big.seconds, estimates(names))}`,
        },
      ];
    },
  },
  {
    name: "BGBBFIT",
    run: async (): Promise<BenchResult[]> => {
      const [x, tx, n, w] = donations();
      const small = await time(() => bgbbFit(x, tx, n, w), 3);
      const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
      const sim = simulateBgbb(truth, MILLION, 6, 17);
      const big = await time(() => {
        const g = groupBgbbSummary(sim);
        return bgbbFit(g.x, g.tx, g.n, g.count);
      }, 1);
      const f = big.result;
      const g = groupBgbbSummary(sim);
      const fitOnly = await time(() => bgbbFit(g.x, g.tx, g.n, g.count), 3);
      const columns = ["x", "t_x", "n"];
      const lt = runLifetimes([
        { id: "donations", kind: "bgbb", data: { x, t_x: tx, n, customers: w }, columns, weights: "customers", repeat: 3 },
        { id: "million", kind: "bgbb", data: { x: g.x, t_x: g.tx, n: g.n, customers: g.count }, columns, weights: "customers", repeat: 1 },
      ]);
      const names = ["α", "β", "γ", "δ"];
      return [
        { name: `BGBBFIT, donations ${fmt(w.reduce((a, b) => a + b, 0))} donors (${x.length} grouped rows)`, seconds: small.seconds, note: `${small.result.evaluations} gradient evaluations; ${target(small.seconds, 0.05)}; ${lifetimesNote(lt, "donations", small.seconds, estimates(names))}` },
        {
          name: `BGBBFIT, ${fmt(MILLION)} simulated customers, 6 opportunities (grouped, grouping included)`,
          seconds: big.seconds,
          note: `${f.rows} rows; α ${f.alpha.toFixed(3)} β ${f.beta.toFixed(3)} γ ${f.gamma.toFixed(3)} δ ${f.delta.toFixed(3)} (truth 1.2, 0.75, 0.66, 2.78); ${target(big.seconds, 3)}; the fit alone on the ${f.rows} grouped rows ${fitOnly.seconds.toFixed(4)} s; given the same grouped rows, ${lifetimesNote(lt, "million", fitOnly.seconds, estimates(names))}`,
        },
      ];
    },
  },
];
