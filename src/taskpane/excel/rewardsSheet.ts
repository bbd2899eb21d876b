/**
 * Adds the Rewards plan to the pane's own Segments sheet: a title line and a small table one column
 * to the right of everything on the sheet (the results table and the segment summary), and a
 * clustered column chart of its first columns (segment, programme cost, profit) below the Segments
 * chart. Part of the Excel layer (see index.ts for the API surface; this uses
 * `worksheet.getUsedRange(true)`, `range.getUsedRangeOrNullObject(true)`, `values`, `numberFormat`,
 * `format.autofitColumns()`, `charts.add("ColumnClustered", …)`, `title.text` and `setPosition`).
 *
 * Never overwrites: when the target cells are not empty the call fails with "occupied" and writes
 * nothing. The plan is built by src/taskpane/model/rewardsPlan.ts and holds no Office types.
 */
import type { RewardsSheetPlan } from "../model/rewardsPlan";
import { ExcelLayerError, run } from "./session";

/* global Excel */

/** Rows between the top of the sheet and the Rewards chart: below the Segments chart (about 15 rows high) next to the summary. */
const CHART_GAP_ROWS = 16;

export type RewardsWritten = { readonly sheetName: string; readonly address: string };

export async function writeRewardsTable(sheetName: string, plan: RewardsSheetPlan): Promise<RewardsWritten> {
  return run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.protection.load("protected");
    const used = sheet.getUsedRange(true);
    used.load("columnIndex,columnCount");
    await context.sync();
    if (sheet.protection.protected) throw new ExcelLayerError("sheetProtected");
    const left = used.columnIndex + used.columnCount + 1;
    const width = plan.header.length;
    const rows = plan.rows.length;
    const target = sheet.getRangeByIndexes(0, left, rows + 2, width);
    const occupied = target.getUsedRangeOrNullObject(true);
    occupied.load("address");
    target.load("address");
    await context.sync();
    if (!occupied.isNullObject) throw new ExcelLayerError("unknown", "occupied");

    const titleLine: (string | number)[] = [plan.title, ...new Array<string>(width - 1).fill("")];
    sheet.getRangeByIndexes(0, left, rows + 2, width).values = [titleLine, [...plan.header], ...plan.rows.map((r) => [...r])] as (string | number)[][];
    if (rows > 0) {
      for (const col of plan.moneyColumns) sheet.getRangeByIndexes(2, left + col, rows, 1).numberFormat = plan.rows.map(() => ["#,##0.00"]);
      // The title line may run over; fit the columns to the table only.
      sheet.getRangeByIndexes(1, left, rows + 1, width).format.autofitColumns();
      const chart = sheet.charts.add("ColumnClustered", sheet.getRangeByIndexes(1, left, rows + 1, plan.chartColumns), "Columns");
      chart.title.text = plan.chartTitle;
      chart.setPosition(sheet.getRangeByIndexes(rows + CHART_GAP_ROWS + 2, left, 1, 1));
    }
    sheet.activate();
    await context.sync();
    return { sheetName, address: target.address };
  });
}
