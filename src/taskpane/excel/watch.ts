/**
 * Watches a sheet for changes the add-in did not make, while a run reads or writes in several
 * requests: `onChanged` (ExcelApi 1.7; its `triggerSource`, ExcelApi 1.14, marks the add-in's own
 * writes) and, where supported, `onRowSorted` / `onColumnSorted` (ExcelApi 1.10). The first
 * foreign change is kept; the run checks it between requests and stops. Events arrive after the
 * change, so this narrows the window in which a change can go unseen; it cannot close it (Office.js
 * has no lock).
 */
import { run, supported } from "./session";
import type { SheetChange } from "./types";

/* global Excel */

export type SheetWatch = {
  /** The first change someone else made since the watch started, or null. */
  readonly change: () => SheetChange | null;
  /** Removes the handlers (never throws). */
  stop(): Promise<void>;
};

function kindOf(changeType: string | undefined): SheetChange["kind"] {
  if (changeType === "RowInserted" || changeType === "ColumnInserted" || changeType === "CellInserted") return "inserted";
  if (changeType === "RowDeleted" || changeType === "ColumnDeleted" || changeType === "CellDeleted") return "deleted";
  return "edited";
}

/**
 * Starts watching `sheetName`. `isOwn(address)` tells the add-in's own writes apart on hosts
 * without triggerSource (before ExcelApi 1.14): a change there counts as the add-in's own.
 */
export async function watchSheet(sheetName: string, isOwn: (address: string) => boolean = () => false): Promise<SheetWatch> {
  let first: SheetChange | null = null;
  const note = (change: SheetChange): void => {
    if (first === null) first = change;
  };
  const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [];
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    handlers.push(
      sheet.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
        const source = (event as { triggerSource?: string }).triggerSource;
        if (source === "ThisLocalAddin") return;
        if (source === undefined && isOwn(event.address)) return;
        note({ kind: kindOf(event.changeType), address: event.address });
      }) as OfficeExtension.EventHandlerResult<unknown>,
    );
    if (supported("1.10")) {
      handlers.push(sheet.onRowSorted.add(async (event: Excel.WorksheetRowSortedEventArgs) => note({ kind: "sorted", address: event.address })) as OfficeExtension.EventHandlerResult<unknown>);
      handlers.push(sheet.onColumnSorted.add(async (event: Excel.WorksheetColumnSortedEventArgs) => note({ kind: "sorted", address: event.address })) as OfficeExtension.EventHandlerResult<unknown>);
    }
    await context.sync();
  });
  return {
    change: () => first,
    async stop() {
      if (handlers.length === 0) return;
      try {
        await Excel.run(handlers[0].context, async (context) => {
          for (const h of handlers) h.remove();
          await context.sync();
        });
      } catch {
        // The handlers go with the pane; nothing the user sees depends on removing them.
      }
    },
  };
}
