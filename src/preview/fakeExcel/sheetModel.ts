/**
 * PREVIEW ONLY — one sheet of the in-memory workbook behind the Excel stand-in: cell values, formulas
 * (as text), number formats, fills, tables, conditional formats, charts and named-range anchors, with
 * Excel's shifting of them when rows or columns are inserted or deleted. WorkbookModel (workbook.ts)
 * holds the sheets.
 */
import { MAX_COLUMNS, Rect } from "./address";

export type ErrorCell = { readonly error: string; readonly message?: string };
export type CellValue = number | string | boolean | ErrorCell | null;

export function isErrorCell(value: unknown): value is ErrorCell {
  return typeof value === "object" && value !== null && typeof (value as { error?: unknown }).error === "string";
}

const key = (row: number, col: number): number => row * MAX_COLUMNS + col;

export type TableModel = { id: string; name: string; rect: Rect; style: string; showBandedRows: boolean };
export type ConditionalFormatModel = {
  id: string;
  rect: Rect;
  /** "containsText": text rule; "cellValue": comparison; anything else is recorded only. */
  type: string;
  text: string | null;
  operator: string | null;
  fill: string | null;
  fontColor: string | null;
  /** "ColorScale" rules: the criteria as set (recorded; the preview's grid does not shade them). */
  colorScale?: ColorScaleModel | null;
};
export type ColorScalePoint = { readonly type: string; readonly color: string | null; readonly formula: string | null };
export type ColorScaleModel = { readonly minimum: ColorScalePoint; readonly midpoint: ColorScalePoint | null; readonly maximum: ColorScalePoint };
export type ChartSeriesModel = { name: string; values: number[]; axisGroup: string; chartType: string | null };
export type ChartModel = {
  id: string;
  name: string;
  type: string;
  source: Rect;
  title: string;
  series: ChartSeriesModel[];
  top: number;
  left: number;
  width: number;
  height: number;
};

/** What a name refers to; `rect` follows inserted and deleted rows and columns, null once its cells are deleted (#REF!). */
export type Anchor = { rect: Rect | null };
export type NamedRangeModel = { readonly name: string; readonly sheet: SheetModel; readonly anchor: Anchor; visible: boolean };

/** Moves or resizes a span [start, start+size) for `count` lines inserted (count > 0) or deleted (count < 0) at `at`. */
function shiftSpan(start: number, size: number, at: number, count: number): [number, number] | null {
  if (count > 0) {
    if (start >= at) return [start + count, size];
    if (start + size > at) return [start, size + count];
    return [start, size];
  }
  const end = at - count;
  if (start >= end) return [start + count, size];
  if (start + size <= at) return [start, size];
  const kept = size - (Math.min(start + size, end) - Math.max(start, at));
  return kept <= 0 ? null : [Math.min(start, at), kept];
}

let nextId = 1;
const newId = (prefix: string): string => `{${prefix}-${nextId++}}`;

export class SheetModel {
  readonly id: string;
  name: string;
  visible = true;
  protected = false;
  readonly rows: (CellValue[] | undefined)[] = [];
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly fills = new Map<number, string>();
  readonly fontColors = new Map<number, string>();
  readonly bold = new Map<number, boolean>();
  readonly columnWidths = new Map<number, number>();
  readonly tables: TableModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Cells that names refer to on this sheet (moved by row and column inserts and deletes). */
  readonly anchors = new Set<Anchor>();
  /** The used range, or undefined until it is computed again (a new sheet has none: null). */
  private usedCache: Rect | null | undefined = null;

  constructor(name: string) {
    this.id = newId("sheet");
    this.name = name;
  }

  get(row: number, col: number): CellValue {
    const line = this.rows[row];
    const value = line ? line[col] : undefined;
    return value === undefined ? null : value;
  }

  set(row: number, col: number, value: CellValue): void {
    let line = this.rows[row];
    if (!line) {
      if (value === null) return;
      line = this.rows[row] = [];
    }
    const had = line[col] !== undefined && line[col] !== null;
    line[col] = value;
    if (value === null) {
      if (had) this.usedCache = undefined;
    } else this.growUsed(row, col);
  }

