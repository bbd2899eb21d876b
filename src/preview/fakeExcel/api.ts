/**
 * PREVIEW ONLY — a fake of the part of the Excel JavaScript API that the Segment pane uses
 * (the list in src/taskpane/excel/index.ts), over the in-memory WorkbookModel. Never part of
 * the add-in Excel loads; used by the local preview (preview.html) and the tests.
 *
 * It keeps Excel's batching semantics so code that works here does not cheat:
 * - every proxy property must be `load`ed and `context.sync()`ed before it is read; reading
 *   it earlier throws PropertyNotLoaded, as office.js does;
 * - writes and method calls are queued and applied, in order, at `sync()`;
 * - errors surface at `sync()` (ItemNotFound, InvalidArgument, AccessDenied for a protected
 *   sheet or workbook structure, InvalidOperationInCellEditMode when the preview simulates
 *   the user typing in a cell and the batch was not run with `delayForCellEdit`);
 *   operations before the failing one stay applied, loads of that batch are not delivered;
 * - `*OrNullObject` methods give objects whose `isNullObject` is known after `sync()`;
 * - with a payload limit set (Excel on the web: about 5 MB), a request whose written values
 *   exceed it is refused whole with RequestPayloadSizeLimitExceeded, and a batch whose loaded
 *   values exceed it fails with ResponsePayloadSizeLimitExceeded (its writes applied), so the
 *   pane's block-size halving is exercised;
 * - proxies of a finished `Excel.run` cannot be used again (InvalidObjectPath).
 * Payload sizes are measured as the JSON length of the values moved.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, intersect, parseAddress, sheetAddress } from "./address";
import { CellValue, ChartModel, ColorScalePoint, SheetModel, WorkbookModel, isErrorCell } from "./workbook";

/** The error office.js throws (OfficeExtension.Error): `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

const notLoaded = (name: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

type Commit = { bytes: number; apply: () => void };
type Op = { requestBytes: number; location: string; run: () => Commit | void };

export type RunOptions = { delayForCellEdit?: boolean };

export class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Op[] = [];
  closed = false;

  constructor(
    readonly model: WorkbookModel,
    readonly options: RunOptions = {},
  ) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }

  enqueue(op: Op): void {
    if (this.closed) {
      throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid: this object belongs to an Excel.run that has finished.", op.location);
    }
    this.queue.push(op);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts.");
    const ops = this.queue;
    this.queue = [];
    // A round trip: let the page paint and other tasks run, as a real request does.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const model = this.model;
    model.counters.syncs++;
    if (model.simulation.cellEditMode && ops.length > 0) {
      if (this.options.delayForCellEdit) await model.whenNotEditing();
      else throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    const limit = model.simulation.payloadLimitBytes;
    const requestBytes = ops.reduce((sum, op) => sum + op.requestBytes, 0);
    model.counters.largestRequestBytes = Math.max(model.counters.largestRequestBytes, requestBytes);
    if (limit !== null && requestBytes > limit) {
      model.counters.requestPayloadRefusals++;
      model.changed();
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    const commits: Commit[] = [];
    try {
      for (const op of ops) {
        try {
          const commit = op.run();
          if (commit) commits.push(commit);
        } catch (error) {
          if (error instanceof FakeOfficeError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.location;
          throw error;
        }
      }
    } finally {
      model.changed();
    }
    const responseBytes = commits.reduce((sum, c) => sum + c.bytes, 0);
    model.counters.largestResponseBytes = Math.max(model.counters.largestResponseBytes, responseBytes);
    if (limit !== null && responseBytes > limit) {
      model.counters.responsePayloadRefusals++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    for (const commit of commits) commit.apply();
  }
}

/** JSON length, the measure of what crosses between the add-in and Excel. */
function sizeOf(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/**
 * A proxy: resolved to its model object at the sync that first runs it (ItemNotFound there when
 * it does not exist, unless it is an OrNullObject), with properties readable only once loaded.
 */
abstract class ClientObject<T> {
  private target: T | null | undefined = undefined;
  private loaded = new Map<string, unknown>();
  private synced = false;

  protected constructor(
    protected readonly ctx: RequestContext,
    private readonly resolver: () => T | null,
    private readonly nullable: boolean,
    protected readonly label: string,
    preResolved?: T,
  ) {
    if (preResolved !== undefined) {
      // An item of a collection loaded in this sync: already resolved, nothing to queue.
      this.target = preResolved;
      this.synced = true;
      return;
    }
    ctx.enqueue({
      requestBytes: 0,
      location: label,
      run: () => {
        this.resolveOrNull();
        return { bytes: 0, apply: () => (this.synced = true) };
      },
    });
  }

  /** Properties that `load()` without arguments loads, and their readers. */
  protected abstract readProperty(target: T, name: string): unknown;
  protected abstract scalarProperties(): readonly string[];

  resolve(): T {
    if (this.target === undefined) {
      const found = this.resolver();
      if (found === null && !this.nullable) {
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", this.label);
      }
      this.target = found;
    }
    if (this.target === null) {
      throw new FakeOfficeError("InvalidObjectPath", "The object is a null object: check isNullObject before using it.", this.label);
    }
    return this.target;
  }

  /** The model object, or null for a null object (after resolution). */
  protected resolveOrNull(): T | null {
    if (this.target === undefined) {
      const found = this.resolver();
      if (found === null && !this.nullable) {
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", this.label);
      }
      this.target = found;
    }
    return this.target;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded("isNullObject");
    return this.target === null;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const names = parseLoad(spec);
    const own: string[] = [];
    for (const name of names.length === 0 ? this.scalarProperties() : names) {
      const slash = name.indexOf("/");
      if (slash < 0) {
        own.push(name);
        continue;
      }
      const child = (this as unknown as Record<string, unknown>)[name.slice(0, slash)];
      if (child instanceof ClientObject || child instanceof ClientCollection) child.load(name.slice(slash + 1));
      else throw new FakeOfficeError("InvalidArgument", `Cannot load '${name}' on ${this.label}.`);
    }
    for (const name of own) {
      if (!this.scalarProperties().includes(name)) {
        throw new FakeOfficeError("PropertyNotFound", `The property '${name}' is not part of ${this.label} in the preview's Excel (it implements only what the pane uses).`);
      }
    }
    this.ctx.enqueue({
      requestBytes: 0,
      location: `${this.label}.load`,
      run: () => {
        const target = this.resolveOrNull();
        const snapshot = new Map<string, unknown>();
        if (target !== null) for (const name of own) snapshot.set(name, this.readProperty(target, name));
        let bytes = 0;
        for (const v of snapshot.values()) bytes += sizeOf(v);
        return {
          bytes,
          apply: () => {
            this.synced = true;
            for (const [k, v] of snapshot) this.loaded.set(k, v);
          },
        };
      },
    });
    return this;
  }

  /** Loads properties at once, inside a sync (collection items); returns the bytes moved. */
  loadNow(names: readonly string[]): number {
    const target = this.resolve();
    let bytes = 0;
    for (const name of names.length === 0 ? this.scalarProperties() : names) {
      if (!this.scalarProperties().includes(name)) {
        throw new FakeOfficeError("PropertyNotFound", `The property '${name}' is not part of ${this.label} in the preview's Excel (it implements only what the pane uses).`);
      }
      const v = this.readProperty(target, name);
      this.loaded.set(name, v);
      bytes += sizeOf(v);
    }
    return bytes;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a write; `bytes` is what the request carries. */
  protected write(location: string, bytes: number, apply: (target: T) => void): void {
    this.ctx.enqueue({ requestBytes: bytes, location: `${this.label}.${location}`, run: () => apply(this.resolve()) });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function parseLoad(spec?: string | string[] | { select?: string | string[] }): string[] {
  if (spec === undefined) return [];
  const raw = typeof spec === "string" || Array.isArray(spec) ? spec : spec.select ?? [];
  const list = typeof raw === "string" ? raw.split(",") : raw;
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A collection proxy: `items` after `load`. */
abstract class ClientCollection<T, P> {
  private itemsLoaded: P[] | null = null;
  protected constructor(
    protected readonly ctx: RequestContext,
    protected readonly label: string,
  ) {}

  protected abstract list(): T[];
  protected abstract proxyFor(target: T): P & { loadNow(names: readonly string[]): number };

  get items(): P[] {
    if (this.itemsLoaded === null) throw notLoaded("items");
    return this.itemsLoaded;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const names = parseLoad(spec).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue({
      requestBytes: 0,
      location: `${this.label}.load`,
      run: () => {
        const proxies = this.list().map((t) => this.proxyFor(t));
        let bytes = 0;
        for (const p of proxies) bytes += p.loadNow(names);
        return { bytes, apply: () => (this.itemsLoaded = proxies) };
      },
    });
    return this;
  }
}

export class Application {
  constructor(private readonly ctx: RequestContext) {}
  /** ExcelApi 1.6. Nothing recalculates in the preview, so this only has to exist in the batch. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ requestBytes: 0, location: "Application.suspendApiCalculationUntilNextSync", run: () => undefined });
  }
}

export class WorkbookProtection extends ClientObject<WorkbookModel> {
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model, false, "WorkbookProtection");
  }
  protected scalarProperties() {
    return ["protected"];
  }
  protected readProperty(model: WorkbookModel, name: string): unknown {
    if (name === "protected") return model.simulation.structureProtected;
    return undefined;
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

export class Workbook {
  readonly worksheets: WorksheetCollection;
  private protectionProxy: WorkbookProtection | null = null;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
  }
  get protection(): WorkbookProtection {
    if (!this.protectionProxy) this.protectionProxy = new WorkbookProtection(this.ctx);
    return this.protectionProxy;
  }
  /** ExcelApi 1.1. With several areas selected (Ctrl+click), Excel refuses: InvalidSelection at sync. */
  getSelectedRange(): Range {
    return new Range(this.ctx, () => {
      const s = this.ctx.model.selection;
      if (s.otherAreas.length > 0) {
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation: several areas are selected.");
      }
      return { sheet: s.sheet, rect: s.rect };
    }, false, "Workbook.getSelectedRange()");
  }
  /** ExcelApi 1.9: every selected area, in the order they were selected. */
  getSelectedRanges(): RangeAreas {
    return new RangeAreas(this.ctx, () => {
      const s = this.ctx.model.selection;
      return [...s.otherAreas, s.rect].map((rect) => ({ sheet: s.sheet, rect }));
    });
  }
}

export class WorksheetCollection extends ClientCollection<SheetModel, Worksheet> {
  constructor(ctx: RequestContext) {
    super(ctx, "WorksheetCollection");
  }
  protected list(): SheetModel[] {
    return this.ctx.model.sheets.slice();
  }
  protected proxyFor(sheet: SheetModel) {
    return Worksheet.resolved(this.ctx, sheet);
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.model.sheet(key) ?? this.ctx.model.sheetById(key), false, `WorksheetCollection.getItem(${JSON.stringify(key)})`);
  }
  /** ExcelApi 1.4: a null object when there is no such sheet (names compare case-insensitively). */
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.model.sheet(key) ?? this.ctx.model.sheetById(key), true, `WorksheetCollection.getItemOrNullObject(${JSON.stringify(key)})`);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    const label = `WorksheetCollection.add(${JSON.stringify(name ?? "")})`;
    this.ctx.enqueue({
      requestBytes: sizeOf(name),
      location: label,
      run: () => {
        const model = this.ctx.model;
        if (model.simulation.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: sheets cannot be added.");
        let sheetName = name;
        if (sheetName === undefined) {
          let i = model.sheets.length + 1;
          while (model.sheet(`Sheet${i}`)) i++;
          sheetName = `Sheet${i}`;
        }
        if (!validSheetName(sheetName)) throw new FakeOfficeError("InvalidArgument", `"${sheetName}" is not a valid sheet name.`);
        if (model.sheet(sheetName)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${sheetName}" already exists.`);
        created = model.addSheet(sheetName);
      },
    });
    return new Worksheet(this.ctx, () => created, false, label);
  }
}

function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[\\/?*[\]:]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

export class WorksheetProtection extends ClientObject<SheetModel> {
  constructor(ctx: RequestContext, sheet: Worksheet) {
    super(ctx, () => sheet.resolve(), false, "WorksheetProtection");
  }
  protected scalarProperties() {
    return ["protected"];
  }
  protected readProperty(sheet: SheetModel, name: string): unknown {
    return name === "protected" ? sheet.protected : undefined;
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

const SHEET_PROPERTIES = ["name", "id", "position", "visibility"] as const;

export class Worksheet extends ClientObject<SheetModel> {
  private protectionProxy: WorksheetProtection | null = null;
  private tablesProxy: TableCollection | null = null;
  private chartsProxy: ChartCollection | null = null;

  constructor(ctx: RequestContext, resolver: () => SheetModel | null, nullable: boolean, label: string, preResolved?: SheetModel) {
    super(ctx, resolver, nullable, label, preResolved);
  }

  /** A worksheet proxy for a collection item, resolved during the sync that loads the collection. */
  static resolved(ctx: RequestContext, sheet: SheetModel): Worksheet {
    return new Worksheet(ctx, () => sheet, false, `Worksheet(${JSON.stringify(sheet.name)})`, sheet);
  }

  protected scalarProperties() {
    return SHEET_PROPERTIES;
  }
  protected readProperty(sheet: SheetModel, name: string): unknown {
    switch (name) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.ctx.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visible ? "Visible" : "Hidden";
      default:
        return undefined;
    }
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.write("name", sizeOf(value), (sheet) => {
      const model = this.ctx.model;
      if (model.simulation.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: sheets cannot be renamed.");
      if (!validSheetName(value)) throw new FakeOfficeError("InvalidArgument", `"${value}" is not a valid sheet name.`);
      const other = model.sheet(value);
      if (other && other !== sheet) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${value}" already exists.`);
      sheet.name = value;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get position(): number {
    return this.get("position");
  }
  get visibility(): string {
    return this.get("visibility");
  }

  get protection(): WorksheetProtection {
    if (!this.protectionProxy) this.protectionProxy = new WorksheetProtection(this.ctx, this);
    return this.protectionProxy;
  }
  get tables(): TableCollection {
    if (!this.tablesProxy) this.tablesProxy = new TableCollection(this.ctx, this);
    return this.tablesProxy;
  }
  get charts(): ChartCollection {
    if (!this.chartsProxy) this.chartsProxy = new ChartCollection(this.ctx, this);
    return this.chartsProxy;
  }

  /** ExcelApi 1.7. */
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): Range {
    const label = `Worksheet.getRangeByIndexes(${row}, ${column}, ${rowCount}, ${columnCount})`;
    return new Range(this.ctx, () => {
      const sheet = this.resolve();
      const ok = [row, column, rowCount, columnCount].every((n) => Number.isInteger(n)) && row >= 0 && column >= 0 && rowCount >= 1 && columnCount >= 1 && row + rowCount <= MAX_ROWS && column + columnCount <= MAX_COLUMNS;
      if (!ok) throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format.", label);
      return { sheet, rect: { row, col: column, rows: rowCount, cols: columnCount } };
    }, false, label);
  }

  /** ExcelApi 1.1 / valuesOnly 1.2. An empty sheet gives A1, as Excel does. */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, rect: usedRect(sheet, valuesOnly === true) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    }, false, "Worksheet.getUsedRange()");
  }

  activate(): void {
    this.write("activate", 0, (sheet) => {
      this.ctx.model.activate(sheet);
    });
  }

  delete(): void {
    this.write("delete", 0, (sheet) => {
      const model = this.ctx.model;
      if (model.simulation.structureProtected) throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected: sheets cannot be deleted.");
      if (model.sheets.length === 1) throw new FakeOfficeError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      model.deleteSheet(sheet);
    });
  }
}

/** The used rectangle; valuesOnly is the same here (the preview stores no formatting-only cells). */
function usedRect(sheet: SheetModel, _valuesOnly: boolean): Rect | null {
  return sheet.usedRect();
}

type RangeTarget = { sheet: SheetModel; rect: Rect };

const RANGE_PROPERTIES = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat"] as const;

function excelValue(value: CellValue): unknown {
  if (value === null) return "";
  if (isErrorCell(value)) return value.error;
  return value;
}

function assertWritable(target: RangeTarget): void {
  if (target.sheet.protected) {
    throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }
}

/** Checks a 2-D array against the range's shape (Excel: InvalidArgument when they differ). */
function checkShape(values: unknown, rect: Rect, what: string): unknown[][] {
  if (!Array.isArray(values) || values.length !== rect.rows || values.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: range is ${rect.rows}×${rect.cols}).`,
    );
  }
  return values as unknown[][];
}

function toCell(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new FakeOfficeError("InvalidArgument", "A value is not a finite number.");
    return value;
  }
  if (typeof value === "string" || typeof value === "boolean") return value;
  throw new FakeOfficeError("InvalidArgument", `Unsupported cell value of type ${typeof value}.`);
}

export class Range extends ClientObject<RangeTarget> {
  private formatProxy: RangeFormat | null = null;
  private conditionalFormatsProxy: ConditionalFormatCollection | null = null;

  constructor(ctx: RequestContext, resolver: () => RangeTarget | null, nullable: boolean, label: string) {
    super(ctx, resolver, nullable, label);
  }

  protected scalarProperties() {
    return RANGE_PROPERTIES;
  }

  protected readProperty(target: RangeTarget, name: string): unknown {
    const { sheet, rect } = target;
    switch (name) {
      case "address":
        return sheetAddress(sheet.name, rect);
      case "rowIndex":
        return rect.row;
      case "columnIndex":
        return rect.col;
      case "rowCount":
        return rect.rows;
      case "columnCount":
        return rect.cols;
      case "values": {
        const out: unknown[][] = new Array(rect.rows);
        for (let r = 0; r < rect.rows; r++) {
          const line: unknown[] = new Array(rect.cols);
          for (let c = 0; c < rect.cols; c++) line[c] = excelValue(sheet.get(rect.row + r, rect.col + c));
          out[r] = line;
        }
        return out;
      }
      case "numberFormat": {
        const out: string[][] = [];
        for (let r = 0; r < rect.rows; r++) {
          const line: string[] = [];
          for (let c = 0; c < rect.cols; c++) line.push(sheet.numberFormat(rect.row + r, rect.col + c));
          out.push(line);
        }
        return out;
      }
      default:
        return undefined;
    }
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.write("values", sizeOf(values), (target) => {
      assertWritable(target);
      const { sheet, rect } = target;
      const grid = checkShape(values, rect, "values");
      const cells = grid.map((row) => row.map(toCell));
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.cols; c++) {
          sheet.setFormula(rect.row + r, rect.col + c, null);
          sheet.set(rect.row + r, rect.col + c, cells[r][c]);
        }
      }
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.write("numberFormat", sizeOf(formats), (target) => {
      assertWritable(target);
      const { sheet, rect } = target;
      const grid = checkShape(formats, rect, "numberFormat");
      for (let r = 0; r < rect.rows; r++) {
        for (let c = 0; c < rect.cols; c++) {
          const f = grid[r][c];
          if (typeof f !== "string") throw new FakeOfficeError("InvalidArgument", "A number format must be text.");
          sheet.setNumberFormat(rect.row + r, rect.col + c, f);
        }
      }
    });
  }

  get worksheet(): Worksheet {
    return new Worksheet(this.ctx, () => this.resolve().sheet, false, `${this.label}.worksheet`);
  }
  get format(): RangeFormat {
    if (!this.formatProxy) this.formatProxy = new RangeFormat(this.ctx, this);
    return this.formatProxy;
  }
  get conditionalFormats(): ConditionalFormatCollection {
    if (!this.conditionalFormatsProxy) this.conditionalFormatsProxy = new ConditionalFormatCollection(this.ctx, this);
    return this.conditionalFormatsProxy;
  }

  /** ExcelApi 1.7: the current region around the range. */
  getSurroundingRegion(): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      return { sheet, rect: sheet.surroundingRegion(rect) };
    }, false, `${this.label}.getSurroundingRegion()`);
  }

  /** ExcelApi 1.4. Ranges on different sheets, or that do not meet, give a null object. */
  getIntersectionOrNullObject(other: Range | string): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      const o = typeof other === "string" ? parseOnSheet(other, sheet, this.ctx.model) : other.resolve();
      if (o.sheet !== sheet) return null;
      const meet = intersect(rect, o.rect);
      return meet ? { sheet, rect: meet } : null;
    }, true, `${this.label}.getIntersectionOrNullObject()`);
  }

  /** ExcelApi 1.4: the used part of this range, or a null object when it holds nothing. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      let r0 = Infinity;
      let r1 = -1;
      let c0 = Infinity;
      let c1 = -1;
      const used = usedRect(sheet, valuesOnly === true);
      const scan = used ? intersect(rect, used) : null;
      if (!scan) return null;
      for (let r = scan.row; r < scan.row + scan.rows; r++) {
        for (let c = scan.col; c < scan.col + scan.cols; c++) {
          if (sheet.isBlank(r, c)) continue;
          r0 = Math.min(r0, r);
          r1 = Math.max(r1, r);
          c0 = Math.min(c0, c);
          c1 = Math.max(c1, c);
        }
      }
      return r1 < 0 ? null : { sheet, rect: { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 } };
    }, true, `${this.label}.getUsedRangeOrNullObject()`);
  }

  getEntireColumn(): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      return { sheet, rect: { row: 0, col: rect.col, rows: MAX_ROWS, cols: rect.cols } };
    }, false, `${this.label}.getEntireColumn()`);
  }

  /** Only whole columns shifted right are supported (what the pane does); anything else is refused. */
  insert(shift: string): Range {
    this.write(`insert(${JSON.stringify(shift)})`, 0, (target) => {
      const { sheet, rect } = target;
      if (shift !== "Right" || rect.row !== 0 || rect.rows !== MAX_ROWS) {
        throw new FakeOfficeError("InvalidArgument", "The preview's Excel inserts whole columns shifted right only.");
      }
      assertWritable(target);
      sheet.insertColumns(rect.col, rect.cols);
    });
    return this;
  }

  /** Only whole columns shifted left are supported (the pane's undo of insert). */
  delete(shift: string): void {
    this.write(`delete(${JSON.stringify(shift)})`, 0, (target) => {
      const { sheet, rect } = target;
      if (shift !== "Left" || rect.row !== 0 || rect.rows !== MAX_ROWS) {
        throw new FakeOfficeError("InvalidArgument", "The preview's Excel deletes whole columns shifted left only.");
      }
      assertWritable(target);
      sheet.deleteColumns(rect.col, rect.cols);
    });
  }

  clear(applyTo?: string): void {
    this.write(`clear(${JSON.stringify(applyTo ?? "All")})`, 0, (target) => {
      assertWritable(target);
      const { sheet, rect } = target;
      const used = sheet.usedRect();
      const within = used ? intersect(rect, used) : null;
      if (within) sheet.clear(within);
    });
  }
}

function parseOnSheet(address: string, sheet: SheetModel, model: WorkbookModel): RangeTarget {
  const parsed = parseAddressSafe(address);
  const target = parsed.sheet === null ? sheet : model.sheet(parsed.sheet);
  if (!target) throw new FakeOfficeError("ItemNotFound", `There is no sheet named ${parsed.sheet}.`);
  return { sheet: target, rect: parsed };
}

function parseAddressSafe(address: string) {
  const parsed = parseAddress(address);
  if (!parsed) throw new FakeOfficeError("InvalidArgument", `"${address}" is not a range address.`);
  return parsed;
}

export class RangeAreas extends ClientObject<RangeTarget[]> {
  constructor(ctx: RequestContext, resolver: () => RangeTarget[]) {
    super(ctx, resolver, false, "RangeAreas");
  }
  protected scalarProperties() {
    return ["areaCount", "address"];
  }
  protected readProperty(areas: RangeTarget[], name: string): unknown {
    if (name === "areaCount") return areas.length;
    if (name === "address") return areas.map((a) => sheetAddress(a.sheet.name, a.rect)).join(",");
    return undefined;
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get address(): string {
    return this.get("address");
  }
}

export class RangeFormat {
  constructor(
    private readonly ctx: RequestContext,
    private readonly range: Range,
  ) {}
  /** ExcelApi 1.2. The preview's grid has fixed-width columns; the call is accepted and checked only. */
  autofitColumns(): void {
    this.ctx.enqueue({ requestBytes: 0, location: "RangeFormat.autofitColumns()", run: () => void this.range.resolve() });
  }
}

type FormatTarget = { fill: string | null; font: string | null };

export class ConditionalFill {
  constructor(
    private readonly ctx: RequestContext,
    private readonly target: () => FormatTarget,
  ) {}
  set color(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ConditionalFill.color", run: () => void (this.target().fill = value) });
  }
  get color(): string {
    throw notLoaded("color");
  }
}

export class ConditionalFont {
  constructor(
    private readonly ctx: RequestContext,
    private readonly target: () => FormatTarget,
  ) {}
  set color(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ConditionalFont.color", run: () => void (this.target().font = value) });
  }
  get color(): string {
    throw notLoaded("color");
  }
}

export class ConditionalRangeFormat {
  readonly fill: ConditionalFill;
  readonly font: ConditionalFont;
  constructor(ctx: RequestContext, target: () => FormatTarget) {
    this.fill = new ConditionalFill(ctx, target);
    this.font = new ConditionalFont(ctx, target);
  }
}

type CfModel = SheetModel["conditionalFormats"][number];

export class TextConditionalFormat {
  readonly format: ConditionalRangeFormat;
  constructor(
    private readonly ctx: RequestContext,
    private readonly cf: () => CfModel,
  ) {
    const target = (): FormatTarget => {
      const model = cf();
      return {
        get fill() {
          return model.fill;
        },
        set fill(v) {
          model.fill = v;
        },
        get font() {
          return model.fontColor;
        },
        set font(v) {
          model.fontColor = v;
        },
      };
    };
    this.format = new ConditionalRangeFormat(ctx, target);
  }
  set rule(rule: { operator: string; text: string }) {
    this.ctx.enqueue({
      requestBytes: sizeOf(rule),
      location: "TextConditionalFormat.rule",
      run: () => {
        const operators = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
        if (!rule || typeof rule.text !== "string" || !operators.includes(rule.operator)) {
          throw new FakeOfficeError("InvalidArgument", "A text rule needs an operator (Contains, NotContains, BeginsWith, EndsWith) and a text.");
        }
        const model = this.cf();
        model.operator = rule.operator;
        model.text = rule.text;
      },
    });
  }
  get rule(): { operator: string; text: string } {
    throw notLoaded("rule");
  }
}

/** A criterion's types that need no formula, and those that need one (ExcelApi 1.6). */
const SCALE_TYPES_WITHOUT_FORMULA = ["LowestValue", "HighestValue"];
const SCALE_TYPES_WITH_FORMULA = ["Number", "Percent", "Formula", "Percentile"];

type ScaleCriterion = { type?: unknown; color?: unknown; formula?: unknown };

function scalePoint(point: ScaleCriterion | undefined, name: string): ColorScalePoint {
  if (!point || typeof point.type !== "string") throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} needs a type.`);
  const withFormula = SCALE_TYPES_WITH_FORMULA.includes(point.type);
  if (!withFormula && !SCALE_TYPES_WITHOUT_FORMULA.includes(point.type)) {
    throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} has an unknown type ${point.type}.`);
  }
  if (withFormula && (typeof point.formula !== "string" || point.formula === "")) {
    throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} of type ${point.type} needs a formula.`);
  }
  if (point.color !== undefined && point.color !== null && (typeof point.color !== "string" || !/^#[0-9a-f]{6}$/i.test(point.color))) {
    throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} colour must be "#rrggbb".`);
  }
  return { type: point.type, color: typeof point.color === "string" ? point.color : null, formula: typeof point.formula === "string" ? point.formula : null };
}

export class ColorScaleConditionalFormat {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cf: () => CfModel,
  ) {}
  /** ExcelApi 1.6. Minimum and maximum are required; a midpoint makes it a three-colour scale. */
  set criteria(criteria: { minimum: ScaleCriterion; midpoint?: ScaleCriterion; maximum: ScaleCriterion }) {
    this.ctx.enqueue({
      requestBytes: sizeOf(criteria),
      location: "ColorScaleConditionalFormat.criteria",
      run: () => {
        const model = this.cf();
        if (model.type !== "ColorScale") throw new FakeOfficeError("InvalidArgument", `A ${model.type} conditional format has no colour scale.`);
        model.colorScale = {
          minimum: scalePoint(criteria?.minimum, "minimum"),
          midpoint: criteria?.midpoint ? scalePoint(criteria.midpoint, "midpoint") : null,
          maximum: scalePoint(criteria?.maximum, "maximum"),
        };
      },
    });
  }
  get criteria(): { minimum: ScaleCriterion; midpoint?: ScaleCriterion; maximum: ScaleCriterion } {
    throw notLoaded("criteria");
  }
}

export class ConditionalFormat {
  private textProxy: TextConditionalFormat | null = null;
  private scaleProxy: ColorScaleConditionalFormat | null = null;
  constructor(
    private readonly ctx: RequestContext,
    private readonly cf: () => CfModel,
  ) {}
  /** ExcelApi 1.6. */
  get textComparison(): TextConditionalFormat {
    if (!this.textProxy) this.textProxy = new TextConditionalFormat(this.ctx, this.cf);
    return this.textProxy;
  }
  /** ExcelApi 1.6. */
  get colorScale(): ColorScaleConditionalFormat {
    if (!this.scaleProxy) this.scaleProxy = new ColorScaleConditionalFormat(this.ctx, this.cf);
    return this.scaleProxy;
  }
}

export class ConditionalFormatCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly range: Range,
  ) {}
  /** Only "ContainsText" and "ColorScale" rules are implemented (what the pane adds). */
  add(type: string): ConditionalFormat {
    let created: CfModel | null = null;
    this.ctx.enqueue({
      requestBytes: sizeOf(type),
      location: `ConditionalFormatCollection.add(${JSON.stringify(type)})`,
      run: () => {
        if (type !== "ContainsText" && type !== "ColorScale") {
          throw new FakeOfficeError("InvalidArgument", `The preview's Excel implements only ContainsText and ColorScale conditional formats, not ${type}.`);
        }
        const target = this.range.resolve();
        assertWritable(target);
        created = { id: target.sheet.newConditionalFormatId(), rect: target.rect, type, text: null, operator: null, fill: null, fontColor: null };
        target.sheet.conditionalFormats.push(created);
      },
    });
    return new ConditionalFormat(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The conditional format was not created.");
      return created;
    });
  }
}

