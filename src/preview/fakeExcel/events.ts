/**
 * PREVIEW ONLY — worksheet events of the Excel stand-in: `onChanged` (ExcelApi 1.7, with
 * `triggerSource` of 1.14: "ThisLocalAddin" for the add-in's own writes, "Unknown" for anything
 * else), `onRowSorted` and `onColumnSorted` (1.10). As in Excel, a handler is registered at the
 * sync after `add()`, removed at the sync after `remove()` (run on the context it was added
 * with: `Excel.run(result.context, …)`), and called asynchronously after the change.
 */
import type { RequestContext } from "./batch";
import type { SheetModel } from "./workbook";

export type TriggerSource = "ThisLocalAddin" | "Unknown";
export type EventKind = "changed" | "rowSorted" | "columnSorted";
export type SheetEvent = {
  readonly kind: EventKind;
  readonly sheet: SheetModel;
  /** A1 address on the sheet, without the sheet name, as Excel reports it. */
  readonly address: string;
  readonly changeType?: string;
  readonly triggerSource: TriggerSource;
};
type Handler = (args: Record<string, unknown>) => unknown;
type Registration = { readonly kind: EventKind; readonly sheet: SheetModel; readonly handler: Handler };

/** The model's event registry and dispatcher. */
export class EventHub {
  /** `withTriggerSource()` false: events leave triggerSource out, as hosts before ExcelApi 1.14 do. */
  constructor(private readonly withTriggerSource: () => boolean = () => true) {}

  private readonly registrations = new Set<Registration>();
  /** Events raised and not yet delivered (tests can wait for them: `await model.events.settled()`). */
  private pending = 0;
  private readonly idle: (() => void)[] = [];

  register(kind: EventKind, sheet: SheetModel, handler: Handler): Registration {
    const r = { kind, sheet, handler };
    this.registrations.add(r);
    return r;
  }

  unregister(registration: Registration): void {
    this.registrations.delete(registration);
  }

  get handlerCount(): number {
    return this.registrations.size;
  }

  emit(event: SheetEvent): void {
    const targets = [...this.registrations].filter((r) => r.kind === event.kind && r.sheet === event.sheet);
    if (targets.length === 0) return;
    const type = event.kind === "changed" ? "WorksheetChanged" : event.kind === "rowSorted" ? "WorksheetRowSorted" : "WorksheetColumnSorted";
    const args: Record<string, unknown> = { type, worksheetId: event.sheet.id, address: event.address, source: "Local" };
    if (this.withTriggerSource()) args.triggerSource = event.triggerSource;
    if (event.changeType) args.changeType = event.changeType;
    this.pending++;
    setTimeout(() => {
      for (const r of targets) if (this.registrations.has(r)) void Promise.resolve().then(() => r.handler(args));
      this.pending--;
      if (this.pending === 0) for (const wake of this.idle.splice(0)) setTimeout(wake, 0);
    }, 0);
  }

  /** Resolves once every event raised so far has been delivered. */
  settled(): Promise<void> {
    if (this.pending === 0) return new Promise((resolve) => setTimeout(resolve, 0));
    return new Promise((resolve) => this.idle.push(resolve));
  }
}

/** What `add()` returns: remove it with `Excel.run(result.context, async (c) => { result.remove(); await c.sync(); })`. */
export class EventHandlerResult {
  constructor(
    readonly context: RequestContext,
    private readonly unregister: () => void,
  ) {}
  remove(): void {
    this.context.enqueue({ requestBytes: 0, location: "EventHandlerResult.remove()", run: () => this.unregister() });
  }
}

/** `worksheet.onChanged` and the sort events: `add(handler)`. */
export class WorksheetEvent {
  constructor(
    private readonly ctx: RequestContext,
    private readonly kind: EventKind,
    private readonly sheet: () => SheetModel,
    private readonly label: string,
  ) {}
  add(handler: Handler): EventHandlerResult {
    let registration: Registration | null = null;
    this.ctx.enqueue({
      requestBytes: 0,
      location: `${this.label}.add()`,
      run: () => {
        registration = this.ctx.model.events.register(this.kind, this.sheet(), handler);
      },
    });
    return new EventHandlerResult(this.ctx, () => {
      if (registration) this.ctx.model.events.unregister(registration);
    });
  }
}
