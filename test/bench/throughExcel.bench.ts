/**
 * Every LOYALTY function through the built dist/functions.js with Excel-shaped input (`any[][]`
 * in, `any[][]` out; the bundle in this realm, see bundle.ts) beside its own core time on typed
 * arrays and a Float64Array sort of the same n, in the same run (issue 17). Targets: through the
 * function ≤ 1.5× the core at 1,048,576 rows; RFMSCORE ≤ 2× and SEGMENT ≤ 1.5× the sort; PALIVE
 * core ≤ 0.02 s and through the function ≤ 0.06 s; RFMTABLE (1M customers) and BTYDSUMMARY
 * ≤ 0.5 s through the function; 10-row calls < 1 ms after warm-up. "longest stretch" is the
 * longest time the call ran without yielding (the event-loop delay seen by a 10 ms timer for the
 * async functions, the whole call for the synchronous ones); the limit is 200 ms (issue 10).
 * These are Node figures: Excel adds its own marshalling and per-call cost.
 */
import { monitorEventLoopDelay } from "perf_hooks";
import { rfmDigits } from "../../src/analytics/rfm/rfmScores";
import { rfmSegment } from "../../src/analytics/rfm/rfmSegments";
import { rfmTable } from "../../src/analytics/rfm/rfmTable";
import { Attitude, attitudeFromRecommend, segmentCustomers } from "../../src/analytics/segments/loyaltySegment";
import { CellError } from "../../src/analytics/errors";
import { expectedPurchasesColumn, pAliveColumn } from "../../src/analytics/btyd/bgnbdPredictions";
import { btydSummary } from "../../src/analytics/btyd/btydSummary";
import { holdoutSummary } from "../../src/analytics/btyd/holdoutSummary";
import { expectedSpend } from "../../src/analytics/btyd/expectedSpend";
import { predictedClvColumn } from "../../src/analytics/btyd/predictedClv";
import { cltv } from "../../src/analytics/metrics/cltv";
import { clv } from "../../src/analytics/metrics/clv";
import { netPromoterScore } from "../../src/analytics/metrics/nps";
import { churnRate, customersLost, retentionRate } from "../../src/analytics/metrics/retentionRate";
import { valueChurn, valueLost } from "../../src/analytics/metrics/valueLost";
import { cohortTable } from "../../src/analytics/retention/cohortTable";
import { retentionByPeriod } from "../../src/analytics/retention/retentionByPeriod";
import { sbgRetentionRate, sbgSurvival } from "../../src/analytics/retention/sbgProjection";
import { pointsEarned } from "../../src/analytics/programme/pointsEarned";
import { tierOf } from "../../src/analytics/programme/tier";
import { pointsAllocation } from "../../src/analytics/programme/pointsAllocation";
import { pointsBalances } from "../../src/analytics/programme/pointsBalance";
import { simulateBgnbd, simulateSpend } from "../support/simulateBgnbd";
import { bundleFunctions, column } from "./bundle";
import { BenchResult, Benchmark, fmt, seededRandom, sortBaseline, time } from "./harness";

const N = 1_048_576;
const BGNBD_DAYS = { r: 0.24, alpha: 4.41 * 7, a: 0.79, b: 2.43 };
const GG = { p: 6.25, q: 3.74, v: 15.44 };
const BGNBD_BLOCK = [["r", "alpha", "a", "b"], [BGNBD_DAYS.r, BGNBD_DAYS.alpha, BGNBD_DAYS.a, BGNBD_DAYS.b]];
const GG_BLOCK = [["p", "q", "v"], [GG.p, GG.q, GG.v]];

type Case = {
  readonly id: string;
  readonly label: string;
  readonly n: number;
  /** The core on typed arrays (what the function computes, without reading or writing cells). */
  readonly core: () => unknown;
  /** The arguments Excel would pass. */
  readonly args: () => unknown[];
  readonly sort?: Float64Array;
  readonly limits?: { readonly core?: number; readonly excel?: number; readonly sortRatio?: number };
  readonly repeat?: number;
};

let histories: ReturnType<typeof simulateBgnbd> | undefined;
const customers = () => (histories ??= simulateBgnbd({ ...BGNBD_DAYS, n: N, minT: 1, maxT: 549, seed: 5, wholeDays: true }));
let spend: Float64Array | undefined;
const spends = () => (spend ??= simulateSpend(customers().x, { ...GG, seed: 6 }));