export class TableCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: Worksheet,
  ) {}
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: { name: string } | null = null;
    this.ctx.enqueue({
      requestBytes: 0,
      location: "TableCollection.add()",
      run: () => {
        const sheet = this.sheet.resolve();
        const target = typeof address === "string" ? parseOnSheet(address, sheet, this.ctx.model) : address.resolve();
        if (target.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The table's range must be on this worksheet.");
        assertWritable(target);
        for (const s of this.ctx.model.sheets) {
          for (const t of s.tables) {
            if (s === sheet && intersect(t.rect, target.rect)) throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
          }
        }
        const count = this.ctx.model.sheets.reduce((n, s) => n + s.tables.length, 0);
        const table = { id: sheet.newTableId(), name: `Table${count + 1}`, rect: target.rect, style: "TableStyleMedium2", showBandedRows: true };
        if (!hasHeaders) {
          // Excel inserts a header row above; the pane always has headers, so refuse instead of shifting cells.
          throw new FakeOfficeError("InvalidArgument", "The preview's Excel adds tables with a header row only.");
        }
        sheet.tables.push(table);
        created = table;
      },
    });
    return new Table(this.ctx, () => created);
  }
}

export class Table {
  constructor(
    private readonly ctx: RequestContext,
    private readonly table: () => { name: string } | null,
  ) {}
  /** Tables are added and left as they are; reading their properties is not needed by the pane. */
  get name(): string {
    throw notLoaded("name");
  }
}

