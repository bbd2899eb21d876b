/**
 * New sheets for results, shared by the Segments and Cohorts writers: a free name beside a taken
 * one, a protected structure reported as such, and removal of a half-written sheet.
 */
import type { Progress } from "./blocks";
import { ExcelLayerError, run, runRaw } from "./session";

/** How many sheet names are tried: "Segments", "Segments (2)" … "Segments (100)". */
export const NAME_CANDIDATES = 100;

/** "Segments", "Segments (2)", …; the first one no sheet has (Excel compares case-insensitively) is used. */
export function sheetNameCandidates(base: string): string[] {
  const out = [base];
  for (let i = 2; i <= NAME_CANDIDATES; i++) out.push(`${base} (${i})`);
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

/** Deletes a half-written sheet, or renames it `incompleteName` when it cannot be deleted. */
export async function removeSheet(name: string, incompleteName: string): Promise<void> {
  try {
    await runRaw(async (context) => {
      context.workbook.worksheets.getItem(name).delete();
      await context.sync();
    });
  } catch {
    try {
      await runRaw(async (context) => {
        context.workbook.worksheets.getItem(name).name = incompleteName;
        await context.sync();
      });
    } catch {
      // Nothing more can be done; the pane's message says the run failed.
    }
  }
}
