/**
 * @jest-environment node
 *
 * The pane's Parquet path end to end: files written by the real DuckDB in Node (@duckdb/node-api,
 * ordersParquet.ts) from the same generated orders as the CSV tests, read by hyparquet
 * (readParquetHead, loadParquetOrders) row group by row group into DuckDB-Wasm (its blocking Node
 * build from the pinned @duckdb/duckdb-wasm, same wasm as the pane's) with insertArrowTable, then
 * the same generated SQL as for a CSV (runFileJob); compared keyed with the TypeScript core
 * (rfmTable, btydSummary) on the same orders, floats within 1e-9 relative.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { rfmTable } from "../../../src/analytics/rfm/rfmTable";
import { CancelledError } from "../../../src/taskpane/excel/blocks";
import { guessFileColumns } from "../../../src/taskpane/files/fileColumns";
import { PARQUET_TABLE, fileViewSql, parquetSourceSql } from "../../../src/taskpane/files/fileSource";
import { type ParquetColumnNames, ParquetFileError, isoDay, loadParquetOrders, readParquetHead } from "../../../src/taskpane/files/parquetFile";
import { type Row, type SqlRunner, runFileJob } from "../../../src/taskpane/duckdb/fileJob";
import { germanStrings } from "../../../src/taskpane/strings/de";
import { en } from "../../../src/taskpane/strings/en";
import { norwegianStrings } from "../../../src/taskpane/strings/nb";
import { makeOrders, type Orders } from "../duckdb/germanOrders";
import { coreBtydGroups, expectClose, expectGroupedRows } from "../duckdb/coreComparisons";
import { writeOrdersParquet } from "../duckdb/ordersParquet";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
const DIST = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"));

type Conn = { query(sql: string): { toArray(): { toJSON(): Row }[] }; insertArrowTable(table: unknown, options: { name: string; create: boolean }): void };
let conn: Conn;
let query: SqlRunner;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-parquet-test-"));

const ORDERS = makeOrders(6_000, 900);
const AS_OF = "2023-06-30";
const AS_OF_SERIAL = 45107; // 2023-06-30 as an Excel serial (DATE(2023,6,30) in Excel)
const HEADER = ["Kundennummer", "Bestelldatum", "Betrag"];
const NAMES: ParquetColumnNames = { id: "Kundennummer", date: "Bestelldatum", amount: "Betrag" };
/** Rows per row group asked of DuckDB's writer: several groups of the 6,000 orders, so the group-by-group path is taken. */
const GROUP = 1_000;

const files: Record<string, string> = {};

