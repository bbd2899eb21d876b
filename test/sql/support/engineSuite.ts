/**
 * The SQL generator's queries executed on one engine and compared, keyed, with the TypeScript core on
 * the same data (datasets.ts). Run for DuckDB (test/sql/duckdb.test.ts) and PostgreSQL
 * (test/sql/postgres.test.ts). Expected values come from the core functions named in each test.
 */
import { bgnbdFit } from "../../../src/analytics/btyd/bgnbdFit";
import { expectedPurchases, pAlive } from "../../../src/analytics/btyd/bgnbdPredictions";
import { clvGroupsAsync } from "../../../src/analytics/btyd/clvGroups";
import { predictedClvColumn } from "../../../src/analytics/btyd/predictedClv";
import { monthIn } from "../../../src/analytics/orders/timeUnit";
import { timeSlicer } from "../../../src/analytics/numeric/yieldToHost";
import { clvGroupsCsv } from "../../../src/taskpane/warehouse/clvGroupsCsv";
import { clvJoinSql, clvLoadStatements } from "../../../src/sql/clvGroupsSql";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { holdoutSummary } from "../../../src/analytics/btyd/holdoutSummary";
import { PeriodKind } from "../../../src/analytics/orders/calendarPeriods";
import { isoFromSerial, serialFromIsoText } from "../../../src/analytics/orders/dates";
import { TimeUnit } from "../../../src/analytics/orders/timeUnit";
import { cohortTable } from "../../../src/analytics/retention/cohortTable";
import { retentionByPeriod } from "../../../src/analytics/retention/retentionByPeriod";
import { RfmMethod, rfmDigits } from "../../../src/analytics/rfm/rfmScores";
import { DEFAULT_RFM_RULES, rfmSegment, segmentName } from "../../../src/analytics/rfm/rfmSegments";
import { rfmTable } from "../../../src/analytics/rfm/rfmTable";
import { DIALECTS } from "../../../src/sql/dialects";
import { btydSummarySql } from "../../../src/sql/btydSummarySql";
import { cohortsSql } from "../../../src/sql/cohortsSql";
import { holdoutSummarySql } from "../../../src/sql/holdoutSummarySql";
import { pAliveSql } from "../../../src/sql/pAliveSql";
import { retentionByPeriodSql } from "../../../src/sql/retentionByPeriodSql";
import { rfmScoresSql } from "../../../src/sql/rfmScoresSql";
import { rfmSegmentsSql } from "../../../src/sql/rfmSegmentsSql";
import { rfmTableSql } from "../../../src/sql/rfmTableSql";
import { OrderSource } from "../../../src/sql/orderSource";
import { Columns, cdnowRows, columnsOf, edgeRows, rfmRows, singleRows, syntheticRows } from "./datasets";
import { Expected, keyedDifferences } from "./compare";
import { Engine, OrderRow, Row } from "./engines";

const serial = (iso: string) => serialFromIsoText(iso) as number;
const byCustomer = (r: Record<string, unknown>) => String(r.customer);
const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));

type Dataset = { table: string; rows: OrderRow[]; asOf: string };

/** CDNOW fits: BG/NBD of Fader, Hardie & Lee (2005), Gamma-Gamma of Fader & Hardie (2013), both in weeks. */
const CDNOW_BGNBD = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 };
const CDNOW_GG = { p: 6.25, q: 3.74, v: 15.44 };
const CLV_OPTIONS = { horizonMonths: 12, monthlyDiscountRate: 0.01, marginRate: 0.3, timeUnit: "week" as const };

/** Runs the generated load statements: psql's \copy runs as the server-side COPY (the same command; the client here is not psql). */
async function runLoad(engine: Engine, statements: string[]): Promise<void> {
  for (const s of statements) {
    if (s.startsWith("--")) continue;
    await engine.query(s.startsWith("\\copy ") ? `${s.slice(1)};` : s);
  }
}

/** The core's RFM table, keyed, for customers without a blank amount; the flagged customers apart. */
function expectedRfmTable(cols: Columns, asOf: string | null) {
  const t = rfmTable(cols.ids, cols.dates, cols.amounts, asOf === null ? undefined : serial(asOf));
  const rows: Expected[] = [];
  const flagged: string[] = [];
  t.ids.forEach((id, c) => {
    if (t.firstBadRow[c] >= 0) {
      flagged.push(id);
      return;
    }
    rows.push({
      customer: id,
      first_order: isoFromSerial(t.firstOrder[c]),
      last_order: isoFromSerial(t.lastOrder[c]),
      orders: t.orders[c],
      revenue: t.revenue[c],
      recency_days: t.recencyDays[c],
      orders_without_amount: 0,
    });
  });
  return { rows, flagged };
}

