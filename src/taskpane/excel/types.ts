/** Plain data passed between the Excel layer and the rest of the pane. No Office types here. */

/** A rectangle of a worksheet, captured when the user picks the data; zero-based indexes. */
export type Region = {
  readonly sheetName: string;
  /** Address as Excel reports it, e.g. "Customers!A1:F996". */
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
};

/** What "Use selection" found: the region and its first rows (headers and a sample for guessing). */
export type SelectionRead = { readonly region: Region; readonly firstRows: readonly (readonly unknown[])[] };

/** What the host can do. `cellEditDelay`: ExcelApi 1.11; `selectionAreas`: ExcelApi 1.9. */
export type HostInfo =
  | { readonly kind: "ready"; readonly cellEditDelay: boolean; readonly selectionAreas: boolean }
  | { readonly kind: "noExcel" }
  | { readonly kind: "tooOld"; readonly needed: string };

export type ExcelFailureKind =
  | "multipleAreas"
  | "cellEditMode"
  | "structureProtected"
  | "sheetProtected"
  | "payloadTooLarge"
  | "sheetGone"
  | "cancelled"
  /** Best-effort column writes: a target cell held something when a block was written (it was put back). */
  | "targetNotEmpty"
  /** Best-effort column writes: someone else changed or sorted the sheet during the run. */
  | "changedWhileWriting"
  /** The data changed between two read blocks, so the rows read would mix old and new data. */
  | "changedWhileReading"
  | "unknown";

/** A change on a sheet that the add-in did not make, as its events report it. */
export type SheetChange = {
  readonly kind: "edited" | "inserted" | "deleted" | "sorted" | "resized";
  /** A1 address on the sheet ("J7", "D:D", "5:5", "A1:F996"). */
  readonly address: string;
};

/**
 * What a stopped run found and did: the change (or the first cell that was not empty), how many
 * cells it had written and took out again, and how many it left because they no longer held what
 * it wrote.
 */
export type StopInfo = { readonly change?: SheetChange; readonly cell?: string; readonly cleared?: number; readonly kept?: number };

/** One segment's colours, used by conditional-format rules that match cells beginning with `name`. */
export type SegmentColour = { readonly name: string; readonly fill: string; readonly font: string };

/** Everything written to the new results sheet. Values only; strings are written as text (format "@", textCells.ts). */
export type SheetPlan = {
  /** Preferred sheet name; "(2)", "(3)" … are appended when taken. */
  readonly baseName: string;
  /** Name for a sheet that could be neither finished nor removed. */
  readonly incompleteName: (name: string) => string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  /** Column (0-based) of the segment names, coloured by conditional formats. */
  readonly segmentColumn: number;
  readonly colours: readonly SegmentColour[];
  /** Small summary table to the right of the results; the chart plots its first three columns. */
  readonly summary: {
    readonly header: readonly string[];
    readonly rows: readonly (readonly (string | number)[])[];
    /** Excel number format per column ("" = leave as is): thousands and two decimals for money, one for scores, percent for shares. */
    readonly formats: readonly string[];
    readonly chartTitle: string;
  };
};

export type SheetWritten = { readonly sheetName: string; readonly formatted: boolean };

/** Where a Segment column beside the source can go. */
export type BesideTarget =
  | { readonly kind: "empty" }
  | { readonly kind: "occupied" }
  | { readonly kind: "sheetProtected" }
  | { readonly kind: "noRoom" };

export type ColumnPlan = {
  readonly region: Region;
  /** "beside": the empty column right of the source; "insert": a new sheet column there. */
  readonly mode: "beside" | "insert";
  /** Header cell text when the source's first row is a header row, else null. */
  readonly header: string | null;
  /** One value per data row. */
  readonly values: readonly string[];
  readonly colours: readonly SegmentColour[];
};

export type WriteTargets = { readonly newSheetAllowed: boolean; readonly beside: BesideTarget };