export class ChartCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: Worksheet,
  ) {}
  /** Charts plot the source's first column as categories and each further column as a series (seriesBy "Columns"). */
  add(type: string, source: Range, seriesBy?: string): Chart {
    let created: ChartModel | null = null;
    this.ctx.enqueue({
      requestBytes: sizeOf(type),
      location: `ChartCollection.add(${JSON.stringify(type)})`,
      run: () => {
        const sheet = this.sheet.resolve();
        const target = source.resolve();
        assertWritable({ sheet, rect: target.rect });
        if (seriesBy !== undefined && seriesBy !== "Columns" && seriesBy !== "Auto") {
          throw new FakeOfficeError("InvalidArgument", `The preview's Excel plots series by columns only, not ${seriesBy}.`);
        }
        const { rect } = target;
        const series = [];
        for (let c = 1; c < rect.cols; c++) {
          const values: number[] = [];
          for (let r = 1; r < rect.rows; r++) {
            const v = target.sheet.get(rect.row + r, rect.col + c);
            values.push(typeof v === "number" ? v : 0);
          }
          const name = target.sheet.get(rect.row, rect.col + c);
          series.push({ name: name === null ? `Series${c}` : String(excelValue(name)), values, axisGroup: "Primary", chartType: null });
        }
        const chart: ChartModel = {
          id: sheet.newChartId(),
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: rect,
          title: "",
          series,
          top: 0,
          left: 0,
          width: 360,
          height: 216,
        };
        sheet.charts.push(chart);
        created = chart;
      },
    });
    return new Chart(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The chart was not created.");
      return created;
    });
  }
}