/** An order log of `orders` rows over `people` customers: ids like "C000123" (each its own string), whole-day dates, amounts in cents. */
function orderLog(orders: number, people: number, seed: number) {
  const random = seededRandom(seed);
  const width = Math.max(6, String(people - 1).length);
  const ids: string[] = new Array(orders);
  const dates = new Float64Array(orders);
  const amounts = new Float64Array(orders);
  for (let i = 0; i < orders; i++) {
    const c = i < people ? i : Math.floor(people * random() * random());
    ids[i] = "C" + String(c).padStart(width, "0");
    dates[i] = 44_000 + Math.floor(random() * 1_100);
    amounts[i] = Math.round(random() * 20_000) / 100;
  }
  return { ids, dates, amounts };
}

function rfmColumns(n: number) {
  const random = seededRandom(7);
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

function segmentColumns(n: number) {
  const random = seededRandom(2026 + n);
  const scores = new Float64Array(n);
  const behaviour = new Float64Array(n);
  const priceShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = Math.floor(random() * 11);
    behaviour[i] = Math.round(-Math.log(1 - random()) * 40) / 10;
    priceShare[i] = random();
  }
  return { scores, behaviour, priceShare };
}

function segmentCore(d: ReturnType<typeof segmentColumns>) {
  const n = d.scores.length;
  const attitudes = new Array<Attitude | CellError | null>(n);
  const priceDriven = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    attitudes[i] = attitudeFromRecommend(d.scores[i]);
    priceDriven[i] = d.priceShare[i] >= 0.5;
  }
  return segmentCustomers({ attitudes, behaviour: d.behaviour, priceDriven });
}

function slice(a: Float64Array, n: number) {
  return n >= a.length ? a : a.subarray(0, n);
}

