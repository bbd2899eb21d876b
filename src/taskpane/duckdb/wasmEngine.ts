/**
 * DuckDB-Wasm in the pane, for one job at a time: loaded by `import()` only when the user runs a
 * file (never before the pane's first render), from the add-in's own origin (the build copies the
 * single-threaded MVP/EH bundles to `duckdb/`; Excel on the web is not cross-origin isolated, so
 * the COI bundle is never used), nothing from a CDN. The worker is a same-origin `new Worker(url)`
 * (not a blob) and is terminated after every job, also on Cancel, so its memory goes with it.
 * The picked File is registered by handle (BROWSER_FILEREADER): DuckDB reads slices on demand and
 * the file is never copied into a buffer.
 */
import { CancelledError } from "../excel/blocks";
import type { FileKind } from "../files/fileSource";
import { FILE_NAME_CSV, FILE_NAME_PARQUET } from "../files/fileSource";
import type { Row, SqlRunner } from "./fileJob";

/** Folder of the copied DuckDB-Wasm files, relative to the pane's page (see webpack.config.js). */
export const DUCKDB_ASSET_DIR = "duckdb/";

/** Runs `job` with a fresh DuckDB-Wasm worker holding `file`; the worker is gone when it settles. */
export async function withFileEngine<T>(file: Blob, kind: FileKind, job: (query: SqlRunner) => Promise<T>, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) throw new CancelledError();
  const duckdb = await import(/* webpackChunkName: "duckdb" */ "@duckdb/duckdb-wasm");
  const at = (name: string): string => new URL(DUCKDB_ASSET_DIR + name, document.baseURI).href;
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: at("duckdb-mvp.wasm"), mainWorker: at("duckdb-browser-mvp.worker.js") },
    eh: { mainModule: at("duckdb-eh.wasm"), mainWorker: at("duckdb-browser-eh.worker.js") },
  });
  const worker = new Worker(bundle.mainWorker as string);
  let stop: (() => void) | null = null;
  const cancelled = new Promise<never>((_, reject) => {
    stop = () => {
      worker.terminate();
      reject(new CancelledError());
    };
    signal?.addEventListener("abort", stop, { once: true });
  });
  cancelled.catch(() => undefined);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    const work = (async () => {
      await db.instantiate(bundle.mainModule);
      await db.registerFileHandle(kind === "csv" ? FILE_NAME_CSV : FILE_NAME_PARQUET, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
      const conn = await db.connect();
      const query: SqlRunner = async (sql) => {
        if (signal?.aborted) throw new CancelledError();
        const table = await conn.query(sql);
        return table.toArray().map((r: { toJSON(): Row }) => r.toJSON());
      };
      return job(query);
    })();
    return await Promise.race([work, cancelled]);
  } finally {
    if (stop) signal?.removeEventListener("abort", stop);
    try {
      await Promise.race([db.terminate(), new Promise((r) => setTimeout(r, 1000))]);
    } catch {
      // The worker may be gone already (Cancel).
    }
    worker.terminate();
  }
}