  /**
   * Widens the cached used range to a cell just filled, so that writing a million rows in blocks
   * does not make the next usedRect scan every cell (a 345 ms stretch in the preview's page).
   */
  private growUsed(row: number, col: number): void {
    const u = this.usedCache;
    if (u === undefined) return;
    if (u === null) {
      this.usedCache = { row, col, rows: 1, cols: 1 };
      return;
    }
    if (row >= u.row && row < u.row + u.rows && col >= u.col && col < u.col + u.cols) return;
    const r0 = Math.min(u.row, row);
    const c0 = Math.min(u.col, col);
    this.usedCache = { row: r0, col: c0, rows: Math.max(u.row + u.rows, row + 1) - r0, cols: Math.max(u.col + u.cols, col + 1) - c0 };
  }

  /** Call after writing `rows` directly (bulk loading): forgets the cached used range. */
  touch(): void {
    this.usedCache = undefined;
  }

  formula(row: number, col: number): string | null {
    return this.formulas.get(key(row, col)) ?? null;
  }

  setFormula(row: number, col: number, formula: string | null): void {
    if (formula === null) {
      if (this.formulas.delete(key(row, col))) this.usedCache = undefined;
    } else {
      this.formulas.set(key(row, col), formula);
      this.growUsed(row, col);
    }
  }

  numberFormat(row: number, col: number): string {
    return this.numberFormats.get(key(row, col)) ?? "General";
  }

  setNumberFormat(row: number, col: number, format: string): void {
    if (format === "General") this.numberFormats.delete(key(row, col));
    else this.numberFormats.set(key(row, col), format);
  }

  fill(row: number, col: number): string | null {
    return this.fills.get(key(row, col)) ?? null;
  }

  setFill(row: number, col: number, color: string | null): void {
    if (color === null) this.fills.delete(key(row, col));
    else this.fills.set(key(row, col), color);
  }

  fontColor(row: number, col: number): string | null {
    return this.fontColors.get(key(row, col)) ?? null;
  }

  setFontColor(row: number, col: number, color: string | null): void {
    if (color === null) this.fontColors.delete(key(row, col));
    else this.fontColors.set(key(row, col), color);
  }

  isBold(row: number, col: number): boolean {
    return this.bold.get(key(row, col)) ?? false;
  }

  setBold(row: number, col: number, bold: boolean): void {
    if (bold) this.bold.set(key(row, col), true);
    else this.bold.delete(key(row, col));
  }

