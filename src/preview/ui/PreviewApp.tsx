/**
 * PREVIEW ONLY — the workbook side of preview.html: simulation switches, name box and formula
 * box, the grid, sheet tabs and a status bar. The real task pane renders beside it (#root).
 * The Language list reloads the page with `?lang=…` (host/language.ts): the pane reads the display
 * language and culture once, at its start, as it does in Excel.
 */
import * as React from "react";
import { MAX_COLUMNS, MAX_ROWS, Rect, parseAddress } from "../fakeExcel/address";
import { separatorsOf } from "../fakeExcel/culture";
import { FIVE_MB, SheetModel, WorkbookModel, isErrorCell } from "../fakeExcel/workbook";
import { FormulaInputError, Host, clearCell, enterConstant, enterFormula } from "../formula/evaluate";
import { Separators, formatCell } from "../formula/format";
import { FormulaSyntaxError } from "../formula/parse";
import { PREVIEW_LANGUAGES, PreviewLanguage, addressWithLanguage } from "../host/language";
import { Grid, selectionAddress } from "./Grid";
import { GridSelection, rectOf } from "./selection";

export type PreviewAppProps = { readonly host: Host; readonly notes: readonly string[]; readonly language?: PreviewLanguage };

function useVersion(model: WorkbookModel): number {
  return React.useSyncExternalStore(
    (listener) => model.subscribe(listener),
    () => model.version,
  );
}

function gridSelectionOf(model: WorkbookModel): GridSelection {
  const { rect, activeRow, activeCol } = model.selection;
  const row = activeRow === rect.row ? rect.row + rect.rows - 1 : rect.row;
  const col = activeCol === rect.col ? rect.col + rect.cols - 1 : rect.col;
  return { anchorRow: activeRow, anchorCol: activeCol, row, col };
}

const sameRect = (a: Rect, b: Rect) => a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;

const LIMITS: { label: string; bytes: number }[] = [
  { label: "5 MB (Excel on the web)", bytes: FIVE_MB },
  { label: "1 MB", bytes: 1024 * 1024 },
  { label: "256 KB", bytes: 256 * 1024 },
];

