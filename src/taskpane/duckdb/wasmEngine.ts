/**
 * DuckDB-Wasm in the pane, for one job at a time: loaded by `import()` only when the user runs a
 * file (never before the pane's first render), from the add-in's own origin (the build copies the
 * single-threaded MVP/EH bundles to `duckdb/`; Excel on the web is not cross-origin isolated, so
 * the COI bundle is never used), nothing from a CDN. The worker is a same-origin `new Worker(url)`
 * (not a blob) and is terminated after every job, also on Cancel, so its memory goes with it.
 * A picked CSV is registered by handle (BROWSER_FILEREADER): DuckDB reads slices on demand and
 * the file is never copied into a buffer. A Parquet file is read here in the pane by hyparquet
 * (files/parquetFile.ts) in a worker of its own (files/parquetInWorker.ts), row group by row
 * group, each group inserted into PARQUET_TABLE as Arrow IPC bytes (insertArrowFromIPCStream),
 * after the memory limit is set, in an in-memory catalog stored compressed (PARQUET_CATALOG).
 */
import { inBlocks, timeSlicer } from "../../analytics/numeric/yieldToHost";
import { CancelledError } from "../excel/blocks";
import type { FileKind } from "../files/fileSource";
import { FILE_NAME_CSV, PARQUET_TABLE } from "../files/fileSource";
import type { ParquetColumnNames } from "../files/parquetFile";
import { DEFAULT_MEMORY_LIMIT_MB, type Row, type SqlRunner, classifyEngineError, settingsSql } from "./fileJob";

/** Folder of the copied DuckDB-Wasm files, relative to the pane's page (see webpack.config.js). */
export const DUCKDB_ASSET_DIR = "duckdb/";

/** The message of an error event from the worker, or a plain one when the browser gives none (a worker script that failed to load). */
export function workerErrorMessage(event: Pick<ErrorEvent, "message">): string {
  return event.message ? `DuckDB worker: ${event.message}` : "The DuckDB worker stopped (its script or wasm could not be loaded).";
}

/** Thrown when the add-in's server does not send the engine's wasm as WebAssembly (the pane says how to fix the server). */
export class EngineServedWrongError extends Error {
  constructor(
    readonly url: string,
    readonly contentType: string,
  ) {
    super(`${url} is served as "${contentType}"; browsers run WebAssembly only when it is served as application/wasm`);
    this.name = "EngineServedWrongError";
  }
}

/**
 * Asks the add-in's own server how it sends the wasm before the worker fetches it: a wasm served
 * as anything but application/wasm makes the worker's instantiateStreaming reject inside the
 * worker, where no event reaches the pane, and the job would wait for ever. A server that does not
 * answer HEAD is not judged (the worker tries as before). Same origin only; no data is sent.
 */
export async function checkWasmServed(url: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(url, { method: "HEAD", cache: "no-store" });
  } catch {
    return;
  }
  if (!response.ok) return;
  const type = (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/wasm") throw new EngineServedWrongError(url, type || "no content type");
}

/**
 * The Parquet orders live in an in-memory catalog stored compressed (DuckDB compresses a table's
 * row groups when it checkpoints): 10,000,000 orders (id, date, amount) take ~106 MB there against
 * ~249 MB uncompressed, and all of it counts against memory_limit, leaving the analysis the rest.
 * A checkpoint every CHECKPOINT_ROWS inserted rows keeps the uncompressed tail short.
 */
const PARQUET_CATALOG = "loyalty_orders_file";
const COMPRESSED_CATALOG_SQL = [`ATTACH ':memory:' AS ${PARQUET_CATALOG} (COMPRESS)`, `USE ${PARQUET_CATALOG}`];
const CHECKPOINT_SQL = `CHECKPOINT ${PARQUET_CATALOG}`;
const CHECKPOINT_ROWS = 2_000_000;

/** The parts of an Arrow vector the result conversion reads. */
type ArrowColumn = { readonly type: { readonly typeId: number }; readonly nullCount: number; toArray(): ArrayLike<unknown>; isValid(i: number): boolean; get(i: number): unknown };

/**
 * Arrow's Type ids (apache-arrow's `Type` enum) whose toArray() is a typed array holding the values
 * get() returns. Not Utf8: its toArray() decodes a whole batch (up to a million strings from
 * DuckDB-Wasm, 300 ms in one stretch), where get(i) decodes one string in the sliced loop.
 */
const PLAIN_TYPES: ReadonlySet<number> = new Set([2 /* Int */, 3 /* Float */]);

/**
 * Reads one result column: integers and doubles as the batch's typed array (null where invalid),
 * several times faster than a row object per row; text and other types value by value.
 */
function columnReader(name: string, vector: ArrowColumn): { readonly name: string; readonly value: (i: number) => unknown } {
  if (!PLAIN_TYPES.has(vector.type.typeId)) return { name, value: (i) => vector.get(i) };
  const values = vector.toArray();
  if (vector.nullCount === 0) return { name, value: (i) => values[i] };
  return { name, value: (i) => (vector.isValid(i) ? values[i] : null) };
}

