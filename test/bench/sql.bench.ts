/**
 * The generated DuckDB SQL in-process on a synthetic order log (issue 11): by default 50,000,000
 * orders of 5,000,000 customers over 3 years (2022–2024), drawn from the BG/NBD process inside
 * DuckDB with a fixed seed (ORDERS/10 customers with about 10 orders each; see run()).
 * Rows: the grouped BTYD summary, the RFM table with scores, the cohort triangle by month (seconds,
 * rows out, peak resident memory of the process, DuckDB included), and BGNBDFIT on the grouped summary.
 * Targets on a 2-core machine: each query under 20 s, the grouped summary under 500,000 rows,
 * BGNBDFIT on it under 2 s. Smaller runs: BENCH_SQL_ORDERS=5000000 npm run bench sql
 * (customers stay a tenth of the orders). Beside them, what lifetimes users do today on the same
 * log: pandas reads it (not timed) and lifetimes' summary_data_from_transaction_data makes the
 * per-customer summary in weeks (timed, with the Python process's peak memory); BENCH_SQL_LIFETIMES=0
 * leaves it out.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bgnbdFit } from "../../src/analytics/btyd/bgnbdFit";
import { serialFromIsoText } from "../../src/analytics/orders/dates";
import { btydSummarySql } from "../../src/sql/btydSummarySql";
import { cohortsSql } from "../../src/sql/cohortsSql";
import { duckdb } from "../../src/sql/dialects/duckdb";
import { rfmScoresSql } from "../../src/sql/rfmScoresSql";
import { Benchmark, BenchResult, fmt } from "./harness";
import { lifetimesNote, runLifetimes } from "./lifetimes";

const ORDERS = Number(process.env.BENCH_SQL_ORDERS ?? 50_000_000);
const CUSTOMERS = Math.max(1, Math.floor(ORDERS / 10));

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function run(): Promise<BenchResult[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DuckDBInstance } = require("@duckdb/node-api") as typeof import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", { threads: "2" });
  const db = await instance.connect();
  const started = process.hrtime.bigint();
  await db.run("SELECT setseed(0.42)");
  // The log is drawn from the BG/NBD process itself, so that BGNBDFIT has something to find and the
  // grouped summary has the shape real logs give: each customer's first purchase on a day uniform
  // over the 3 years; while alive, purchases at rate λ ~ Gamma(r 2, α 20 days) (a sum of two
  // exponentials); after each repeat purchase, dropout with probability p ~ Beta(a 1, b 4)
  // (1 − U^(1/b)). So a customer makes at most N = 1 + ⌊ln U / ln(1 − p)⌋ repeat purchases, at
  // exponential gaps, up to 2024-12-31 (the cap 3λT + 20 on the drawn gaps is never reached in
  // practice). About 10 orders per customer; several on one day count as one purchase day, as in
  // BTYDSUMMARY. In weeks the truth is r 2, α 2.857, a 1, b 4.
  await db.run(
    `CREATE TABLE bench_customers AS
     SELECT c, start_day, 1095 - start_day AS horizon, rate,
            LEAST(1 + floor(ln(random()) / ln(1 - p)), CEIL(3 * rate * (1095 - start_day) + 20)) AS gaps
     FROM (SELECT i AS c, CAST(floor(random() * 1096) AS INTEGER) AS start_day,
                  (-ln(random()) - ln(random())) / 20.0 AS rate, 1 - pow(random(), 1.0 / 4) AS p
           FROM range(${CUSTOMERS}) AS t(i))`,
  );
  await db.run(
    `CREATE TABLE bench_orders AS
     SELECT 'c' || CAST(c AS VARCHAR) AS customer_id, CAST(DATE '2022-01-01' + start_day AS DATE) AS order_date,
            CAST(round(random() * 100, 2) AS DOUBLE) AS amount
     FROM bench_customers
     UNION ALL
     SELECT 'c' || CAST(c AS VARCHAR), CAST(DATE '2022-01-01' + CAST(start_day + floor(arrival) AS INTEGER) AS DATE),
            CAST(round(random() * 100, 2) AS DOUBLE)
     FROM (SELECT c, start_day, horizon, SUM(gap) OVER (PARTITION BY c ORDER BY j) AS arrival
           FROM (SELECT c, start_day, horizon, j, -ln(random()) / rate AS gap
                 FROM (SELECT c, start_day, horizon, rate, unnest(range(CAST(gaps AS BIGINT))) AS j FROM bench_customers)))
     WHERE arrival <= horizon`,
  );
  await db.run("DROP TABLE bench_customers");
  const loadSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const source = { table: "bench_orders", customerId: "customer_id", orderDate: "order_date", amount: "amount" };
  const drawn = Number((await db.runAndReadAll("SELECT COUNT(*) AS n FROM bench_orders")).getRowObjectsJson()[0].n);
  const label = `${fmt(drawn)} orders, ${fmt(CUSTOMERS)} customers, 3 years`;
  const rows: BenchResult[] = [{ name: `DuckDB: generate ${label}`, seconds: loadSeconds, note: `peak RSS ${fmt(peakMb())} MB` }];
  const measure = async (name: string, sql: string, target: string) => {
    const t0 = process.hrtime.bigint();
    const reader = await db.runAndReadAll(sql);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rows.push({ name: `DuckDB SQL: ${name}, ${label}`, seconds, note: `${fmt(reader.currentRowCount)} rows out; peak RSS ${fmt(peakMb())} MB; ${target}` });
    return reader;
  };
  const grouped = await measure("grouped BTYD summary (weeks)", btydSummarySql(duckdb, { source, asOf: "2024-12-31", unit: "week", shape: "grouped" }), "target < 20 s; whole-day keys");
  const wholeWeeks = await measure(
    "grouped BTYD summary in whole weeks",
    btydSummarySql(duckdb, { source, asOf: "2024-12-31", unit: "week", shape: "grouped", wholePeriods: true }),
    "target < 20 s, < 500,000 rows",
  );
  await measure("RFM table with scores (5 bins)", rfmScoresSql(duckdb, { source, asOf: "2024-12-31" }), "target < 20 s");
  await measure("cohort triangle by month", cohortsSql(duckdb, { source, asOf: "2024-12-31", period: "month" }), "target < 20 s");
  rows.push(fitOn(grouped, "the grouped summary"), fitOn(wholeWeeks, "the whole-week grouped summary"));
  if (process.env.BENCH_SQL_LIFETIMES !== "0") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-sqlbench-"));
    try {
      const file = path.join(dir, "orders.csv");
      await db.run(`COPY (SELECT customer_id AS id, CAST(order_date AS VARCHAR) AS date, amount FROM bench_orders) TO '${file}' (HEADER)`);
      const asOf = serialFromIsoText("2024-12-31")!;
      const lt = runLifetimes([{ id: "summary", kind: "summary", file, as_of: asOf, repeat: 1 }]);
      const seconds = "missing" in lt ? NaN : lt.results.summary.seconds;
      rows.push({
        name: `lifetimes' summary_data_from_transaction_data in pandas (weeks), ${label}`,
        seconds: Number.isNaN(seconds) ? 0 : seconds,
        note: "missing" in lt ? lifetimesNote(lt, "summary", 1) : `${fmt(lt.results.summary.params[0])} customers; peak RSS of the Python process ${fmt(lt.results.summary.params[1])} MB (pandas read the CSV first, not timed)`,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  db.closeSync();
  instance.closeSync();
  return rows;
}

/** BGNBDFIT's core on a grouped summary's columns (taken out of DuckDB's row objects before the clock starts: over a million rows do not fit on a sheet, so there is no Excel-shaped call to time). */
function fitOn(reader: { getRowObjectsJson(): Record<string, unknown>[] }, what: string): BenchResult {
  const g = reader.getRowObjectsJson();
  const column = (name: string) => Float64Array.from(g, (r) => Number(r[name]));
  const [x, tx, T, customers] = [column("x"), column("t_x"), column("T"), column("customers")];
  const t0 = process.hrtime.bigint();
  let note: string;
  try {
    const fit = bgnbdFit(x, tx, T, customers);
    note = `r ${fit.r.toFixed(3)}, α ${fit.alpha.toFixed(3)}, a ${fit.a.toFixed(3)}, b ${fit.b.toFixed(3)} (truth 2, 2.857, 1, 4); ${fit.evaluations} evaluations; target < 2 s`;
  } catch (e) {
    note = `no fit on these synthetic data: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { name: `BGNBDFIT on ${what} (${fmt(g.length)} rows)`, seconds: Number(process.hrtime.bigint() - t0) / 1e9, note };
}

export const sqlBenchmarks: Benchmark[] = [{ name: "SQL generator on DuckDB", run }];
