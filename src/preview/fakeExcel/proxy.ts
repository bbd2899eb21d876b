/**
 * PREVIEW ONLY — the base of the in-browser Excel stand-in: office.js's error type, proxies that must be
 * loaded and synced before they are read (ClientObject, ClientCollection), and the payload measure.
 * The semantics the stand-in keeps are listed in batch.ts.
 */
import type { Rect } from "./address";
import type { RequestContext } from "./batch";
import type { SheetModel } from "./workbook";

/** The error office.js throws (OfficeExtension.Error): `code`, `message`, `debugInfo`. */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;
  constructor(code: string, message: string, location?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation: location };
  }
}

export const notLoaded = (name: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export type Commit = { bytes: number; apply: () => void };

export type Op = { requestBytes: number; location: string; run: () => Commit | void };

export type RunOptions = { delayForCellEdit?: boolean };

/** JSON length, the measure of what crosses between the add-in and Excel. */
export function sizeOf(value: unknown): number {
  return JSON.stringify(value ?? null).length;
}

/**
 * A proxy: resolved to its model object at the sync that first runs it (ItemNotFound there when
 * it does not exist, unless it is an OrNullObject), with properties readable only once loaded.
 */
export abstract class ClientObject<T> {
  private target: T | null | undefined = undefined;
  private loaded = new Map<string, unknown>();
  private synced = false;

  protected constructor(
    protected readonly ctx: RequestContext,
    private readonly resolver: () => T | null,
    private readonly nullable: boolean,
    protected readonly label: string,
    preResolved?: T,
  ) {
    if (preResolved !== undefined) {
      // An item of a collection loaded in this sync: already resolved, nothing to queue.
      this.target = preResolved;
      this.synced = true;
      return;
    }
    ctx.enqueue({
      requestBytes: 0,
      location: label,
      run: () => {
        this.resolveOrNull();
        return { bytes: 0, apply: () => (this.synced = true) };
      },
    });
  }

  /** Properties that `load()` without arguments loads, and their readers. */
  protected abstract readProperty(target: T, name: string): unknown;
  protected abstract scalarProperties(): readonly string[];

  resolve(): T {
    if (this.target === undefined) {
      const found = this.resolver();
      if (found === null && !this.nullable) {
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", this.label);
      }
      this.target = found;
    }
    if (this.target === null) {
      throw new FakeOfficeError("InvalidObjectPath", "The object is a null object: check isNullObject before using it.", this.label);
    }
    return this.target;
  }

  /** The model object, or null for a null object (after resolution). */
  protected resolveOrNull(): T | null {
    if (this.target === undefined) {
      const found = this.resolver();
      if (found === null && !this.nullable) {
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.", this.label);
      }
      this.target = found;
    }
    return this.target;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw notLoaded("isNullObject");
    return this.target === null;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const names = parseLoad(spec);
    const own: string[] = [];
    for (const name of names.length === 0 ? this.scalarProperties() : names) {
      const slash = name.indexOf("/");
      if (slash < 0) {
        own.push(name);
        continue;
      }
      const child = (this as unknown as Record<string, unknown>)[name.slice(0, slash)];
      if (child instanceof ClientObject || child instanceof ClientCollection) child.load(name.slice(slash + 1));
      else throw new FakeOfficeError("InvalidArgument", `Cannot load '${name}' on ${this.label}.`);
    }
    for (const name of own) {
      if (!this.scalarProperties().includes(name)) {
        throw new FakeOfficeError("PropertyNotFound", `The property '${name}' is not part of ${this.label} in the preview's Excel (it implements only what the pane uses).`);
      }
    }
    this.ctx.enqueue({
      requestBytes: 0,
      location: `${this.label}.load`,
      run: () => {
        const target = this.resolveOrNull();
        const snapshot = new Map<string, unknown>();
        if (target !== null) for (const name of own) snapshot.set(name, this.readProperty(target, name));
        let bytes = 0;
        for (const v of snapshot.values()) bytes += sizeOf(v);
        return {
          bytes,
          apply: () => {
            this.synced = true;
            for (const [k, v] of snapshot) this.loaded.set(k, v);
          },
        };
      },
    });
    return this;
  }

  /** Loads properties at once, inside a sync (collection items); returns the bytes moved. */
  loadNow(names: readonly string[]): number {
    const target = this.resolve();
    let bytes = 0;
    for (const name of names.length === 0 ? this.scalarProperties() : names) {
      if (!this.scalarProperties().includes(name)) {
        throw new FakeOfficeError("PropertyNotFound", `The property '${name}' is not part of ${this.label} in the preview's Excel (it implements only what the pane uses).`);
      }
      const v = this.readProperty(target, name);
      this.loaded.set(name, v);
      bytes += sizeOf(v);
    }
    return bytes;
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Queues a write; `bytes` is what the request carries. */
  protected write(location: string, bytes: number, apply: (target: T) => void): void {
    this.ctx.enqueue({ requestBytes: bytes, location: `${this.label}.${location}`, run: () => apply(this.resolve()) });
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function parseLoad(spec?: string | string[] | { select?: string | string[] }): string[] {
  if (spec === undefined) return [];
  const raw = typeof spec === "string" || Array.isArray(spec) ? spec : spec.select ?? [];
  const list = typeof raw === "string" ? raw.split(",") : raw;
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A collection proxy: `items` after `load`. */
export abstract class ClientCollection<T, P> {
  private itemsLoaded: P[] | null = null;
  protected constructor(
    protected readonly ctx: RequestContext,
    protected readonly label: string,
  ) {}

  protected abstract list(): T[];
  protected abstract proxyFor(target: T): P & { loadNow(names: readonly string[]): number };

  get items(): P[] {
    if (this.itemsLoaded === null) throw notLoaded("items");
    return this.itemsLoaded;
  }

  load(spec?: string | string[] | { select?: string | string[] }): this {
    const names = parseLoad(spec).map((n) => n.replace(/^items\//, ""));
    this.ctx.enqueue({
      requestBytes: 0,
      location: `${this.label}.load`,
      run: () => {
        const proxies = this.list().map((t) => this.proxyFor(t));
        let bytes = 0;
        for (const p of proxies) bytes += p.loadNow(names);
        return { bytes, apply: () => (this.itemsLoaded = proxies) };
      },
    });
    return this;
  }
}

/** A range resolved at sync: the sheet and the cells. */
export type RangeTarget = { sheet: SheetModel; rect: Rect };

/** Refuses a write to a protected sheet (Excel: AccessDenied). */
export function assertWritable(target: RangeTarget): void {
  if (target.sheet.protected) {
    throw new FakeOfficeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
  }
}