/**
 * Runs `job` with a fresh DuckDB-Wasm worker holding `file`; the worker is gone when it settles.
 * A Parquet file needs its mapped columns' names (`parquet`): only those are read.
 */
export async function withFileEngine<T>(file: Blob, kind: FileKind, job: (query: SqlRunner) => Promise<T>, signal?: AbortSignal, parquet?: ParquetColumnNames): Promise<T> {
  if (kind === "parquet" && !parquet) throw new Error("parquet: the mapped columns' names are needed to read a Parquet file");
  if (signal?.aborted) throw new CancelledError();
  const duckdb = await import(/* webpackChunkName: "duckdb" */ "@duckdb/duckdb-wasm");
  const at = (name: string): string => new URL(DUCKDB_ASSET_DIR + name, document.baseURI).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: at("duckdb-mvp.wasm"), mainWorker: at("duckdb-browser-mvp.worker.js") },
    eh: { mainModule: at("duckdb-eh.wasm"), mainWorker: at("duckdb-browser-eh.worker.js") },
  });
  await checkWasmServed(bundle.mainModule);
  if (signal?.aborted) throw new CancelledError();
  const worker = new Worker(bundle.mainWorker as string);
  let stop: (() => void) | null = null;
  let crashed: ((event: ErrorEvent) => void) | null = null;
  const cancelled = new Promise<never>((_, reject) => {
    stop = () => {
      worker.terminate();
      reject(new CancelledError());
    };
    signal?.addEventListener("abort", stop, { once: true });
    // An error thrown inside the worker settles none of AsyncDuckDB's promises: without this the
    // pane would say "Reading…" for ever. The worker's own unhandled rejection when
    // instantiateStreaming refuses the wasm never reaches this event: checkWasmServed catches
    // that case before the worker starts.
    crashed = (event: ErrorEvent) => {
      event.preventDefault();
      reject(new Error(workerErrorMessage(event)));
    };
    worker.addEventListener("error", crashed);
  });
  cancelled.catch(() => undefined);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    const work = (async () => {
      await db.instantiate(bundle.mainModule);
      const conn = await db.connect();
      const query: SqlRunner = async (sql) => {
        if (signal?.aborted) throw new CancelledError();
        const table = await conn.query(sql);
        // A million result rows are seconds of work: turned into objects batch by batch, yielding
        // whenever a slice is used up, so that the pane answers (and Cancel works) meanwhile.
        const rows = new Array<Row>(table.numRows);
        const slicer = timeSlicer();
        let done = 0;
        for (const batch of table.batches) {
          const at = done;
          const columns = batch.schema.fields.map((field: { name: string }, j: number) => columnReader(field.name, batch.getChildAt(j) as ArrowColumn));
          await inBlocks(batch.numRows, slicer, (from, to) => {
            for (let i = from; i < to; i++) {
              const row: Record<string, unknown> = {};
              for (const c of columns) row[c.name] = c.value(i);
              rows[at + i] = row;
            }
          });
          done += batch.numRows;
          if (signal?.aborted) throw new CancelledError();
        }
        return rows;
      };
      if (kind === "csv") await db.registerFileHandle(FILE_NAME_CSV, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      else if (parquet) {
        // The memory limit holds for the inserted table too (runFileJob sets it again, the same).
        for (const s of settingsSql(DEFAULT_MEMORY_LIMIT_MB)) await query(s);
        for (const s of COMPRESSED_CATALOG_SQL) await query(s);
        const [{ ParquetFileError }, { loadParquetInWorker }] = await Promise.all([
          import(/* webpackChunkName: "parquet" */ "../files/parquetFile"),
          import(/* webpackChunkName: "parquet" */ "../files/parquetInWorker"),
        ]);
        try {
          let sinceCheckpoint = 0;
          await loadParquetInWorker(
            file,
            parquet,
            async (ipc, first, rows) => {
              await conn.insertArrowFromIPCStream(ipc, { name: PARQUET_TABLE, create: first });
              sinceCheckpoint += rows;
              if (sinceCheckpoint >= CHECKPOINT_ROWS) {
                await query(CHECKPOINT_SQL);
                sinceCheckpoint = 0;
              }
            },
            signal,
          );
          await query(CHECKPOINT_SQL);
        } catch (error) {
          // A refusal of the file or Cancel as they are; the engine's own errors (out of memory) classified as a job's.
          throw error instanceof ParquetFileError || error instanceof CancelledError ? error : classifyEngineError(error);
        }
      }
      return job(query);
    })();
    return await Promise.race([work, cancelled]);
  } finally {
    if (stop) signal?.removeEventListener("abort", stop);
    if (crashed) worker.removeEventListener("error", crashed);
    try {
      await Promise.race([db.terminate(), new Promise((r) => setTimeout(r, 1000))]);
    } catch {
      // The worker may be gone already (Cancel).
    }
    worker.terminate();
  }
}