/** The core's digits (RFMSCORE) on the RFM table the engine computed; monetary blank where an amount is missing. */
function expectedDigits(table: Row[], bins: number, method: RfmMethod): Expected[] {
  const recency = Float64Array.from(table, (r) => num(r.recency_days));
  const frequency = Float64Array.from(table, (r) => num(r.orders));
  const monetary = Float64Array.from(table, (r) => (num(r.orders_without_amount) > 0 ? NaN : num(r.revenue)));
  const d = rfmDigits(recency, frequency, monetary, bins, method);
  return table.map((r, i) => ({ customer: String(r.customer), r: d.r[i], f: d.f[i], m: d.m[i], score: Number.isNaN(d.score[i]) ? null : d.score[i] }));
}

function expectedBtyd(cols: Columns, asOf: string, unit: TimeUnit, withSpend: boolean, wholePeriods = false): Expected[] {
  const s = btydSummary(cols.ids, cols.dates, withSpend ? cols.amounts : null, serial(asOf), unit, wholePeriods);
  const out: Expected[] = [];
  s.ids.forEach((id, c) => {
    if (s.firstBadRow[c] >= 0) return;
    out.push({ customer: id, x: s.x[c], t_x: s.tx[c], T: s.T[c], ...(withSpend ? { average_spend: s.averageSpend![c], orders_without_amount: 0 } : {}) });
  });
  return out;
}

function groupKey(r: Record<string, unknown>, fields: string[]): string {
  return fields.map((f) => String(r[f])).join("|");
}

/** Keyed groups of expected per-customer rows: integer-day keys, the converted values, and counts. */
function groupsOf(rows: Expected[], fields: string[], extra: (r: Expected) => Expected): Expected[] {
  const groups = new Map<string, Expected>();
  for (const r of rows) {
    const k = groupKey(r, fields);
    const g = groups.get(k);
    if (g) (g.customers as number)++;
    else groups.set(k, { ...Object.fromEntries(fields.map((f) => [f, r[f]])), ...extra(r), customers: 1 });
  }
  return [...groups.values()];
}

