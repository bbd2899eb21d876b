/**
 * BTYD benchmarks (issue 5): BGNBDFIT on CDNOW and on 1,000,000 simulated customers (t_x and T
 * in whole days, so grouping helps but does not collapse them), GAMMAGAMMAFIT on the same,
 * BTYDSUMMARY of a full sheet of orders, PALIVE, EXPECTEDPURCHASES and PREDICTEDCLV over 1M.
 * All in the analytics core, each beside lifetimes (Python) on the same data in the same run
 * (lifetimes.ts): the fits per customer as lifetimes users give them, P(alive) on numpy arrays, the
 * summary with summary_data_from_transaction_data in weeks.
 */
import { bgnbdFit } from "../../src/analytics/btyd/bgnbdFit";
import { expectedPurchasesColumn, pAliveColumn } from "../../src/analytics/btyd/bgnbdPredictions";
import { btydSummary } from "../../src/analytics/btyd/btydSummary";
import { gammaGammaFit } from "../../src/analytics/btyd/gammaGammaFit";
import { predictedClvColumn } from "../../src/analytics/btyd/predictedClv";
import { cdnowSummary, cdnowSummaryWithSpend } from "../support/btydFixtures";
import { mulberry32, simulateBgnbd, simulateSpend } from "../support/simulateBgnbd";
import { BenchResult, Benchmark, fmt, sortBaseline, time } from "./harness";
import { lifetimesNote, runLifetimes } from "./lifetimes";

const MILLION = 1_000_000;
// CDNOW's fit converted to days (α × 7), watched for 1 to 548 days (78 weeks).
const TRUTH_DAYS = { r: 0.24, alpha: 4.41 * 7, a: 0.79, b: 2.43 };
let simulated: ReturnType<typeof simulateBgnbd> | undefined;
const million = () => (simulated ??= simulateBgnbd({ ...TRUTH_DAYS, n: MILLION, minT: 1, maxT: 549, seed: 5, wholeDays: true }));
let spends: Float64Array | undefined;
const millionSpend = () => (spends ??= simulateSpend(million().x, { p: 6.25, q: 3.74, v: 15.44, seed: 6 }));

const target = (seconds: number, limit: number) => `target ≤ ${limit} s: ${seconds <= limit ? "met" : "MISSED"}`;

