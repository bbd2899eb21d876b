/**
 * Row-block transfer with payload-size retry, independent of Office.js.
 *
 * Excel limits one request and one response to about 5 MB (Excel on the web raises
 * `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded`). Rows are moved in
 * blocks that start at `startRows` (10,000); when a block fails with the given payload error
 * the block size is halved and the same rows are tried again, down to one row. The smaller
 * size is kept for the rest of the transfer. Cost: O(total / block) requests.
 */

export const START_BLOCK_ROWS = 10_000;

/** The error code an Office.js error carries (`OfficeExtension.Error.code`), or "" when it has none. */
export function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string") {
    return (error as { code: string }).code;
  }
  return "";
}

export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export type Progress = (done: number, total: number) => void;

export type BlockOptions = {
  readonly total: number;
  /** Error code that means "too big, try a smaller block". */
  readonly payloadError: string;
  readonly startRows?: number;
  readonly onProgress?: Progress;
  readonly signal?: AbortSignal;
};

/**
 * Calls `transfer(start, count)` for consecutive blocks covering rows 0…total−1.
 * Returns the block size that finally worked (for tests and diagnostics).
 */
export async function inBlocks(options: BlockOptions, transfer: (start: number, count: number) => Promise<void>): Promise<number> {
  const { total, payloadError, onProgress, signal } = options;
  let size = Math.max(1, Math.floor(options.startRows ?? START_BLOCK_ROWS));
  let start = 0;
  onProgress?.(0, total);
  while (start < total) {
    if (signal?.aborted) throw new CancelledError();
    const count = Math.min(size, total - start);
    try {
      await transfer(start, count);
    } catch (error) {
      if (errorCode(error) === payloadError && count > 1) {
        size = Math.max(1, Math.floor(count / 2));
        continue;
      }
      throw error;
    }
    start += count;
    onProgress?.(start, total);
  }
  return size;
}
