/**
 * The two engines the generated SQL is executed on in tests: DuckDB in-process (@duckdb/node-api)
 * and a throw-away PostgreSQL cluster (Debian's postgresql, started as the postgres user in a
 * temporary folder on a free localhost port, stopped afterwards). Both load an order log from a
 * CSV file into a table `orders_log (customer_id TEXT, order_date DATE, amount DOUBLE)` and return
 * rows as plain objects: integers and decimals as numbers, dates as ISO text.
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";

export type Row = Record<string, string | number | boolean | null>;

export type OrderRow = { readonly id: string | null; readonly date: string | null; readonly amount: number | null };

export type Engine = {
  readonly name: "duckdb" | "postgres";
  /** Creates (or replaces) table `table` with the orders. */
  load(table: string, rows: readonly OrderRow[]): Promise<void>;
  query(sql: string): Promise<Row[]>;
  /** Writes `text` to a file the engine can read (for PostgreSQL: as the server's postgres user) and returns its path. */
  scratchFile(name: string, text: string): string;
  close(): Promise<void>;
};

const csvField = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? String(v) : `"${v.replace(/"/g, '""')}"`);

function writeCsv(file: string, rows: readonly OrderRow[]): void {
  const lines = rows.map((r) => `${csvField(r.id)},${r.date ?? ""},${r.amount === null ? "" : r.amount}`);
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

/** Numbers sent as text (BIGINT, DECIMAL) become numbers; other text stays. */
function normalise(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === "bigint") out[k] = Number(v);
    else if (typeof v === "string" && k !== "customer" && k !== "segment" && /^-?\d+(\.\d+)?$/.test(v)) out[k] = Number(v);
    else out[k] = v as Row[string];
  }
  return out;
}

export async function duckdbEngine(): Promise<Engine> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const connection = await instance.connect();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-duckdb-"));
  let files = 0;
  return {
    name: "duckdb",
    async load(table, rows) {
      const file = path.join(dir, `orders${files++}.csv`);
      writeCsv(file, rows);
      await connection.run(`CREATE OR REPLACE TABLE ${table} (customer_id VARCHAR, order_date DATE, amount DOUBLE)`);
      await connection.run(`COPY ${table} FROM '${file}' (FORMAT csv, HEADER false)`);
    },
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJson().map((r) => normalise(r as Record<string, unknown>));
    },
    scratchFile(name, text) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The newest /usr/lib/postgresql/<version>/bin holding initdb, or null. */
export function postgresBin(): string | null {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return null;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], "bin") : null;
}

export const POSTGRES_MISSING =
  "PostgreSQL server binaries not found under /usr/lib/postgresql/<version>/bin: install Debian's postgresql (apt-get install -y postgresql); the SQL tests need it and are never skipped";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function postgresEngine(): Promise<Engine> {
  const bin = postgresBin();
  if (bin === null) throw new Error(POSTGRES_MISSING);
  const { Client, types } = await import("pg");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-pg-"));
  const data = path.join(dir, "data");
  const asPostgres = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--"] : [];
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...asPostgres, ...args];
    execFileSync(cmd, rest, { stdio: "pipe" });
  };
  if (asPostgres.length) execFileSync("chown", ["postgres:postgres", dir]);
  run([path.join(bin, "initdb"), "-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const port = await freePort();
  run([path.join(bin, "pg_ctl"), "-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  const stop = () => run([path.join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]);
  let client: InstanceType<typeof Client>;
  try {
    client = new Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
    await client.connect();
  } catch (e) {
    stop();
    throw e;
  }
  // Dates as ISO text, not JavaScript Dates in the local time zone.
  const parseTypes = { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === 1082 ? (v: string) => v : types.getTypeParser(oid, format)) };
  let files = 0;
  return {
    name: "postgres",
    async load(table, rows) {
      const file = path.join(dir, `orders${files++}.csv`);
      writeCsv(file, rows);
      fs.chmodSync(file, 0o644);
      await client.query(`DROP TABLE IF EXISTS ${table}`);
      await client.query(`CREATE TABLE ${table} (customer_id TEXT, order_date DATE, amount DOUBLE PRECISION)`);
      await client.query(`COPY ${table} FROM '${file}' WITH (FORMAT csv)`);
      await client.query(`ANALYZE ${table}`);
    },
    async query(sql) {
      const result = await client.query({ text: sql, types: parseTypes });
      return result.rows.map(normalise);
    },
    scratchFile(name, text) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      fs.chmodSync(file, 0o644);
      return file;
    },
    async close() {
      await client.end();
      stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
