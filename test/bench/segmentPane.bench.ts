import { EMPTY_MAPPING } from "../../src/taskpane/model/mapping";
import { sheetPlan } from "../../src/taskpane/model/plans";
import { runSegmentation } from "../../src/taskpane/model/segmentRun";
import { en } from "../../src/taskpane/strings/en";
import { Benchmark, fmt, seededRandom, time } from "./harness";

/**
 * The Segment pane's own work on a 100,000-row customer table (values as the Excel API returns
 * them: numbers, text ids), excluding Excel's transfer time: parsing, R+F+M behaviour, the rule
 * engine, the summary, and building the rows written to the Segments sheet. Target: no single
 * synchronous step over ~200 ms, so the pane stays responsive. The longest step is measured as the
 * longest gap between ticks of a setTimeout(0) chain running beside the computation.
 */
function table(n: number): unknown[][] {
  const random = seededRandom(7 + n);
  const rows: unknown[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    rows[i] = [
      `C${100000 + i}`,
      random() < 0.01 ? "" : Math.floor(random() * 11),
      45000 + Math.floor(random() * 700),
      1 + Math.floor(-Math.log(1 - random()) * 4),
      Math.round(random() * 200000) / 100,
      Math.round(random() * 5000) / 100,
      random(),
    ];
  }
  return rows;
}

const mapping = {
  ...EMPTY_MAPPING,
  recencyKind: "date" as const,
  columns: { ...EMPTY_MAPPING.columns, id: 0, attitude: 1, recency: 2, frequency: 3, monetary: 4, cost: 5, priceDriven: 6 },
};

async function longestStep(work: () => Promise<unknown>): Promise<{ seconds: number; longest: number }> {
  let done = false;
  let last = process.hrtime.bigint();
  let longest = 0;
  const tick = (): void => {
    const now = process.hrtime.bigint();
    longest = Math.max(longest, Number(now - last) / 1e9);
    last = now;
    if (!done) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const start = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  done = true;
  return { seconds, longest };
}

export const segmentPaneBenches: Benchmark[] = [
  {
    name: "Segment pane",
    run: async () => {
      const n = 100_000;
      const rows = table(n);
      const run = () => runSegmentation({ rows, firstSheetRow: 2, mapping, mode: "groups", measure: "rfmSum", cutoff: { kind: "median" } });
      await run(); // warm-up
      const measured = await longestStep(run);
      const result = await run();
      const plan = await time(() => sheetPlan(result, "recommend", en));
      return [
        { name: `Pane segmentation, n = ${fmt(n)}`, seconds: measured.seconds, note: `longest synchronous step ${(measured.longest * 1000).toFixed(0)} ms (target ≤ 200 ms)` },
        { name: `Pane Segments-sheet rows, n = ${fmt(n)}`, seconds: plan.seconds, note: "one synchronous step (target ≤ 200 ms)" },
      ];
    },
  },
];
