/**
 * @jest-environment node
 *
 * The file path end to end on the real engine: a German CSV export read by DuckDB-Wasm (its blocking
 * Node build from the pinned @duckdb/duckdb-wasm, same wasm as the pane's), through the sniffed
 * dialect, the guessed columns, the declared read_csv and the generated DuckDB SQL; compared keyed
 * with the TypeScript core (rfmTable, btydSummary) on the same orders.
 */
import * as path from "path";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { rfmTable } from "../../../src/analytics/rfm/rfmTable";
import { sniffCsvDialect } from "../../../src/taskpane/files/csvDialect";
import { guessFileColumns } from "../../../src/taskpane/files/fileColumns";
import { FILE_NAME_CSV, csvSourceSql, fileViewSql, parquetSourceSql, FILE_VIEW } from "../../../src/taskpane/files/fileSource";
import { FileJobError, type Row, type SqlRunner, classifyEngineError, runFileJob, settingsSql } from "../../../src/taskpane/duckdb/fileJob";
import { germanCsv, makeOrders } from "./germanOrders";

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
    const core = btydSummary(ORDERS.ids, ORDERS.serials, null, AS_OF_SERIAL, "week");
    const groups = new Map<string, number>();
    for (let c = 0; c < core.ids.length; c++) {
      if (Number.isNaN(core.x[c])) continue;
      const key = `${core.x[c]}|${core.tx[c]}|${core.T[c]}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    expect(result.rows).toHaveLength(groups.size);
    for (const [x, tx, T, customers] of result.rows) expect(groups.get(`${x}|${tx}|${T}`)).toBe(customers);
    expect(result.rows.reduce((n, r) => n + (r[3] as number), 0)).toBe([...groups.values()].reduce((a, b) => a + b, 0));
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

  it("says Parquet is not available: 1.32.0's wasm build does not link the parquet extension", async () => {
    // duckdb_extensions() of the pinned build: parquet is not statically linked (checked 2026-12-01).
    const [ext] = await query(`SELECT install_mode FROM duckdb_extensions() WHERE extension_name = 'parquet'`);
    expect(ext.install_mode).not.toBe("STATICALLY_LINKED");
    const viewSql = `CREATE OR REPLACE VIEW "${FILE_VIEW}" AS SELECT * FROM ${parquetSourceSql()}`;
    const job = runFileJob(query, { analysis: "btydGrouped", viewSql, asOf: null, unit: "week" });
    await expect(job).rejects.toMatchObject({ kind: "parquetMissing" });
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
