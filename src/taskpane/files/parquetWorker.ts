/**
 * The Parquet worker (webpack entry "parquet-worker", a same-origin `new Worker(url)` started by
 * loadParquetInWorker for one file and terminated after it): reads the mapped columns with
 * loadParquetOrders and posts each row group to the pane as Arrow IPC bytes. It decodes the next
 * group while DuckDB inserts the previous one, and waits for the pane's `ack` before posting
 * again, so that at most one decoded group is waiting. Protocol: parquetWorkerProtocol.ts.
 */
import { tableToIPC } from "apache-arrow";
import { loadParquetOrders } from "./parquetFile";
import { FromParquetWorker, ToParquetWorker, errorMessageOf } from "./parquetWorkerProtocol";

const scope = self as unknown as { postMessage(message: FromParquetWorker, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<ToParquetWorker>) => void) | null };

let acknowledged: (() => void) | null = null;

async function load(file: Blob, names: Extract<ToParquetWorker, { type: "load" }>["names"]): Promise<void> {
  let inserted: Promise<void> = Promise.resolve();
  const result = await loadParquetOrders(file, names, async (table, first) => {
    const ipc = tableToIPC(table, "stream");
    await inserted;
    inserted = new Promise<void>((resolve) => (acknowledged = resolve));
    scope.postMessage({ type: "group", ipc, first, rows: table.numRows }, [ipc.buffer]);
  });
  await inserted;
  scope.postMessage({ type: "done", ...result });
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.type === "ack") {
    const resolve = acknowledged;
    acknowledged = null;
    resolve?.();
    return;
  }
  load(message.file, message.names).catch((error) => scope.postMessage(errorMessageOf(error)));
};
