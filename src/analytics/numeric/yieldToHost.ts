/**
 * Cooperative yielding for long computations: `await yieldToHost()` between
 * blocks of rows lets Excel (or the task pane) stay responsive. Pure JavaScript,
 * no Office dependency. BLOCK_ROWS is the usual block size for a yield.
 */
export const BLOCK_ROWS = 65_536;

export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
