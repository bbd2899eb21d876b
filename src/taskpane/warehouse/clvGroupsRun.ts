/**
 * The Warehouse tab's "Make the group table": the grouped BTYD summary the database returned (a CSV
 * with a header naming x, t_x_days and T_days; other columns such as t_x, T and customers are
 * ignored) → the CLV group table (src/analytics/btyd/clvGroups.ts) → its CSV parts for a Blob
 * (clvGroupsCsv.ts). Pure and time-sliced: the text is scanned line by line with a look at the
 * slicer every few thousand lines, so a file of millions of lines never blocks the pane.
 * Separator: comma, semicolon or tab, whichever the header line holds (comma first); fields may be
 * quoted ("x"). Values must be whole numbers; a problem names the line (1 is the header).
 * Example: "x,t_x_days,T_days,t_x,T,customers\n2,213,272,30.43,38.86,1\n" → one group.
 * Cost O(file length + groups · H · k) (see clvGroups.ts).
 */
import { BgnbdParams } from "../../analytics/btyd/bgnbdLogLikelihood";
import { DayHistoryError, clvGroupsAsync } from "../../analytics/btyd/clvGroups";
import { ClvOptions } from "../../analytics/btyd/predictedClv";
import { TimeSlicer } from "../../analytics/numeric/yieldToHost";
import { clvGroupsCsvParts } from "./clvGroupsCsv";

export const KEY_COLUMNS = ["x", "t_x_days", "T_days"] as const;
export type KeyColumn = (typeof KEY_COLUMNS)[number];

export type ClvRunProblem =
  | { readonly kind: "empty" }
  | { readonly kind: "missingColumn"; readonly column: KeyColumn }
  | { readonly kind: "badValue"; readonly line: number; readonly column: KeyColumn; readonly value: string }
  | { readonly kind: "badHistory"; readonly line: number; readonly detail: string }
  | { readonly kind: "core"; readonly detail: string };

export type ClvRunResult =
  | { readonly kind: "done"; readonly parts: string[]; readonly rows: number; readonly groups: number; readonly notSettled: number }
  | { readonly kind: "failed"; readonly problem: ClvRunProblem };

const unquote = (field: string) => {
  const f = field.trim();
  return f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1).replace(/""/g, '"').trim() : f;
};

/** The key columns of a grouped summary CSV, or the problem, naming the line. */
export async function readDayHistories(
  text: string,
  slicer?: TimeSlicer,
): Promise<{ kind: "ok"; x: number[]; txDays: number[]; TDays: number[]; lines: number[] } | { kind: "failed"; problem: ClvRunProblem }> {
  let at = 0;
  const nextLine = (): string | null => {
    if (at >= text.length) return null;
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end > at && text[end - 1] === "\r" ? end - 1 : end);
    at = end + 1;
    return line;
  };
  let head = nextLine();
  if (head !== null && head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  while (head !== null && head.trim() === "") head = nextLine();
  if (head === null) return { kind: "failed", problem: { kind: "empty" } };
  const sep = head.includes(",") ? "," : head.includes(";") ? ";" : "\t";
  const names = head.split(sep).map(unquote);
  const index: number[] = [];
  for (const column of KEY_COLUMNS) {
    const exact = names.indexOf(column);
    const i = exact >= 0 ? exact : names.findIndex((n) => n.toLowerCase() === column.toLowerCase());
    if (i < 0) return { kind: "failed", problem: { kind: "missingColumn", column } };
    index.push(i);
  }
  const cols: number[][] = [[], [], []];
  const lines: number[] = [];
  let lineNo = 1;
  for (let line = nextLine(); line !== null; line = nextLine()) {
    lineNo++;
    if (line.trim() === "") continue;
    const fields = line.split(sep);
    for (let c = 0; c < 3; c++) {
      const raw = unquote(fields[index[c]] ?? "");
      const value = raw === "" ? NaN : Number(raw);
      if (!Number.isInteger(value)) return { kind: "failed", problem: { kind: "badValue", line: lineNo, column: KEY_COLUMNS[c], value: raw } };
      cols[c].push(value);
    }
    lines.push(lineNo);
    if (slicer && (lineNo & 4095) === 0 && slicer.due()) await slicer.pause();
  }
  if (lines.length === 0) return { kind: "failed", problem: { kind: "empty" } };
  return { kind: "ok", x: cols[0], txDays: cols[1], TDays: cols[2], lines };
}

/** The whole run: read, compute, write the CSV parts. Parameters and options are checked by the caller's form first. */
export async function runClvGroups(text: string, params: BgnbdParams, options: ClvOptions, slicer?: TimeSlicer): Promise<ClvRunResult> {
  const read = await readDayHistories(text, slicer);
  if (read.kind === "failed") return read;
  try {
    const table = await clvGroupsAsync(params, read, options, slicer);
    const parts = await clvGroupsCsvParts(table, slicer);
    let notSettled = 0;
    for (let g = 0; g < table.count; g++) if (Number.isNaN(table.discountedPurchases[g]) || Number.isNaN(table.expectedPurchases[g])) notSettled++;
    return { kind: "done", parts, rows: read.lines.length, groups: table.count, notSettled };
  } catch (e) {
    if (e instanceof DayHistoryError) return { kind: "failed", problem: { kind: "badHistory", line: read.lines[e.row], detail: e.message } };
    return { kind: "failed", problem: { kind: "core", detail: e instanceof Error ? e.message : String(e) } };
  }
}