beforeAll(async () => {
  const bundles = {
    mvp: { mainModule: path.join(DIST, "duckdb-mvp.wasm"), mainWorker: path.join(DIST, "duckdb-node-mvp.worker.cjs") },
    eh: { mainModule: path.join(DIST, "duckdb-eh.wasm"), mainWorker: path.join(DIST, "duckdb-node-eh.worker.cjs") },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  conn = db.connect();
  query = async (sql) => conn.query(sql).toArray().map((r) => r.toJSON());
  const write = async (name: string, options: Parameters<typeof writeOrdersParquet>[2]) => {
    files[name] = path.join(dir, `${name}.parquet`);
    await writeOrdersParquet(files[name], ORDERS, options);
  };
  await write("snappy", { rowGroupSize: GROUP });
  await write("uncompressed", { compression: "uncompressed", rowGroupSize: GROUP });
  // Integer ids, order dates as TIMESTAMP late in the day (same UTC day), amounts as DOUBLE.
  await write("timestamps", {
    select: `CAST(substr(Kundennummer, 2) AS BIGINT) AS Kundennummer, Bestelldatum + INTERVAL 23 HOUR + INTERVAL 59 MINUTE AS Bestelldatum, CAST(Betrag AS DOUBLE) AS Betrag`,
    rowGroupSize: GROUP,
  });
  // Order dates as ISO text, amounts as whole cents (INTEGER).
  await write("isoText", { select: `Kundennummer, strftime(Bestelldatum, '%Y-%m-%d') AS Bestelldatum, CAST(Betrag * 100 AS INTEGER) AS Betrag`, rowGroupSize: GROUP });
  // Ids with letters outside ASCII (UTF-8 of 2 and 3 bytes), to test the Utf8 buffers built by hand.
  await write("unicode", { select: `'Ø€' || Kundennummer AS Kundennummer, Bestelldatum, Betrag`, rowGroupSize: GROUP });
  await write("zstd", { compression: "zstd" });
  await write("boolAmount", { select: `Kundennummer, Bestelldatum, Betrag > 100 AS Betrag` });
  await write("germanText", { select: `Kundennummer, strftime(Bestelldatum, '%d.%m.%Y') AS Bestelldatum, Betrag`, rowGroupSize: GROUP });
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const blob = (name: string): Blob => new Blob([fs.readFileSync(files[name])]);

/** The pane's path: hyparquet's groups into PARQUET_TABLE, then the view over it (fileViewSql, as for a CSV). */
async function load(name: string, signal?: AbortSignal): Promise<{ viewSql: string; groups: number; inserted: number }> {
  await query(`DROP VIEW IF EXISTS loyalty_file_orders`);
  await query(`DROP TABLE IF EXISTS "${PARQUET_TABLE}"`);
  let inserted = 0;
  const { groups } = await loadParquetOrders(
    blob(name),
    NAMES,
    async (table, first) => {
      conn.insertArrowTable(table, { name: PARQUET_TABLE, create: first });
      inserted++;
    },
    signal,
  );
  return { viewSql: fileViewSql(parquetSourceSql(), HEADER, { id: 0, date: 1, amount: 2 }), groups, inserted };
}

/** The RFM table from the file equals the core's on `orders`, customer by customer. */
async function expectCoreRfm(viewSql: string, orders: Orders): Promise<void> {
  const result = await runFileJob(query, { analysis: "rfmTable", viewSql, asOf: AS_OF, unit: "week" });
  expect(result.orders).toBe(orders.ids.length);
  const core = rfmTable(orders.ids, orders.serials, orders.amounts, AS_OF_SERIAL);
  const byId = new Map(result.rows.map((r) => [r[0], r]));
  const kept = core.ids.map((_, c) => c).filter((c) => core.orders[c] > 0);
  expect(result.rows).toHaveLength(kept.length);
  for (const c of kept) {
    const row = byId.get(core.ids[c]);
    if (!row) throw new Error(`no row for customer ${core.ids[c]}`);
    expect(row.slice(1, 4)).toEqual([core.firstOrder[c], core.lastOrder[c], core.orders[c]]);
    expectClose(row[4], core.revenue[c], `revenue of ${core.ids[c]}`);
    expect(row.slice(5)).toEqual([core.recencyDays[c], 0]);
  }
}

describe("readParquetHead", () => {
  it("takes the column names from the Parquet schema and the same id/date/amount guesses as a CSV", async () => {
    const head = await readParquetHead(blob("snappy"));
    expect(head.header).toEqual(HEADER);
    expect(head.rows).toBe(6_000);
    // The first order as a cell would hold it: text id, ISO date, number (germanOrders' first draw).
    expect(head.sample[0]).toEqual([ORDERS.ids[0], new Date(Date.UTC(1899, 11, 30) + ORDERS.serials[0] * 86_400_000).toISOString().slice(0, 10), ORDERS.amounts[0]]);
    expect(head.sample).toHaveLength(200);
    expect(guessFileColumns(head.header, head.sample)).toEqual({ id: 0, date: 1, amount: 2 });
  });

  it("refuses a ZSTD-compressed file, naming codec and column, in en, de and nb", async () => {
    const error = await readParquetHead(blob("zstd")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParquetFileError);
    expect(error).toMatchObject({ kind: "codec", column: "Kundennummer", detail: "ZSTD" });
    for (const strings of [en, germanStrings(en.format), norwegianStrings(en.format)]) {
      const message = strings.files.parquetCodec("Kundennummer", "ZSTD");
      expect(message).toContain("Kundennummer");
      expect(message).toContain("ZSTD");
    }
    await expect(loadParquetOrders(blob("zstd"), NAMES, async () => undefined)).rejects.toMatchObject({ kind: "codec", detail: "ZSTD" });
  });

  it("says a file that is not Parquet cannot be read", async () => {
    await expect(readParquetHead(new Blob(["Kunde;Datum\nK1;01.01.2024\n"]))).rejects.toMatchObject({ kind: "notParquet" });
  });
});

describe("loadParquetOrders into DuckDB-Wasm, then the CSV path's SQL", () => {
  it("gives the core's RFM table for every customer (VARCHAR ids, DATE, DECIMAL(10,2); Snappy, several row groups)", async () => {
    const { viewSql, groups, inserted } = await load("snappy");
    // DuckDB's writer rounds ROW_GROUP_SIZE to its own vectors per thread: three groups here, not six.
    expect(groups).toBeGreaterThan(2);
    expect(inserted).toBe(groups);
    await expectCoreRfm(viewSql, ORDERS);
  }, 60_000);

  it("gives the core's BTYD summary grouped by (x, t_x, T) with customer counts", async () => {
    const { viewSql } = await load("snappy");
    const result = await runFileJob(query, { analysis: "btydGrouped", viewSql, asOf: AS_OF, unit: "week" });
    expectGroupedRows(result.rows, coreBtydGroups(ORDERS, AS_OF_SERIAL));
  }, 60_000);

  it("reads an uncompressed file the same", async () => {
    await expectCoreRfm((await load("uncompressed")).viewSql, ORDERS);
  }, 60_000);

  it("takes integer ids as their digits, a TIMESTAMP as its UTC day and DOUBLE amounts", async () => {
    // Core on the same orders with the ids as CAST(BIGINT AS text) writes them (K17 → 17).
    await expectCoreRfm((await load("timestamps")).viewSql, { ...ORDERS, ids: ORDERS.ids.map((id) => String(Number(id.slice(1)))) });
  }, 60_000);

  it("keeps ids with letters outside ASCII as they are written", async () => {
    await expectCoreRfm((await load("unicode")).viewSql, { ...ORDERS, ids: ORDERS.ids.map((id) => `Ø€${id}`) });
  }, 60_000);

  it("takes ISO text dates and INTEGER amounts", async () => {
    // Amounts written as whole cents: the core on the same orders × 100.
    await expectCoreRfm((await load("isoText")).viewSql, { ...ORDERS, amounts: ORDERS.amounts.map((a) => Math.round(a * 100)) });
  }, 60_000);

  it("refuses an amount column of BOOLEAN, naming it and its type", async () => {
    await expect(load("boolAmount")).rejects.toMatchObject({ kind: "columnType", column: "Betrag", detail: "BOOLEAN" });
    expect(en.files.parquetColumnType("Betrag", "BOOLEAN")).toMatch(/^Column "Betrag" holds BOOLEAN values/);
  });

  it("refuses text dates that are not ISO, naming the row and the text", async () => {
    // Row 1 is the first order, written as 31.12.2023-style text.
    const first = new Date(Date.UTC(1899, 11, 30) + ORDERS.serials[0] * 86_400_000);
    const text = `${String(first.getUTCDate()).padStart(2, "0")}.${String(first.getUTCMonth() + 1).padStart(2, "0")}.${first.getUTCFullYear()}`;
    await expect(load("germanText")).rejects.toMatchObject({ kind: "badDate", column: "Bestelldatum", row: 1, detail: text });
  });

  it("stops between row groups on Cancel", async () => {
    const controller = new AbortController();
    let inserted = 0;
    const run = loadParquetOrders(blob("snappy"), NAMES, async () => {
      inserted++;
      if (inserted === 2) controller.abort();
    }, controller.signal);
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(inserted).toBe(2);
  });
});

describe("isoDay", () => {
  it("gives days since 1970-01-01 for ISO dates, with or without a time, and null for others", () => {
    expect(isoDay("1970-01-02")).toBe(1);
    expect(isoDay("2024-12-31 23:59:59")).toBe(20088); // date_diff('day', DATE '1970-01-01', DATE '2024-12-31') in DuckDB
    expect(isoDay("2023-02-29")).toBeNull();
    expect(isoDay("31.12.2024")).toBeNull();
  });
});
