/**
 * PREVIEW ONLY — tables and charts of the Excel stand-in: TableCollection, ChartCollection, Chart,
 * its title and series.
 */
import { intersect } from "./address";
import type { RequestContext } from "./batch";
import { FakeOfficeError, assertWritable, notLoaded, sizeOf } from "./proxy";
import { excelValue, parseAddressSafe, parseOnSheet } from "./ranges";
import type { Range } from "./ranges";
import type { ChartModel } from "./workbook";
import type { Worksheet } from "./worksheets";

export class TableCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: Worksheet,
  ) {}
  add(address: Range | string, hasHeaders: boolean): Table {
    let created: { name: string } | null = null;
    this.ctx.enqueue({
      requestBytes: 0,
      location: "TableCollection.add()",
      run: () => {
        const sheet = this.sheet.resolve();
        const target = typeof address === "string" ? parseOnSheet(address, sheet, this.ctx.model) : address.resolve();
        if (target.sheet !== sheet) throw new FakeOfficeError("InvalidArgument", "The table's range must be on this worksheet.");
        assertWritable(target);
        for (const s of this.ctx.model.sheets) {
          for (const t of s.tables) {
            if (s === sheet && intersect(t.rect, target.rect)) throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
          }
        }
        const count = this.ctx.model.sheets.reduce((n, s) => n + s.tables.length, 0);
        const table = { id: sheet.newTableId(), name: `Table${count + 1}`, rect: target.rect, style: "TableStyleMedium2", showBandedRows: true };
        if (!hasHeaders) {
          // Excel inserts a header row above; the pane always has headers, so refuse instead of shifting cells.
          throw new FakeOfficeError("InvalidArgument", "The preview's Excel adds tables with a header row only.");
        }
        sheet.tables.push(table);
        created = table;
      },
    });
    return new Table(this.ctx, () => created);
  }
}

export class Table {
  constructor(
    private readonly ctx: RequestContext,
    private readonly table: () => { name: string } | null,
  ) {}
  /** Tables are added and left as they are; reading their properties is not needed by the pane. */
  get name(): string {
    throw notLoaded("name");
  }
}

export class ChartCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly sheet: Worksheet,
  ) {}
  /** Charts plot the source's first column as categories and each further column as a series (seriesBy "Columns"). */
  add(type: string, source: Range, seriesBy?: string): Chart {
    let created: ChartModel | null = null;
    this.ctx.enqueue({
      requestBytes: sizeOf(type),
      location: `ChartCollection.add(${JSON.stringify(type)})`,
      run: () => {
        const sheet = this.sheet.resolve();
        const target = source.resolve();
        assertWritable({ sheet, rect: target.rect });
        if (seriesBy !== undefined && seriesBy !== "Columns" && seriesBy !== "Auto") {
          throw new FakeOfficeError("InvalidArgument", `The preview's Excel plots series by columns only, not ${seriesBy}.`);
        }
        const { rect } = target;
        const series = [];
        for (let c = 1; c < rect.cols; c++) {
          const values: number[] = [];
          for (let r = 1; r < rect.rows; r++) {
            const v = target.sheet.get(rect.row + r, rect.col + c);
            values.push(typeof v === "number" ? v : 0);
          }
          const name = target.sheet.get(rect.row, rect.col + c);
          series.push({ name: name === null ? `Series${c}` : String(excelValue(name)), values, axisGroup: "Primary", chartType: null });
        }
        const chart: ChartModel = {
          id: sheet.newChartId(),
          name: `Chart ${sheet.charts.length + 1}`,
          type,
          source: rect,
          title: "",
          series,
          top: 0,
          left: 0,
          width: 360,
          height: 216,
        };
        sheet.charts.push(chart);
        created = chart;
      },
    });
    return new Chart(this.ctx, () => {
      if (!created) throw new FakeOfficeError("ItemNotFound", "The chart was not created.");
      return created;
    });
  }
}

export class ChartTitle {
  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: () => ChartModel,
  ) {}
  set text(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ChartTitle.text", run: () => void (this.chart().title = value) });
  }
  get text(): string {
    throw notLoaded("text");
  }
}

export class ChartSeries {
  constructor(
    private readonly ctx: RequestContext,
    private readonly series: () => ChartModel["series"][number],
  ) {}
  /** ExcelApi 1.7. */
  set chartType(value: string) {
    this.ctx.enqueue({ requestBytes: sizeOf(value), location: "ChartSeries.chartType", run: () => void (this.series().chartType = value) });
  }
  get chartType(): string {
    throw notLoaded("chartType");
  }
  /** ExcelApi 1.8. */
  set axisGroup(value: string) {
    this.ctx.enqueue({
      requestBytes: sizeOf(value),
      location: "ChartSeries.axisGroup",
      run: () => {
        if (value !== "Primary" && value !== "Secondary") throw new FakeOfficeError("InvalidArgument", `axisGroup must be Primary or Secondary, not ${value}.`);
        this.series().axisGroup = value;
      },
    });
  }
  get axisGroup(): string {
    throw notLoaded("axisGroup");
  }
}

export class ChartSeriesCollection {
  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: () => ChartModel,
  ) {}
  getItemAt(index: number): ChartSeries {
    let found: ChartModel["series"][number] | null = null;
    this.ctx.enqueue({
      requestBytes: 0,
      location: `ChartSeriesCollection.getItemAt(${index})`,
      run: () => {
        const series = this.chart().series[index];
        if (!series) throw new FakeOfficeError("ItemNotFound", `The chart has no series at index ${index}.`);
        found = series;
      },
    });
    return new ChartSeries(this.ctx, () => found!);
  }
}

export class Chart {
  readonly title: ChartTitle;
  readonly series: ChartSeriesCollection;
  constructor(
    private readonly ctx: RequestContext,
    private readonly chart: () => ChartModel,
  ) {
    this.title = new ChartTitle(ctx, chart);
    this.series = new ChartSeriesCollection(ctx, chart);
  }
  /** Places the chart's top-left corner at a cell (the preview draws charts by cell position). */
  setPosition(start: Range | string, _end?: Range | string): void {
    this.ctx.enqueue({
      requestBytes: 0,
      location: "Chart.setPosition()",
      run: () => {
        const chart = this.chart();
        const target = typeof start === "string" ? parseAddressSafe(start) : start.resolve().rect;
        chart.top = target.row;
        chart.left = target.col;
      },
    });
  }
}
