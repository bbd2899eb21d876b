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
  // jsdom has no canvas: Fluent's heatmap measures axis labels with one and measures nothing when there is no context.
  if (g.HTMLCanvasElement) g.HTMLCanvasElement.prototype.getContext = () => null;
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
  /** Holds readSelection until it resolves (Excel holding requests while a cell is edited). */
  readonly selectionGate?: Promise<void>;
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
      if (options.selectionGate) await options.selectionGate;
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

/**
 * Gives jsdom the bits of layout Tabster (Fluent's keyboard focus manager: Tab out of a TabList,
 * arrow keys between tabs) checks before it moves focus: a body with a size, and `offsetParent`
 * null only for elements that are hidden (the `hidden` attribute or display: none on them or an
 * ancestor). Without it Tabster treats every element as invisible and sends focus to <body>.
 */
export function installLayoutForTabster(): void {
  const body = document.body as HTMLElement & { __sized?: boolean };
  if (!body.__sized) {
    body.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 320, bottom: 800, width: 320, height: 800, toJSON: () => ({}) }) as DOMRect;
    body.__sized = true;
  }
  const proto = HTMLElement.prototype as unknown as { __offsetParentPatched?: boolean };
  if (proto.__offsetParentPatched) return;
  Object.defineProperty(HTMLElement.prototype, "offsetParent", {
    configurable: true,
    get(this: HTMLElement) {
      for (let e: HTMLElement | null = this; e; e = e.parentElement) {
        if (e.hidden || window.getComputedStyle(e).display === "none") return null;
      }
      return this.parentElement ?? null;
    },
  });
  proto.__offsetParentPatched = true;
}
