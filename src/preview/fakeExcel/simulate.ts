/**
 * PREVIEW ONLY — the user's side of the workbook, for tests and the preview: typing into a cell,
 * inserting rows or columns, sorting rows, each with the events Excel raises for it
 * (`onChanged` with triggerSource "Unknown", `onRowSorted`). Tests call these between two
 * requests of a run (`model.simulation.afterSync`) to play a user who keeps working while the
 * pane reads or writes. Addresses are A1 text on the named sheet ("J5", "B2:F20").
 */
import { columnLetters, parseAddress, rectAddress } from "./address";
import type { Rect } from "./address";
import { coerceEntry } from "./coerce";
import type { CellValue, SheetModel, WorkbookModel } from "./workbook";

export class UserActions {
  constructor(private readonly model: WorkbookModel) {}

  private sheet(name: string): SheetModel {
    const sheet = this.model.sheet(name);
    if (!sheet) throw new Error(`no sheet named ${name}`);
    return sheet;
  }

  private rect(address: string): Rect {
    const rect = parseAddress(address);
    if (!rect) throw new Error(`"${address}" is not an address`);
    return rect;
  }

  /** Types `text` into one cell and presses Enter (read as Excel reads typed text, see coerce.ts). */
  type(sheetName: string, address: string, text: string): void {
    const sheet = this.sheet(sheetName);
    const { row, col } = this.rect(address);
    const entry = coerceEntry(text, sheet.numberFormat(row, col));
    sheet.set(row, col, entry.value);
    sheet.setFormula(row, col, entry.formula);
    if (entry.format) sheet.setNumberFormat(row, col, entry.format);
    this.changed(sheet, { row, col, rows: 1, cols: 1 }, "RangeEdited");
  }

  /** Inserts whole columns at `column` (a letter, "D"): cells from there shift right. */
  insertColumns(sheetName: string, column: string, count = 1): void {
    const sheet = this.sheet(sheetName);
    const col = this.rect(`${column}:${column}`).col;
    sheet.insertColumns(col, count);
    this.model.events.emit({ kind: "changed", sheet, address: `${column}:${columnLetters(col + count - 1)}`, changeType: "ColumnInserted", triggerSource: "Unknown" });
    this.model.changed();
  }

  /** Inserts whole rows at sheet row `row` (1-based, as Excel numbers them): rows from there shift down. */
  insertRows(sheetName: string, row: number, count = 1): void {
    const sheet = this.sheet(sheetName);
    sheet.insertRows(row - 1, count);
    this.model.events.emit({ kind: "changed", sheet, address: `${row}:${row + count - 1}`, changeType: "RowInserted", triggerSource: "Unknown" });
    this.model.changed();
  }

  /** Sorts the rows of `address` by one of its columns (a letter), ascending unless `descending`; blanks last. */
  sortRows(sheetName: string, address: string, byColumn: string, descending = false): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(address);
    const key = this.rect(`${byColumn}:${byColumn}`).col;
    const lines: CellValue[][] = [];
    for (let r = rect.row; r < rect.row + rect.rows; r++) {
      const line: CellValue[] = [];
      for (let c = rect.col; c < rect.col + rect.cols; c++) line.push(sheet.get(r, c));
      lines.push(line);
    }
    const k = key - rect.col;
    const rank = (v: CellValue): [number, number | string] =>
      v === null ? [3, 0] : typeof v === "number" ? [0, v] : typeof v === "string" ? [1, v.toLowerCase()] : [2, String(v)];
    lines.sort((a, b) => {
      const [ta, va] = rank(a[k]);
      const [tb, vb] = rank(b[k]);
      if (ta === 3 || tb === 3) return ta - tb;
      const order = ta !== tb ? ta - tb : va < vb ? -1 : va > vb ? 1 : 0;
      return descending ? -order : order;
    });
    lines.forEach((line, i) => line.forEach((v, j) => sheet.set(rect.row + i, rect.col + j, v)));
    this.model.events.emit({ kind: "rowSorted", sheet, address: rectAddress(rect), triggerSource: "Unknown" });
    this.model.changed();
  }

  /** Raises onChanged for cells the preview's own UI changed (the formula box, a paste): a user's edit. */
  cellsChanged(sheet: SheetModel, rect: Rect): void {
    this.changed(sheet, rect, "RangeEdited");
  }

  private changed(sheet: SheetModel, rect: Rect, changeType: string): void {
    this.model.events.emit({ kind: "changed", sheet, address: rectAddress(rect), changeType, triggerSource: "Unknown" });
    this.model.changed();
  }
}
