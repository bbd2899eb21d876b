/**
 * PREVIEW ONLY — the preview's worksheet grid: virtualised rows (100,000-row sheets scroll
 * smoothly), column and row headers, mouse selection (click, drag, Shift+click, header clicks)
 * and Excel's keyboard moves (see selection.ts). Cell text is rendered as React text, never
 * as HTML. Conditional formats of the ContainsText kind colour cells as Excel would; charts
 * added through the API are drawn as small SVG charts at their position.
 */
import * as React from "react";
import { MAX_COLUMNS, MAX_ROWS, Rect, cellAddress, columnLetters, contains } from "../fakeExcel/address";
import { ChartModel, SheetModel, isErrorCell } from "../fakeExcel/workbook";
import { Separators, formatCell } from "../formula/format";
import { GridSelection, moveSelection, rectOf } from "./selection";

export const ROW_H = 22;
export const COL_W = 104;
const HEADER_W = 52;
const HEADER_H = 22;

export type GridProps = {
  readonly sheet: SheetModel;
  /** The workbook culture's separators, for numbers shown in cells (default en-US's). */
  readonly separators?: Separators;
  readonly version: number;
  readonly selection: GridSelection;
  /** Areas selected before the current one with Ctrl+click. */
  readonly otherAreas: readonly Rect[];
  /** "new": the selection replaces all areas; "keep": the current area changes (drag); "add": Ctrl+click starts another area. */
  readonly onSelect: (selection: GridSelection, areas?: "new" | "keep" | "add") => void;
  /** A printable key typed on the grid starts editing the active cell with that text; "" for F2. */
  readonly onStartEdit: (text: string) => void;
  readonly onDelete: () => void;
  /** Text pasted on the grid (tab-separated columns, one line per row), as Ctrl+V does in Excel. */
  readonly onPaste: (text: string) => void;
};

function cfStyle(sheet: SheetModel, row: number, col: number, text: string): React.CSSProperties | null {
  for (const cf of sheet.conditionalFormats) {
    if (cf.type !== "ContainsText" || cf.text === null || !contains(cf.rect, row, col)) continue;
    const t = text.toLowerCase();
    const rule = cf.text.toLowerCase();
    const hit =
      cf.operator === "BeginsWith" ? t.startsWith(rule) : cf.operator === "EndsWith" ? t.endsWith(rule) : cf.operator === "NotContains" ? !t.includes(rule) : t.includes(rule);
    if (hit) return { background: cf.fill ?? undefined, color: cf.fontColor ?? undefined };
  }
  return null;
}

function tableRole(sheet: SheetModel, row: number, col: number): "header" | "band" | "body" | null {
  for (const t of sheet.tables) {
    if (!contains(t.rect, row, col)) continue;
    if (row === t.rect.row) return "header";
    return (row - t.rect.row) % 2 === 1 ? "band" : "body";
  }
  return null;
}

/** Excel's default series colours (Office theme accents 1–6), so six cohorts get six colours. */
const SERIES_COLOURS = ["#4472c4", "#ed7d31", "#a5a5a5", "#ffc000", "#5b9bd5", "#70ad47"];
const LEGEND_LINE_H = 16;
const LEGEND_FONT_W = 7.5; // a generous width (px) of a character at the legend's 11 px, so estimated entries never overlap

/**
 * Legend entries placed left to right and wrapped onto further lines, as Excel's legend does
 * when its entries do not fit one line (the text width is estimated from its length).
 */
export function legendLayout(names: readonly string[], width: number): { x: number; line: number }[] {
  const out: { x: number; line: number }[] = [];
  let x = 0;
  let line = 0;
  for (const name of names) {
    const w = 18 + name.length * LEGEND_FONT_W + 12;
    if (x > 0 && x + w > width) {
      x = 0;
      line++;
    }
    out.push({ x, line });
    x += w;
  }
  return out;
}

/**
 * A chart as the preview draws it: a "Line" chart draws every series as a line, other types draw
 * bars, with series set to "Line" drawn as lines over them. Every series is in the legend.
 */
