/**
 * Test helpers for the pane's components: jsdom lacks a few browser features Fluent UI and its
 * charts use (ResizeObserver, matchMedia, SVG text measuring), and a fake ExcelPort serving a
 * known table. Polyfills live here, not in src.
 */
import { ExcelLayerError } from "../../src/taskpane/excel";
import type { ExcelPort } from "../../src/taskpane/excel/port";
import type { ColumnPlan, Region, SheetPlan } from "../../src/taskpane/excel/types";

export function installDomPolyfills(): void {
  const g = globalThis as any;
  if (!g.ResizeObserver) {
    g.ResizeObserver = class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
  }
  if (!window.matchMedia) {
    (window as any).matchMedia = (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    });
  }
  const proto = (g.SVGElement ?? function () {}).prototype as any;
  if (proto && !proto.getComputedTextLength) proto.getComputedTextLength = () => 0;
  if (proto && !proto.getBBox) proto.getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 });
}

export type FakePort = ExcelPort & {
  sheetPlans: SheetPlan[];
  columnPlans: ColumnPlan[];
};

export type FakeOptions = {
  readonly rows: unknown[][];
  readonly selectionError?: ExcelLayerError;
  readonly writeError?: ExcelLayerError;
  readonly newSheetAllowed?: boolean;
  readonly beside?: "empty" | "occupied" | "sheetProtected";
  /** Holds readRows until the returned promise's resolve is called. */
  readonly gate?: Promise<void>;
  readonly theme?: "dark" | "light";
};

/** A plain ExcelPort over a table of rows (first row = headers) on sheet "Customers" at A1. */
export function fakePort(options: FakeOptions): FakePort {
  const rows = options.rows;
  const region: Region = {
    sheetName: "Customers",
    address: `Customers!A1:${String.fromCharCode(64 + (rows[0]?.length ?? 1))}${rows.length}`,
    rowIndex: 0,
    columnIndex: 0,
    rowCount: rows.length,
    columnCount: rows[0]?.length ?? 0,
  };
  const port: FakePort = {
    sheetPlans: [],
    columnPlans: [],
    hostInfo: () => ({ kind: "ready", cellEditDelay: true, selectionAreas: true }),
    officeTheme: () => options.theme ?? "light",
    readSelection: async () => {
      if (options.selectionError) throw options.selectionError;
      return { region, firstRows: rows.slice(0, 200) };
    },
    readRows: async (_region, first, count, opts = {}) => {
      opts.onProgress?.(0, count);
      if (options.gate) await options.gate;
      if (opts.signal?.aborted) throw new ExcelLayerError("cancelled");
      opts.onProgress?.(count, count);
      return rows.slice(first, first + count);
    },
    checkWriteTargets: async () => ({ newSheetAllowed: options.newSheetAllowed ?? true, beside: { kind: options.beside ?? "empty" } }),
    writeSegmentsSheet: async (plan) => {
      if (options.writeError) throw options.writeError;
      port.sheetPlans.push(plan);
      return { sheetName: "Segments", formatted: true };
    },
    writeSegmentColumn: async (plan) => {
      port.columnPlans.push(plan);
    },
  };
  return port;
}
