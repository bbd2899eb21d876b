/**
 * What the Retention view writes to its new `Cohorts` sheet, as plain data for
 * excel/cohortsSheet.ts. Pure. Layout, top to bottom from column A:
 *
 *   row 0          title of the triangle
 *   row 1          Cohort start | Customers | Month 0 | Month 1 | …
 *   rows 2 …       one row per cohort (LOYALTY.COHORTS' rows); periods not ended are blank
 *   (blank row)    title of the period table
 *                  Period start | Customers at start | New | Reactivated | … (LOYALTY.RETENTIONBYPERIOD's rows)
 *   (blank row)    title of the chart data
 *                  Month | 2024-01 (85 customers) | …   (one column per curve cohort, oldest first, with its size)
 *                  Month 0 … Month K, the shares of each cohort
 *
 * From a warehouse table the sheet has the part it was given: the cohort table gives the triangle
 * and the chart (no period table), the period table gives the period table alone; the parts keep
 * this order.
 *
 * The colour scale covers the triangle's shares from period 1 on: period 0 is always 100% and
 * would only stretch the scale. The line chart plots the chart data (series by columns) and sits
 * right of it.
 */
import type { PeriodKind } from "../../analytics/orders/calendarPeriods";
import { isoWeekday, serialFromYmd, ymdFromSerial } from "../../analytics/orders/dates";
import type { CohortsSheetPlan, SheetArea, SheetBlock } from "../excel/cohortsSheet";
import { SEGMENT_COLOURS } from "../palette";
import type { Strings } from "../strings/en";
import type { RetentionResult } from "./retentionRun";

/**
 * The triangle's two-colour scale: white for the lowest share, the palette's blue for the highest.
 * Black text keeps ≥ 4.9 : 1 contrast on every shade in between (palette.test.ts checks the blue).
 */
export const SCALE_LOW = "#FFFFFF";
export const SCALE_HIGH = SEGMENT_COLOURS.Reachable.fill;

/** A NaN from the core is a period not yet ended: an empty cell, never 0. */
const cell = (value: number): string | number => (Number.isNaN(value) ? "" : value);

/** ISO 8601 week-numbering year and week of a serial: the year of the week's Thursday, week 1 holds its first Thursday. Example: 2024-03-04 (45355) → 2024, week 10. */
export function isoWeekOf(serial: number): { year: number; week: number } {
  const thursday = serial - isoWeekday(serial) + 4;
  const year = ymdFromSerial(thursday).year;
  return { year, week: Math.floor((thursday - serialFromYmd(year, 1, 1)) / 7) + 1 };
}

/** The chart-data label of the cohort starting on `start`: "2024-03", "2024-W10", "2024-Q1", "2024". */
export function cohortLabel(kind: PeriodKind, start: number, strings: Strings): string {
  const { year, month } = ymdFromSerial(start);
  const week = kind === "week" ? isoWeekOf(start) : { year, week: 0 };
  return strings.retention.sheet.cohortLabel(kind, year, month, week.year, week.week);
}

/** The pane's name of the cohort starting on `start`: "March 2024", "the week of March 4, 2024", …. */
export function cohortName(kind: PeriodKind, start: number, strings: Strings): string {
  const { year, month, day } = ymdFromSerial(start);
  return strings.retention.curve.cohortName(kind, year, month, day);
}

export function cohortsSheetPlan(result: RetentionResult, strings: Strings): CohortsSheetPlan {
  const s = strings.retention.sheet;
  const { kind, cohorts: t, periods: p, curves } = result;
  const blocks: SheetBlock[] = [];
  const formats: (SheetArea & { format: string })[] = [];
  const autofit: SheetArea[] = [];
  let colourScale: CohortsSheetPlan["colourScale"] = null;
  // The next free row: each part is followed by one blank row.
  let top = 0;

  // Triangle (absent when the input was the warehouse's period table)
  if (t) {
    const rows = t.cohortStart.length;
    const header: string[] = [s.cohortStart, s.customers];
    for (let k = 0; k < t.columns; k++) header.push(s.periodColumn(kind, k));
    const triangle: (string | number)[][] = [header];
    for (let r = 0; r < rows; r++) {
      const line: (string | number)[] = [t.cohortStart[r], t.cohortSize[r]];
      for (let k = 0; k < t.columns; k++) line.push(cell(t.shares[k][r]));
      triangle.push(line);
    }
    blocks.push({ row: top, values: [[s.triangleTitle(kind)]] }, { row: top + 1, values: triangle });
    formats.push(
      { row: top + 2, column: 0, rows, columns: 1, format: s.dateFormat },
      { row: top + 2, column: 1, rows, columns: 1, format: "#,##0" },
      { row: top + 2, column: 2, rows, columns: t.columns, format: "0%" },
    );
    autofit.push({ row: top + 1, column: 0, rows: Math.min(rows + 1, 50), columns: header.length });
    colourScale = t.columns > 1 && rows > 0 ? { row: top + 2, column: 3, rows, columns: t.columns - 1, low: SCALE_LOW, high: SCALE_HIGH } : null;
    top += 2 + rows + 1;
  }

  // Period table (absent when the input was the warehouse's cohort table)
  if (p) {
    const tableTop = top;
    const periods = p.periodStart.length;
    const table: (string | number)[][] = [[...s.tableHeaders]];
    for (let i = 0; i < periods; i++) {
      table.push([p.periodStart[i], p.customersStart[i], p.newCustomers[i], p.reactivated[i], p.customersEnd[i], p.retained[i], cell(p.retention[i]), p.lost[i]]);
    }
    blocks.push({ row: tableTop, values: [[s.tableTitle(kind, p.activeDays)]] }, { row: tableTop + 1, values: table });
    formats.push(
      { row: tableTop + 2, column: 0, rows: periods, columns: 1, format: s.dateFormat },
      { row: tableTop + 2, column: 1, rows: periods, columns: 5, format: "#,##0" },
      { row: tableTop + 2, column: 6, rows: periods, columns: 1, format: "0.0%" },
      { row: tableTop + 2, column: 7, rows: periods, columns: 1, format: "#,##0" },
    );
    autofit.push({ row: tableTop + 1, column: 0, rows: Math.min(periods + 1, 50), columns: s.tableHeaders.length });
    // The chart data's title follows the table directly (the layout the sheet has always had).
    top += 2 + periods;
  }

  // Chart data and chart
  let chart: CohortsSheetPlan["chart"] = null;
  if (curves.length > 0) {
    const curveTop = top;
    const length = Math.max(...curves.map((c) => c.points[c.points.length - 1].period + 1));
    // The headers name the chart's series, so its legend gives each cohort's size as the pane's does.
    const data: (string | number)[][] = [[s.curvePeriod(kind), ...curves.map((c) => strings.retention.curve.legend(cohortLabel(kind, c.start, strings), c.size))]];
    for (let k = 0; k < length; k++) {
      data.push([s.periodColumn(kind, k), ...curves.map((c) => c.points.find((point) => point.period === k)?.share ?? "")]);
    }
    blocks.push({ row: curveTop, values: [[s.curveTitle(curves.length)]] }, { row: curveTop + 1, values: data });
    formats.push({ row: curveTop + 2, column: 1, rows: length, columns: curves.length, format: "0%" });
    chart = {
      row: curveTop + 1,
      column: 0,
      rows: length + 1,
      columns: curves.length + 1,
      title: s.chartTitle,
      anchor: { row: curveTop + 1, column: curves.length + 2 },
    };
  }
  return { baseName: s.name, incompleteName: s.incompleteName, blocks, formats, colourScale, chart, autofit };
}
