/**
 * The Segment column beside the source data: BEST EFFORT. Office.js has no lock, transaction or
 * conditional write, and every request is a separate round trip, so nothing here can promise that
 * a user typing, inserting or sorting during the run is never touched; only a new sheet can
 * (index.ts writeSegmentsSheet). What this writer does to come as close as Office.js allows:
 *
 * - Anchor: the target cells get a hidden temporary name (workbook.names), so a row or column the
 *   user inserts moves the target with it; every block is addressed through the name.
 * - Check in the same request as the write: each block's request first loads the target's
 *   current formulas and formats, then sets "@" and writes. Office runs a request's operations in
 *   order, so that load sees the cells as they were just before the write (observed behaviour,
 *   not a documented guarantee). If any cell held something, the block is put back as it was
 *   and the run stops.
 * - Watch: onChanged (triggerSource tells our own writes apart) and the sort events, from the
 *   first block to the end; the first change someone else makes on the sheet stops the run.
 * - Undo: on any stop, failure or Cancel only cells this run wrote AND that still hold what it
 *   wrote are cleared (again with a load queued before the clear, and a put-back if the user got
 *   there first); an inserted column is removed only when nothing else is in it.
 */
import { errorCode, inBlocks } from "./blocks";
import { ExcelLayerError, run, runRaw, toLayerError } from "./session";
import type { WriteOptions } from "./sheets";
import { textFormats } from "./textCells";
import type { ColumnPlan, SegmentColour, SheetChange, StopInfo } from "./types";
import { type SheetWatch, watchSheet } from "./watch";

/* global Excel */

/** Excel's last column index (XFD). */
export const LAST_COLUMN = 16_383;

function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Rows of the anchored target, `start` … `start + count − 1`. */
function rowsOf(anchor: Excel.Range, start: number, count: number): Excel.Range {
  return anchor.getRow(start).getResizedRange(count - 1, 0);
}

/** A name no one else uses: "LoyaltyLens_Target_" and a random part. */
function anchorName(): string {
  return `LoyaltyLens_Target_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e9).toString(36)}`;
}

export function addSegmentRules(range: Excel.Range, colours: readonly SegmentColour[]): void {
  for (const colour of colours) {
    const format = range.conditionalFormats.add("ContainsText");
    format.textComparison.format.fill.color = colour.fill;
    format.textComparison.format.font.color = colour.font;
    format.textComparison.rule = { operator: "BeginsWith", text: colour.name };
  }
}

/** A block the run wrote: where, and the formats its cells had before. */
type WrittenBlock = { readonly start: number; readonly count: number; readonly formatsBefore: unknown[][] };

/**
 * Writes the Segment column beside the source region: into the empty column right of it
 * ("beside", refused with "occupied" if cells there are no longer empty) or into a newly inserted
 * sheet column ("insert"), with the safeguards above. Failures: ExcelLayerError "targetNotEmpty"
 * or "changedWhileWriting" (info says what changed, how many cells were taken out and kept),
 * "cancelled", or what the host reported.
 */
export async function writeSegmentColumn(plan: ColumnPlan, options: WriteOptions = {}): Promise<void> {
  const { region } = plan;
  const column = region.columnIndex + region.columnCount;
  if (column > LAST_COLUMN) throw new ExcelLayerError("unknown", "no column right of the data");
  const name = anchorName();

  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(region.sheetName);
    sheet.protection.load("protected");
    const target = sheet.getRangeByIndexes(region.rowIndex, column, region.rowCount, 1);
    const used = plan.mode === "beside" ? target.getUsedRangeOrNullObject(true) : null;
    used?.load("address");
    await context.sync();
    if (sheet.protection.protected) throw new ExcelLayerError("sheetProtected");
    if (used !== null && !used.isNullObject) throw new ExcelLayerError("unknown", "occupied");
    if (plan.mode === "insert") target.getEntireColumn().insert("Right");
    const item = context.workbook.names.add(name, sheet.getRangeByIndexes(region.rowIndex, column, region.rowCount, 1));
    item.visible = false;
    await context.sync();
  });

  const cells: string[] = plan.header === null ? [...plan.values] : [plan.header, ...plan.values];
  const written: WrittenBlock[] = [];
  // Addresses this run wrote, for hosts without triggerSource (before ExcelApi 1.14).
  const ownAddresses = new Set<string>();
  let watch: SheetWatch | null = null;
  const forget = async (): Promise<void> => {
    await watch?.stop();
    try {
      await runRaw(async (context) => {
        context.workbook.names.getItem(name).delete();
        await context.sync();
      });
    } catch {
      // A leftover hidden name refers to the column only; nothing of the user's depends on it.
    }
  };

  try {
    watch = await watchSheet(region.sheetName, (address) => ownAddresses.has(address));
    await inBlocks(
      { total: cells.length, payloadError: "RequestPayloadSizeLimitExceeded", onProgress: options.onProgress, signal: options.signal, startRows: options.startRows },
      (start, n) =>
        runRaw(async (context) => {
          const change = watch?.change() ?? null;
          if (change) throw new ExcelLayerError("changedWhileWriting", change.address, { change });
          context.application.suspendApiCalculationUntilNextSync();
          const anchor = context.workbook.names.getItem(name).getRange();
          // Queued BEFORE the write: Office delivers the cells as they were just before it.
          const before = rowsOf(anchor, start, n);
          before.load("formulas,numberFormat,address,rowIndex,columnIndex");
          const block = rowsOf(anchor, start, n);
          const values = cells.slice(start, start + n).map((v) => [v]);
          block.numberFormat = textFormats(values);
          block.values = values;
          // Recorded before the sync: a request refused after its writes were applied (a response
          // over the payload limit) still leaves cells the undo must take out.
          const pending: WrittenBlock = { start, count: n, formatsBefore: values.map(() => ["General"]) };
          written.push(pending);
          try {
            await context.sync();
          } catch (error) {
            if (errorCode(error) === "RequestPayloadSizeLimitExceeded") written.pop(); // refused whole: nothing written
            throw error;
          }
          written[written.length - 1] = { ...pending, formatsBefore: before.numberFormat };
          ownAddresses.add(before.address.replace(/^.*!/, "").replace(/\$/g, ""));
          const taken = before.formulas.findIndex((line) => line[0] !== "" && line[0] !== null);
          if (taken >= 0) {
            // Someone got there first: put the block back exactly as it was, then stop.
            block.numberFormat = before.numberFormat;
            block.formulas = before.formulas;
            await context.sync();
            written.pop(); // put back as it was: nothing of this block is the run's any more
            const cell = `${columnLetters(before.columnIndex)}${before.rowIndex + taken + 1}`;
            throw new ExcelLayerError("targetNotEmpty", cell, { cell });
          }
          const after = watch?.change() ?? null;
          if (after) throw new ExcelLayerError("changedWhileWriting", after.address, { change: after });
        }),
    );
  } catch (error) {
    const undone = await undo(name, plan, cells, written);
    await forget();
    const failure = toLayerError(error);
    throw new ExcelLayerError(failure.kind, failure.message, { ...failure.info, ...undone });
  }

  try {
    await run(async (context) => {
      const offset = plan.header === null ? 0 : 1;
      const anchor = context.workbook.names.getItem(name).getRange();
      if (plan.values.length > 0) addSegmentRules(rowsOf(anchor, offset, plan.values.length), plan.colours);
      await context.sync();
    });
  } catch {
    // Values are in place; colours are a nicety.
  }
  await forget();
}

