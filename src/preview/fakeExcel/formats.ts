/**
 * PREVIEW ONLY — formatting of the Excel stand-in: RangeFormat and the conditional formats the pane
 * uses (ContainsText rules and two-colour scales).
 */
import type { RequestContext } from "./batch";
import { FakeOfficeError, assertWritable, notLoaded, sizeOf } from "./proxy";
import type { Range } from "./ranges";
import type { ColorScalePoint, SheetModel } from "./workbook";

export class RangeFormat {
  constructor(
    private readonly ctx: RequestContext,
    private readonly range: Range,
  ) {}
  /** ExcelApi 1.2. The preview's grid has fixed-width columns; the call is accepted and checked only. */
  autofitColumns(): void {
    this.ctx.enqueue({ requestBytes: 0, location: "RangeFormat.autofitColumns()", run: () => void this.range.resolve() });
  }
}

type FormatTarget = { fill: string | null; font: string | null };

export class ConditionalFill {
  constructor(
    private readonly ctx: RequestContext,
    private readonly target: () => FormatTarget,
  ) {}
  set color(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ConditionalFill.color", run: () => void (this.target().fill = value) });
  }
  get color(): string {
    throw notLoaded("color");
  }
}

export class ConditionalFont {
  constructor(
    private readonly ctx: RequestContext,
    private readonly target: () => FormatTarget,
  ) {}
  set color(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ConditionalFont.color", run: () => void (this.target().font = value) });
  }
  get color(): string {
    throw notLoaded("color");
  }
}

export class ConditionalRangeFormat {
  readonly fill: ConditionalFill;
  readonly font: ConditionalFont;
  constructor(ctx: RequestContext, target: () => FormatTarget) {
    this.fill = new ConditionalFill(ctx, target);
    this.font = new ConditionalFont(ctx, target);
  }
}

type CfModel = SheetModel["conditionalFormats"][number];

export class TextConditionalFormat {
  readonly format: ConditionalRangeFormat;
  constructor(
    private readonly ctx: RequestContext,
    private readonly cf: () => CfModel,
  ) {
    const target = (): FormatTarget => {
      const model = cf();
      return {
        get fill() {
          return model.fill;
        },
        set fill(v) {
          model.fill = v;
        },
        get font() {
          return model.fontColor;
        },
        set font(v) {
          model.fontColor = v;
        },
      };
    };
    this.format = new ConditionalRangeFormat(ctx, target);
  }
  set rule(rule: { operator: string; text: string }) {
    this.ctx.enqueue({
      requestBytes: sizeOf(rule),
      location: "TextConditionalFormat.rule",
      run: () => {
        const operators = ["Contains", "NotContains", "BeginsWith", "EndsWith"];
        if (!rule || typeof rule.text !== "string" || !operators.includes(rule.operator)) {
          throw new FakeOfficeError("InvalidArgument", "A text rule needs an operator (Contains, NotContains, BeginsWith, EndsWith) and a text.");
        }
        const model = this.cf();
        model.operator = rule.operator;
        model.text = rule.text;
      },
    });
  }
  get rule(): { operator: string; text: string } {
    throw notLoaded("rule");
  }
}

/** A criterion's types that need no formula, and those that need one (ExcelApi 1.6). */
const SCALE_TYPES_WITHOUT_FORMULA = ["LowestValue", "HighestValue"];

const SCALE_TYPES_WITH_FORMULA = ["Number", "Percent", "Formula", "Percentile"];

type ScaleCriterion = { type?: unknown; color?: unknown; formula?: unknown };

function scalePoint(point: ScaleCriterion | undefined, name: string): ColorScalePoint {
  if (!point || typeof point.type !== "string") throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} needs a type.`);
  const withFormula = SCALE_TYPES_WITH_FORMULA.includes(point.type);
  if (!withFormula && !SCALE_TYPES_WITHOUT_FORMULA.includes(point.type)) {
    throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} has an unknown type ${point.type}.`);
  }
  if (withFormula && (typeof point.formula !== "string" || point.formula === "")) {
    throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} of type ${point.type} needs a formula.`);
  }
  if (point.color !== undefined && point.color !== null && (typeof point.color !== "string" || !/^#[0-9a-f]{6}$/i.test(point.color))) {
    throw new FakeOfficeError("InvalidArgument", `The colour scale's ${name} colour must be "#rrggbb".`);
  }
  return { type: point.type, color: typeof point.color === "string" ? point.color : null, formula: typeof point.formula === "string" ? point.formula : null };
}

export class ColorScaleConditionalFormat {
  constructor(
    private readonly ctx: RequestContext,
    private readonly cf: () => CfModel,
  ) {}
  /** ExcelApi 1.6. Minimum and maximum are required; a midpoint makes it a three-colour scale. */
  set criteria(criteria: { minimum: ScaleCriterion; midpoint?: ScaleCriterion; maximum: ScaleCriterion }) {
    this.ctx.enqueue({
      requestBytes: sizeOf(criteria),
      location: "ColorScaleConditionalFormat.criteria",
      run: () => {
        const model = this.cf();
        if (model.type !== "ColorScale") throw new FakeOfficeError("InvalidArgument", `A ${model.type} conditional format has no colour scale.`);
        model.colorScale = {
          minimum: scalePoint(criteria?.minimum, "minimum"),
          midpoint: criteria?.midpoint ? scalePoint(criteria.midpoint, "midpoint") : null,
          maximum: scalePoint(criteria?.maximum, "maximum"),
        };
      },
    });
  }
  get criteria(): { minimum: ScaleCriterion; midpoint?: ScaleCriterion; maximum: ScaleCriterion } {
    throw notLoaded("criteria");
  }
}

export class ConditionalFormat {
  private textProxy: TextConditionalFormat | null = null;
  private scaleProxy: ColorScaleConditionalFormat | null = null;
  constructor(
    private readonly ctx: RequestContext,
    private readonly cf: () => CfModel,
  ) {}
  /** ExcelApi 1.6. */
  get textComparison(): TextConditionalFormat {
    if (!this.textProxy) this.textProxy = new TextConditionalFormat(this.ctx, this.cf);
    return this.textProxy;
  }
  /** ExcelApi 1.6. */
  get colorScale(): ColorScaleConditionalFormat {
    if (!this.scaleProxy) this.scaleProxy = new ColorScaleConditionalFormat(this.ctx, this.cf);
    return this.scaleProxy;
  }
}

export class ConditionalFormatCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly range: Range,
  ) {}
  /** Only "ContainsText" and "ColorScale" rules are implemented (what the pane adds). */
  add(type: string): ConditionalFormat {
    let created: CfModel | null = null;
    this.ctx.enqueue({
      requestBytes: sizeOf(type),
      location: `ConditionalFormatCollection.add(${JSON.stringify(type)})`,
      run: () => {
        if (type !== "ContainsText" && type !== "ColorScale") {
          throw new FakeOfficeError("InvalidArgument", `The preview's Excel implements only ContainsText and ColorScale conditional formats, not ${type}.`);
        }
        const target = this.range.resolve();
        assertWritable(target);
        created = { id: target.sheet.newConditionalFormatId(), rect: target.rect, type, text: null, operator: null, fill: null, fontColor: null };
        target.sheet.conditionalFormats.push(created);
      },
    });
    return new ConditionalFormat(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The conditional format was not created.");
      return created;
    });
  }
}
