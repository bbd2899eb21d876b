/**
 * PREVIEW ONLY — named ranges of the Excel stand-in (`workbook.names`: `add` 1.4, `getItem` 1.1,
 * `getItemOrNullObject` 1.4; NamedItem `getRange()` 1.1, `delete()` 1.4, `visible`). A name refers
 * to cells, not to indexes: inserting or deleting rows or columns before or inside it moves or
 * resizes it, as in Excel; deleting all of its cells leaves it #REF!, and `getRange()` then fails
 * with InvalidReference.
 */
import type { RequestContext } from "./batch";
import { ClientObject, FakeOfficeError, sizeOf } from "./proxy";
import { Range } from "./ranges";
import type { NamedRangeModel } from "./workbook";

const VALID_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/;

export class NamedItem extends ClientObject<NamedRangeModel> {
  constructor(ctx: RequestContext, resolver: () => NamedRangeModel | null, nullable: boolean, label: string) {
    super(ctx, resolver, nullable, label);
  }
  protected scalarProperties() {
    return ["name", "visible"];
  }
  protected readProperty(item: NamedRangeModel, name: string): unknown {
    if (name === "name") return item.name;
    if (name === "visible") return item.visible;
    return undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(value: boolean) {
    this.write("visible", sizeOf(value), (item) => {
      item.visible = value === true;
    });
  }
  /** The cells the name refers to now. */
  getRange(): Range {
    return new Range(this.ctx, () => {
      const item = this.resolve();
      if (item.anchor.rect === null) throw new FakeOfficeError("InvalidReference", `The name ${item.name} refers to cells that were deleted (#REF!).`);
      return { sheet: item.sheet, rect: item.anchor.rect };
    }, false, `${this.label}.getRange()`);
  }
  delete(): void {
    this.write("delete()", 0, (item) => this.ctx.model.deleteName(item));
  }
}

export class NamedItemCollection {
  constructor(private readonly ctx: RequestContext) {}

  add(name: string, reference: Range, comment?: string): NamedItem {
    let created: NamedRangeModel | null = null;
    const label = `NamedItemCollection.add(${JSON.stringify(name)})`;
    this.ctx.enqueue({
      requestBytes: sizeOf(name) + sizeOf(comment ?? ""),
      location: label,
      run: () => {
        if (!(reference instanceof Range)) throw new FakeOfficeError("InvalidArgument", "The preview's Excel names ranges only (a Range object).");
        if (!VALID_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) throw new FakeOfficeError("InvalidArgument", `"${name}" is not a valid name.`);
        if (this.ctx.model.name(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
        const target = reference.resolve();
        created = this.ctx.model.addName(name, target.sheet, target.rect);
      },
    });
    return new NamedItem(this.ctx, () => created, false, label);
  }

  getItem(name: string): NamedItem {
    return new NamedItem(this.ctx, () => this.ctx.model.name(name), false, `NamedItemCollection.getItem(${JSON.stringify(name)})`);
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, () => this.ctx.model.name(name), true, `NamedItemCollection.getItemOrNullObject(${JSON.stringify(name)})`);
  }
}