export const btydBenches: Benchmark[] = [
  {
    name: "BGNBDFIT",
    run: async (): Promise<BenchResult[]> => {
      const c = cdnowSummary();
      const small = await time(() => bgnbdFit(c.x, c.tx, c.T), 10);
      const s = million();
      const big = await time(() => bgnbdFit(s.x, s.tx, s.T), 2);
      const f = big.result;
      const columns = ["x", "t_x", "T"];
      const lt = runLifetimes([
        { id: "cdnow", kind: "bgnbd", data: { x: c.x, t_x: c.tx, T: c.T }, columns, repeat: 3 },
        { id: "million", kind: "bgnbd", data: { x: s.x, t_x: s.tx, T: s.T }, columns, repeat: 1 },
      ]);
      const est = (p: readonly number[]) => `its estimates r ${p[0].toFixed(3)} α ${p[1].toFixed(2)} a ${p[2].toFixed(3)} b ${p[3].toFixed(3)}`;
      return [
        {
          name: `BGNBDFIT, CDNOW ${fmt(c.x.length)} customers`,
          seconds: small.seconds,
          note: `${small.result.evaluations} likelihood evaluations, ${small.result.groups} groups; ${target(small.seconds, 0.05)}; ${lifetimesNote(lt, "cdnow", small.seconds, est)}`,
        },
        {
          name: `BGNBDFIT, ${fmt(MILLION)} simulated customers (whole days)`,
          seconds: big.seconds,
          note: `${f.evaluations} likelihood evaluations, ${fmt(f.groups)} groups; r ${f.r.toFixed(3)} α ${f.alpha.toFixed(2)} a ${f.a.toFixed(3)} b ${f.b.toFixed(3)} (truth 0.24, 30.87, 0.79, 2.43); ${target(big.seconds, 3)}; ${lifetimesNote(lt, "million", big.seconds, est)} (per customer)`,
        },
      ];
    },
  },
  {
    name: "GAMMAGAMMAFIT",
    run: async (): Promise<BenchResult[]> => {
      const c = cdnowSummaryWithSpend();
      const small = await time(() => gammaGammaFit(c.x, c.zbar!), 10);
      const s = million();
      const z = millionSpend();
      const big = await time(() => gammaGammaFit(s.x, z), 2);
      const f = big.result;
      return [
        { name: `GAMMAGAMMAFIT, CDNOW ${fmt(small.result.customers)} repeat buyers`, seconds: small.seconds, note: `${small.result.evaluations} likelihood evaluations` },
        {
          name: `GAMMAGAMMAFIT, ${fmt(f.customers)} repeat buyers of the ${fmt(MILLION)}`,
          seconds: big.seconds,
          note: `${f.evaluations} likelihood evaluations; p ${f.p.toFixed(2)} q ${f.q.toFixed(2)} v ${f.v.toFixed(2)} (truth 6.25, 3.74, 15.44)`,
        },
      ];
    },
  },
  {
    name: "BTYDSUMMARY",
    run: async (): Promise<BenchResult[]> => {
      // A full sheet of orders: 1,048,575 rows, 200,000 customers, dates over two years, amounts in cents.
      const n = 1_048_575;
      const random = mulberry32(11);
      const ids: string[] = new Array(n);
      const dates = new Float64Array(n);
      const amounts = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        ids[i] = `C${Math.floor(random() * 200_000)}`;
        dates[i] = 45000 + Math.floor(random() * 730);
        amounts[i] = Math.round(random() * 10_000) / 100;
      }
      const { seconds, result } = await time(() => btydSummary(ids, dates, amounts, null, "week"), 5);
      const sort = await sortBaseline(dates);
      const asOf = 45000 + 729;
      const lt = runLifetimes([{ id: "summary", kind: "summary", data: { id: ids, date: dates, amount: amounts }, as_of: asOf, repeat: 1 }]);
      return [
        {
          name: `BTYDSUMMARY, ${fmt(n)} orders → ${fmt(result.ids.length)} customers`,
          seconds,
          note: `${(seconds / sort).toFixed(1)}× a Float64Array sort of ${fmt(n)} (${sort.toFixed(3)} s); ${target(seconds, 0.5)}; ${lifetimesNote(lt, "summary", seconds, (p) => `${fmt(p[0])} customers`)}`,
        },
      ];
    },
  },
  {
    name: "PALIVE",
    run: async (): Promise<BenchResult[]> => {
      const s = million();
      const out = new Float64Array(MILLION);
      const { seconds } = await time(() => pAliveColumn(TRUTH_DAYS, s.x, s.tx, s.T, out), 5);
      const p = TRUTH_DAYS;
      const lt = runLifetimes([{ id: "palive", kind: "palive", data: { x: s.x, t_x: s.tx, T: s.T }, params: [p.r, p.alpha, p.a, p.b], repeat: 5 }]);
      const same = (q: readonly number[]) => `its sum over the customers ${q[0].toFixed(4)} (ours ${out.reduce((a, v) => a + v, 0).toFixed(4)})`;
      return [{ name: `PALIVE, ${fmt(MILLION)} customers`, seconds, note: `${target(seconds, 0.1)}; ${lifetimesNote(lt, "palive", seconds, same)}` }];
    },
  },
  {
    name: "EXPECTEDPURCHASES",
    run: async (): Promise<BenchResult[]> => {
      const s = million();
      const out = new Float64Array(MILLION);
      const { seconds } = await time(() => expectedPurchasesColumn(TRUTH_DAYS, [365], s.x, s.tx, s.T, out), 3);
      return [{ name: `EXPECTEDPURCHASES, ${fmt(MILLION)} customers, t = 365 days`, seconds, note: "series summed once per distinct (t, x, T)" }];
    },
  },
  {
    name: "PREDICTEDCLV",
    run: async (): Promise<BenchResult[]> => {
      const s = million();
      const z = millionSpend();
      const gg = { p: 6.25, q: 3.74, v: 15.44 };
      const options = { horizonMonths: 12, monthlyDiscountRate: 0.01, timeUnit: "day" as const };
      const out = new Float64Array(MILLION);
      const { seconds } = await time(() => predictedClvColumn(TRUTH_DAYS, gg, s.x, s.tx, s.T, z, options, out), 2);
      return [{ name: `PREDICTEDCLV, ${fmt(MILLION)} customers, 12 months`, seconds, note: "one discounted sum per distinct (x, T)" }];
    },
  },
];
