/**
 * PREVIEW ONLY — ranges of the Excel stand-in: Range (values, formulas, number formats, navigation,
 * insert, delete, clear) and RangeAreas, with Excel's checks of shape, value type and protection.
 * Strings written are read as Excel reads typed text unless the cell is text-formatted
 * (coerce.ts); every write raises `onChanged` with triggerSource "ThisLocalAddin" (events.ts).
 */
import { MAX_COLUMNS, MAX_ROWS, columnLetters, intersect, parseAddress, rectAddress, sheetAddress } from "./address";
import type { Rect } from "./address";
import type { RequestContext } from "./batch";
import { coerceEntry } from "./coerce";
import { ConditionalFormatCollection, RangeFormat } from "./formats";
import { ClientObject, FakeOfficeError, assertWritable, sizeOf } from "./proxy";
import type { RangeTarget } from "./proxy";
import { isErrorCell } from "./workbook";
import type { CellValue, SheetModel, WorkbookModel } from "./workbook";
import type { Worksheet } from "./worksheets";

const RANGE_PROPERTIES = ["address", "rowIndex", "columnIndex", "rowCount", "columnCount", "values", "formulas", "numberFormat"] as const;

export function excelValue(value: CellValue): unknown {
  if (value === null) return "";
  if (isErrorCell(value)) return value.error;
  return value;
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

function checkCell(value: unknown): void {
  if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new FakeOfficeError("InvalidArgument", "A value is not a finite number.");
    return;
  }
  throw new FakeOfficeError("InvalidArgument", `Unsupported cell value of type ${typeof value}.`);
}

/** Writes one cell as Excel does: strings are read as typed text unless the cell's format is "@" (coerce.ts). */
function writeCell(sheet: SheetModel, row: number, col: number, value: unknown): void {
  if (typeof value === "string") {
    const entry = coerceEntry(value, sheet.numberFormat(row, col));
    sheet.set(row, col, entry.value);
    sheet.setFormula(row, col, entry.formula);
    if (entry.format) sheet.setNumberFormat(row, col, entry.format);
    return;
  }
  sheet.setFormula(row, col, null);
  sheet.set(row, col, value === undefined || value === null ? null : (value as CellValue));
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
      case "formulas": {
        const out: unknown[][] = new Array(rect.rows);
        for (let r = 0; r < rect.rows; r++) {
          const line: unknown[] = new Array(rect.cols);
          for (let c = 0; c < rect.cols; c++) line[c] = sheet.formula(rect.row + r, rect.col + c) ?? excelValue(sheet.get(rect.row + r, rect.col + c));
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
    this.write("values", sizeOf(values), (target) => this.writeGrid(target, values, "values"));
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  /** Formulas and constants; a constant is read as in `values`. */
  set formulas(formulas: unknown[][]) {
    this.write("formulas", sizeOf(formulas), (target) => this.writeGrid(target, formulas, "formulas"));
  }

  private writeGrid(target: RangeTarget, grid: unknown, what: string): void {
    assertWritable(target);
    const { sheet, rect } = target;
    const cells = checkShape(grid, rect, what);
    for (const line of cells) for (const v of line) checkCell(v);
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) writeCell(sheet, rect.row + r, rect.col + c, cells[r][c]);
    this.ownChange(target, "RangeEdited");
  }

  /** The onChanged event of the add-in's own change (triggerSource "ThisLocalAddin"). */
  private ownChange(target: RangeTarget, changeType: string): void {
    const { sheet, rect } = target;
    const address = rect.rows === MAX_ROWS ? `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}` : rectAddress(rect);
    this.ctx.model.events.emit({ kind: "changed", sheet, address, changeType, triggerSource: "ThisLocalAddin" });
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
    return this.ctx.worksheet(() => this.resolve().sheet, `${this.label}.worksheet`);
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

  /** ExcelApi 1.1: row `index` (0-based) of the range. */
  getRow(index: number): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      if (!Number.isInteger(index) || index < 0 || index >= rect.rows) throw new FakeOfficeError("InvalidArgument", `Row ${index} is outside the range of ${rect.rows} rows.`);
      return { sheet, rect: { ...rect, row: rect.row + index, rows: 1 } };
    }, false, `${this.label}.getRow(${index})`);
  }

  /** ExcelApi 1.2: the range grown (or shrunk) by `deltaRows` and `deltaColumns` from its top-left cell. */
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return new Range(this.ctx, () => {
      const { sheet, rect } = this.resolve();
      const rows = rect.rows + deltaRows;
      const cols = rect.cols + deltaColumns;
      if (rows < 1 || cols < 1 || rect.row + rows > MAX_ROWS || rect.col + cols > MAX_COLUMNS) throw new FakeOfficeError("InvalidArgument", "The resized range would be empty or beyond the sheet.");
      return { sheet, rect: { ...rect, rows, cols } };
    }, false, `${this.label}.getResizedRange(${deltaRows}, ${deltaColumns})`);
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
      this.ownChange(target, "ColumnInserted");
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
      this.ownChange(target, "ColumnDeleted");
    });
  }

  clear(applyTo?: string): void {
    this.write(`clear(${JSON.stringify(applyTo ?? "All")})`, 0, (target) => {
      assertWritable(target);
      const { sheet, rect } = target;
      const used = sheet.usedRect();
      const within = used ? intersect(rect, used) : null;
      if (within) sheet.clear(within);
      this.ownChange(target, "RangeEdited");
    });
  }
}

export function parseOnSheet(address: string, sheet: SheetModel, model: WorkbookModel): RangeTarget {
  const parsed = parseAddressSafe(address);
  const target = parsed.sheet === null ? sheet : model.sheet(parsed.sheet);
  if (!target) throw new FakeOfficeError("ItemNotFound", `There is no sheet named ${parsed.sheet}.`);
  return { sheet: target, rect: parsed };
}

export function parseAddressSafe(address: string) {
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

export function usedRect(sheet: SheetModel, _valuesOnly: boolean): Rect | null {
  return sheet.usedRect();
}
