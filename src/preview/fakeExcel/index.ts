/**
 * PREVIEW ONLY — the in-browser stand-in for Excel used by the local preview (preview.html)
 * and the tests; never bundled into the add-in Excel loads. See batch.ts for the semantics it
 * keeps (load/sync, queued writes, errors at sync, OrNullObject, payload limits).
 */
import { createExcel } from "./batch";
import { FakeOfficeError } from "./proxy";
import { WorkbookModel } from "./workbook";

export { RequestContext, createExcel } from "./batch";
export type { FakeExcelNamespace } from "./batch";
export { FakeOfficeError } from "./proxy";
export type { RunOptions } from "./proxy";
export { FIVE_MB, SheetModel, WorkbookModel, isErrorCell } from "./workbook";
export type { CellValue, ChartModel, ErrorCell, Simulation } from "./workbook";
export * from "./address";
export { FAKE_CULTURES, cultureOf, separatorsOf, setCulture } from "./culture";
export type { FakeCulture } from "./culture";

/** The `OfficeExtension` global the pane reads errors against. */
export function createOfficeExtension() {
  return {
    Error: FakeOfficeError,
    ErrorCodes: {
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidObjectPath: "InvalidObjectPath",
      invalidRequestContext: "InvalidRequestContext",
      propertyNotLoaded: "PropertyNotLoaded",
      itemNotFound: "ItemNotFound",
    },
  };
}

/** Installs `Excel` and `OfficeExtension` globals backed by the workbook (once it exists). */
export function installFakeExcel(target: Record<string, unknown>, workbook: WorkbookModel | Promise<WorkbookModel>): void {
  target.Excel = createExcel(workbook);
  target.OfficeExtension = createOfficeExtension();
}
