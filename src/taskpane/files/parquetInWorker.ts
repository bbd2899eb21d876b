/**
 * Reads a Parquet order file in the Parquet worker (parquetWorker.ts) and hands each row group's
 * Arrow IPC bytes to `insert` (DuckDB-Wasm's insertArrowFromIPCStream), one group at a time: the
 * pane's thread only passes messages on, so it stays free for Cancel and for Excel. The worker is
 * a same-origin `new Worker(url)` for this file only, terminated when the load settles or is
 * cancelled. Errors arrive as the pane's own: ParquetFileError (naming column and row),
 * CancelledError, or an Error with the worker's message.
 * Example: a DuckDB-written file of 2,000,000 orders → 17 `insert` calls of 122,880 rows (the
 * last shorter), then { rows: 2000000, groups: 17 }.
 */
import { CancelledError } from "../excel/blocks";
import type { ParquetColumnNames } from "./parquetFile";
import { FromParquetWorker, PARQUET_WORKER_FILE, ToParquetWorker, errorFromMessage } from "./parquetWorkerProtocol";

export type IpcInsert = (ipc: Uint8Array, first: boolean, rows: number) => Promise<void>;

export async function loadParquetInWorker(file: Blob, names: ParquetColumnNames, insert: IpcInsert, signal?: AbortSignal): Promise<{ rows: number; groups: number }> {
  if (signal?.aborted) throw new CancelledError();
  const worker = new Worker(new URL(PARQUET_WORKER_FILE, document.baseURI).href);
  const send = (message: ToParquetWorker) => worker.postMessage(message);
  let abort: (() => void) | null = null;
  try {
    return await new Promise<{ rows: number; groups: number }>((resolve, reject) => {
      abort = () => reject(new CancelledError());
      signal?.addEventListener("abort", abort, { once: true });
      worker.addEventListener("error", (event) => {
        event.preventDefault();
        reject(new Error(`The Parquet reader stopped: ${event.message || `${PARQUET_WORKER_FILE} could not be loaded`}`));
      });
      worker.onmessage = (event: MessageEvent<FromParquetWorker>) => {
        const message = event.data;
        if (message.type === "group") {
          insert(message.ipc, message.first, message.rows).then(() => (signal?.aborted ? undefined : send({ type: "ack" })), reject);
        } else if (message.type === "done") resolve({ rows: message.rows, groups: message.groups });
        else reject(errorFromMessage(message));
      };
      send({ type: "load", file, names });
    });
  } finally {
    if (abort) signal?.removeEventListener("abort", abort);
    worker.terminate();
  }
}