function kb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** What the formula box shows for a cell: its formula, else its value (a General number in full, with the culture's decimal separator). */
function cellText(sheet: SheetModel, row: number, col: number, separators: Separators): string {
  const formula = sheet.formula(row, col);
  if (formula !== null) return formula;
  const value = sheet.get(row, col);
  if (typeof value === "number" && sheet.numberFormat(row, col) === "General") return String(value).replace(".", separators.decimal);
  return formatCell(value, sheet.numberFormat(row, col), separators);
}

export function PreviewApp({ host, notes, language = "en-US" }: PreviewAppProps): React.JSX.Element {
  const model = host.model;
  const separators = separatorsOf(model);
  const version = useVersion(model);
  const sheet = model.activeSheet;
  const lastSelection = React.useRef<GridSelection>(gridSelectionOf(model));
  if (!sameRect(rectOf(lastSelection.current), model.selection.rect) || lastSelection.current.anchorRow !== model.selection.activeRow || lastSelection.current.anchorCol !== model.selection.activeCol) {
    lastSelection.current = gridSelectionOf(model);
  }
  const selection = lastSelection.current;
  const rect = rectOf(selection);
  const [draft, setDraft] = React.useState<string | null>(null);
  const [nameDraft, setNameDraft] = React.useState<string | null>(null);
  const [message, setMessageState] = React.useState<{ text: string; kind: "info" | "error"; seq: number }>({ text: notes.join(" "), kind: "info", seq: 0 });
  // Every message gets a sequence number (data-seq), so a reader can tell a new message from an old one.
  const setMessage = (next: { text: string; kind: "info" | "error" }) => setMessageState((old) => ({ ...next, seq: old.seq + 1 }));
  const [busy, setBusy] = React.useState(false);
  const formulaInput = React.useRef<HTMLInputElement>(null);
  const gridFocus = () => (document.querySelector(".grid-body") as HTMLElement | null)?.focus();

  const select = (next: GridSelection, areas: "new" | "keep" | "add" = "new") => {
    const current = model.selection;
    const others = areas === "new" ? [] : areas === "keep" ? current.otherAreas : [...current.otherAreas, current.rect];
    lastSelection.current = next;
    model.select(sheet, rectOf(next), next.anchorRow, next.anchorCol, others);
    setDraft(null);
  };

  const activeValue = sheet.get(selection.anchorRow, selection.anchorCol);
  // After Enter the selection moves on; the entry's own message stays rather than the next cell's error.
  const keepMessage = React.useRef(false);
  React.useEffect(() => {
    if (keepMessage.current) {
      keepMessage.current = false;
      return;
    }
    if (isErrorCell(activeValue) && draft === null) {
      setMessage({ text: `${selectionAddress({ row: selection.anchorRow, col: selection.anchorCol, rows: 1, cols: 1 })}: ${activeValue.error}${activeValue.message ? ` — ${activeValue.message}` : ""}`, kind: "error" });
    } else if (!isErrorCell(activeValue)) {
      // Another cell without an error: an error shown for the previous cell (or a refused entry) goes, the sample's notes come back.
      setMessageState((old) => (old.kind === "error" ? { text: notes.join(" "), kind: "info", seq: old.seq + 1 } : old));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection.anchorRow, selection.anchorCol, sheet]);

  const commit = async (text: string, move: "down" | "right" | "none") => {
    const row = selection.anchorRow;
    const col = selection.anchorCol;
    const where = selectionAddress({ row, col, rows: 1, cols: 1 });
    if (sheet.protected) {
      setMessage({ text: `${sheet.name} is protected (simulated): the cell cannot be changed.`, kind: "error" });
      return;
    }
    if (text.trim().startsWith("=")) {
      setBusy(true);
      setMessage({ text: `${where}: calculating…`, kind: "info" });
      try {
        const result = await enterFormula(host, sheet, row, col, text);
        // A user's edit: the pane's sheet watch (onChanged) sees it, as in Excel.
        model.user.cellsChanged(sheet, { row, col, rows: result.rows, cols: result.cols });
        const anchor = result.anchor;
        if (isErrorCell(anchor)) {
          setMessage({ text: `${where}: ${anchor.error}${anchor.message ? ` — ${anchor.message}` : ""}`, kind: "error" });
        } else {
          const spill = result.rows * result.cols > 1 ? ` (spilled ${result.rows} × ${result.cols} from ${where})` : "";
          setMessage({ text: `${where}: ${formatCell(anchor, sheet.numberFormat(row, col), separators)}${spill}`, kind: "info" });
        }
      } catch (error) {
        if (error instanceof FormulaSyntaxError || error instanceof FormulaInputError) {
          setMessage({ text: `Formula not entered: ${error.message}`, kind: "error" });
          setBusy(false);
          return;
        }
        setMessage({ text: `Formula not entered: ${error instanceof Error ? error.message : String(error)}`, kind: "error" });
        setBusy(false);
        return;
      }
      setBusy(false);
    } else {
      enterConstant(sheet, row, col, text, separators.decimal);
      model.user.cellsChanged(sheet, { row, col, rows: 1, cols: 1 });
      setMessage({ text: `${where}: ${text === "" ? "cleared" : "entered"}`, kind: "info" });
    }
    setDraft(null);
    if (move !== "none") keepMessage.current = true;
    if (move === "down") select({ anchorRow: Math.min(MAX_ROWS - 1, row + 1), anchorCol: col, row: Math.min(MAX_ROWS - 1, row + 1), col });
    if (move === "right") select({ anchorRow: row, anchorCol: Math.min(MAX_COLUMNS - 1, col + 1), row, col: Math.min(MAX_COLUMNS - 1, col + 1) });
    gridFocus();
  };

  const goTo = (text: string) => {
    const parsed = parseAddress(text);
    if (!parsed) {
      setMessage({ text: `"${text}" is not a cell or range address (try A1:I996 or Customers!G2).`, kind: "error" });
      return;
    }
    let target = sheet;
    if (parsed.sheet !== null) {
      const found = model.sheet(parsed.sheet);
      if (!found) {
        setMessage({ text: `There is no sheet named "${parsed.sheet}".`, kind: "error" });
        return;
      }
      target = found;
    }
    const next = { anchorRow: parsed.row, anchorCol: parsed.col, row: parsed.row + parsed.rows - 1, col: parsed.col + parsed.cols - 1 };
    lastSelection.current = next;
    model.select(target, rectOf(next), parsed.row, parsed.col);
    setNameDraft(null);
    gridFocus();
  };

  const sim = model.simulation;
  const counters = model.counters;
  const limitOn = sim.payloadLimitBytes !== null;

  return (
    <div className="workbook" data-version={version}>
      <div className="toolbar" role="toolbar" aria-label="Simulate host states">
        <span className="brand">Loyalty Lens · local preview (no Excel)</span>
        <label>
          Language{" "}
          <select
            aria-label="Language and regional settings"
            value={language}
            onChange={(e) => window.location.assign(addressWithLanguage(window.location.href, e.target.value as PreviewLanguage))}
          >
            {PREVIEW_LANGUAGES.map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={limitOn}
            onChange={(e) => {
              sim.payloadLimitBytes = e.target.checked ? FIVE_MB : null;
              model.changed();
            }}
          />
          Payload limit
        </label>
        <select
          aria-label="Payload limit size"
          disabled={!limitOn}
          value={String(sim.payloadLimitBytes ?? FIVE_MB)}
          onChange={(e) => {
            sim.payloadLimitBytes = Number(e.target.value);
            model.changed();
          }}
        >
          {LIMITS.map((l) => (
            <option key={l.bytes} value={String(l.bytes)}>
              {l.label}
            </option>
          ))}
          {limitOn && !LIMITS.some((l) => l.bytes === sim.payloadLimitBytes) ? <option value={String(sim.payloadLimitBytes)}>{kb(sim.payloadLimitBytes!)}</option> : null}
        </select>
        <label>
          <input type="checkbox" checked={sim.cellEditMode} onChange={(e) => model.setCellEditMode(e.target.checked)} />
          User editing a cell
        </label>
        <label>
          <input
            type="checkbox"
            checked={sim.structureProtected}
            onChange={(e) => {
              sim.structureProtected = e.target.checked;
              model.changed();
            }}
          />
          Protect workbook structure
        </label>
        <label>
          <input
            type="checkbox"
            checked={sheet.protected}
            onChange={(e) => {
              sheet.protected = e.target.checked;
              model.changed();
            }}
          />
          Protect sheet {sheet.name}
        </label>
      </div>
      <div className="formula-bar">
        <input
          className="name-box"
          aria-label="Name box"
          value={nameDraft ?? selectionAddress(rect)}
          onChange={(e) => setNameDraft(e.target.value)}
          onFocus={(e) => e.target.select()}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              goTo(e.currentTarget.value);
            } else if (e.key === "Escape") {
              setNameDraft(null);
              gridFocus();
            }
          }}
          onBlur={() => setNameDraft(null)}
        />
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          ref={formulaInput}
          className="formula"
          aria-label="Formula"
          value={draft ?? cellText(sheet, selection.anchorRow, selection.anchorCol, separators)}
          disabled={busy}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void commit(e.currentTarget.value, "down");
            } else if (e.key === "Tab" && draft !== null) {
              e.preventDefault();
              void commit(e.currentTarget.value, "right");
            } else if (e.key === "Escape") {
              e.preventDefault();
              setDraft(null);
              gridFocus();
            }
          }}
        />
      </div>
      <div className={`message ${message.kind}`} role="status" aria-live="polite" data-testid="formula-message" data-seq={message.seq} data-busy={busy ? "true" : "false"}>
        {message.text}
      </div>
      <Grid
        sheet={sheet}
        separators={separators}
        version={version}
        selection={selection}
        otherAreas={model.selection.otherAreas}
        onSelect={select}
        onStartEdit={(text) => {
          setDraft(text === "" ? cellText(sheet, selection.anchorRow, selection.anchorCol, separators) : text);
          requestAnimationFrame(() => {
            const input = formulaInput.current;
            if (!input) return;
            input.focus();
            input.setSelectionRange(input.value.length, input.value.length);
          });
        }}
        onPaste={(text) => {
          if (sheet.protected) {
            setMessage({ text: `${sheet.name} is protected (simulated): nothing was pasted.`, kind: "error" });
            return;
          }
          const lines = text.replace(/\r\n/g, "\n").replace(/\n$/, "").split("\n");
          const rows = lines.map((line) => line.split("\t"));
          const width = rows.reduce((w, r) => Math.max(w, r.length), 0); // no spread: a pasted log can have 10^6 lines
          const top = selection.anchorRow;
          const left = selection.anchorCol;
          if (top + rows.length > MAX_ROWS || left + width > MAX_COLUMNS) {
            setMessage({ text: "The pasted data does not fit on the sheet from here.", kind: "error" });
            return;
          }
          // Each pasted field is read like typed text: numbers, TRUE/FALSE, error values, 'text, empty = blank.
          rows.forEach((line, r) => line.forEach((field, c) => enterConstant(sheet, top + r, left + c, field, separators.decimal)));
          model.user.cellsChanged(sheet, { row: top, col: left, rows: rows.length, cols: width });
          select({ anchorRow: top, anchorCol: left, row: top + rows.length - 1, col: left + width - 1 });
          setMessage({ text: `Pasted ${rows.length} × ${width} cells at ${selectionAddress({ row: top, col: left, rows: 1, cols: 1 })}.`, kind: "info" });
        }}
        onDelete={() => {
          if (sheet.protected) {
            setMessage({ text: `${sheet.name} is protected (simulated): cells cannot be cleared.`, kind: "error" });
            return;
          }
          for (let r = rect.row; r < rect.row + Math.min(rect.rows, 100_000); r++) {
            for (let c = rect.col; c < rect.col + Math.min(rect.cols, 100); c++) if (!sheet.isBlank(r, c)) clearCell(sheet, r, c);
          }
          model.changed();
        }}
      />
      <div className="tabs" role="tablist" aria-label="Sheets">
        {model.sheets.map((s) => (
          <button
            key={s.id}
            role="tab"
            aria-selected={s === sheet}
            className={s === sheet ? "tab active" : "tab"}
            onClick={() => {
              model.activate(s);
              setDraft(null);
            }}
          >
            {s.name}
          </button>
        ))}
      </div>
      <div className="statusbar" data-testid="statusbar">
        <span>
          {sheet.name}: {selectionAddress(rect)}
        </span>
        <span>Requests (syncs): {counters.syncs}</span>
        <span data-testid="payload-refusals">
          Payload refusals: request {counters.requestPayloadRefusals}, response {counters.responsePayloadRefusals}
        </span>
        <span>
          Largest request {kb(counters.largestRequestBytes)}, response {kb(counters.largestResponseBytes)}
          {limitOn ? ` (limit ${kb(sim.payloadLimitBytes!)})` : ""}
        </span>
      </div>
    </div>
  );
}