export function engineSuite(name: string, makeEngine: () => Promise<Engine>): void {
  const d = DIALECTS[name === "duckdb" ? "duckdb" : "postgres"];
  let engine: Engine;
  const source = (table: string, amount = true): OrderSource => ({ table, customerId: "customer_id", orderDate: "order_date", amount: amount ? "amount" : null });
  const datasets: Record<string, Dataset> = {
    rfm: { table: "rfm_orders", rows: rfmRows(), asOf: "2006-12-31" },
    cdnow: { table: "cdnow", rows: cdnowRows(), asOf: "1997-09-30" },
    edge: { table: "edge", rows: edgeRows(), asOf: "2024-03-31" },
    single: { table: "single", rows: singleRows(), asOf: "2024-03-31" },
    synthetic: { table: "synthetic", rows: syntheticRows(11), asOf: "2023-06-30" },
  };
  /** The cells refuse a customer with a blank date; the SQL leaves that row out. The core runs on the log without it. */
  const cols = (key: string) => columnsOf(datasets[key].rows.filter((r) => r.date !== null));

  beforeAll(async () => {
    engine = await makeEngine();
    for (const ds of Object.values(datasets)) await engine.load(ds.table, ds.rows);
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
  });

  describe.each(Object.keys(datasets))("on the %s order log", (key) => {
    const ds = () => datasets[key];

    it("gives RFMTABLE's figures per customer and flags the customers with a blank amount", async () => {
      for (const asOf of [ds().asOf, null]) {
        const got = await engine.query(rfmTableSql(d, { source: source(ds().table), asOf }));
        const { rows, flagged } = expectedRfmTable(cols(key), asOf);
        const clean = got.filter((r) => num(r.orders_without_amount) === 0);
        expect(keyedDifferences(clean, rows, byCustomer)).toEqual([]);
        expect(got.filter((r) => num(r.orders_without_amount) > 0).map((r) => r.customer).sort()).toEqual(flagged.sort());
      }
    });

    it.each([
      [5, "rfm"],
      [5, "quantile"],
      [3, "rfm"],
      [9, "quantile"],
    ] as const)("gives RFMSCORE's digits with %d bins and method %s", async (bins, method) => {
      const table = await engine.query(rfmTableSql(d, { source: source(ds().table), asOf: ds().asOf }));
      const got = await engine.query(rfmScoresSql(d, { source: source(ds().table), asOf: ds().asOf, bins, method }));
      expect(keyedDifferences(got, expectedDigits(table, bins, method), byCustomer)).toEqual([]);
    });

    it("names RFMSEGMENT's default segments", async () => {
      const table = await engine.query(rfmTableSql(d, { source: source(ds().table), asOf: ds().asOf }));
      const digits = expectedDigits(table, 5, "rfm");
      const seg = rfmSegment({ r: digits.map((e) => e.r as number), f: digits.map((e) => e.f as number), m: digits.map((e) => e.m as number) });
      const expected = digits.map((e, i) => ({ customer: e.customer, score: e.score, segment: segmentName(DEFAULT_RFM_RULES, seg.index[i]) }));
      const got = await engine.query(rfmSegmentsSql(d, { source: source(ds().table), asOf: ds().asOf }));
      expect(keyedDifferences(got, expected, byCustomer)).toEqual([]);
    });

    it.each(["week", "day", "month"] as const)("gives BTYDSUMMARY's x, t_x, T and average repeat spend in %ss", async (unit) => {
      const got = await engine.query(btydSummarySql(d, { source: source(ds().table), asOf: ds().asOf, unit }));
      const clean = got.filter((r) => num(r.orders_without_amount) === 0);
      expect(keyedDifferences(clean, expectedBtyd(cols(key), ds().asOf, unit, true), byCustomer)).toEqual([]);
      // Without amounts every customer has a history, including those with a blank amount.
      const plain = await engine.query(btydSummarySql(d, { source: source(ds().table, false), asOf: ds().asOf, unit }));
      expect(keyedDifferences(plain, expectedBtyd(cols(key), ds().asOf, unit, false), byCustomer)).toEqual([]);
    });

    it("groups the BTYD summary by whole-day (x, t_x, T) with customer counts, and lists the repeat buyers' spend", async () => {
      const perCustomer = await engine.query(btydSummarySql(d, { source: source(ds().table, false), asOf: ds().asOf, unit: "week" }));
      const expected = groupsOf(perCustomer as Expected[], ["x", "t_x_days", "T_days"], (r) => ({ t_x: r.t_x, T: r.T }));
      const got = await engine.query(btydSummarySql(d, { source: source(ds().table), asOf: ds().asOf, unit: "week", shape: "grouped" }));
      expect(keyedDifferences(got, expected, (r) => groupKey(r, ["x", "t_x_days", "T_days"]))).toEqual([]);
      const core = expectedBtyd(cols(key), ds().asOf, "week", false);
      expect(got.reduce((s, r) => s + num(r.customers), 0)).toBe(core.length);
      const spend = await engine.query(btydSummarySql(d, { source: source(ds().table), asOf: ds().asOf, unit: "week", shape: "spend" }));
      const repeat = expectedBtyd(cols(key), ds().asOf, "week", true)
        .filter((r) => (r.x as number) > 0)
        .map((r) => ({ customer: r.customer, x: r.x, average_spend: r.average_spend }));
      expect(keyedDifferences(spend, repeat, byCustomer)).toEqual([]);
    });

    it.each(["week", "month"] as const)("gives BTYDSUMMARY's whole-%s x, t_x, T and spend, per customer, grouped and for the spend rows", async (unit) => {
      const periods = { asOf: ds().asOf, unit, wholePeriods: true };
      const got = await engine.query(btydSummarySql(d, { source: source(ds().table), ...periods }));
      const clean = got.filter((r) => num(r.orders_without_amount) === 0);
      expect(keyedDifferences(clean, expectedBtyd(cols(key), ds().asOf, unit, true, true), byCustomer)).toEqual([]);
      const perCustomer = expectedBtyd(cols(key), ds().asOf, unit, false, true);
      const plain = await engine.query(btydSummarySql(d, { source: source(ds().table, false), ...periods }));
      expect(keyedDifferences(plain, perCustomer, byCustomer)).toEqual([]);
      const grouped = await engine.query(btydSummarySql(d, { source: source(ds().table), ...periods, shape: "grouped" }));
      expect(keyedDifferences(grouped, groupsOf(perCustomer, ["x", "t_x", "T"], () => ({})), (r) => groupKey(r, ["x", "t_x", "T"]))).toEqual([]);
      const spend = await engine.query(btydSummarySql(d, { source: source(ds().table), ...periods, shape: "spend" }));
      const repeat = expectedBtyd(cols(key), ds().asOf, unit, true, true)
        .filter((r) => (r.x as number) > 0)
        .map((r) => ({ customer: r.customer, x: r.x, average_spend: r.average_spend }));
      expect(keyedDifferences(spend, repeat, byCustomer)).toEqual([]);
    });

    it("gives HOLDOUTSUMMARY's calibration and holdout figures, per customer and grouped", async () => {
      const calibrationEnd = isoFromSerial(serial(ds().asOf) - 60);
      const holdoutEnd = ds().asOf;
      const c = cols(key);
      const h = holdoutSummary(c.ids, c.dates, serial(calibrationEnd), serial(holdoutEnd), "week");
      const expected: Expected[] = h.ids.map((id, i) => ({ customer: id, x: h.x[i], t_x: h.tx[i], T: h.T[i], x_holdout: h.xHoldout[i], holdout_length: h.holdoutLength }));
      const got = await engine.query(holdoutSummarySql(d, { source: source(ds().table), calibrationEnd, holdoutEnd, unit: "week" }));
      expect(keyedDifferences(got, expected, byCustomer)).toEqual([]);
      const grouped = await engine.query(holdoutSummarySql(d, { source: source(ds().table), calibrationEnd, holdoutEnd, unit: "week", grouped: true }));
      const fields = ["x", "t_x_days", "T_days", "x_holdout"];
      expect(keyedDifferences(grouped, groupsOf(got as Expected[], fields, (r) => ({ t_x: r.t_x, T: r.T, holdout_length: r.holdout_length })), (r) => groupKey(r, fields))).toEqual([]);
    });

    it.each(["month", "week", "quarter"] as const)("gives COHORTS' triangle by %s in long form, NULL where not yet known", async (period: PeriodKind) => {
      const c = cols(key);
      let table;
      try {
        table = await cohortTable(c.ids, c.dates, { period, asOf: serial(ds().asOf) });
      } catch {
        return; // the cells refuse a log where nobody came back (the single customer by quarter); the SQL has no such rule
      }
      const expected: Expected[] = [];
      for (let row = 0; row < table.cohortStart.length; row++) {
        for (let k = 0; k < table.columns; k++) {
          const share = table.shares[k][row];
          expected.push({
            cohort_start: isoFromSerial(table.cohortStart[row]),
            period: k,
            customers: table.cohortSize[row],
            active: Number.isNaN(share) ? null : table.active[k][row],
            share: Number.isNaN(share) ? null : share,
          });
        }
      }
      const got = await engine.query(cohortsSql(d, { source: source(ds().table), asOf: ds().asOf, period }));
      expect(keyedDifferences(got, expected, (r) => `${r.cohort_start}#${r.period}`)).toEqual([]);
    });

    it.each([
      ["month", 365],
      ["week", 30],
      ["quarter", 92],
    ] as const)("gives RETENTIONBYPERIOD's columns by %s with %d active days", async (period, activeDays) => {
      const c = cols(key);
      const t = await retentionByPeriod(c.ids, c.dates, { period, activeDays, asOf: serial(ds().asOf) });
      const expected: Expected[] = Array.from(t.periodStart, (start, i) => ({
        period_start: isoFromSerial(start),
        customers_start: t.customersStart[i],
        new_customers: t.newCustomers[i],
        reactivated: t.reactivated[i],
        customers_end: t.customersEnd[i],
        retained: t.retained[i],
        retention: Number.isNaN(t.retention[i]) ? null : t.retention[i],
        lost: t.lost[i],
      }));
      const got = await engine.query(retentionByPeriodSql(d, { source: source(ds().table), asOf: ds().asOf, period, activeDays }));
      expect(keyedDifferences(got, expected, (r) => String(r.period_start))).toEqual([]);
    });

    it("loads the pane's CLV group table from CSV and joins it on whole days: PALIVE, EXPECTEDPURCHASES and PREDICTEDCLV per customer", async () => {
      const perCustomer = await engine.query(btydSummarySql(d, { source: source(ds().table, false), asOf: ds().asOf, unit: "week" }));
      const table = await clvGroupsAsync(
        CDNOW_BGNBD,
        { x: perCustomer.map((r) => num(r.x)), txDays: perCustomer.map((r) => num(r.t_x_days)), TDays: perCustomer.map((r) => num(r.T_days)) },
        CLV_OPTIONS,
        timeSlicer(),
      );
      // One row per distinct whole-day history, the same as the grouped summary's rows.
      expect(table.count).toBe(new Set(perCustomer.map((r) => `${r.x}|${r.t_x_days}|${r.T_days}`)).size);
      const grouped = await engine.query(btydSummarySql(d, { source: source(ds().table), asOf: ds().asOf, unit: "week", shape: "grouped" }));
      expect(table.count).toBe(grouped.length);

      const groupTable = `clv_groups_${key}`;
      const file = engine.scratchFile(`${groupTable}.csv`, await clvGroupsCsv(table));
      await runLoad(engine, clvLoadStatements(d, { groupTable, csvLocation: file }));
      const got = await engine.query(clvJoinSql(d, { source: source(ds().table), asOf: ds().asOf, unit: "week", groupTable, gammaGamma: CDNOW_GG, marginRate: CLV_OPTIONS.marginRate }));

      // The core per customer, as the cells compute it: BTYDSUMMARY, then PALIVE, EXPECTEDPURCHASES (12 months) and PREDICTEDCLV.
      const c = cols(key);
      const s = btydSummary(c.ids, c.dates, c.amounts, serial(ds().asOf), "week");
      const clean = s.ids.map((_, i) => i).filter((i) => s.firstBadRow[i] < 0);
      const pick = (col: ArrayLike<number>) => clean.map((i) => col[i]);
      const clv = predictedClvColumn(CDNOW_BGNBD, CDNOW_GG, pick(s.x), pick(s.tx), pick(s.T), pick(s.averageSpend!), CLV_OPTIONS);
      const horizon = 12 * monthIn("week");
      const expected: Expected[] = clean.map((i, k) => ({
        customer: s.ids[i],
        x: s.x[i],
        p_alive: pAlive(CDNOW_BGNBD, s.x[i], s.tx[i], s.T[i]),
        expected_purchases: expectedPurchases(CDNOW_BGNBD, horizon, s.x[i], s.tx[i], s.T[i]),
        clv: clv[k],
      }));
      const flagged = s.ids.filter((_, i) => s.firstBadRow[i] >= 0);
      expect(keyedDifferences(got.filter((r) => !flagged.includes(String(r.customer))), expected, byCustomer)).toEqual([]);
      // A customer with a blank amount keeps P(alive) and expected purchases but gets no spend and no CLV (an error in the cells).
      for (const id of flagged) {
        const row = got.find((r) => r.customer === id);
        expect(row?.p_alive).not.toBeNull();
        expect(row?.clv).toBeNull();
      }
      expect(got.every((r) => r.p_alive !== null)).toBe(true); // every customer's group was in the CSV
    });

    it("scores P(alive) in closed form as PALIVE does", async () => {
      // CDNOW fit of Fader, Hardie & Lee (2005), weeks; and a fit whose z overflows exp() unclipped.
      for (const params of [
        { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 },
        { r: 40, alpha: 0.01, a: 5, b: 0.01 },
      ]) {
        const got = await engine.query(pAliveSql(d, { source: source(ds().table), asOf: ds().asOf, unit: "week", params }));
        const expected = expectedBtyd(cols(key), ds().asOf, "week", false).map((r) => ({
          customer: r.customer,
          p_alive: pAlive(params, r.x as number, r.t_x as number, r.T as number),
        }));
        expect(keyedDifferences(got, expected, byCustomer)).toEqual([]);
      }
    });
  });

  it("reproduces P(alive) 0.7266 for CDNOW customer 1 (Fader, Hardie & Lee 2005, worked example)", async () => {
    // Sample customer 1 is master customer 00004: x 2, t_x 30.43, T 38.86 weeks as of 1997-09-30.
    const params = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425754 };
    const got = await engine.query(pAliveSql(d, { source: source("cdnow"), asOf: "1997-09-30", unit: "week", params }));
    const one = got.find((r) => r.customer === "00004");
    expect(one?.x).toBe(2);
    expect(Number(one?.p_alive)).toBeCloseTo(0.7266, 4);
  });

  it("gives RFMSCORE's digits on random integer columns with thousands of ties, every bin count", async () => {
    for (const seed of [1, 2]) {
      // 4,000 customers on 30 days with amounts 1–4: recency, orders and revenue are almost all ties.
      const rows = syntheticRows(100 + seed, 4000, 30, 4);
      await engine.load("ties", rows);
      const table = await engine.query(rfmTableSql(d, { source: source("ties"), asOf: "2021-02-10" }));
      for (let bins = 2; bins <= 9; bins++) {
        for (const method of ["rfm", "quantile"] as const) {
          const got = await engine.query(rfmScoresSql(d, { source: source("ties"), asOf: "2021-02-10", bins, method }));
          expect(keyedDifferences(got, expectedDigits(table, bins, method), byCustomer)).toEqual([]);
        }
      }
    }
  }, 120_000);

  if (name === "duckdb") {
    it("fits BGNBDFIT on the grouped summary to the same parameters as on one row per customer (CDNOW master)", async () => {
      const per = await engine.query(btydSummarySql(d, { source: source("cdnow", false), asOf: "1997-09-30", unit: "week" }));
      const grouped = await engine.query(btydSummarySql(d, { source: source("cdnow", false), asOf: "1997-09-30", unit: "week", shape: "grouped" }));
      // CDNOW first purchases span 12 weeks, so 23,570 customers share 8,685 distinct whole-day histories.
      expect(grouped.length).toBeLessThan(per.length / 2);
      const one = bgnbdFit(per.map((r) => num(r.x)), per.map((r) => num(r.t_x)), per.map((r) => num(r.T)));
      const g = bgnbdFit(grouped.map((r) => num(r.x)), grouped.map((r) => num(r.t_x)), grouped.map((r) => num(r.T)), grouped.map((r) => num(r.customers)));
      // Grouping changes only the order of the likelihood's sums; the optimiser stops at its own tolerance.
      for (const p of ["r", "alpha", "a", "b", "logLikelihood"] as const) expect(Math.abs(g[p] - one[p])).toBeLessThanOrEqual(1e-7 * Math.abs(one[p]));
      // The hand-checked fit on the 23,570 CDNOW customers (test/fixtures/README.md): r 0.2516, α 4.789, a 0.7234, b 2.161.
      expect(g.r).toBeCloseTo(0.2516, 3);
      expect(g.alpha).toBeCloseTo(4.789, 2);
      expect(g.a).toBeCloseTo(0.7234, 3);
      expect(g.b).toBeCloseTo(2.161, 2);
    });

    it("fits BGNBDFIT on the whole-week grouped summary to the same parameters as on BTYDSUMMARY's whole weeks per customer (CDNOW master)", async () => {
      const per = await engine.query(btydSummarySql(d, { source: source("cdnow", false), asOf: "1997-09-30", unit: "week", wholePeriods: true }));
      const grouped = await engine.query(btydSummarySql(d, { source: source("cdnow", false), asOf: "1997-09-30", unit: "week", shape: "grouped", wholePeriods: true }));
      const days = await engine.query(btydSummarySql(d, { source: source("cdnow", false), asOf: "1997-09-30", unit: "week", shape: "grouped" }));
      // Whole weeks bound t_x and T by the 39 weeks observed, so there are far fewer histories than whole days give.
      expect(grouped.length).toBeLessThan(days.length / 2);
      expect(grouped.reduce((sum, r) => sum + num(r.customers), 0)).toBe(per.length);
      const one = bgnbdFit(per.map((r) => num(r.x)), per.map((r) => num(r.t_x)), per.map((r) => num(r.T)));
      const g = bgnbdFit(grouped.map((r) => num(r.x)), grouped.map((r) => num(r.t_x)), grouped.map((r) => num(r.T)), grouped.map((r) => num(r.customers)));
      for (const p of ["r", "alpha", "a", "b", "logLikelihood"] as const) expect(Math.abs(g[p] - one[p])).toBeLessThanOrEqual(1e-7 * Math.abs(one[p]));
      // Counting whole weeks moves the fit only a little from the day fit above (r 0.2516, α 4.789, a 0.7234, b 2.161).
      expect(g.r).toBeCloseTo(0.25, 1);
      expect(g.a).toBeCloseTo(0.72, 1);
    });
  }
}