/** The cases at n rows (n = N for the full sheet, 10 for the per-call cost). */
function cases(n: number): Case[] {
  const rfm = rfmColumns(n);
  const seg = segmentColumns(n);
  const s = customers();
  const x = slice(s.x, n), tx = slice(s.tx, n), T = slice(s.T, n), z = slice(spends(), n);
  const logSmall = orderLog(n === N ? N - 1 : n, n === N ? 200_000 : Math.max(1, n >> 1), 3);
  const logMillion = n === N ? orderLog(N - 1, 1_000_000, 3) : logSmall;
  const score = rfmDigits(rfm.recency, rfm.frequency, rfm.monetary).score;
  const random = seededRandom(9);
  const starts = new Float64Array(n), ends = new Float64Array(n), news = new Float64Array(n);
  const revenue = new Float64Array(n), years = new Float64Array(n), cost = new Float64Array(n), margin = new Float64Array(n), rate = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    starts[i] = 1000 + Math.floor(random() * 1000);
    news[i] = Math.floor(random() * 300);
    ends[i] = Math.floor(starts[i] * random()) + news[i];
    revenue[i] = Math.round(random() * 100_000) / 100;
    years[i] = 1 + Math.floor(random() * 10);
    cost[i] = Math.round(random() * 5_000) / 100;
    margin[i] = 0.3;
    rate[i] = Math.round(random() * 90) / 100;
  }
  const periods = new Float64Array(n);
  for (let i = 0; i < n; i++) periods[i] = 1 + (i % 1000);
  const period = { customersStart: 0, customersEnd: 0, newCustomers: 0 };
  const perPeriod = (f: (c: typeof period) => number | CellError) => () => {
    const out = new Array<number | CellError>(n);
    for (let i = 0; i < n; i++) out[i] = f({ customersStart: starts[i], customersEnd: ends[i], newCustomers: news[i] });
    return out;
  };
  const big = n === N;
  const sort = rfm.monetary;
  const noRedemptions = new Float64Array(logSmall.ids.length);
  const c: Case[] = [
    { id: "RFMSCORE", label: "customers", n, core: () => rfmDigits(rfm.recency, rfm.frequency, rfm.monetary, 5, "rfm"), args: () => [column(rfm.recency), column(rfm.frequency), column(rfm.monetary), null, null], sort, limits: big ? { sortRatio: 2 } : {} },
    { id: "RFMSEGMENT", label: "scores", n, core: () => rfmSegment(score), args: () => [column(score), null], sort },
    { id: "SEGMENT", label: "customers", n, core: () => segmentCore(seg), args: () => [column(seg.scores), column(seg.behaviour), null, column(seg.priceShare)], sort: seg.behaviour, limits: big ? { sortRatio: 1.5 } : {} },
    { id: "RFMTABLE", label: `orders, ${big ? "200,000" : fmt(Math.max(1, n >> 1))} customers`, n: logSmall.ids.length, core: () => rfmTable(logSmall.ids, logSmall.dates, logSmall.amounts), args: () => [column(logSmall.ids), column(logSmall.dates), column(logSmall.amounts), null], sort: logSmall.dates, repeat: 3 },
    ...(big
      ? [{ id: "RFMTABLE", label: "orders, 1,000,000 customers", n: logMillion.ids.length, core: () => rfmTable(logMillion.ids, logMillion.dates, logMillion.amounts), args: () => [column(logMillion.ids), column(logMillion.dates), column(logMillion.amounts), null], sort: logMillion.dates, limits: { excel: 0.5 }, repeat: 3 }]
      : []),
    { id: "BTYDSUMMARY", label: "orders", n: logSmall.ids.length, core: () => btydSummary(logSmall.ids, logSmall.dates, logSmall.amounts, null, "week"), args: () => [column(logSmall.ids), column(logSmall.dates), column(logSmall.amounts), null, null], sort: logSmall.dates, limits: big ? { excel: 0.5 } : {}, repeat: 3 },
    { id: "HOLDOUTSUMMARY", label: "orders", n: logSmall.ids.length, core: () => holdoutSummary(logSmall.ids, logSmall.dates, 44_700, 45_100, "week"), args: () => [column(logSmall.ids), column(logSmall.dates), 44_700, 45_100, null], sort: logSmall.dates, repeat: 3 },
    { id: "COHORTS", label: "orders", n: logSmall.ids.length, core: () => cohortTable(logSmall.ids, logSmall.dates, { period: "month" }), args: () => [column(logSmall.ids), column(logSmall.dates), null, null], sort: logSmall.dates, repeat: 3 },
    { id: "RETENTIONBYPERIOD", label: "orders", n: logSmall.ids.length, core: () => retentionByPeriod(logSmall.ids, logSmall.dates, { period: "month", activeDays: 365 }), args: () => [column(logSmall.ids), column(logSmall.dates), null, null, null], sort: logSmall.dates, repeat: 3 },
    { id: "PALIVE", label: "customers", n, core: () => pAliveColumn(BGNBD_DAYS, x, tx, T), args: () => [column(x), column(tx), column(T), BGNBD_BLOCK], sort: T, limits: big ? { core: 0.02, excel: 0.06 } : {} },
    { id: "EXPECTEDPURCHASES", label: "customers, t = 365 days", n, core: () => expectedPurchasesColumn(BGNBD_DAYS, [365], x, tx, T), args: () => [365, column(x), column(tx), column(T), BGNBD_BLOCK], sort: T, repeat: 3 },
    {
      id: "EXPECTEDSPEND", label: "customers", n, sort: T,
      core: () => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = expectedSpend(GG, x[i], z[i]);
        return out;
      },
      args: () => [column(x), column(z), GG_BLOCK],
    },
    {
      id: "PREDICTEDCLV", label: "customers, 12 months", n, sort: T, repeat: 2,
      core: () => predictedClvColumn(BGNBD_DAYS, GG, x, tx, T, z, { horizonMonths: 12, monthlyDiscountRate: 0.01, timeUnit: "day" }),
      args: () => [column(x), column(tx), column(T), column(z), BGNBD_BLOCK, GG_BLOCK, 12, 0.01, null, "day"],
    },
    {
      id: "CLTV", label: "customers", n, sort: revenue,
      core: () => {
        const out = new Array<number | CellError>(n);
        for (let i = 0; i < n; i++) out[i] = cltv({ annualRevenue: revenue[i], years: years[i], acquisitionCost: cost[i], marginRate: margin[i], discountRate: 0.1 }, i + 1);
        return out;
      },
      args: () => [column(revenue), column(years), column(cost), column(margin), [[0.1]]],
    },
    {
      id: "CLV", label: "customers", n, sort: revenue,
      core: () => {
        const out = new Array<number | CellError>(n);
        for (let i = 0; i < n; i++) out[i] = clv({ marginPerPeriod: revenue[i], retentionRate: rate[i], discountRate: 0.1, acquisitionCost: cost[i] }, i + 1);
        return out;
      },
      args: () => [column(revenue), column(rate), [[0.1]], column(cost)],
    },
    { id: "NPS", label: "answers", n, core: () => netPromoterScore(seg.scores), args: () => [column(seg.scores)], sort: seg.scores },
    { id: "VALUELOST", label: "customers", n, core: () => valueLost({ start: revenue, end: cost, includeDowngrades: true }), args: () => [column(revenue), column(cost), true], sort: revenue },
    { id: "VALUECHURN", label: "customers", n, core: () => valueChurn({ start: revenue, end: cost, includeDowngrades: true }), args: () => [column(revenue), column(cost), true], sort: revenue },
    { id: "RETENTION", label: "periods", n, core: perPeriod(retentionRate), args: () => [column(starts), column(ends), column(news)], sort: starts },
    { id: "CHURN", label: "periods", n, core: perPeriod(churnRate), args: () => [column(starts), column(ends), column(news)], sort: starts },
    { id: "CUSTOMERSLOST", label: "periods", n, core: perPeriod(customersLost), args: () => [column(starts), column(ends), column(news)], sort: starts },
    {
      id: "SBGSURVIVAL", label: "periods", n, sort: periods,
      core: () => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = sbgSurvival(0.7, 1.3, periods[i]);
        return out;
      },
      args: () => [column(periods), [["alpha", "beta"], [0.7, 1.3]]],
    },
    {
      id: "SBGRETENTION", label: "periods", n, sort: periods,
      core: () => {
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = sbgRetentionRate(0.7, 1.3, periods[i]);
        return out;
      },
      args: () => [column(periods), [["alpha", "beta"], [0.7, 1.3]]],
    },
    {
      id: "POINTSEARNED", label: "orders, 100 points per unit", n, sort: revenue,
      core: () => {
        const out = new Array<number | CellError | null>(n);
        for (let i = 0; i < n; i++) out[i] = pointsEarned(revenue[i], 100);
        return out;
      },
      args: () => [column(revenue), [[100]], null, null],
    },
    {
      id: "TIER", label: "customers, 3 tiers", n, sort: revenue,
      core: () => {
        const out = new Array<string | number | CellError>(n);
        for (let i = 0; i < n; i++) out[i] = tierOf(revenue[i], LADDER, i + 1);
        return out;
      },
      args: () => [column(revenue), LADDER_GRID, null],
    },
    {
      id: "POINTSALLOCATION", label: "sales", n, sort: revenue,
      core: () => {
        const out = new Array<unknown>(n);
        for (let i = 0; i < n; i++) out[i] = pointsAllocation({ sales: revenue[i], pointsIssued: years[i] * 100, valuePerPoint: 0.01, expectedRedemptionRate: 0.95, goodsStandalonePrice: null, standalonePricePerPoint: null }, i + 1);
        return out;
      },
      args: () => [column(revenue), column(years.map((y) => y * 100)), [[0.01]], [[0.95]], null, null],
    },
    {
      id: "POINTSBALANCE", label: `ledger rows, ${big ? "200,000" : fmt(Math.max(1, n >> 1))} customers, 12-month expiry`, n: logSmall.ids.length, sort: logSmall.dates, repeat: 3,
      core: () => pointsBalances({ ids: logSmall.ids, dates: logSmall.dates, earned: logSmall.amounts, redeemed: noRedemptions }, 12, 45_100),
      args: () => [column(logSmall.ids), column(logSmall.dates), column(logSmall.amounts), column(noRedemptions), 12, 45_100],
    },
  ];
  return c;
}

