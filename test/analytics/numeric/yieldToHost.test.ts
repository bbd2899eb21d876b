import { SLICE_MS, SLICE_ROWS, inBlocks, timeSlicer, yieldToHost } from "../../../src/analytics/numeric/yieldToHost";

describe("yieldToHost", () => {
  afterEach(() => {
    jest.useRealTimers();
    delete (globalThis as { scheduler?: unknown }).scheduler;
  });

  it("yields through a message, not a timer, so it is not throttled when the pane is hidden", async () => {
    // With timers frozen (as a hidden WebView2 all but freezes them), a setTimeout-based yield never returns;
    // a MessageChannel message still arrives. Node has MessageChannel as a global, as browsers do.
    jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
    let done = false;
    const pending = yieldToHost().then(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(true);
    await pending;
  });

  it("lets other tasks run before it resumes", async () => {
    const order: string[] = [];
    const other = new Promise<void>((resolve) => setImmediate(() => (order.push("other task"), resolve())));
    const mine = (async () => {
      await yieldToHost();
      order.push("after yield");
    })();
    await Promise.all([other, mine]);
    expect(order).toContain("after yield");
    expect(order).toContain("other task");
  });

  it("uses scheduler.yield where the runtime has it", async () => {
    let calls = 0;
    (globalThis as { scheduler?: unknown }).scheduler = { yield: () => (calls++, Promise.resolve()) };
    await yieldToHost();
    expect(calls).toBe(1);
  });
});

describe("timeSlicer", () => {
  it("is due once its slice has run, and starts a new slice after a pause", async () => {
    const slicer = timeSlicer(20);
    expect(slicer.due()).toBe(false);
    const start = Date.now();
    while (Date.now() - start < 25) {
      // busy for longer than the slice
    }
    expect(slicer.due()).toBe(true);
    await slicer.pause();
    expect(slicer.due()).toBe(false);
    expect(SLICE_MS).toBeLessThan(200); // the add-in's own limit per stretch (issue 10)
  });
});

describe("inBlocks", () => {
  /** A slicer that is always due: every block but none is preceded by a pause. */
  const alwaysDue = () => {
    let pauses = 0;
    return { due: () => true, pause: async () => void pauses++, pauses: () => pauses };
  };

  it("covers every row once, in order, in blocks of SLICE_ROWS, pausing before each block when due", async () => {
    const slicer = alwaysDue();
    const seen: [number, number][] = [];
    await inBlocks(2 * SLICE_ROWS + 5, slicer, (from, to) => void seen.push([from, to]));
    expect(seen).toEqual([
      [0, SLICE_ROWS],
      [SLICE_ROWS, 2 * SLICE_ROWS],
      [2 * SLICE_ROWS, 2 * SLICE_ROWS + 5],
    ]);
    expect(slicer.pauses()).toBe(3);
  });

  it("never pauses while the slice lasts, and does nothing for no rows", async () => {
    let pauses = 0;
    const calls: number[] = [];
    await inBlocks(3 * SLICE_ROWS, { due: () => false, pause: async () => void pauses++ }, (from) => void calls.push(from));
    await inBlocks(0, { due: () => true, pause: async () => void pauses++ }, () => void calls.push(-1));
    expect(calls).toEqual([0, SLICE_ROWS, 2 * SLICE_ROWS]);
    expect(pauses).toBe(0);
  });
});
