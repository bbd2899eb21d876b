/**
 * PREVIEW ONLY — the regional settings of the Excel stand-in: `application.cultureInfo`
 * (name and numberFormat from ExcelApi 1.11, datetimeFormat from 1.12) and the application's own
 * `decimalSeparator`, `thousandsSeparator` and `useSystemSeparators` (1.11), which differ from
 * the culture's when the user turned "Use system separators" off. Values as Excel on Windows
 * reports them for each culture (culture names in lower case, as Excel gives them).
 */
import type { RequestContext } from "./batch";
import { ClientObject } from "./proxy";
import type { WorkbookModel } from "./workbook";

export type FakeCulture = {
  name: string;
  numberDecimalSeparator: string;
  numberGroupSeparator: string;
  shortDatePattern: string;
  longDatePattern: string;
  dateSeparator: string;
  /** Excel's own separators (File › Options › Advanced); used instead of the culture's when useSystemSeparators is false. */
  useSystemSeparators: boolean;
  decimalSeparator: string;
  thousandsSeparator: string;
};

const preset = (name: string, decimal: string, group: string, shortDate: string, longDate: string, dateSeparator: string): FakeCulture => ({
  name,
  numberDecimalSeparator: decimal,
  numberGroupSeparator: group,
  shortDatePattern: shortDate,
  longDatePattern: longDate,
  dateSeparator,
  useSystemSeparators: true,
  decimalSeparator: decimal,
  thousandsSeparator: group,
});

/** The cultures the preview's language switch offers. Norwegian groups with a no-break space, as Windows does. */
export const FAKE_CULTURES = {
  "en-US": preset("en-us", ".", ",", "M/d/yyyy", "dddd, MMMM d, yyyy", "/"),
  "de-DE": preset("de-de", ",", ".", "dd.MM.yyyy", "dddd, d. MMMM yyyy", "."),
  "nb-NO": preset("nb-no", ",", "\u00a0", "dd.MM.yyyy", "d. MMMM yyyy", "."),
} as const satisfies Record<string, FakeCulture>;

/** Where the model keeps its culture (one per workbook; the preview switches it). */
const cultures = new WeakMap<WorkbookModel, FakeCulture>();

export function cultureOf(model: WorkbookModel): FakeCulture {
  return cultures.get(model) ?? FAKE_CULTURES["en-US"];
}

/** The separators Excel uses in this workbook: the culture's, or Excel's own when system separators are off (as Application reports them). */
export function separatorsOf(model: WorkbookModel): { decimal: string; thousands: string } {
  const c = cultureOf(model);
  return c.useSystemSeparators ? { decimal: c.numberDecimalSeparator, thousands: c.numberGroupSeparator } : { decimal: c.decimalSeparator, thousands: c.thousandsSeparator };
}

export function setCulture(model: WorkbookModel, culture: FakeCulture): void {
  cultures.set(model, { ...culture });
  model.changed();
}

class NumberFormatInfo extends ClientObject<WorkbookModel> {
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model, false, "NumberFormatInfo", ctx.model);
  }
  protected scalarProperties() {
    return ["numberDecimalSeparator", "numberGroupSeparator"];
  }
  protected readProperty(model: WorkbookModel, name: string): unknown {
    const c = cultureOf(model);
    return name === "numberDecimalSeparator" ? c.numberDecimalSeparator : c.numberGroupSeparator;
  }
  get numberDecimalSeparator(): string {
    return this.get("numberDecimalSeparator");
  }
  get numberGroupSeparator(): string {
    return this.get("numberGroupSeparator");
  }
}

class DatetimeFormatInfo extends ClientObject<WorkbookModel> {
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model, false, "DatetimeFormatInfo", ctx.model);
  }
  protected scalarProperties() {
    return ["shortDatePattern", "longDatePattern", "dateSeparator"];
  }
  protected readProperty(model: WorkbookModel, name: string): unknown {
    const c = cultureOf(model);
    return name === "shortDatePattern" ? c.shortDatePattern : name === "longDatePattern" ? c.longDatePattern : c.dateSeparator;
  }
  get shortDatePattern(): string {
    return this.get("shortDatePattern");
  }
  get longDatePattern(): string {
    return this.get("longDatePattern");
  }
  get dateSeparator(): string {
    return this.get("dateSeparator");
  }
}

export class CultureInfo extends ClientObject<WorkbookModel> {
  readonly numberFormat: NumberFormatInfo;
  readonly datetimeFormat: DatetimeFormatInfo;
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model, false, "CultureInfo", ctx.model);
    this.numberFormat = new NumberFormatInfo(ctx);
    this.datetimeFormat = new DatetimeFormatInfo(ctx);
  }
  protected scalarProperties() {
    return ["name"];
  }
  protected readProperty(model: WorkbookModel): unknown {
    return cultureOf(model).name;
  }
  get name(): string {
    return this.get("name");
  }
}

/**
 * `context.application`: suspendApiCalculationUntilNextSync (1.6), the separator settings and
 * cultureInfo (1.11). Built resolved (it always exists), so creating a context queues nothing.
 */
export class Application extends ClientObject<WorkbookModel> {
  private cultureProxy: CultureInfo | null = null;
  constructor(ctx: RequestContext) {
    super(ctx, () => ctx.model, false, "Application", ctx.model);
  }
  /** ExcelApi 1.6. Nothing recalculates in the preview, so this only has to exist in the batch. */
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue({ requestBytes: 0, location: "Application.suspendApiCalculationUntilNextSync", run: () => undefined });
  }
  get cultureInfo(): CultureInfo {
    if (!this.cultureProxy) this.cultureProxy = new CultureInfo(this.ctx);
    return this.cultureProxy;
  }
  protected scalarProperties() {
    return ["decimalSeparator", "thousandsSeparator", "useSystemSeparators"];
  }
  protected readProperty(model: WorkbookModel, name: string): unknown {
    const c = cultureOf(model);
    if (name === "useSystemSeparators") return c.useSystemSeparators;
    // Excel reports its effective separators: the culture's while system separators are on.
    if (name === "decimalSeparator") return c.useSystemSeparators ? c.numberDecimalSeparator : c.decimalSeparator;
    return c.useSystemSeparators ? c.numberGroupSeparator : c.thousandsSeparator;
  }
  get decimalSeparator(): string {
    return this.get("decimalSeparator");
  }
  get thousandsSeparator(): string {
    return this.get("thousandsSeparator");
  }
  get useSystemSeparators(): boolean {
    return this.get("useSystemSeparators");
  }
}
