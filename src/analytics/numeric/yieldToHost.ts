/**
 * Cooperative yielding for long computations: `await yieldToHost()` between blocks of rows
 * lets Excel (or the task pane) stay responsive. Pure JavaScript, no Office dependency.
 *
 * The yield is a task, not a timer: `scheduler.yield()` where the runtime has it, else a
 * `MessageChannel` message, else `setTimeout(0)`. Timers of a hidden WebView2 (the task pane
 * closed or minimised) are throttled to about one a second, messages are not, so a million
 * rows with one yield per slice would otherwise take minutes.
 *
 * `timeSlicer()` yields by elapsed time: `if (slicer.due()) await slicer.pause()` in a loop keeps
 * every stretch of work near SLICE_MS (well under the 200 ms the add-in allows itself; Excel
 * desktop restarts an add-in that does not answer for 5 s). Checking `due()` costs one clock read,
 * so loops check it every few hundred or thousand rows. BLOCK_ROWS is the usual block size where a
 * loop yields by rows rather than by time.
 */
export const BLOCK_ROWS = 65_536;

/** The longest stretch, in milliseconds, a time-sliced loop runs before it yields. */
export const SLICE_MS = 40;

type Scheduler = { yield?: () => Promise<void> };
type Port = { onmessage: unknown; postMessage: (m: unknown) => void; ref?: () => void; unref?: () => void };
type Channel = { port1: Port; port2: Port };

let channel: Channel | null | undefined;
const waiting: (() => void)[] = [];

function messageChannel(): Channel | null {
  if (channel !== undefined) return channel;
  const Constructor = (globalThis as { MessageChannel?: new () => Channel }).MessageChannel;
  if (typeof Constructor !== "function") return (channel = null);
  const made = new Constructor();
  made.port1.onmessage = () => {
    waiting.shift()?.();
    // Node keeps a process alive while a port listens: only while a yield is waiting (no-op in browsers).
    if (waiting.length === 0) made.port1.unref?.();
  };
  made.port1.unref?.();
  return (channel = made);
}

export function yieldToHost(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (scheduler && typeof scheduler.yield === "function") return scheduler.yield();
  const ports = messageChannel();
  if (ports === null) return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    waiting.push(resolve);
    ports.port1.ref?.();
    ports.port2.postMessage(0);
  });
}

const clock: () => number =
  typeof (globalThis as { performance?: { now?: () => number } }).performance?.now === "function"
    ? () => performance.now()
    : () => Date.now();

export type TimeSlicer = {
  /** True when the current stretch has run SLICE_MS or more. */
  readonly due: () => boolean;
  /** Yields to the host and starts a new stretch. */
  readonly pause: () => Promise<void>;
};

/** A slicer whose first stretch starts now. Example: `for (…) { if ((i & 1023) === 0 && s.due()) await s.pause(); … }`. */
export function timeSlicer(sliceMs = SLICE_MS): TimeSlicer {
  let start = clock();
  return {
    due: () => clock() - start >= sliceMs,
    pause: async () => {
      await yieldToHost();
      start = clock();
    },
  };
}

/** Rows a sliced loop handles between two looks at the clock (a few milliseconds of per-row work). */
export const SLICE_ROWS = 8_192;

/**
 * Runs `body(from, to)` over rows 0…n in blocks of SLICE_ROWS, yielding to the host between blocks
 * whenever the slice is used up: how the column functions keep every stretch short.
 * Example: `await inBlocks(n, timeSlicer(), (from, to) => { for (let i = from; i < to; i++) out[i] = f(i); })`.
 */
export async function inBlocks(n: number, slicer: TimeSlicer, body: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < n; from += SLICE_ROWS) {
    if (slicer.due()) await slicer.pause();
    body(from, Math.min(n, from + SLICE_ROWS));
  }
}

/** Rows between two looks at the clock for the order-log passes that take a `pause` option. */
export const LOG_BLOCK_ROWS = 32_768;

/** A `pause` for the cores that take one: yields only when `slicer`'s slice is used up. */
export function pauseWhenDue(slicer: TimeSlicer): () => Promise<void> {
  return () => (slicer.due() ? slicer.pause() : Promise.resolve());
}