/** Basic from 0, Silver from 500, Gold from 2,000 (the issue's example ladder). */
const LADDER = { bounds: [0, 500, 2000], names: ["Basic", "Silver", "Gold"] };
const LADDER_GRID = [[0, "Basic"], [500, "Silver"], [2000, "Gold"]];

/** Seconds of the fastest of `repeat` calls through the bundle, with the longest stretch between yields. */
async function throughExcel(id: string, args: () => unknown[], repeat: number) {
  const fn = bundleFunctions().get(id);
  if (!fn) throw new Error(`${id} is not in dist/functions.js`);
  let best = Infinity;
  let stretch = 0;
  let result: unknown;
  for (let k = 0; k <= repeat; k++) {
    const a = args(); // fresh arrays each call, as Excel builds them; not timed
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const start = process.hrtime.bigint();
    result = fn(...a);
    const syncSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const async = result instanceof Promise;
    result = await result;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    histogram.disable();
    if (k === 0) continue; // warm-up
    best = Math.min(best, seconds);
    // A synchronous call is one stretch; for an async one the event-loop delay seen by the timer (which also
    // counts garbage collection and, on a busy machine, time the process was not scheduled).
    stretch = Math.max(stretch, async ? Math.max(syncSeconds, histogram.max / 1e9) : syncSeconds);
  }
  if (result && typeof result === "object" && !Array.isArray(result)) throw new Error(`${id} failed: ${JSON.stringify(result)}`);
  return { seconds: best, stretch };
}

