/**
 * One Excel.run for the whole Excel layer: `run` (delayForCellEdit where supported, failures as
 * ExcelLayerError) and `runRaw` (failures left as the host threw them, for the block loops that
 * retry on payload limits), and the requirement-set check. Imported by every writer in this folder;
 * imports nothing of theirs, so the writers never import each other.
 */
import { CancelledError, errorCode } from "./blocks";
import type { ExcelFailureKind, StopInfo } from "./types";

/* global Excel, Office */

/** A failure the pane can explain; `detail` is the host's own message for unknown failures. */
export class ExcelLayerError extends Error {
  readonly kind: ExcelFailureKind;
  /** For the kinds that stop a run part-way: what changed and what was kept (types.ts). */
  readonly info: StopInfo;
  constructor(kind: ExcelFailureKind, detail = "", info: StopInfo = {}) {
    super(detail || kind);
    this.name = "ExcelLayerError";
    this.kind = kind;
    this.info = info;
  }
}

/** Turns whatever a batch threw into an ExcelLayerError. */
export function toLayerError(error: unknown): ExcelLayerError {
  if (error instanceof ExcelLayerError) return error;
  if (error instanceof CancelledError) return new ExcelLayerError("cancelled");
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new ExcelLayerError("cellEditMode", message);
    case "AccessDenied":
      return new ExcelLayerError("sheetProtected", message);
    case "ResponsePayloadSizeLimitExceeded":
    case "RequestPayloadSizeLimitExceeded":
      return new ExcelLayerError("payloadTooLarge", message);
    case "InvalidSelection":
      return new ExcelLayerError("multipleAreas", message);
    case "ItemNotFound":
      return new ExcelLayerError("sheetGone", message);
    default:
      return new ExcelLayerError("unknown", message);
  }
}

/** Whether the host supports ExcelApi `version` (false when Office is missing). Shared with cohortsSheet.ts. */
export function supported(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** Excel.run with delayForCellEdit where the host supports it; errors become ExcelLayerErrors. */
export async function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  try {
    return supported("1.11") ? await Excel.run({ delayForCellEdit: true }, batch) : await Excel.run(batch);
  } catch (error) {
    throw toLayerError(error);
  }
}

/** Like `run`, but leaves payload errors and cancellation untouched so the block loop can retry. */
export async function runRaw<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return supported("1.11") ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);
}
