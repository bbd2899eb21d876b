/**
 * PREVIEW ONLY — the in-memory workbook behind the local preview's fake Excel API
 * (src/preview/fakeExcel/, entry batch.ts). Never part of the add-in Excel loads.
 *
 * Holds sheets of cell values, formulas (as text, evaluated by the preview's formula box),
 * number formats, fills, tables, conditional formats and charts; the selection; and the host
 * states the preview can simulate (cell edit mode, protection, the ~5 MB payload limit).
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, intersect } from "./address";
import { EventHub } from "./events";
import { UserActions } from "./simulate";
import { SheetModel } from "./sheetModel";
import type { NamedRangeModel } from "./sheetModel";

export * from "./sheetModel";

export type Selection = { sheet: SheetModel; rect: Rect; activeRow: number; activeCol: number; otherAreas: Rect[] };

/** Host states the preview can switch on, to exercise the pane's handling of them. */
export type Simulation = {
  /** Bytes per request and per response; null = no limit. Excel on the web refuses about 5 MB. */
  payloadLimitBytes: number | null;
  /** The user is typing in a cell: batches fail with InvalidOperationInCellEditMode unless run with delayForCellEdit. */
  cellEditMode: boolean;
  /** Workbook structure protection: no sheet can be added, deleted or renamed. */
  structureProtected: boolean;
  /**
   * Called after every sync with its number (counters.syncs), before the batch goes on: a test's
   * way to act as the user between two requests of a run (type, insert, sort: `model.user`).
   */
  afterSync: ((sync: number) => void) | null;
  /**
   * Whether change events carry `triggerSource` (ExcelApi 1.14). False acts as an older host,
   * whose events cannot tell the add-in's own writes from the user's.
   */
  triggerSource: boolean;
};

export type Counters = {
  syncs: number;
  requestPayloadRefusals: number;
  responsePayloadRefusals: number;
  largestRequestBytes: number;
  largestResponseBytes: number;
};

export const FIVE_MB = 5 * 1024 * 1024;

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  selection: Selection;
  readonly simulation: Simulation = { payloadLimitBytes: null, cellEditMode: false, structureProtected: false, afterSync: null, triggerSource: true };
  /** Worksheet events (onChanged, onRowSorted, onColumnSorted). */
  readonly events = new EventHub(() => this.simulation.triggerSource);
  /** What the user does in the workbook (typing, inserting, sorting), with the events Excel raises for it. */
  readonly user: UserActions = new UserActions(this);
  private readonly names = new Map<string, NamedRangeModel>();
  readonly counters: Counters = {
    syncs: 0,
    requestPayloadRefusals: 0,
    responsePayloadRefusals: 0,
    largestRequestBytes: 0,
    largestResponseBytes: 0,
  };
  /** Evaluates a formula written through the API (range.formulas); set by the preview. */
  formulaHook: ((sheet: SheetModel, row: number, col: number, formula: string) => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly selectionListeners = new Set<() => void>();
  private readonly editEndWaiters: (() => void)[] = [];
  private notifyQueued = false;
  version = 0;

  constructor(sheetNames: readonly string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.sheets.push(new SheetModel(name));
    this.selection = { sheet: this.sheets[0], rect: { row: 0, col: 0, rows: 1, cols: 1 }, activeRow: 0, activeCol: 0, otherAreas: [] };
  }

  get activeSheet(): SheetModel {
    return this.selection.sheet;
  }

  sheet(name: string): SheetModel | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  name(name: string): NamedRangeModel | null {
    return this.names.get(name.toLowerCase()) ?? null;
  }

  /** Every defined name (workbook scope), in the order they were added. */
  get namedRanges(): NamedRangeModel[] {
    return [...this.names.values()];
  }

  addName(name: string, sheet: SheetModel, rect: Rect): NamedRangeModel {
    const item: NamedRangeModel = { name, sheet, anchor: { rect }, visible: true };
    this.names.set(name.toLowerCase(), item);
    sheet.anchors.add(item.anchor);
    return item;
  }

  deleteName(item: NamedRangeModel): void {
    this.names.delete(item.name.toLowerCase());
    item.sheet.anchors.delete(item.anchor);
  }

  sheetById(id: string): SheetModel | null {
    return this.sheets.find((s) => s.id === id) ?? null;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    this.changed();
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    if (this.selection.sheet === sheet) {
      const next = this.sheets[Math.max(0, i - 1)];
      this.selection = { sheet: next, rect: { row: 0, col: 0, rows: 1, cols: 1 }, activeRow: 0, activeCol: 0, otherAreas: [] };
      this.selectionChanged();
    }
    this.changed();
  }

  activate(sheet: SheetModel): void {
    if (this.selection.sheet === sheet) return;
    this.selection = { sheet, rect: { row: 0, col: 0, rows: 1, cols: 1 }, activeRow: 0, activeCol: 0, otherAreas: [] };
    this.selectionChanged();
    this.changed();
  }

  select(sheet: SheetModel, rect: Rect, activeRow = rect.row, activeCol = rect.col, otherAreas: Rect[] = []): void {
    const clipped = intersect(rect, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS }) ?? rect;
    this.selection = { sheet, rect: clipped, activeRow, activeCol, otherAreas: sheet === this.selection.sheet ? otherAreas : [] };
    this.selectionChanged();
    this.changed();
  }

  setCellEditMode(on: boolean): void {
    this.simulation.cellEditMode = on;
    if (!on) for (const wake of this.editEndWaiters.splice(0)) wake();
    this.changed();
  }

  /** Resolves when the user leaves cell edit mode (what delayForCellEdit waits for). */
  whenNotEditing(): Promise<void> {
    if (!this.simulation.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editEndWaiters.push(resolve));
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  private selectionChanged(): void {
    for (const listener of this.selectionListeners) listener();
  }

  /** Tells the views that something changed (batched to one notification per task). */
  changed(): void {
    this.version++;
    if (this.notifyQueued) return;
    this.notifyQueued = true;
    queueMicrotask(() => {
      this.notifyQueued = false;
      for (const listener of this.listeners) listener();
    });
  }
}
