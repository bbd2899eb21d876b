/**
 * A1 addresses for the preview's in-browser workbook: "B7", "A1:F996", "Customers!G2:G996",
 * "'Likelihood data'!A:A". Zero-based indexes inside, Excel's text outside.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type Rect = { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
export type SheetRect = Rect & { readonly sheet: string | null };

export function columnLetters(col: number): string {
  let n = col + 1;
  let text = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    text = String.fromCharCode(65 + rem) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names with anything but letters, digits, dots and underscores are quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** "A1" for one cell, "A1:C3" otherwise (no sheet). */
export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

export function sheetAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(rect)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?([0-9]{1,7})$/;

type Corner = { row: number | null; col: number | null };

function corner(text: string): Corner | null {
  let m = CELL.exec(text);
  if (m) return { col: columnIndex(m[1]), row: Number(m[2]) - 1 };
  m = COLUMN.exec(text);
  if (m) return { col: columnIndex(m[1]), row: null };
  m = ROW.exec(text);
  if (m) return { col: null, row: Number(m[1]) - 1 };
  return null;
}

/** Splits "Sheet!A1:B2" into sheet name (unquoted) and the rest; no sheet → null. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] !== "!") return { sheet: null, local: "" };
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  return bang < 0 ? { sheet: null, local: text } : { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
}

/** Parses an address; null when it is not one. Whole columns and rows span the sheet's limits. */
export function parseAddress(address: string): SheetRect | null {
  const { sheet, local } = splitSheet(address);
  const parts = local.split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const a = corner(parts[0]);
  const b = parts.length === 2 ? corner(parts[1]) : a;
  if (!a || !b) return null;
  // A lone column ("A") or row ("5") is not an address; "A:A" and "5:5" are.
  if (parts.length === 1 && (a.row === null || a.col === null)) return null;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return null;
  const r0 = a.row ?? 0;
  const r1 = b.row ?? MAX_ROWS - 1;
  const c0 = a.col ?? 0;
  const c1 = b.col ?? MAX_COLUMNS - 1;
  const row = Math.min(r0, r1);
  const col = Math.min(c0, c1);
  const rect = { sheet, row, col, rows: Math.abs(r1 - r0) + 1, cols: Math.abs(c1 - c0) + 1 };
  if (row < 0 || col < 0 || row + rect.rows > MAX_ROWS || col + rect.cols > MAX_COLUMNS) return null;
  return rect;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return row >= outer.row && row < outer.row + outer.rows && col >= outer.col && col < outer.col + outer.cols;
}
