/**
 * The Excel layer as one object of plain callbacks, so components can be given a different one
 * (tests, preview) and never reach for `Excel` themselves.
 */
import { checkWriteTargets, hostInfo, officeTheme, readRows, readSelection, writeSegmentColumn, writeSegmentsSheet } from "./index";
import { writeRewardsTable } from "./rewardsSheet";

export type ExcelPort = {
  readonly hostInfo: typeof hostInfo;
  readonly officeTheme: typeof officeTheme;
  readonly readSelection: typeof readSelection;
  readonly readRows: typeof readRows;
  readonly checkWriteTargets: typeof checkWriteTargets;
  readonly writeSegmentsSheet: typeof writeSegmentsSheet;
  readonly writeSegmentColumn: typeof writeSegmentColumn;
  /** Optional: the Rewards plan's table and chart on the Segments sheet (rewardsSheet.ts). */
  readonly writeRewardsTable?: typeof writeRewardsTable;
};

export const officeExcel: ExcelPort = { hostInfo, officeTheme, readSelection, readRows, checkWriteTargets, writeSegmentsSheet, writeSegmentColumn, writeRewardsTable };
