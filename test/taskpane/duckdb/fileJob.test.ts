/**
 * @jest-environment node
 *
 * The file path end to end on the real engine: a German CSV export read by DuckDB-Wasm (its blocking
 * Node build from the pinned @duckdb/duckdb-wasm, same wasm as the pane's), through the sniffed
 * dialect, the guessed columns, the declared read_csv and the generated DuckDB SQL; compared keyed
 * with the TypeScript core (rfmTable, rfmDigits, rfmSegment, btydSummary, holdoutSummary,
 * cohortTable, retentionByPeriod) on the same orders, floats within 1e-9 relative.
 */
import * as path from "path";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { holdoutSummary } from "../../../src/analytics/btyd/holdoutSummary";
import { cohortTable } from "../../../src/analytics/retention/cohortTable";
import { retentionByPeriod } from "../../../src/analytics/retention/retentionByPeriod";
import { rfmDigits } from "../../../src/analytics/rfm/rfmScores";
import { DEFAULT_RFM_RULES, rfmSegment, segmentName } from "../../../src/analytics/rfm/rfmSegments";
import { rfmTable } from "../../../src/analytics/rfm/rfmTable";
import { defaultCalibrationEnd, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { guessHoldoutColumns, isHoldoutTable, readHoldoutTable } from "../../../src/taskpane/model/holdoutTable";
import { sniffCsvDialect } from "../../../src/taskpane/files/csvDialect";
import { guessFileColumns } from "../../../src/taskpane/files/fileColumns";
import { FILE_NAME_CSV, csvSourceSql, fileViewSql } from "../../../src/taskpane/files/fileSource";
import { FileJobError, RFM_SEGMENT_COLUMNS, type Row, type SqlRunner, classifyEngineError, runFileJob, settingsSql } from "../../../src/taskpane/duckdb/fileJob";
import { germanCsv, makeOrders } from "./germanOrders";
import { coreBtydGroups, expectClose, expectGroupedRows } from "./coreComparisons";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
const DIST = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"));

type Db = { connect(): { query(sql: string): { toArray(): { toJSON(): Row }[] } }; registerFileBuffer(name: string, bytes: Uint8Array): void };
let db: Db;
let query: SqlRunner;

beforeAll(async () => {
  const bundles = {
    mvp: { mainModule: path.join(DIST, "duckdb-mvp.wasm"), mainWorker: path.join(DIST, "duckdb-node-mvp.worker.cjs") },
    eh: { mainModule: path.join(DIST, "duckdb-eh.wasm"), mainWorker: path.join(DIST, "duckdb-node-eh.worker.cjs") },
  };
  db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await (db as unknown as { instantiate(p: () => void): Promise<void> }).instantiate(() => {});
  const conn = db.connect();
  query = async (sql) => conn.query(sql).toArray().map((r) => r.toJSON());
}, 60_000);

const ORDERS = makeOrders(6_000, 900);
const CSV = germanCsv(ORDERS);
const AS_OF = "2023-06-30";
const AS_OF_SERIAL = 45107; // 2023-06-30 as an Excel serial (DATE(2023,6,30) in Excel)

function german(): { viewSql: string } {
  const dialect = sniffCsvDialect(CSV.slice(0, 4096));
  const columns = guessFileColumns(dialect.header, dialect.sample);
  expect(columns).toEqual({ id: 0, date: 1, amount: 2 });
  db.registerFileBuffer(FILE_NAME_CSV, new TextEncoder().encode(CSV));
  return { viewSql: fileViewSql(csvSourceSql(dialect, columns), dialect.header, columns) };
}

/** The orders as the cells' order log (id, date serial), for Check the model's default calibration end. */
const orderLog = () => readOrderLog(ORDERS.ids.map((id, i) => [id, ORDERS.serials[i]]), 0, 1, 2);

describe("runFileJob on DuckDB-Wasm", () => {
  it("gives the core's RFM table for every customer of a German CSV (';', decimal commas, d.m.Y)", async () => {
    const { viewSql } = german();
    const result = await runFileJob(query, { analysis: "rfmTable", viewSql, asOf: AS_OF, unit: "week" });
    expect(result.orders).toBe(6_000);
    const core = rfmTable(ORDERS.ids, ORDERS.serials, ORDERS.amounts, AS_OF_SERIAL);
    const byId = new Map(result.rows.map((r) => [r[0], r]));
    const coreCustomers = core.ids.filter((_, c) => core.orders[c] > 0);
    expect(result.rows).toHaveLength(coreCustomers.length);
    core.ids.forEach((id, c) => {
      if (core.orders[c] === 0) return;
      const row = byId.get(id) as (string | number)[];
      expect(row.slice(1, 4)).toEqual([core.firstOrder[c], core.lastOrder[c], core.orders[c]]);
      expect(row[4]).toBeCloseTo(core.revenue[c], 6);
      expect(row[5]).toBe(core.recencyDays[c]);
      expect(row[6]).toBe(0);
    });
  }, 60_000);

  it("gives the core's BTYD summary grouped by (x, t_x, T) with customer counts", async () => {
    const { viewSql } = german();
    const result = await runFileJob(query, { analysis: "btydGrouped", viewSql, asOf: AS_OF, unit: "week" });
    expectGroupedRows(result.rows, coreBtydGroups(ORDERS, AS_OF_SERIAL));
  }, 60_000);

  it("gives the core's BTYD summary in whole weeks grouped the same way, with fewer rows than whole days give", async () => {
    const { viewSql } = german();
    const result = await runFileJob(query, { analysis: "btydGrouped", viewSql, asOf: AS_OF, unit: "week", wholePeriods: true });
    const groups = coreBtydGroups(ORDERS, AS_OF_SERIAL, true);
    expectGroupedRows(result.rows, groups);
    expect(groups.size).toBeLessThan(coreBtydGroups(ORDERS, AS_OF_SERIAL).size);
  }, 60_000);

  it("gives RFMSCORE's digits and score and RFMSEGMENT's name beside the RFM table's columns, for every customer", async () => {
    const { viewSql } = german();
    const result = await runFileJob(query, { analysis: "rfmSegments", viewSql, asOf: AS_OF, unit: "week" });
    expect(result.columns).toEqual(RFM_SEGMENT_COLUMNS);
    // Core: RFMTABLE, then RFMSCORE (5 bins, "rfm") on its recency, orders and revenue, then RFMSEGMENT's default rules.
    const core = rfmTable(ORDERS.ids, ORDERS.serials, ORDERS.amounts, AS_OF_SERIAL);
    const kept = core.ids.map((_, c) => c).filter((c) => core.orders[c] > 0);
    // The amounts are whole cents: the engine's exact DECIMAL revenue, as a double, is the core's float sum rounded to cents.
    const revenue = Float64Array.from(kept, (c) => Math.round(core.revenue[c] * 100) / 100);
    const digits = rfmDigits(Float64Array.from(kept, (c) => core.recencyDays[c]), Float64Array.from(kept, (c) => core.orders[c]), revenue, 5, "rfm");
    const segments = rfmSegment({ r: digits.r, f: digits.f, m: digits.m });
    const byId = new Map(result.rows.map((r) => [r[0], r]));
    expect(result.rows).toHaveLength(kept.length);
    kept.forEach((c, i) => {
      const row = byId.get(core.ids[c]) as (string | number)[];
      expect(row.slice(1, 4)).toEqual([core.firstOrder[c], core.lastOrder[c], core.orders[c]]);
      expectClose(row[4], revenue[i], `revenue of ${core.ids[c]}`);
      expect(row.slice(5)).toEqual([core.recencyDays[c], 0, digits.r[i], digits.f[i], digits.m[i], digits.score[i], segmentName(DEFAULT_RFM_RULES, segments.index[i])]);
    });
    // Every digit occurs: the comparison is not one of constant columns.
    for (const column of [7, 8, 9]) expect(new Set(result.rows.map((r) => r[column])).size).toBe(5);
  }, 60_000);

  it("refuses RFM scores and segments for more customers than a sheet's rows, before the query", async () => {
    const { viewSql } = german();
    const customers = new Set(ORDERS.ids).size;
    await expect(runFileJob(query, { analysis: "rfmSegments", viewSql, asOf: AS_OF, unit: "week", maxRows: customers - 1 })).rejects.toMatchObject({ kind: "tooManyCustomers", customers });
  }, 60_000);

  it("gives HOLDOUTSUMMARY grouped by history, at Check the model's default calibration end, under headers Check the model reads", async () => {
    const { viewSql } = german();
    const log = orderLog();
    const result = await runFileJob(query, { analysis: "holdoutGrouped", viewSql, asOf: null, unit: "week" });
    // The default is Check the model's on the same orders (1st/99th percentile midpoint), the holdout runs to the last order.
    expect(result.calibrationEnd).toBe(defaultCalibrationEnd(log));
    expect(result.holdoutEnd).toBe(log.lastDate);
    const core = holdoutSummary(ORDERS.ids, ORDERS.serials, result.calibrationEnd as number, log.lastDate, "week");
    const groups = new Map<string, { x: number; tx: number; T: number; xh: number; n: number }>();
    for (let c = 0; c < core.ids.length; c++) {
      const key = `${core.x[c]}|${Math.round(core.tx[c] * 7)}|${Math.round(core.T[c] * 7)}|${core.xHoldout[c]}`;
      const g = groups.get(key) ?? { x: core.x[c], tx: core.tx[c], T: core.T[c], xh: core.xHoldout[c], n: 0 };
      g.n++;
      groups.set(key, g);
    }
    expect(result.rows).toHaveLength(groups.size);
    for (const [x, tx, T, xh, length, n] of result.rows as number[][]) {
      const g = groups.get(`${x}|${Math.round(tx * 7)}|${Math.round(T * 7)}|${xh}`);
      if (!g) throw new Error(`no core group for ${[x, tx, T, xh].join(", ")}`);
      expectClose(tx, g.tx, "t_x");
      expectClose(T, g.T, "T");
      expectClose(length, core.holdoutLength, "holdout_length");
      expect(n).toBe(g.n);
    }
    // Check the model recognises the written table by its headers and reads it with the customers as weights.
    const sheet = [result.columns.slice(), ...result.rows];
    const columns = guessHoldoutColumns(sheet, true, result.columns.length);
    expect(columns).toEqual({ x: 0, tx: 1, T: 2, xHoldout: 3, holdoutLength: 4, weight: 5 });
    expect(isHoldoutTable(columns)).toBe(true);
    expect(readHoldoutTable(result.rows, columns, 4, null).customers).toBe(core.ids.length);
  }, 60_000);

  it("takes a typed calibration end and refuses one outside the file's order dates, naming them", async () => {
    const { viewSql } = german();
    const log = orderLog();
    const typed = AS_OF_SERIAL;
    const result = await runFileJob(query, { analysis: "holdoutGrouped", viewSql, asOf: null, unit: "day", calibrationEnd: typed });
    expect(result.calibrationEnd).toBe(typed);
    const core = holdoutSummary(ORDERS.ids, ORDERS.serials, typed, log.lastDate, "day");
    expect(result.rows.reduce((n, r) => n + (r[5] as number), 0)).toBe(core.ids.length);
    expect(result.rows[0][4]).toBe(log.lastDate - typed);
    await expect(runFileJob(query, { analysis: "holdoutGrouped", viewSql, asOf: null, unit: "week", calibrationEnd: log.lastDate })).rejects.toMatchObject({
      kind: "badCalibrationEnd",
      dates: { first: log.firstDate, last: log.lastDate },
    });
  }, 60_000);

  it.each(["month", "week"] as const)("gives COHORTS' triangle by %s in long form, blank where not yet known", async (period) => {
    const { viewSql } = german();
    const result = await runFileJob(query, { analysis: "cohorts", viewSql, asOf: AS_OF, unit: "week", period });
    const t = await cohortTable(ORDERS.ids, ORDERS.serials, { period, asOf: AS_OF_SERIAL });
    expect(result.rows).toHaveLength(t.cohortStart.length * t.columns);
    const byKey = new Map(result.rows.map((r) => [`${r[0]}#${r[1]}`, r]));
    let unknown = 0;
    for (let row = 0; row < t.cohortStart.length; row++) {
      for (let k = 0; k < t.columns; k++) {
        const got = byKey.get(`${t.cohortStart[row]}#${k}`) as (string | number)[];
        expect(got[2]).toBe(t.cohortSize[row]);
        if (Number.isNaN(t.shares[k][row])) {
          expect(got.slice(3)).toEqual(["", ""]);
          unknown++;
        } else {
          expect(got[3]).toBe(t.active[k][row]);
          expectClose(got[4], t.shares[k][row], `share of cohort ${t.cohortStart[row]}, period ${k}`);
        }
      }
    }
    expect(unknown).toBeGreaterThan(0);
  }, 60_000);

  it.each([
    ["month", 365],
    ["quarter", 365],
    ["year", 366],
  ] as const)("gives RETENTIONBYPERIOD's table by %s with %d active days", async (period, activeDays) => {
    const { viewSql } = german();
    const result = await runFileJob(query, { analysis: "retention", viewSql, asOf: AS_OF, unit: "week", period, activeDays });
    const t = await retentionByPeriod(ORDERS.ids, ORDERS.serials, { period, activeDays, asOf: AS_OF_SERIAL });
    expect(result.rows).toHaveLength(t.periodStart.length);
    const byStart = new Map(result.rows.map((r) => [r[0], r]));
    t.periodStart.forEach((start, i) => {
      const got = byStart.get(start) as (string | number)[];
      expect([got[1], got[2], got[3], got[4], got[5], got[7]]).toEqual([t.customersStart[i], t.newCustomers[i], t.reactivated[i], t.customersEnd[i], t.retained[i], t.lost[i]]);
      if (Number.isNaN(t.retention[i])) expect(got[6]).toBe("");
      else expectClose(got[6], t.retention[i], `retention from ${start}`);
    });
  }, 60_000);

  it("refuses results longer than a sheet: the RFM table before its query, the grouped summary by its rows", async () => {
    const { viewSql } = german();
    // The limits come from the same orders: the file's distinct customers (the check counts the
    // whole file, before as_of), and the core's distinct (x, t_x, T) as of AS_OF.
    const customers = new Set(ORDERS.ids).size;
    const core = btydSummary(ORDERS.ids, ORDERS.serials, null, AS_OF_SERIAL, "week");
    const groups = new Set(core.ids.map((_, c) => `${core.x[c]}|${core.tx[c]}|${core.T[c]}`)).size;
    const rfm = runFileJob(query, { analysis: "rfmTable", viewSql, asOf: AS_OF, unit: "week", maxRows: customers - 1 });
    await expect(rfm).rejects.toMatchObject({ kind: "tooManyCustomers", customers });
    await expect(runFileJob(query, { analysis: "rfmTable", viewSql, asOf: AS_OF, unit: "week", maxRows: customers })).resolves.toMatchObject({ orders: 6_000 });
    const grouped = runFileJob(query, { analysis: "btydGrouped", viewSql, asOf: AS_OF, unit: "week", maxRows: groups - 1 });
    await expect(grouped).rejects.toMatchObject({ kind: "tooManyRows", rows: groups });
    const fits = await runFileJob(query, { analysis: "btydGrouped", viewSql, asOf: AS_OF, unit: "week", maxRows: groups });
    expect(fits.rows).toHaveLength(groups);
  }, 60_000);

  it("sets the memory limit it is given and refuses extension downloads", async () => {
    for (const s of settingsSql(256)) await query(s);
    const [row] = await query(`SELECT current_setting('memory_limit') AS m, current_setting('autoload_known_extensions') AS a`);
    expect(row.m).toBe("244.1 MiB"); // 256 MB = 256,000,000 bytes = 244.1 MiB as DuckDB prints it
    expect(row.a).toBe(false);
    expect(() => settingsSql(10)).toThrow(/memoryLimitMb/);
  });

  it("has no Parquet reader in the pinned wasm build (why the pane reads Parquet with hyparquet, files/parquetFile.ts)", async () => {
    // duckdb_extensions() of the pinned build: parquet is not statically linked (checked 2026-12-01).
    const [ext] = await query(`SELECT install_mode FROM duckdb_extensions() WHERE extension_name = 'parquet'`);
    expect(ext.install_mode).not.toBe("STATICALLY_LINKED");
    for (const s of settingsSql(256)) await query(s);
    await expect(query(`SELECT * FROM read_parquet('x.parquet')`)).rejects.toThrow(/parquet/i);
  });

  it("classifies out-of-memory errors", () => {
    expect(classifyEngineError(new Error("Out of Memory Error: could not allocate block of size 256 KiB")).kind).toBe("outOfMemory");
    expect(classifyEngineError(new Error("Binder Error: column x")).kind).toBe("engine");
    expect(classifyEngineError(new FileJobError("tooManyCustomers", "m", 2e6)).customers).toBe(2e6);
  });

  it("runs the RFM table of 6,000 orders inside the smallest memory limit it allows (64 MB)", async () => {
    const { viewSql } = german();
    const job = runFileJob(query, { analysis: "rfmTable", viewSql, asOf: null, unit: "week", memoryLimitMb: 64 });
    await expect(job).resolves.toMatchObject({ orders: 6_000 });
  }, 60_000);
});