  /** The smallest rectangle holding every non-blank cell or formula; null for an empty sheet. */
  usedRect(): Rect | null {
    if (this.usedCache !== undefined) return this.usedCache;
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const line = this.rows[r];
      if (!line) continue;
      for (let c = 0; c < line.length; c++) {
        const v = line[c];
        if (v === undefined || v === null) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    for (const k of this.formulas.keys()) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    }
    this.usedCache = r1 < 0 ? null : { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    return this.usedCache;
  }

  /** Extent for the grid to draw: the used range's far corner (from A1), at least 1×1. */
  extent(): { rows: number; cols: number } {
    const used = this.usedRect();
    return used ? { rows: used.row + used.rows, cols: used.col + used.cols } : { rows: 1, cols: 1 };
  }

  isBlank(row: number, col: number): boolean {
    return this.get(row, col) === null && this.formula(row, col) === null;
  }

  /** Excel's current region: grows the rectangle while any cell along its border (diagonals included) is non-blank. */
  surroundingRegion(rect: Rect): Rect {
    let { row, col } = rect;
    let rowEnd = rect.row + rect.rows - 1;
    let colEnd = rect.col + rect.cols - 1;
    const used = this.usedRect();
    if (!used) return rect;
    const maxRow = used.row + used.rows - 1;
    const maxCol = used.col + used.cols - 1;
    const anyInRow = (r: number, from: number, to: number) => {
      for (let c = Math.max(0, from); c <= Math.min(to, maxCol); c++) if (!this.isBlank(r, c)) return true;
      return false;
    };
    const anyInCol = (c: number, from: number, to: number) => {
      for (let r = Math.max(0, from); r <= Math.min(to, maxRow); r++) if (!this.isBlank(r, c)) return true;
      return false;
    };
    // Each side grows as far as it can in one go (a tight loop over rows or columns), and the
    // passes repeat until no side grows: O(cells of the region) per pass, a few passes.
    let grown = true;
    while (grown) {
      grown = false;
      while (row > 0 && anyInRow(row - 1, col - 1, colEnd + 1)) {
        row--;
        grown = true;
      }
      while (rowEnd < maxRow && anyInRow(rowEnd + 1, col - 1, colEnd + 1)) {
        rowEnd++;
        grown = true;
      }
      while (col > 0 && anyInCol(col - 1, row - 1, rowEnd + 1)) {
        col--;
        grown = true;
      }
      while (colEnd < maxCol && anyInCol(colEnd + 1, row - 1, rowEnd + 1)) {
        colEnd++;
        grown = true;
      }
    }
    return { row, col, rows: rowEnd - row + 1, cols: colEnd - col + 1 };
  }

  /** Inserts blank columns at `col` (cells to the right shift right), as Range.insert("Right") on whole columns. */
  insertColumns(col: number, count: number): void {
    for (const line of this.rows) {
      if (line && line.length > col) line.splice(col, 0, ...new Array<CellValue>(count).fill(null));
    }
    const shiftMap = <T>(map: Map<number, T>) => {
      const moved: [number, T][] = [];
      for (const [k, v] of map) {
        const c = k % MAX_COLUMNS;
        if (c >= col) {
          map.delete(k);
          moved.push([k + count, v]);
        }
      }
      for (const [k, v] of moved) map.set(k, v);
    };
    shiftMap(this.formulas);
    shiftMap(this.numberFormats);
    shiftMap(this.fills);
    shiftMap(this.fontColors);
    shiftMap(this.bold);
    for (const t of this.tables) if (t.rect.col >= col) t.rect = { ...t.rect, col: t.rect.col + count };
    this.moveAnchors("col", col, count);
    this.usedCache = undefined;
  }

  /** Moves the cells names refer to after `count` rows or columns were inserted (or, negative, deleted) at `at`. */
  private moveAnchors(axis: "row" | "col", at: number, count: number): void {
    for (const a of this.anchors) {
      if (a.rect === null) continue;
      const r = a.rect;
      const span = axis === "col" ? shiftSpan(r.col, r.cols, at, count) : shiftSpan(r.row, r.rows, at, count);
      a.rect = span === null ? null : axis === "col" ? { ...r, col: span[0], cols: span[1] } : { ...r, row: span[0], rows: span[1] };
    }
  }

  /** Inserts blank rows at `row` (cells below shift down), as inserting whole rows in Excel. */
  insertRows(row: number, count: number): void {
    // Not splice(row, 0, ...blanks): a million blank rows spread into arguments overflow the stack.
    if (this.rows.length > row) {
      const below = this.rows.splice(row);
      for (let i = 0; i < count; i++) this.rows.push(undefined);
      for (const line of below) this.rows.push(line);
    }
    for (const map of [this.formulas, this.numberFormats, this.fills, this.fontColors, this.bold] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [k, v] of map) {
        if (Math.floor(k / MAX_COLUMNS) < row) continue;
        map.delete(k);
        moved.push([k + count * MAX_COLUMNS, v]);
      }
      for (const [k, v] of moved) map.set(k, v);
    }
    for (const t of this.tables) {
      if (t.rect.row >= row) t.rect = { ...t.rect, row: t.rect.row + count };
      else if (t.rect.row + t.rect.rows > row) t.rect = { ...t.rect, rows: t.rect.rows + count };
    }
    this.moveAnchors("row", row, count);
    this.usedCache = undefined;
  }

  /** Deletes whole columns (cells to the right shift left), as Range.delete("Left") on whole columns. */
  deleteColumns(col: number, count: number): void {
    for (const line of this.rows) if (line && line.length > col) line.splice(col, count);
    for (const map of [this.formulas, this.numberFormats, this.fills, this.fontColors, this.bold] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [k, v] of map) {
        const c = k % MAX_COLUMNS;
        if (c < col) continue;
        map.delete(k);
        if (c >= col + count) moved.push([k - count, v]);
      }
      for (const [k, v] of moved) map.set(k, v);
    }
    for (const t of this.tables) if (t.rect.col >= col + count) t.rect = { ...t.rect, col: t.rect.col - count };
    this.moveAnchors("col", col, -count);
    this.usedCache = undefined;
  }

  clear(rect: Rect): void {
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      for (let c = rect.col; c < rect.col + rect.cols; c++) {
        this.set(r, c, null);
        this.setFormula(r, c, null);
      }
    }
  }

  newTableId(): string {
    return newId("table");
  }

  newChartId(): string {
    return newId("chart");
  }

  newConditionalFormatId(): string {
    return newId("cf");
  }
}

/** The selection: `rect` is the area being selected; `otherAreas` the ones added before it with Ctrl+click. */