export class ChartTitle {
  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: () => ChartModel,
  ) {}
  set text(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ChartTitle.text", run: () => void (this.chart().title = value) });
  }
  get text(): string {
    throw notLoaded("text");
  }
}

export class ChartSeries {
  constructor(
    private readonly ctx: RequestContext,
    private readonly series: () => ChartModel["series"][number],
  ) {}
  /** ExcelApi 1.7. */
  set chartType(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ChartSeries.chartType", run: () => void (this.series().chartType = value) });
  }
  get chartType(): string {
    throw notLoaded("chartType");
  }
  /** ExcelApi 1.8. */
  set axisGroup(value: string) {
    this.ctx.enqueue({
      requestBytes: sizeOf(value),
      location: "ChartSeries.axisGroup",
      run: () => {
        if (value !== "Primary" && value !== "Secondary") throw new FakeOfficeError("InvalidArgument", `axisGroup must be Primary or Secondary, not ${value}.`);
        this.series().axisGroup = value;
      },
    });
  }
  get axisGroup(): string {
    throw notLoaded("axisGroup");
  }
}

export class ChartSeriesCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: () => ChartModel,
  ) {}
  getItemAt(index: number): ChartSeries {
    let found: ChartModel["series"][number] | null = null;
    this.ctx.enqueue({
      requestBytes: 0,
      location: `ChartSeriesCollection.getItemAt(${index})`,
      run: () => {
        const series = this.chart().series[index];
        if (!series) throw new FakeOfficeError("ItemNotFound", `The chart has no series at index ${index}.`);
        found = series;
      },
    });
    return new ChartSeries(this.ctx, () => found!);
  }
}

