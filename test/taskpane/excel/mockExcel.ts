/**
 * A small workbook behind office-addin-mock, for the Excel-layer tests.
 *
 * Every object the layer touches is an `OfficeMockObject`, so office-addin-mock enforces the
 * load/sync rules (reading a property that was not loaded, or before sync, gives its error
 * text). office-addin-mock alone is a static object tree: it cannot hand out ranges by index,
 * count requests, fail a sync, or keep the cells that were written. This file adds exactly that:
 * `context.sync` counts requests, checks the queued ranges against a payload limit (cells per
 * request, as Excel's ~5 MB limit is about size), applies queued writes to a grid and then
 * syncs the mock objects created in the batch.
 */
import { OfficeMockObject } from "office-addin-mock";

type Cell = string | number | boolean;
export type MockSheet = { name: string; cells: Cell[][]; protected: boolean };

export type MockState = {
  sheets: MockSheet[];
  selection: { sheet: string; row: number; column: number; rows: number; columns: number; areas?: number };
  structureProtected: boolean;
  /** Cells one request may read or write before the payload error; Infinity = no limit. */
  payloadCells: number;
  /** The user is editing a cell: syncs fail unless the run asked to wait (delayForCellEdit). */
  cellEditMode: boolean;
  /** Highest ExcelApi minor version isSetSupported says yes to: 11 means ExcelApi 1.11. */
  apiMinor: number;
  /** Fail the formatting step (tables.add) with this code. */
  failTables: string | null;
  /** Fail every values write from this request number on (for half-written sheets). */
  failWritesAfter: number | null;
  /** Worksheet.delete fails (so a half-written sheet must be renamed instead). */
  failDelete: boolean;
  // Recorded:
  syncs: number;
  runs: { delayForCellEdit: boolean }[];
  reads: { sheet: string; row: number; rows: number }[];
  writes: { sheet: string; row: number; column: number; rows: number; columns: number }[];
  tables: { sheet: string; address: string }[];
  /** ColorScale rules also record their `area` (row, column, rows, columns) and `criteria`. */
  conditionalFormats: { sheet: string; column: number; type: string; text: string; fill: string; font: string; area?: number[]; criteria?: unknown }[];
  /** `seriesTypes`: the chartType set on each series by index (getItemAt(i).chartType). */
  charts: { sheet: string; type: string; seriesBy: string; title: string; secondType: string; secondAxis: string; seriesTypes: Record<number, string> }[];
  /** Every chart's plotted range (row, column, rows, columns) and setPosition cell (row, column). */
  chartPlacements: { sheet: string; type: string; source: number[]; anchor: number[] | null }[];
  numberFormats: { sheet: string; column: number; format: string }[];
  inserted: { sheet: string; column: number }[];
  deletedSheets: string[];
  suspendCalls: number;
  /** Worksheet event handlers registered and not yet removed. */
  handlers: number;
};

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function quote(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function address(sheet: string, row: number, column: number, rows: number, columns: number): string {
  const a = `${columnLetters(column)}${row + 1}`;
  const b = `${columnLetters(column + columns - 1)}${row + rows}`;
  return `${quote(sheet)}!${rows === 1 && columns === 1 ? a : `${a}:${b}`}`;
}

export function newState(sheets: MockSheet[], partial: Partial<MockState> = {}): MockState {
  return {
    sheets,
    selection: { sheet: sheets[0].name, row: 0, column: 0, rows: 1, columns: 1 },
    structureProtected: false,
    payloadCells: Infinity,
    cellEditMode: false,
    apiMinor: 11,
    failTables: null,
    failWritesAfter: null,
    failDelete: false,
    syncs: 0,
    runs: [],
    reads: [],
    writes: [],
    tables: [],
    conditionalFormats: [],
    charts: [],
    chartPlacements: [],
    numberFormats: [],
    inserted: [],
    deletedSheets: [],
    suspendCalls: 0,
    handlers: 0,
    ...partial,
  };
}

const blank = (v: Cell | undefined): boolean => v === undefined || v === "";

function cellAt(sheet: MockSheet, r: number, c: number): Cell {
  const v = sheet.cells[r]?.[c];
  return v === undefined ? "" : v;
}

function usedBox(sheet: MockSheet, r0 = 0, c0 = 0, r1 = Infinity, c1 = Infinity): [number, number, number, number] | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let r = r0; r < Math.min(sheet.cells.length, r1 + 1); r++) {
    const row = sheet.cells[r] ?? [];
    for (let c = c0; c < Math.min(row.length, c1 + 1); c++) {
      if (blank(row[c])) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
  }
  return bottom < 0 ? null : [top, left, bottom, right];
}