/**
 * Reading the Excel-shaped arguments alone, a floor for any function given them: every cell of the
 * range arguments read once, from fresh arrays as for the call, with no checks and no computation.
 * (The result is not rebuilt here: the functions share one row array among equal small numbers and
 * texts, so any stand-in for their output would measure something else.) Best of `repeat`.
 */
function readingFloor(args: () => unknown[], repeat: number): number {
  let best = Infinity;
  for (let k = 0; k <= repeat; k++) {
    const a = args();
    const start = process.hrtime.bigint();
    let sink = 0;
    for (const arg of a) {
      if (!Array.isArray(arg)) continue;
      for (let i = 0; i < arg.length; i++) {
        const row = arg[i] as unknown[];
        for (let j = 0; j < row.length; j++) if (typeof row[j] === "number") sink += row[j] as number;
      }
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (sink === -1) throw new Error("unreachable"); // keeps the loop from being optimised away
    if (k > 0) best = Math.min(best, seconds);
  }
  return best;
}

async function runSize(n: number): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const c of cases(n)) {
    const repeat = n === N ? (c.repeat ?? 5) : 200;
    if (n !== N) for (let k = 0; k < 50; k++) await c.core();
    const core = await time(() => c.core(), repeat);
    const excel = await throughExcel(c.id, c.args, repeat);
    const sort = c.sort ? await sortBaseline(c.sort) : NaN;
    const notes: string[] = [];
    const ratio = excel.seconds / core.seconds;
    if (n === N) {
      const floor = readingFloor(c.args, Math.min(repeat, 3));
      notes.push(`${ratio.toFixed(2)}× core (target ≤ 1.5×: ${ratio <= 1.5 ? "met" : "MISSED"})`);
      notes.push(`reading the arguments alone ${(floor * 1000).toFixed(0)} ms (core + reading ${((core.seconds + floor) / core.seconds).toFixed(2)}× core)`);
    }
    else notes.push(`${(excel.seconds * 1000).toFixed(3)} ms per call (target < 1 ms: ${excel.seconds < 0.001 ? "met" : "MISSED"})`);
    if (c.sort) notes.push(`sort ${(sort * 1000).toFixed(1)} ms, through Excel ${(excel.seconds / sort).toFixed(2)}× sort${c.limits?.sortRatio ? ` (target ≤ ${c.limits.sortRatio}×: ${excel.seconds / sort <= c.limits.sortRatio ? "met" : "MISSED"})` : ""}`);
    if (c.limits?.core) notes.push(`core target ≤ ${c.limits.core} s: ${core.seconds <= c.limits.core ? "met" : "MISSED"}`);
    if (c.limits?.excel) notes.push(`through Excel target ≤ ${c.limits.excel} s: ${excel.seconds <= c.limits.excel ? "met" : "MISSED"}`);
    notes.push(`longest stretch ${(excel.stretch * 1000).toFixed(0)} ms`);
    rows.push({ name: `${c.id}, ${fmt(c.n)} ${c.label}`, seconds: core.seconds, throughExcel: excel.seconds, note: notes.join("; ") });
  }
  return rows;
}