function ChartView({ chart }: { chart: ChartModel }): React.JSX.Element {
  const w = chart.width;
  const pad = { l: 36, r: 36, t: 28, b: 16 };
  const legendNames = chart.series.map((s) => `${s.name}${s.axisGroup === "Secondary" ? " (right axis)" : ""}`);
  const legend = legendLayout(legendNames, w - 16);
  const legendLines = legend.length === 0 ? 0 : legend[legend.length - 1].line + 1;
  const h = chart.height + Math.max(0, legendLines - 1) * LEGEND_LINE_H;
  const primary = chart.series.filter((s) => s.axisGroup !== "Secondary");
  const secondary = chart.series.filter((s) => s.axisGroup === "Secondary");
  const n = Math.max(0, ...chart.series.map((s) => s.values.length));
  const maxOf = (list: typeof chart.series) => Math.max(1e-9, ...list.flatMap((s) => s.values));
  const pMax = maxOf(primary);
  const sMax = maxOf(secondary);
  const plotW = w - pad.l - pad.r;
  const plotH = chart.height - pad.t - pad.b - 24;
  const groupW = n > 0 ? plotW / n : plotW;
  const isLine = (s: ChartModel["series"][number]) => (s.chartType ?? chart.type) === "Line";
  const bars = primary.filter((s) => !isLine(s));
  const colour = (s: ChartModel["series"][number]) => SERIES_COLOURS[chart.series.indexOf(s) % SERIES_COLOURS.length];
  const legendTop = pad.t + plotH + 24;
  return (
    <figure className="chart" style={{ width: w, height: h }} aria-label={`Chart: ${chart.title || chart.name}`} role="img" data-chart-type={chart.type}>
      <svg width={w} height={h} aria-hidden="true">
        <text x={w / 2} y={18} textAnchor="middle" className="chart-title">
          {chart.title || chart.name}
        </text>
        {bars.map((s, si) =>
          s.values.map((v, i) => {
            const bh = (Math.max(0, v) / pMax) * plotH;
            const bw = groupW / (bars.length + 1);
            return <rect key={`${si}-${i}`} className="chart-bar" x={pad.l + i * groupW + bw * (si + 0.5)} y={pad.t + plotH - bh} width={bw} height={bh} fill={colour(s)} />;
          }),
        )}
        {chart.series.filter(isLine).map((s, si) => {
          const max = s.axisGroup === "Secondary" ? sMax : pMax;
          const points = s.values.map((v, i) => `${pad.l + (i + 0.5) * groupW},${pad.t + plotH - (Math.max(0, v) / max) * plotH}`).join(" ");
          return <polyline key={si} className="chart-line" points={points} fill="none" stroke={colour(s)} strokeWidth={2} />;
        })}
        <line x1={pad.l} y1={pad.t + plotH} x2={w - pad.r} y2={pad.t + plotH} stroke="#888" />
        {chart.series.map((s, si) => {
          const at = legend[si];
          const y = legendTop + at.line * LEGEND_LINE_H;
          return (
            <g key={si} className="chart-legend-entry">
              {isLine(s) ? (
                <line x1={8 + at.x} y1={y - 4} x2={8 + at.x + 14} y2={y - 4} stroke={colour(s)} strokeWidth={2} />
              ) : (
                <rect x={8 + at.x + 3} y={y - 9} width={9} height={9} fill={colour(s)} />
              )}
              <text x={8 + at.x + 18} y={y} className="chart-legend">
                {legendNames[si]}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

export function Grid({ sheet, separators, version, selection, otherAreas, onSelect, onStartEdit, onDelete, onPaste }: GridProps): React.JSX.Element {
  const body = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, left: 0, height: 600, width: 900 });
  const dragging = React.useRef(false);
  const rect = rectOf(selection);

  const extent = sheet.extent();
  const rowCount = Math.min(MAX_ROWS, Math.max(extent.rows + 30, 60, Math.min(selection.row, selection.anchorRow) + 30));
  const colCount = Math.min(60, Math.max(extent.cols + 4, 14, Math.min(selection.col, selection.anchorCol) + 3));

  React.useLayoutEffect(() => {
    const el = body.current;
    if (!el) return;
    const update = () => setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Keep in view the cell that moved: the active cell when it changed (click, name box, arrows),
  // else the far corner of an extended selection (Shift+arrows, Shift+click).
  const previous = React.useRef(selection);
  React.useEffect(() => {
    const el = body.current;
    const before = previous.current;
    previous.current = selection;
    if (!el) return;
    const anchorMoved = before.anchorRow !== selection.anchorRow || before.anchorCol !== selection.anchorCol;
    const row = anchorMoved ? selection.anchorRow : selection.row;
    const col = anchorMoved ? selection.anchorCol : selection.col;
    const top = row * ROW_H;
    const left = col * COL_W;
    if (row < MAX_ROWS - 1 || anchorMoved) {
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    }
    if (col < MAX_COLUMNS - 1 || anchorMoved) {
      if (left < el.scrollLeft) el.scrollLeft = left;
      else if (left + COL_W > el.scrollLeft + el.clientWidth) el.scrollLeft = left + COL_W - el.clientWidth;
    }
  }, [selection]);

  const first = Math.max(0, Math.floor(scroll.top / ROW_H) - 2);
  const last = Math.min(rowCount - 1, Math.ceil((scroll.top + scroll.height) / ROW_H) + 2);
  const pageRows = Math.max(1, Math.floor(scroll.height / ROW_H) - 1);

  const select = (row: number, col: number, extend: boolean, areas: "new" | "keep" | "add" = "new") => {
    onSelect(extend ? { ...selection, row, col } : { anchorRow: row, anchorCol: col, row, col }, areas);
  };

  const cellFromEvent = (event: React.MouseEvent): { row: number; col: number } | null => {
    const el = (event.target as HTMLElement).closest("[data-row]") as HTMLElement | null;
    if (!el) return null;
    return { row: Number(el.dataset.row), col: Number(el.dataset.col) };
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const ctrl = event.ctrlKey || event.metaKey;
    const next = moveSelection(sheet, selection, { key: event.key, shift: event.shiftKey, ctrl }, pageRows);
    if (next) {
      event.preventDefault();
      onSelect(next);
      return;
    }
    if (event.key === "F2" || (event.key === "Enter" && !ctrl)) {
      event.preventDefault();
      onStartEdit("");
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      onDelete();
    } else if (event.key.length === 1 && !ctrl && !event.altKey) {
      event.preventDefault();
      onStartEdit(event.key);
    }
  };

  const rows: React.JSX.Element[] = [];
  for (let r = first; r <= last; r++) {
    const cells: React.JSX.Element[] = [];
    for (let c = 0; c < colCount; c++) {
      const value = sheet.get(r, c);
      const text = formatCell(value, sheet.numberFormat(r, c), separators);
      const selected = contains(rect, r, c) || otherAreas.some((area) => contains(area, r, c));
      const active = r === selection.anchorRow && c === selection.anchorCol;
      const role = tableRole(sheet, r, c);
      const style: React.CSSProperties = { left: c * COL_W, width: COL_W };
      const fill = sheet.fill(r, c);
      if (fill) style.background = fill;
      const cf = value === null ? null : cfStyle(sheet, r, c, text);
      if (cf) Object.assign(style, cf);
      const classes = ["cell"];
      if (typeof value === "number") classes.push("num");
      if (isErrorCell(value)) classes.push("err");
      if (sheet.isBold(r, c) || role === "header") classes.push("bold");
      if (role) classes.push(`table-${role}`);
      if (selected) classes.push("selected");
      if (active) classes.push("active");
      const title = isErrorCell(value) ? `${value.error}${value.message ? `: ${value.message}` : ""}` : text.length > 12 ? text : undefined;
      const formula = sheet.formula(r, c);
      cells.push(
        <div
          key={c}
          id={`cell-${sheet.id}-${cellAddress(r, c)}`}
          role="gridcell"
          aria-colindex={c + 1}
          aria-selected={selected}
          className={classes.join(" ")}
          style={style}
          data-row={r}
          data-col={c}
          data-address={cellAddress(r, c)}
          data-value={value === null ? undefined : JSON.stringify(value)}
          data-formula={formula ?? undefined}
          title={title}
        >
          {text}
        </div>,
      );
    }
    rows.push(
      <div key={r} role="row" aria-rowindex={r + 1} className="row" style={{ top: r * ROW_H, height: ROW_H, width: colCount * COL_W }}>
        {cells}
      </div>,
    );
  }

  const colHeaders: React.JSX.Element[] = [];
  for (let c = 0; c < colCount; c++) {
    const inSel = c >= rect.col && c < rect.col + rect.cols;
    colHeaders.push(
      <div
        key={c}
        className={`col-header${inSel ? " in-selection" : ""}`}
        style={{ left: c * COL_W - scroll.left, width: COL_W }}
        onMouseDown={(e) => {
          e.preventDefault();
          body.current?.focus();
          const anchorCol = e.shiftKey ? selection.anchorCol : c;
          onSelect({ anchorRow: 0, anchorCol, row: MAX_ROWS - 1, col: c });
        }}
      >
        {columnLetters(c)}
      </div>,
    );
  }
  const rowHeaders: React.JSX.Element[] = [];
  for (let r = first; r <= last; r++) {
    const inSel = r >= rect.row && r < rect.row + rect.rows;
    rowHeaders.push(
      <div
        key={r}
        className={`row-header${inSel ? " in-selection" : ""}`}
        style={{ top: r * ROW_H - scroll.top, height: ROW_H }}
        onMouseDown={(e) => {
          e.preventDefault();
          body.current?.focus();
          const anchorRow = e.shiftKey ? selection.anchorRow : r;
          onSelect({ anchorRow, anchorCol: 0, row: r, col: MAX_COLUMNS - 1 });
        }}
      >
        {r + 1}
      </div>,
    );
  }

  const activeId = selection.anchorRow >= first && selection.anchorRow <= last && selection.anchorCol < colCount ? `cell-${sheet.id}-${cellAddress(selection.anchorRow, selection.anchorCol)}` : undefined;

  return (
    <div className="grid-frame" style={{ gridTemplateColumns: `${HEADER_W}px 1fr`, gridTemplateRows: `${HEADER_H}px 1fr` }}>
      <div
        className="corner"
        title="Select all"
        onMouseDown={(e) => {
          e.preventDefault();
          body.current?.focus();
          onSelect({ anchorRow: 0, anchorCol: 0, row: MAX_ROWS - 1, col: MAX_COLUMNS - 1 });
        }}
      />
      <div className="col-headers" aria-hidden="true">
        {colHeaders}
      </div>
      <div className="row-headers" aria-hidden="true">
        {rowHeaders}
      </div>
      <div
        ref={body}
        className="grid-body"
        role="grid"
        aria-label={`Sheet ${sheet.name}`}
        aria-rowcount={rowCount}
        aria-colcount={colCount}
        aria-multiselectable="true"
        aria-activedescendant={activeId}
        tabIndex={0}
        data-version={version}
        onScroll={(e) => {
          const el = e.currentTarget;
          setScroll({ top: el.scrollTop, left: el.scrollLeft, height: el.clientHeight, width: el.clientWidth });
        }}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          e.preventDefault();
          onPaste(e.clipboardData.getData("text/plain"));
        }}
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          const cell = cellFromEvent(e);
          if (!cell) return;
          e.preventDefault();
          e.currentTarget.focus();
          dragging.current = true;
          const add = (e.ctrlKey || e.metaKey) && !e.shiftKey;
          select(cell.row, cell.col, e.shiftKey, add ? "add" : e.shiftKey ? "keep" : "new");
        }}
        onMouseMove={(e) => {
          if (!dragging.current || (e.buttons & 1) === 0) {
            dragging.current = false;
            return;
          }
          const cell = cellFromEvent(e);
          if (cell && (cell.row !== selection.row || cell.col !== selection.col)) select(cell.row, cell.col, true, "keep");
        }}
        onMouseUp={() => (dragging.current = false)}
        onDoubleClick={() => onStartEdit("")}
      >
        <div className="grid-content" style={{ height: rowCount * ROW_H, width: colCount * COL_W }}>
          {rows}
          {sheet.charts.map((chart) => (
            <div key={chart.id} className="chart-box" style={{ top: chart.top * ROW_H, left: chart.left * COL_W }}>
              <ChartView chart={chart} />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

export function selectionAddress(rect: Rect): string {
  if (rect.rows === MAX_ROWS && rect.cols === MAX_COLUMNS) return "A:XFD";
  if (rect.rows === MAX_ROWS) return `${columnLetters(rect.col)}:${columnLetters(rect.col + rect.cols - 1)}`;
  if (rect.cols === MAX_COLUMNS) return `${rect.row + 1}:${rect.row + rect.rows}`;
  const a = cellAddress(rect.row, rect.col);
  return rect.rows === 1 && rect.cols === 1 ? a : `${a}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}
