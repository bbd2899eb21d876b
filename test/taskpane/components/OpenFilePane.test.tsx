/** @jest-environment jsdom
 *
 * "Open a file…" with the real engine: DuckDB-Wasm's blocking Node build (the pinned package's own
 * wasm) stands in for the pane's worker, so the whole path (sniff, guesses, read_csv, generated SQL)
 * runs for real; the sheet writer records the plan instead of calling Excel.
 */
import * as path from "path";
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { CancelledError } from "../../../src/taskpane/excel/blocks";
import type { CohortsSheetPlan } from "../../../src/taskpane/excel/cohortsSheet";
import { type FileEngine, OpenFilePane, type SheetWriter } from "../../../src/taskpane/components/OpenFilePane";
import { FILE_NAME_CSV } from "../../../src/taskpane/files/fileSource";
import { FileJobError, type Row } from "../../../src/taskpane/duckdb/fileJob";
import { en } from "../../../src/taskpane/strings/en";
import { installDomPolyfills } from "../support";
import { germanCsv, makeOrders } from "../duckdb/germanOrders";

import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

// jsdom has no TextDecoder; DuckDB-Wasm's Node build needs Node's.
Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder, TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const duckdb = require("@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs");
const DIST = path.dirname(require.resolve("@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm"));

type Db = { connect(): { query(sql: string): { toArray(): { toJSON(): Row }[] } }; registerFileBuffer(name: string, bytes: Uint8Array): void };
let db: Db;

beforeAll(async () => {
  installDomPolyfills();
  const bundles = {
    mvp: { mainModule: path.join(DIST, "duckdb-mvp.wasm"), mainWorker: path.join(DIST, "duckdb-node-mvp.worker.cjs") },
    eh: { mainModule: path.join(DIST, "duckdb-eh.wasm"), mainWorker: path.join(DIST, "duckdb-node-eh.worker.cjs") },
  };
  db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await (db as unknown as { instantiate(p: () => void): Promise<void> }).instantiate(() => {});
}, 60_000);

const realEngine: FileEngine = async (file, _kind, job) => {
  const bytes = await new Promise<ArrayBuffer>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.readAsArrayBuffer(file);
  });
  db.registerFileBuffer(FILE_NAME_CSV, new Uint8Array(bytes));
  const conn = db.connect();
  return job(async (sql) => conn.query(sql).toArray().map((r) => r.toJSON()));
};

const ORDERS = makeOrders(3_000, 500, 7);
const CSV = germanCsv(ORDERS);
const file = (): File => new File([CSV], "export.csv", { type: "text/csv" });

function renderPane(writeSheet: SheetWriter, engine: FileEngine = realEngine): ReturnType<typeof render> {
  return render(
    <FluentProvider theme={webLightTheme}>
      <OpenFilePane strings={en} engine={engine} writeSheet={writeSheet} />
    </FluentProvider>,
  );
}

describe("OpenFilePane", () => {
  it("sniffs a German export, guesses its columns and writes the core's grouped BTYD summary", async () => {
    const plans: CohortsSheetPlan[] = [];
    const { container } = renderPane(async (plan) => {
      plans.push(plan);
      return { sheetName: plan.baseName, formatted: true };
    });
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    expect(await screen.findByText(en.files.dialect("semicolons", "comma", "31.12.2024"))).toBeTruthy();
    expect((screen.getByLabelText(en.files.idLabel) as HTMLSelectElement).value).toBe("0");
    expect((screen.getByLabelText(en.files.dateLabel) as HTMLSelectElement).value).toBe("1");
    expect((screen.getByLabelText(en.files.amountLabel) as HTMLSelectElement).value).toBe("2");
    // jsdom cannot compute colours; contrast is checked in palette.test.ts.
    const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    await screen.findByText(/Wrote .* rows from 3,000 orders/, undefined, { timeout: 30_000 });

    // Core: BTYDSUMMARY on the same orders (as of the latest order, weeks), grouped by (x, t_x, T).
    const core = btydSummary(ORDERS.ids, ORDERS.serials, null, null, "week");
    const groups = new Map<string, number>();
    for (let c = 0; c < core.ids.length; c++) {
      const key = `${core.x[c]}|${core.tx[c]}|${core.T[c]}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const [plan] = plans;
    expect(plan.blocks[1].values[0]).toEqual(["x", "t_x", "T", "customers"]);
    const rows = plan.blocks[1].values.slice(1);
    expect(rows).toHaveLength(groups.size);
    for (const [x, tx, T, n] of rows) expect(groups.get(`${x}|${tx}|${T}`)).toBe(n);
  }, 60_000);

  it("says the run was cancelled when Cancel is pressed while the sheet is written", async () => {
    const writeSheet: SheetWriter = (_plan, options) =>
      new Promise((_, reject) => {
        options.onProgress?.(0, 100);
        options.signal?.addEventListener("abort", () => reject(new CancelledError()));
      });
    renderPane(writeSheet);
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("button", { name: en.files.run }));
    const cancel = await screen.findByRole("button", { name: en.files.cancel }, { timeout: 30_000 });
    await screen.findByText(en.files.progressRows(0, 100), undefined, { timeout: 30_000 });
    expect(document.activeElement).toBe(cancel);
    await userEvent.keyboard("{Enter}");
    expect(await screen.findByText(en.files.cancelled)).toBeTruthy();
  }, 60_000);

  it("says a grouped summary longer than a sheet does not fit, and writes no sheet", async () => {
    // 1,200,000 rows: more than a sheet's 1,048,573 below the title and header (fileJob's check).
    const tooLong: FileEngine = async () => {
      throw new FileJobError("tooManyRows", "1200000 rows do not fit on one sheet", undefined, 1_200_000);
    };
    const writeSheet = jest.fn<ReturnType<SheetWriter>, Parameters<SheetWriter>>();
    renderPane(writeSheet, tooLong);
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("button", { name: en.files.run }));
    expect(await screen.findByText(en.files.tooManyRows(1_200_000))).toBeTruthy();
    expect(en.files.tooManyRows(1_200_000)).toMatch(/^The grouped summary has 1,200,000 rows, more than fit on one Excel sheet \(1,048,576 rows\)/);
    expect(writeSheet).not.toHaveBeenCalled();
  });

  it("refuses a Parquet file with the plain reason, and a spreadsheet file by name", async () => {
    renderPane(async () => ({ sheetName: "x", formatted: true }));
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), new File(["PAR1"], "orders.parquet"), { applyAccept: false });
    expect(await screen.findByText(en.files.parquetMissing)).toBeTruthy();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), new File(["x"], "orders.xlsx"), { applyAccept: false });
    expect(await screen.findByText(en.files.notSupported("orders.xlsx"))).toBeTruthy();
  });
});
