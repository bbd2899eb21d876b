/**
 * PREVIEW ONLY — the workbook, its worksheets collection and the worksheet proxy of the Excel stand-in
 * (Workbook, WorksheetCollection, Worksheet, their protection objects, Application).
 */
import { MAX_COLUMNS, MAX_ROWS } from "./address";
import type { Rect } from "./address";
import type { RequestContext } from "./batch";
import { ChartCollection, TableCollection } from "./charts";
import { WorksheetEvent } from "./events";
import { NamedItemCollection } from "./names";
import { ClientCollection, ClientObject, FakeOfficeError, sizeOf } from "./proxy";
import { Range, RangeAreas, usedRect } from "./ranges";
import type { SheetModel, WorkbookModel } from "./workbook";

/** Application lives in culture.ts with the regional settings it reports. */
export { Application } from "./culture";

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
  /** Workbook-scoped names (names.ts). */
  readonly names: NamedItemCollection;
  private protectionProxy: WorkbookProtection | null = null;
  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
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

  /** ExcelApi 1.7 (triggerSource 1.14): a change of cells on the sheet. */
  get onChanged(): WorksheetEvent {
    return new WorksheetEvent(this.ctx, "changed", () => this.resolve(), `${this.label}.onChanged`);
  }
  /** ExcelApi 1.10: rows sorted (top-to-bottom sort). */
  get onRowSorted(): WorksheetEvent {
    return new WorksheetEvent(this.ctx, "rowSorted", () => this.resolve(), `${this.label}.onRowSorted`);
  }
  /** ExcelApi 1.10: columns sorted (left-to-right sort). */
  get onColumnSorted(): WorksheetEvent {
    return new WorksheetEvent(this.ctx, "columnSorted", () => this.resolve(), `${this.label}.onColumnSorted`);
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
