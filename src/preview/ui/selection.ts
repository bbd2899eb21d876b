/**
 * PREVIEW ONLY — keyboard selection moves of the preview's grid, as Excel does them:
 * arrows move the active cell, Shift extends the selection from the anchor, Ctrl jumps to the
 * edge of the data block, Ctrl+A selects the current region (then the whole sheet),
 * Home / Ctrl+Home / Ctrl+End, PageUp / PageDown.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect } from "../fakeExcel/address";
import { SheetModel } from "../fakeExcel/workbook";

export type GridSelection = { readonly anchorRow: number; readonly anchorCol: number; readonly row: number; readonly col: number };

export function rectOf(s: GridSelection): Rect {
  const row = Math.min(s.anchorRow, s.row);
  const col = Math.min(s.anchorCol, s.col);
  return { row, col, rows: Math.abs(s.row - s.anchorRow) + 1, cols: Math.abs(s.col - s.anchorCol) + 1 };
}

const clampRow = (r: number) => Math.max(0, Math.min(MAX_ROWS - 1, r));
const clampCol = (c: number) => Math.max(0, Math.min(MAX_COLUMNS - 1, c));

/** Ctrl+arrow: to the last filled cell of the block, or the next filled cell, or the sheet's edge. */
export function jump(sheet: SheetModel, row: number, col: number, dr: number, dc: number): { row: number; col: number } {
  const used = sheet.usedRect();
  const lastRow = used ? used.row + used.rows - 1 : 0;
  const lastCol = used ? used.col + used.cols - 1 : 0;
  const filled = (r: number, c: number) => !sheet.isBlank(r, c);
  const inside = (r: number, c: number) => r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLUMNS;
  let r = row;
  let c = col;
  const next = () => ({ r: r + dr, c: c + dc });
  const step = next();
  if (!inside(step.r, step.c)) return { row, col };
  if (filled(r, c) && filled(step.r, step.c)) {
    while (inside(r + dr, c + dc) && filled(r + dr, c + dc)) {
      r += dr;
      c += dc;
    }
    return { row: r, col: c };
  }
  r = step.r;
  c = step.c;
  while (!filled(r, c)) {
    const n = next();
    const beyond = (dr > 0 && n.r > lastRow) || (dc > 0 && n.c > lastCol) || !inside(n.r, n.c);
    if (beyond) return { row: dr > 0 ? MAX_ROWS - 1 : dr < 0 ? 0 : r, col: dc > 0 ? MAX_COLUMNS - 1 : dc < 0 ? 0 : c };
    r = n.r;
    c = n.c;
  }
  return { row: r, col: c };
}

export type KeyMove = { readonly key: string; readonly shift: boolean; readonly ctrl: boolean };

/** The selection after a navigation key, or null when the key is not a navigation key. */
export function moveSelection(sheet: SheetModel, s: GridSelection, move: KeyMove, pageRows: number): GridSelection | null {
  const deltas: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  // Shift moves the far corner of the selection; plain moves start from the active cell.
  let row = move.shift ? s.row : s.anchorRow;
  let col = move.shift ? s.col : s.anchorCol;
  if (move.key in deltas) {
    const [dr, dc] = deltas[move.key];
    if (move.ctrl) ({ row, col } = jump(sheet, row, col, dr, dc));
    else {
      row = clampRow(row + dr);
      col = clampCol(col + dc);
    }
  } else if (move.key === "PageDown") row = clampRow(row + pageRows);
  else if (move.key === "PageUp") row = clampRow(row - pageRows);
  else if (move.key === "Home") {
    col = 0;
    if (move.ctrl) row = 0;
  } else if (move.key === "End" && move.ctrl) {
    const used = sheet.usedRect();
    row = used ? used.row + used.rows - 1 : 0;
    col = used ? used.col + used.cols - 1 : 0;
  } else if ((move.key === "a" || move.key === "A") && move.ctrl) {
    const current = rectOf(s);
    const region = sheet.surroundingRegion({ row: s.anchorRow, col: s.anchorCol, rows: 1, cols: 1 });
    const same = region.row === current.row && region.col === current.col && region.rows === current.rows && region.cols === current.cols;
    const target = same || (sheet.isBlank(s.anchorRow, s.anchorCol) && region.rows === 1 && region.cols === 1) ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLUMNS } : region;
    return { anchorRow: target.row, anchorCol: target.col, row: target.row + target.rows - 1, col: target.col + target.cols - 1 };
  } else return null;
  return move.shift ? { ...s, row, col } : { anchorRow: row, anchorCol: col, row, col };
}