/** Excel's current region: grow the box while any cell touching it (diagonals included) is filled. */
function surrounding(sheet: MockSheet, r: number, c: number): [number, number, number, number] {
  let [top, left, bottom, right] = [r, c, r, c];
  const filled = (rr: number, cc: number) => rr >= 0 && cc >= 0 && !blank(cellAt(sheet, rr, cc));
  const rowTouches = (rr: number) => {
    for (let cc = left - 1; cc <= right + 1; cc++) if (filled(rr, cc)) return true;
    return false;
  };
  const columnTouches = (cc: number) => {
    for (let rr = top - 1; rr <= bottom + 1; rr++) if (filled(rr, cc)) return true;
    return false;
  };
  for (let grew = true; grew; ) {
    grew = false;
    // Each direction grows as far as it can before the next is tried, so a long table costs O(cells).
    while (rowTouches(bottom + 1)) { bottom++; grew = true; }
    while (top > 0 && rowTouches(top - 1)) { top--; grew = true; }
    while (columnTouches(right + 1)) { right++; grew = true; }
    while (left > 0 && columnTouches(left - 1)) { left--; grew = true; }
  }
  return [top, left, bottom, right];
}

function apiError(code: string): Error {
  const e = new Error(`${code} (mock)`) as Error & { code: string };
  e.code = code;
  return e;
}

/** Installs `Excel` and `Office` globals backed by `state`. */
export function installMockExcel(state: MockState): void {
  (globalThis as any).Office = {
    context: { requirements: { isSetSupported: (_set: string, version: string) => Number(version.split(".")[1]) <= state.apiMinor } },
  };
  (globalThis as any).Excel = {
    run: async (a: unknown, b?: unknown) => {
      const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
      // Excel.run(context, batch): an earlier run's context (removing event handlers).
      if (typeof a === "object" && a !== null && typeof (a as { sync?: unknown }).sync === "function") return batch(a);
      const delay = typeof a === "object" && a !== null && (a as { delayForCellEdit?: boolean }).delayForCellEdit === true;
      state.runs.push({ delayForCellEdit: delay });
      return batch(makeContext(state, delay));
    },
  };
}

export function uninstallMockExcel(): void {
  delete (globalThis as any).Office;
  delete (globalThis as any).Excel;
}