/** The worst cases of issue 10, through the bundle: total time, longest stretch without a yield, what came out. */
async function worstCases(): Promise<BenchResult[]> {
  const cdnow = [[0.242593, 4.413532, 0.792886, 2.425754]];
  const gg = [[6.25, 3.74, 15.44]];
  const random = seededRandom(50);
  const m = 50_000;
  const x = new Float64Array(m), tx = new Float64Array(m), T = new Float64Array(m), z = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    // 50,000 distinct histories in weeks: T from 1 to 78 with three decimals, so (x, T) never repeats.
    T[i] = 1 + (77 * i) / m;
    x[i] = Math.floor(random() * 8);
    tx[i] = x[i] === 0 ? 0 : T[i] * random();
    z[i] = x[i] === 0 ? 0 : 5 + random() * 50;
  }
  const thirty = (v: number) => column(new Array(30).fill(v));
  // CDNOW estimates (weeks): Pareto/NBD from Fader & Hardie (2005), note 009; MBG/NBD as in test/analytics/btyd/mbgnbd.test.ts.
  const pareto = [[0.553, 10.578, 0.606, 11.669]];
  const mbg = [["MBG/NBD r", "MBG/NBD alpha", "MBG/NBD a", "MBG/NBD b", "log-likelihood"], [0.525, 6.183, 0.891, 1.614, ""]];
  const fullSheet = () => {
    const big = 1_048_576;
    const bx = new Array<number>(big), btx = new Array<number>(big), bT = new Array<number>(big);
    for (let i = 0; i < big; i++) {
      bT[i] = 1 + (77 * i) / big;
      bx[i] = Math.floor(random() * 8);
      btx[i] = bx[i] === 0 ? 0 : bT[i] * random();
    }
    return [column(bx), column(btx), column(bT)];
  };
  const cases: { label: string; id: string; args: () => unknown[] }[] = [
    { label: "PREDICTEDCLV, 50,000 distinct histories, CDNOW fits, 120 months, weeks", id: "PREDICTEDCLV", args: () => [column(x), column(tx), column(T), column(z), cdnow, gg, 120, 0.01, null, "week"] },
    { label: "PREDICTEDCLV, 30 rows, r = 1E-300, gg p = 1E300, 1,200 months, days", id: "PREDICTEDCLV", args: () => [thirty(3), thirty(20), thirty(30), thirty(25), [[1e-300, 4.4, 0.79, 2.4]], [[1e300, 3.74, 15.44]], 1200, 0, null, "day"] },
    { label: "EXPECTEDPURCHASES, 30 rows, t = 1E9 weeks, CDNOW fit", id: "EXPECTEDPURCHASES", args: () => [1e9, thirty(2), thirty(30), thirty(38), cdnow] },
    // A full sheet of distinct histories: a quadrature or series per customer (Pareto/NBD's death term).
    { label: "PARETONBDPALIVE, 1,048,576 distinct histories, CDNOW fit", id: "PARETONBDPALIVE", args: () => [...fullSheet(), pareto] },
    { label: "PARETONBDEXPECTED, 1,048,576 distinct histories, 39 weeks", id: "PARETONBDEXPECTED", args: () => [39, ...fullSheet(), pareto] },
    { label: "MBGNBDPALIVE, 1,048,576 distinct histories", id: "MBGNBDPALIVE", args: () => [...fullSheet(), mbg] },
  ];
  const rows: BenchResult[] = [];
  for (const c of cases) {
    const fn = bundleFunctions().get(c.id)!;
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    const a = c.args();
    histogram.enable();
    const start = process.hrtime.bigint();
    const pending = fn(...a);
    const syncSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const result = (await pending) as unknown;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    histogram.disable();
    const cells = Array.isArray(result) ? (result as unknown[][]).map((r) => r[0]) : [result];
    const numbers = cells.filter((v) => typeof v === "number").length;
    const firstError = cells.find((v) => typeof v === "object" && v !== null) as { code?: string; message?: string } | undefined;
    rows.push({
      name: `worst case: ${c.label}`,
      seconds,
      note: `${numbers} numbers, ${cells.length - numbers} errors${firstError ? ` (${firstError.code}: ${firstError.message?.slice(0, 90)}…)` : ""}; longest stretch ${(Math.max(syncSeconds, histogram.max / 1e9) * 1000).toFixed(0)} ms (limit 200 ms)`,
    });
  }
  return rows;
}

export const throughExcelBenches: Benchmark[] = [
  { name: "through Excel, worst cases", run: worstCases },
  { name: "through Excel, 10 rows", run: () => runSize(10) },
  { name: "through Excel, 1,048,576 rows", run: () => runSize(N) },
];

