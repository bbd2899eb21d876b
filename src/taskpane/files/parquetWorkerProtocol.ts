/**
 * The messages between the pane and the Parquet worker (parquetWorker.ts), which runs hyparquet's
 * decoding, the Arrow tables and their IPC serialisation off the pane's thread: a row group of
 * 122,880 orders took 200–960 ms there in one stretch (measured with Chromium's long-task
 * observer, `npm run bench "open a file"`), longer than the pane may go without yielding.
 *
 * pane → worker: `load` once (the File is passed as a handle: structured cloning a File copies no
 * bytes), then `ack` after each group is in DuckDB, so at most one decoded group waits.
 * worker → pane: `group` per row group (Arrow IPC stream bytes, transferred), then `done`, or
 * `error` (a ParquetFileError's fields, or any other error's message).
 */
import { ParquetColumnNames, ParquetFailure, ParquetFileError } from "./parquetFile";

/** The worker script, beside taskpane.js (webpack entry "parquet-worker"). */
export const PARQUET_WORKER_FILE = "parquet-worker.js";

export type ToParquetWorker = { readonly type: "load"; readonly file: Blob; readonly names: ParquetColumnNames } | { readonly type: "ack" };

export type ParquetErrorFields = { readonly kind: ParquetFailure; readonly message: string; readonly column: string; readonly detail: string; readonly row: number };

export type FromParquetWorker =
  | { readonly type: "group"; readonly ipc: Uint8Array; readonly first: boolean; readonly rows: number }
  | { readonly type: "done"; readonly rows: number; readonly groups: number }
  | { readonly type: "error"; readonly parquet: ParquetErrorFields | null; readonly message: string };

export function errorMessageOf(error: unknown): FromParquetWorker {
  if (error instanceof ParquetFileError) {
    const { kind, message, column, detail, row } = error;
    return { type: "error", parquet: { kind, message, column, detail, row }, message };
  }
  return { type: "error", parquet: null, message: error instanceof Error ? error.message : String(error) };
}

/** The error the worker reported, as the pane's own code would have thrown it. */
export function errorFromMessage(message: Extract<FromParquetWorker, { type: "error" }>): Error {
  const p = message.parquet;
  return p ? new ParquetFileError(p.kind, p.message, p.column, p.detail, p.row) : new Error(message.message);
}
