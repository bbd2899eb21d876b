/**
 * The Excel layer as one object of plain callbacks, so components can be given a different one
 * (tests, preview) and never reach for `Excel` themselves.
 */
import { checkWriteTargets, displayLanguage, hostInfo, officeTheme, readCulture, readRows, readSelection, writeSegmentColumn, writeSegmentsSheet } from "./index";
import { writeReportSheet } from "./reportSheet";
import { writeRewardsTable } from "./rewardsSheet";

export type ExcelPort = {
  readonly hostInfo: typeof hostInfo;
  readonly officeTheme: typeof officeTheme;
  readonly readSelection: typeof readSelection;
  readonly readRows: typeof readRows;
  readonly checkWriteTargets: typeof checkWriteTargets;
  readonly writeSegmentsSheet: typeof writeSegmentsSheet;
  readonly writeSegmentColumn: typeof writeSegmentColumn;
  /** Optional so ports built for tests need not answer; without them the pane speaks English in en-US. */
  readonly displayLanguage?: typeof displayLanguage;
  readonly readCulture?: typeof readCulture;
  /** Optional: the Rewards plan's table and chart on the Segments sheet (rewardsSheet.ts). */
  readonly writeRewardsTable?: typeof writeRewardsTable;
  /** Optional: the Model report sheet of Check the model (reportSheet.ts); without it the pane offers no report. */
  readonly writeReportSheet?: typeof writeReportSheet;
};

export const officeExcel: ExcelPort = {
  hostInfo,
  officeTheme,
  readSelection,
  readRows,
  checkWriteTargets,
  writeSegmentsSheet,
  writeSegmentColumn,
  displayLanguage,
  readCulture,
  writeRewardsTable,
  writeReportSheet,
};
