import { ExcelLayerError } from "../excel";
import type { Strings } from "../strings/en";

export type LayerNotice = { readonly intent: "error" | "warning" | "info"; readonly text: string };

/**
 * The plain-words message for a failure of the Excel layer, shared by the Segment and Retention
 * views; each view handles its own errors (and any kind it words differently) before calling this.
 * Anything that is not an ExcelLayerError is reported as unknown with its message.
 */
export function excelLayerNotice(error: unknown, strings: Strings): LayerNotice {
  const e = strings.errors;
  if (error instanceof ExcelLayerError) {
    switch (error.kind) {
      case "multipleAreas":
        return { intent: "error", text: e.multipleAreas };
      case "cellEditMode":
        return { intent: "warning", text: e.cellEditMode };
      case "structureProtected":
        return { intent: "warning", text: e.structureProtected };
      case "sheetProtected":
        return { intent: "error", text: e.sheetProtected };
      case "payloadTooLarge":
        return { intent: "error", text: e.payloadTooLarge };
      case "sheetGone":
        return { intent: "error", text: e.sheetGone };
      case "cancelled":
        return { intent: "info", text: e.cancelled };
      case "targetNotEmpty":
        return { intent: "error", text: e.targetNotEmpty(error.info.cell ?? error.message, error.info.cleared ?? 0, error.info.kept ?? 0) };
      case "changedWhileWriting":
        return { intent: "error", text: e.changedWhileWriting(error.info.change ?? { kind: "edited", address: error.message }, error.info.cleared ?? 0, error.info.kept ?? 0) };
      case "changedWhileReading":
        return { intent: "error", text: e.changedWhileReading(error.info.change ?? { kind: "edited", address: error.message }) };
      case "unknown":
        return { intent: "error", text: e.unknown(error.message) };
    }
  }
  return { intent: "error", text: e.unknown(error instanceof Error ? error.message : String(error)) };
}
