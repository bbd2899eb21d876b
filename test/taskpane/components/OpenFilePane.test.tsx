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
import { AUTOFIT_ROWS, type FileEngine, OpenFilePane, type SheetWriter, fileSheetPlan } from "../../../src/taskpane/components/OpenFilePane";
import { FILE_NAME_CSV, PARQUET_TABLE } from "../../../src/taskpane/files/fileSource";
import { FileJobError, HOLDOUT_COLUMNS, RFM_SEGMENT_COLUMNS, type Row } from "../../../src/taskpane/duckdb/fileJob";
import { defaultCalibrationEnd, readOrderLog } from "../../../src/taskpane/model/modelCheck";
import { cohortTable } from "../../../src/analytics/retention/cohortTable";
import { retentionByPeriod } from "../../../src/analytics/retention/retentionByPeriod";
import { en } from "../../../src/taskpane/strings/en";
import { installDomPolyfills } from "../support";
import { germanCsv, makeOrders } from "../duckdb/germanOrders";
import { coreBtydGroups, expectGroupedRows } from "../duckdb/coreComparisons";
import { writeOrdersParquet } from "../duckdb/ordersParquet";
import * as fs from "fs";
import * as os from "os";

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

/** A CSV registered as a buffer; a Parquet file through the pane's own path (hyparquet's row groups into PARQUET_TABLE). */
const realEngine: FileEngine = async (file, kind, job, signal, parquet) => {
  if (kind === "parquet" && parquet) {
    const conn = db.connect() as unknown as { query(sql: string): { toArray(): { toJSON(): Row }[] }; insertArrowTable(t: unknown, o: { name: string; create: boolean }): void };
    conn.query(`DROP TABLE IF EXISTS "${PARQUET_TABLE}"`);
    // Loaded here, after the TextDecoder polyfill above (hyparquet makes one when it loads), as the pane loads it: lazily.
    const { loadParquetOrders } = await import("../../../src/taskpane/files/parquetFile");
    await loadParquetOrders(file, parquet, async (table, first) => conn.insertArrowTable(table, { name: PARQUET_TABLE, create: first }), signal);
    return job(async (sql) => conn.query(sql).toArray().map((r) => r.toJSON()));
  }
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

/** The pane with a sheet writer that records every plan it is handed (and writes it under its base name). */
function renderRecordingPane(): { plans: CohortsSheetPlan[]; container: HTMLElement } {
  const plans: CohortsSheetPlan[] = [];
  const { container } = renderPane(async (plan) => {
    plans.push(plan);
    return { sheetName: plan.baseName, formatted: true };
  });
  return { plans, container };
}

/** Waits until the pane has handed `count` plans to the sheet writer (the engine runs for real). */
async function waitForPlans(plans: CohortsSheetPlan[], count: number): Promise<CohortsSheetPlan[]> {
  for (let i = 0; i < 300 && plans.length < count; i++) await new Promise((r) => setTimeout(r, 100));
  expect(plans).toHaveLength(count);
  return plans;
}

describe("fileSheetPlan", () => {
  it("fits the columns to the header and the first AUTOFIT_ROWS rows, never to a million", () => {
    // Excel autofits every row it is given: 1,000,000 rows cost it seconds for the same widths.
    const job = { analysis: "btydGrouped" as const, unit: "week" as const, period: "month" as const, activeDays: 365 };
    const result = (rows: number) => ({ columns: ["x", "t_x", "T", "customers"], rows: Array.from({ length: rows }, (_, i) => [i, 0, 1, 1]), orders: rows });
    expect(fileSheetPlan(result(1_500_000), job, "big.csv", en).autofit).toEqual([{ row: 2, column: 0, rows: AUTOFIT_ROWS + 1, columns: 4 }]);
    expect(fileSheetPlan(result(10), job, "small.csv", en).autofit).toEqual([{ row: 2, column: 0, rows: 11, columns: 4 }]);
  });
});

describe("OpenFilePane", () => {
  it("sniffs a German export, guesses its columns and writes the core's grouped BTYD summary", async () => {
    const { plans, container } = renderRecordingPane();
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
    const groups = coreBtydGroups(ORDERS, null);
    const [plan] = plans;
    expect(plan.blocks[1].values[0]).toEqual(["x", "t_x", "T", "customers"]);
    expectGroupedRows(plan.blocks[1].values.slice(1), groups);
  }, 60_000);

  it("writes the grouped summary in whole calendar weeks when that box is ticked, titled so", async () => {
    const { plans } = renderRecordingPane();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("checkbox", { name: en.warehouse.wholePeriods("week") }));
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    await screen.findByText(/Wrote .* rows from 3,000 orders/, undefined, { timeout: 30_000 });
    const [plan] = plans;
    expect(plan.blocks[0].values[0][0]).toMatch(/^BTYD summary in whole calendar weeks, grouped/);
    expectGroupedRows(plan.blocks[1].values.slice(1), coreBtydGroups(ORDERS, null, true));
  }, 60_000);

  it("offers every analysis by its label, with the settings each one needs", async () => {
    const { container } = renderPane(async (plan) => ({ sheetName: plan.baseName, formatted: true }));
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await screen.findByRole("button", { name: en.files.run });
    const labels = [en.files.btydGrouped, en.files.rfmTable, en.files.rfmSegments, en.files.holdoutGrouped, en.files.cohorts, en.files.retention];
    expect(screen.getAllByRole("radio").map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(labels);
    // The grouped BTYD summary (the default) asks for the time unit only.
    expect(screen.getByLabelText(en.files.unitLabel)).toBeTruthy();
    expect(screen.queryByLabelText(en.files.calibrationLabel)).toBeNull();
    expect(screen.queryByLabelText(en.retention.settings.period)).toBeNull();
    await userEvent.click(screen.getByRole("radio", { name: en.files.holdoutGrouped }));
    expect(screen.getByLabelText(en.files.unitLabel)).toBeTruthy();
    expect((screen.getByLabelText(en.files.calibrationLabel) as HTMLInputElement).value).toBe("");
    expect(screen.getByText(en.files.calibrationHint)).toBeTruthy();
    const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await userEvent.click(screen.getByRole("radio", { name: en.files.cohorts }));
    expect(screen.queryByLabelText(en.files.unitLabel)).toBeNull();
    const period = screen.getByLabelText(en.retention.settings.period) as HTMLSelectElement;
    expect(period.value).toBe("month");
    expect(Array.from(period.options, (o) => o.textContent)).toEqual(["week", "month", "quarter", "year"].map((k) => en.retention.settings.periods[k as "week"]));
    await userEvent.click(screen.getByRole("radio", { name: en.files.rfmSegments }));
    expect(screen.queryByLabelText(en.retention.settings.period)).toBeNull();
    expect(screen.queryByLabelText(en.files.unitLabel)).toBeNull();
  });

  it("writes RFM scores and segments per customer, with the dates formatted, and asks for the amount column first", async () => {
    const { plans } = renderRecordingPane();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("radio", { name: en.files.rfmSegments }));
    await userEvent.selectOptions(screen.getByLabelText(en.files.amountLabel), "");
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    expect(await screen.findByText(en.files.needAmount)).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText(en.files.amountLabel), "2");
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    const customers = new Set(ORDERS.ids).size;
    expect(await screen.findByText(en.files.done(en.files.sheetName.rfmSegments, customers, 3_000), undefined, { timeout: 30_000 })).toBeTruthy();
    const [plan] = plans;
    expect(plan.baseName).toBe("RFM segments from file");
    expect(plan.blocks[0].values).toEqual([[en.files.sheetTitle("export.csv", en.files.rfmSegments)]]);
    expect(plan.blocks[1].values[0]).toEqual([...RFM_SEGMENT_COLUMNS]);
    expect(plan.formats).toEqual([{ row: 3, column: 1, rows: customers, columns: 2, format: en.files.dateFormat }]);
    expect(plan.autofit).toEqual([{ row: 2, column: 0, rows: customers + 1, columns: RFM_SEGMENT_COLUMNS.length }]);
    // Every customer has a segment of the default rules (no amount is missing in this export).
    const names = new Set(plan.blocks[1].values.slice(1).map((r) => r[11]));
    expect([...names].every((n) => typeof n === "string" && n !== "")).toBe(true);
  }, 60_000);

  it("writes the grouped calibration/holdout summary at Check the model's default calibration end, or refuses a typed text that is no date", async () => {
    const { plans } = renderRecordingPane();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("radio", { name: en.files.holdoutGrouped }));
    await userEvent.type(screen.getByLabelText(en.files.calibrationLabel), "sometime");
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    // The example is 2024-06-30 (serial 45473) in the user's date format.
    expect(await screen.findByText(en.files.badCalibrationText(en.format.date(45473)))).toBeTruthy();
    expect(en.files.badCalibrationText(en.format.date(45473))).toContain("06/30/2024");
    expect(plans).toHaveLength(0);
    await userEvent.clear(screen.getByLabelText(en.files.calibrationLabel));
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    // Check the model's default on the same orders, and the holdout to the last order.
    const log = readOrderLog(ORDERS.ids.map((id, i) => [id, ORDERS.serials[i]]), 0, 1, 2);
    const [cal, last] = [en.format.date(defaultCalibrationEnd(log)), en.format.date(log.lastDate)];
    const [plan] = await waitForPlans(plans, 1);
    const rows = plan.blocks[1].values.length - 1;
    expect(await screen.findByText(en.files.holdoutDone(en.files.sheetName.holdoutGrouped, rows, 3_000, cal, last))).toBeTruthy();
    expect(plan.blocks[0].values).toEqual([[en.files.holdoutTitle("export.csv", cal, last, "weeks")]]);
    expect(plan.blocks[1].values[0]).toEqual([...HOLDOUT_COLUMNS]);
    expect(plan.formats).toEqual([]);
  }, 60_000);

  it.each([
    ["cohorts", "week"],
    ["retention", "year"],
  ] as const)("writes the %s table by %s, dates and shares formatted", async (analysis, period) => {
    const { plans } = renderRecordingPane();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("radio", { name: en.files[analysis] }));
    await userEvent.selectOptions(screen.getByLabelText(en.retention.settings.period), period);
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    const [plan] = await waitForPlans(plans, 1);
    const rows = plan.blocks[1].values.length - 1;
    // The row counts come from the core on the same orders (as of the latest order).
    if (analysis === "cohorts") {
      const t = await cohortTable(ORDERS.ids, ORDERS.serials, { period });
      expect(rows).toBe(t.cohortStart.length * t.columns);
      expect(plan.blocks[0].values).toEqual([[en.files.cohortsTitle("export.csv", period)]]);
    } else {
      // Years need 366 active days (a leap year), as the Retention view's default.
      const t = await retentionByPeriod(ORDERS.ids, ORDERS.serials, { period, activeDays: 366 });
      expect(rows).toBe(t.periodStart.length);
      expect(plan.blocks[0].values).toEqual([[en.files.retentionTitle("export.csv", period, 366)]]);
    }
    expect(plan.baseName).toBe(en.files.sheetName[analysis]);
    expect(plan.formats).toEqual([
      { row: 3, column: 0, rows, columns: 1, format: en.files.dateFormat },
      { row: 3, column: analysis === "cohorts" ? 4 : 6, rows, columns: 1, format: "0.0%" },
    ]);
    expect(await screen.findByText(en.files.done(en.files.sheetName[analysis], rows, 3_000))).toBeTruthy();
  }, 60_000);

  it("says a typed calibration end outside the file's dates must fall between its first and last order", async () => {
    renderPane(async (plan) => ({ sheetName: plan.baseName, formatted: true }));
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), file());
    await userEvent.click(await screen.findByRole("radio", { name: en.files.holdoutGrouped }));
    await userEvent.type(screen.getByLabelText(en.files.calibrationLabel), "2030-01-01");
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    const log = readOrderLog(ORDERS.ids.map((id, i) => [id, ORDERS.serials[i]]), 0, 1, 2);
    expect(await screen.findByText(en.files.badCalibrationEnd(en.format.date(log.firstDate), en.format.date(log.lastDate)), undefined, { timeout: 30_000 })).toBeTruthy();
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
    expect(en.files.tooManyRows(1_200_000)).toMatch(/^The result has 1,200,000 rows, more than fit on one Excel sheet \(1,048,576 rows\)/);
    expect(writeSheet).not.toHaveBeenCalled();
  });

  it("accepts a Parquet file, guesses its columns from the schema and writes the core's grouped BTYD summary", async () => {
    // The same orders as the CSV tests, written by DuckDB in Node (Snappy).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-pane-parquet-"));
    const parquetPath = path.join(dir, "orders.parquet");
    await writeOrdersParquet(parquetPath, ORDERS);
    const parquetFile = new File([fs.readFileSync(parquetPath)], "export.parquet");
    fs.rmSync(dir, { recursive: true, force: true });
    const { plans } = renderRecordingPane();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), parquetFile);
    expect(await screen.findByText(en.files.parquetColumns)).toBeTruthy();
    const id = screen.getByLabelText(en.files.idLabel) as HTMLSelectElement;
    expect([...id.options].map((o) => o.textContent)).toEqual(["Kundennummer", "Bestelldatum", "Betrag"]);
    expect(id.value).toBe("0");
    expect((screen.getByLabelText(en.files.dateLabel) as HTMLSelectElement).value).toBe("1");
    expect((screen.getByLabelText(en.files.amountLabel) as HTMLSelectElement).value).toBe("2");
    await userEvent.click(screen.getByRole("button", { name: en.files.run }));
    await screen.findByText(/Wrote .* rows from 3,000 orders/, undefined, { timeout: 30_000 });
    // Core: BTYDSUMMARY on the same orders (as of the latest order, weeks), grouped by (x, t_x, T).
    const groups = coreBtydGroups(ORDERS, null);
    expectGroupedRows(plans[0].blocks[1].values.slice(1), groups);
  }, 60_000);

  it("refuses a Parquet file compressed with a codec it cannot read, naming it, and a spreadsheet file by name", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-pane-parquet-"));
    const zstd = path.join(dir, "orders.parquet");
    await writeOrdersParquet(zstd, ORDERS, { compression: "zstd" });
    const zstdFile = new File([fs.readFileSync(zstd)], "orders.parquet");
    fs.rmSync(dir, { recursive: true, force: true });
    renderPane(async () => ({ sheetName: "x", formatted: true }));
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), zstdFile, { applyAccept: false });
    expect(await screen.findByText(en.files.parquetCodec("Kundennummer", "ZSTD"))).toBeTruthy();
    expect(screen.queryByRole("button", { name: en.files.run })).toBeNull();
    await userEvent.upload(screen.getByLabelText(en.files.fileLabel), new File(["x"], "orders.xlsx"), { applyAccept: false });
    expect(await screen.findByText(en.files.notSupported("orders.xlsx"))).toBeTruthy();
  });
});