/**
 * Takes out what this run wrote: only cells that still hold what it wrote (their format goes
 * back too); in "insert" mode the inserted column is deleted when nothing else is in it.
 * Returns how many cells were cleared and how many were kept because they had changed. Works in
 * pieces of each written block, halved when Excel refuses a payload; a piece can be tried again
 * safely (a cell already blank counts as taken out, and is not touched).
 */
async function undo(name: string, plan: ColumnPlan, cells: readonly string[], written: readonly WrittenBlock[]): Promise<StopInfo> {
  let cleared = 0;
  let kept = 0;
  try {
    for (const b of written) {
      let size = b.count;
      let start = b.start;
      while (start < b.start + b.count) {
        const n = Math.min(size, b.start + b.count - start);
        try {
          const counts = await undoPiece(name, cells, start, n, b.formatsBefore.slice(start - b.start, start - b.start + n));
          cleared += counts.cleared;
          kept += counts.kept;
          start += n;
        } catch (error) {
          const code = errorCode(error);
          if (n > 1 && (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded")) {
            size = Math.ceil(n / 2);
            continue;
          }
          throw error;
        }
      }
    }
    if (plan.mode === "insert") {
      await runRaw(async (context) => {
        const whole = context.workbook.names.getItem(name).getRange().getEntireColumn();
        const used = whole.getUsedRangeOrNullObject(true);
        used.load("address");
        await context.sync();
        if (used.isNullObject) {
          whole.delete("Left");
          await context.sync();
        }
      });
    }
  } catch {
    // Best effort; the failure itself is reported.
  }
  return { cleared, kept };
}

/** Undoes rows `start` … `start + n − 1` of the target: read, then clear what is still ours with a check queued before the clear. */
async function undoPiece(name: string, cells: readonly string[], start: number, n: number, formats: readonly unknown[]): Promise<{ cleared: number; kept: number }> {
  let cleared = 0;
  let kept = 0;
  await runRaw(async (context) => {
    const anchor = context.workbook.names.getItem(name).getRange();
    const now = rowsOf(anchor, start, n).load("formulas");
    await context.sync();
    // Runs of consecutive cells that still hold what was written.
    const runs: { start: number; count: number; formats: unknown[] }[] = [];
    now.formulas.forEach((line, i) => {
      const ours = cells[start + i];
      if (ours === "" || line[0] === "" || line[0] === null) {
        if (ours !== "") cleared++; // already blank (taken out by an earlier try)
        return;
      }
      if (line[0] !== ours) {
        kept++;
        return;
      }
      const last = runs[runs.length - 1];
      if (last && last.start + last.count === start + i) {
        last.count++;
        last.formats.push(formats[i]);
      } else runs.push({ start: start + i, count: 1, formats: [formats[i]] });
    });
    if (runs.length === 0) return;
    // Each clear has its own check queued before it; a cell changed in between is put back.
    const checks = runs.map((r) => {
      const check = rowsOf(anchor, r.start, r.count).load("formulas");
      const range = rowsOf(anchor, r.start, r.count);
      range.clear("Contents");
      range.numberFormat = r.formats as string[][];
      return { run: r, check };
    });
    await context.sync();
    let putBack = false;
    for (const { run: r, check } of checks) {
      check.formulas.forEach((line, i) => {
        if (line[0] === cells[r.start + i]) {
          cleared++;
          return;
        }
        // Changed between the read and the clear: the user's content goes back in that cell.
        const cell = rowsOf(anchor, r.start + i, 1);
        cell.formulas = [check.formulas[i]];
        kept++;
        putBack = true;
      });
    }
    if (putBack) await context.sync();
  });
  return { cleared, kept };
}

export type { SheetChange };
