/**
 * PREVIEW ONLY — a fake of the part of the Excel JavaScript API that the Segment pane uses
 * (the list in src/taskpane/excel/index.ts), over the in-memory WorkbookModel. Never part of
 * the add-in Excel loads; used by the local preview (preview.html) and the tests.
 *
 * It keeps Excel's batching semantics so code that works here does not cheat:
 * - every proxy property must be `load`ed and `context.sync()`ed before it is read; reading
 *   it earlier throws PropertyNotLoaded, as office.js does;
 * - writes and method calls are queued and applied, in order, at `sync()`;
 * - errors surface at `sync()` (ItemNotFound, InvalidArgument, AccessDenied for a protected
 *   sheet or workbook structure, InvalidOperationInCellEditMode when the preview simulates
 *   the user typing in a cell and the batch was not run with `delayForCellEdit`);
 *   operations before the failing one stay applied, loads of that batch are not delivered;
 * - `*OrNullObject` methods give objects whose `isNullObject` is known after `sync()`;
 * - with a payload limit set (Excel on the web: about 5 MB), a request whose written values
 *   exceed it is refused whole with RequestPayloadSizeLimitExceeded, and a batch whose loaded
 *   values exceed it fails with ResponsePayloadSizeLimitExceeded (its writes applied), so the
 *   pane's block-size halving is exercised;
 * - proxies of a finished `Excel.run` cannot be used again (InvalidObjectPath), except through
 *   `Excel.run(context, batch)` with that run's context, as office.js allows (used to remove
 *   event handlers: events.ts);
 * - a load queued before a write in the same batch sees the cells as they were before that write
 *   (operations run in the order they were queued). This is what Office does today, observed,
 *   not a documented guarantee; the pane's beside-the-data writer relies on it (and the README
 *   says so);
 * - strings written are read as Excel reads typed text ("=1+1" a formula, "0012" a number, "1/2"
 *   a date) unless the cell is text-formatted "@" (coerce.ts);
 * - worksheet events (onChanged, onRowSorted, onColumnSorted) are delivered after the change, and
 *   `simulation.afterSync` lets a test act as the user between two requests (simulate.ts).
 * Payload sizes are measured as the JSON length of the values moved.
 */
import { FakeOfficeError } from "./proxy";
import type { Commit, Op, RunOptions } from "./proxy";
import type { WorkbookModel } from "./workbook";
import { Application, Workbook, Worksheet } from "./worksheets";
import type { SheetModel } from "./workbook";

export class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  readonly trackedObjects = { add: (): void => undefined, remove: (): void => undefined };
  private queue: Op[] = [];
  closed = false;

  constructor(
    readonly model: WorkbookModel,
    readonly options: RunOptions = {},
  ) {
    this.workbook = new Workbook(this);
    this.application = new Application(this);
  }

  enqueue(op: Op): void {
    if (this.closed) {
      throw new FakeOfficeError("InvalidObjectPath", "The object path is not valid: this object belongs to an Excel.run that has finished.", op.location);
    }
    this.queue.push(op);
  }

  /** A worksheet proxy for navigation (`range.worksheet`); built here so ranges.ts need not import worksheets.ts. */
  worksheet(resolver: () => SheetModel | null, label: string): Worksheet {
    return new Worksheet(this, resolver, false, label);
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts.");
    const ops = this.queue;
    this.queue = [];
    // A round trip: let the page paint and other tasks run, as a real request does.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const model = this.model;
    model.counters.syncs++;
    if (model.simulation.cellEditMode && ops.length > 0) {
      if (this.options.delayForCellEdit) await model.whenNotEditing();
      else throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.");
    }
    const limit = model.simulation.payloadLimitBytes;
    const requestBytes = ops.reduce((sum, op) => sum + op.requestBytes, 0);
    model.counters.largestRequestBytes = Math.max(model.counters.largestRequestBytes, requestBytes);
    if (limit !== null && requestBytes > limit) {
      model.counters.requestPayloadRefusals++;
      model.changed();
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    const commits: Commit[] = [];
    try {
      for (const op of ops) {
        try {
          const commit = op.run();
          if (commit) commits.push(commit);
        } catch (error) {
          if (error instanceof FakeOfficeError && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.location;
          throw error;
        }
      }
    } finally {
      model.changed();
    }
    const responseBytes = commits.reduce((sum, c) => sum + c.bytes, 0);
    model.counters.largestResponseBytes = Math.max(model.counters.largestResponseBytes, responseBytes);
    if (limit !== null && responseBytes > limit) {
      model.counters.responsePayloadRefusals++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".");
    }
    for (const commit of commits) commit.apply();
    model.simulation.afterSync?.(model.counters.syncs);
  }
}

export type FakeExcelNamespace = {
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: RunOptions | RequestContext, batch: (context: RequestContext) => Promise<T>): Promise<T>;
  RequestContext: typeof RequestContext;
  ErrorCodes: Record<string, string>;
};

/**
 * `Excel.run` over a model: runs the batch with a fresh context, syncs what is still queued when
 * the batch's promise resolves (as office.js does), then closes the context.
 */
export function createExcel(workbook: WorkbookModel | Promise<WorkbookModel>): FakeExcelNamespace {
  async function run<T>(a: RunOptions | RequestContext | ((context: RequestContext) => Promise<T>), b?: (context: RequestContext) => Promise<T>): Promise<T> {
    const batch = typeof a === "function" ? a : b;
    if (typeof batch !== "function") throw new FakeOfficeError("InvalidArgument", "Excel.run needs a batch function.");
    let context: RequestContext;
    if (a instanceof RequestContext) {
      // Excel.run(context, batch): the earlier run's context, open again for this batch.
      context = a;
      context.closed = false;
    } else {
      context = new RequestContext(await workbook, typeof a === "function" ? {} : a ?? {});
    }
    try {
      const result = await batch(context);
      if (context.pending > 0) await context.sync();
      return result;
    } finally {
      context.closed = true;
    }
  }
  return {
    run: run as FakeExcelNamespace["run"],
    RequestContext,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      invalidSelection: "InvalidSelection",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
      invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
    },
  };
}