export class Chart {
  readonly title: ChartTitle;
  readonly series: ChartSeriesCollection;
  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: () => ChartModel,
  ) {
    this.title = new ChartTitle(ctx, chart);
    this.series = new ChartSeriesCollection(ctx, chart);
  }
  /** Places the chart's top-left corner at a cell (the preview draws charts by cell position). */
  setPosition(start: Range | string, _end?: Range | string): void {
    this.ctx.enqueue({
      requestBytes: 0,
      location: "Chart.setPosition()",
      run: () => {
        const chart = this.chart();
        const target = typeof start === "string" ? parseAddressSafe(start) : start.resolve().rect;
        chart.top = target.row;
        chart.left = target.col;
      },
    });
  }
}

export type FakeExcelNamespace = {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: RunOptions, batch: (context: RequestContext) => Promise<T>): Promise<T>;
  RequestContext: typeof RequestContext;
  ErrorCodes: Record<string, string>;
};

/**
 * `Excel.run` over a model: runs the batch with a fresh context, syncs what is still queued when
 * the batch's promise resolves (as office.js does), then closes the context.
 */
export function createExcel(workbook: WorkbookModel | Promise<WorkbookModel>): FakeExcelNamespace {
  async function run<T>(a: RunOptions | ((context: RequestContext) => Promise<T>), b?: (context: RequestContext) => Promise<T>): Promise<T> {
    const batch = typeof a === "function" ? a : b;
    const options = typeof a === "function" ? {} : a ?? {};
    if (typeof batch !== "function") throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    const context = new RequestContext(await workbook, options);
    try {
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }
  return {
    run: run as FakeExcelNamespace["run"],
    RequestContext,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidSelection: "InvalidSelection",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    },
  };
}