function sheetByName(state: MockState, name: string): MockSheet | undefined {
  return state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

function makeContext(state: MockState, delay: boolean): any {
  type Op = () => void;
  let created: any[] = [];
  let ops: Op[] = [];
  let checks: (() => void)[] = [];

  const track = (mock: any): any => {
    created.push(mock);
    return mock;
  };

  const makeRange = (sheetName: string, r: number, c: number, h: number, w: number, opts: { missingSheet?: boolean; isNull?: boolean; noValues?: boolean } = {}): any => {
    const sheet = sheetByName(state, sheetName);
    const values: Cell[][] = [];
    // A whole used range is only asked for its address: copying its values would make every read block O(sheet).
    if (sheet && !opts.noValues) for (let i = 0; i < h; i++) {
      const row: Cell[] = [];
      for (let j = 0; j < w; j++) row.push(cellAt(sheet, r + i, c + j));
      values.push(row);
    }
    const mock: any = track(
      new OfficeMockObject({
        address: address(sheetName, r, c, h, w),
        rowIndex: r,
        columnIndex: c,
        rowCount: h,
        columnCount: w,
        values,
        worksheet: { name: sheetName },
      }),
    );
    mock.isNullObject = opts.isNull === true;
    const initialValues = mock.values;
    const initialFormat = undefined;
    mock.numberFormat = initialFormat;
    // Navigation and methods (closures over the coordinates).
    const ws = makeWorksheet(sheetName, false);
    mock.worksheet.getUsedRange = ws.getUsedRange;
    mock.getSurroundingRegion = () => {
      const s = sheetByName(state, sheetName) as MockSheet;
      const [t, l, b, rr] = surrounding(s, r, c);
      return makeRange(sheetName, t, l, b - t + 1, rr - l + 1);
    };
    mock.getIntersectionOrNullObject = (other: any) => {
      const t = Math.max(r, other._box[0]);
      const l = Math.max(c, other._box[1]);
      const b = Math.min(r + h - 1, other._box[0] + other._box[2] - 1);
      const rr = Math.min(c + w - 1, other._box[1] + other._box[3] - 1);
      if (t > b || l > rr) return makeRange(sheetName, 0, 0, 1, 1, { isNull: true });
      return makeRange(sheetName, t, l, b - t + 1, rr - l + 1);
    };
    mock.getUsedRangeOrNullObject = () => {
      const s = sheetByName(state, sheetName) as MockSheet;
      const box = usedBox(s, r, c, r + h - 1, c + w - 1);
      if (!box) return makeRange(sheetName, 0, 0, 1, 1, { isNull: true });
      return makeRange(sheetName, box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1);
    };
    mock.getEntireColumn = () => ({
      insert: (shift: string) => {
        ops.push(() => {
          const s = sheetByName(state, sheetName) as MockSheet;
          if (s.protected) throw apiError("AccessDenied");
          if (shift !== "Right") throw apiError("InvalidArgument");
          for (const row of s.cells) if (row && row.length > c) row.splice(c, 0, "");
          state.inserted.push({ sheet: sheetName, column: c });
        });
      },
      delete: () => {
        ops.push(() => {
          const s = sheetByName(state, sheetName) as MockSheet;
          for (const row of s.cells) if (row && row.length > c) row.splice(c, 1);
        });
      },
    });
    mock.clear = () =>
      ops.push(() => {
        const s = sheetByName(state, sheetName) as MockSheet;
        for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) if (s.cells[r + i]) s.cells[r + i][c + j] = "";
      });
    mock.format = { autofitColumns: () => undefined };
    mock.conditionalFormats = {
      add: (type: string) => {
        const cf: any = { textComparison: { format: { fill: {}, font: {} }, rule: null }, colorScale: { criteria: null } };
        ops.push(() =>
          state.conditionalFormats.push({
            sheet: sheetName,
            column: c,
            type,
            text: cf.textComparison.rule?.operator === "BeginsWith" ? cf.textComparison.rule.text : `?${JSON.stringify(cf.textComparison.rule)}`,
            fill: cf.textComparison.format.fill.color,
            font: cf.textComparison.format.font.color,
            ...(type === "ColorScale" ? { area: [r, c, h, w], criteria: cf.colorScale.criteria } : {}),
          }),
        );
        return cf;
      },
    };
    mock._box = [r, c, h, w];
    mock._missingSheet = opts.missingSheet === true;
    checks.push(() => {
      const s = sheetByName(state, sheetName);
      if (!s) throw apiError("ItemNotFound");
      const written = mock.values !== initialValues && Array.isArray(mock.values);
      const loading = mock.values === "Error, context.sync() was not called";
      if ((written || loading) && h * w > state.payloadCells) {
        throw apiError(written ? "RequestPayloadSizeLimitExceeded" : "ResponsePayloadSizeLimitExceeded");
      }
      if (written) {
        if (state.failWritesAfter !== null && state.syncs >= state.failWritesAfter) throw apiError("GeneralException");
        if (s.protected) throw apiError("AccessDenied");
        const data = mock.values as Cell[][];
        if (data.length !== h || data.some((row) => row.length !== w)) throw apiError("InvalidArgument");
        ops.push(() => {
          for (let i = 0; i < h; i++) {
            s.cells[r + i] = s.cells[r + i] ?? [];
            for (let j = 0; j < w; j++) s.cells[r + i][c + j] = data[i][j];
          }
          state.writes.push({ sheet: sheetName, row: r, column: c, rows: h, columns: w });
        });
      }
      if (loading) state.reads.push({ sheet: sheetName, row: r, rows: h });
      if (mock.numberFormat !== initialFormat) {
        const f = mock.numberFormat as string[][];
        ops.push(() => state.numberFormats.push({ sheet: sheetName, column: c, format: f[0][0] }));
      }
    });
    return mock;
  };

  function makeWorksheet(name: string, missing: boolean): any {
    const s = sheetByName(state, name);
    const mock: any = track(new OfficeMockObject({ name, protection: { protected: s?.protected ?? false } }));
    mock.isNullObject = missing;
    if (missing) checks.push(() => undefined);
    mock.getRangeByIndexes = (r: number, c: number, h: number, w: number) => makeRange(name, r, c, h, w);
    // Worksheet events: registered and removed (counted in state.handlers); the mock raises none.
    const events = () => ({
      add: () => {
        ops.push(() => void state.handlers++);
        return { context, remove: () => ops.push(() => void state.handlers--) };
      },
    });
    mock.onChanged = events();
    mock.onRowSorted = events();
    mock.onColumnSorted = events();
    mock.getUsedRange = () => {
      const sheet = sheetByName(state, name) as MockSheet;
      const box = usedBox(sheet) ?? [0, 0, 0, 0];
      const range = makeRange(name, box[0], box[1], box[2] - box[0] + 1, box[3] - box[1] + 1, { noValues: true });
      return range;
    };
    mock.tables = {
      add: (range: any, hasHeaders: boolean) => {
        ops.push(() => {
          if (state.failTables) throw apiError(state.failTables);
          state.tables.push({ sheet: name, address: `${range._box.join(",")}/${hasHeaders}` });
        });
        return {};
      },
    };
    mock.charts = {
      add: (type: string, range: any, seriesBy: string) => {
        const series: any[] = [];
        const item = (i: number) => (series[i] ??= {});
        const second = item(1);
        let anchor: number[] | null = null;
        const chart: any = { title: {}, series: { getItemAt: item }, setPosition: (start: any) => void (anchor = start?._box?.slice(0, 2)) };
        ops.push(() => {
          const seriesTypes: Record<number, string> = {};
          series.forEach((s, i) => {
            if (s?.chartType !== undefined) seriesTypes[i] = s.chartType;
          });
          state.charts.push({ sheet: name, type, seriesBy, title: chart.title.text, secondType: second.chartType, secondAxis: second.axisGroup, seriesTypes });
          state.chartPlacements.push({ sheet: name, type, source: range._box, anchor });
        });
        return chart;
      },
    };
    mock.activate = () => undefined;
    const nameBefore = mock.name;
    checks.push(() => {
      if (mock.name !== nameBefore && typeof mock.name === "string" && !mock.name.startsWith("Error,")) {
        const renamed = mock.name as string;
        ops.push(() => {
          const sheet = sheetByName(state, name);
          if (sheet) sheet.name = renamed;
        });
      }
    });
    mock.delete = () =>
      ops.push(() => {
        if (state.failDelete) throw apiError("GeneralException");
        state.sheets = state.sheets.filter((x) => x.name !== name);
        state.deletedSheets.push(name);
      });
    if (!missing) checks.push(() => {
      if (!sheetByName(state, name) && !state.sheets.some((x) => x.name === name)) {
        // added in this same batch? then fine
      }
    });
    return mock;
  }

  const workbook: any = track(new OfficeMockObject({ protection: { protected: state.structureProtected } }));
  workbook.getSelectedRange = () => {
    const sel = state.selection;
    if ((sel.areas ?? 1) > 1 && state.apiMinor < 9) checks.push(() => { throw apiError("InvalidSelection"); });
    return makeRange(sel.sheet, sel.row, sel.column, sel.rows, sel.columns);
  };
  workbook.getSelectedRanges = () => track(new OfficeMockObject({ areaCount: state.selection.areas ?? 1 }));
  workbook.worksheets = {
    getItem: (name: string) => {
      const ws = makeWorksheet(name, false);
      checks.push(() => {
        if (!sheetByName(state, name) && !pendingAdds.includes(name.toLowerCase())) throw apiError("ItemNotFound");
      });
      return ws;
    },
    getItemOrNullObject: (name: string) => makeWorksheet(name, !sheetByName(state, name)),
    add: (name: string) => {
      pendingAdds.push(name.toLowerCase());
      ops.push(() => {
        if (state.structureProtected) throw apiError("InvalidOperation");
        if (sheetByName(state, name)) throw apiError("ItemAlreadyExists");
        state.sheets.push({ name, cells: [], protected: false });
      });
      return makeWorksheet(name, false);
    },
  };
  let pendingAdds: string[] = [];

  const context: any = {
    workbook,
    application: { suspendApiCalculationUntilNextSync: () => void state.suspendCalls++ },
    sync: async () => {
      state.syncs++;
      const batchChecks = checks;
      // office-addin-mock loads on the object's own sync, so every object of this context is synced each time.
      const batchCreated = created;
      checks = [];
      try {
        if (state.cellEditMode && !delay) throw apiError("InvalidOperationInCellEditMode");
        for (const check of batchChecks) check();
        // Sheet adds run before the writes queued after them.
        const batchOps = ops;
        ops = [];
        for (const op of batchOps) op();
      } catch (error) {
        ops = [];
        pendingAdds = [];
        throw error;
      }
      pendingAdds = [];
      for (const mock of batchCreated) await mock.sync();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  return context;
}
