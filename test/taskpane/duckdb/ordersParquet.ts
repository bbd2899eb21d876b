/**
 * Parquet files of the generated orders (germanOrders.ts), written by the real DuckDB in Node
 * (@duckdb/node-api, as test/sql/support/engines.ts starts it): the German CSV export is read with
 * declared types and copied to Parquet with `COPY (...) TO 'file.parquet' (FORMAT parquet, ...)`.
 * Test data only.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { type Orders, writeGermanCsv } from "./germanOrders";

/**
 * The SELECT list over the export's columns (Kundennummer VARCHAR, Bestelldatum DATE, Betrag
 * DECIMAL(10, 2)); the default keeps them as they are.
 */
export const AS_WRITTEN = `Kundennummer, Bestelldatum, Betrag`;

export type ParquetOptions = { readonly select?: string; readonly compression?: string; readonly rowGroupSize?: number };

/** Writes `orders` to `file` as Parquet (Snappy unless told), through DuckDB's own writer. */
export async function writeOrdersParquet(file: string, orders: Orders, options: ParquetOptions = {}): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-parquet-"));
  try {
    const csv = path.join(dir, "orders.csv");
    writeGermanCsv(csv, orders);
    await germanCsvToParquet(csv, file, options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies a German export written by germanOrders.ts (`csv`) to `file` as Parquet: the same orders, typed. */
export async function germanCsvToParquet(csv: string, file: string, options: ParquetOptions = {}): Promise<void> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  try {
    const source = `read_csv('${csv.replace(/'/g, "''")}', delim = ';', header = true, decimal_separator = ',', dateformat = '%d.%m.%Y', columns = {'Kundennummer': 'VARCHAR', 'Bestelldatum': 'DATE', 'Betrag': 'DECIMAL(10, 2)'})`;
    const settings = [`FORMAT parquet`, `COMPRESSION ${options.compression ?? "snappy"}`, ...(options.rowGroupSize ? [`ROW_GROUP_SIZE ${options.rowGroupSize}`] : [])];
    await connection.run(`COPY (SELECT ${options.select ?? AS_WRITTEN} FROM ${source}) TO '${file.replace(/'/g, "''")}' (${settings.join(", ")})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
