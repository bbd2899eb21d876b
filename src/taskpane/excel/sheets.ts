/**
 * New sheets for results, shared by the Segments and Cohorts writers: a free name beside a taken
 * one, a protected structure reported as such, and removal of a half-written sheet.
 */
import type { Progress } from "./blocks";
import { ExcelLayerError, run, runRaw } from "./session";

/** How many sheet names are tried: "Segments", "Segments (2)" … "Segments (100)". */
export const NAME_CANDIDATES = 100;

/** Excel refuses a sheet name longer than this. */
export const SHEET_NAME_LIMIT = 31;

/**
 * `name` within Excel's 31 characters: when longer, the part before `tail` is cut and marked with
 * "…" so the tail (" (2)", " (incomplete)") stays whole. Example, German Open a file:
 * "BTYD-Gruppen aus Datei (unvollständig)" (38 characters) → "BTYD-Gruppen a… (unvollständig)" (31).
 */
export function fitSheetName(name: string, tail = ""): string {
  if (name.length <= SHEET_NAME_LIMIT) return name;
  const suffix = tail !== "" && name.endsWith(tail) ? tail : "";
  const head = name.slice(0, name.length - suffix.length);
  const room = Math.max(1, SHEET_NAME_LIMIT - suffix.length - 1);
  return `${head.slice(0, room).trimEnd()}…${suffix}`.slice(0, SHEET_NAME_LIMIT);
}

/** "Segments", "Segments (2)", …; the first one no sheet has (Excel compares case-insensitively) is used. Each fits in 31 characters. */
export function sheetNameCandidates(base: string): string[] {
  const out = [fitSheetName(base)];
  for (let i = 2; i <= NAME_CANDIDATES; i++) out.push(fitSheetName(`${base} (${i})`, ` (${i})`));
  return out;
}

export type WriteOptions = { readonly onProgress?: Progress; readonly signal?: AbortSignal; readonly startRows?: number };

/**
 * Adds a worksheet named `baseName`, or `baseName (2)`, `(3)` … when that is taken, and returns
 * its name. Never reuses an existing sheet; a protected workbook structure is reported as such.
 */
export async function addNewSheet(baseName: string): Promise<string> {
  return run(async (context) => {
    const workbook = context.workbook;
    workbook.protection.load("protected");
    const candidates = sheetNameCandidates(baseName);
    const probes = candidates.map((name) => workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    if (workbook.protection.protected) throw new ExcelLayerError("structureProtected");
    const free = probes.findIndex((p) => p.isNullObject);
    if (free < 0) throw new ExcelLayerError("unknown", `every name from "${candidates[0]}" to "${candidates[candidates.length - 1]}" is taken`);
    const name = candidates[free];
    workbook.worksheets.add(name);
    await context.sync();
    return name;
  });
}

/** Deletes a half-written sheet, or renames it `incompleteName` (within 31 characters, its marker kept) when it cannot be deleted. */
export async function removeSheet(name: string, incompleteName: string): Promise<void> {
  const renamed = fitSheetName(incompleteName, incompleteName.startsWith(name) ? incompleteName.slice(name.length) : "");
  try {
    await runRaw(async (context) => {
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
  } catch {
    try {
      await runRaw(async (context) => {
        context.workbook.worksheets.getItem(name).name = renamed;
        await context.sync();
      });
    } catch {
      // Nothing more can be done; the pane's message says the run failed.
    }
  }
}
