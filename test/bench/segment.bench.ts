import { Attitude, attitudeFromRecommend, segmentCustomers } from "../../src/analytics/segments/loyaltySegment";
import { CellError } from "../../src/analytics/errors";
import { median } from "../../src/analytics/numeric/median";
import { Benchmark, fmt, seededRandom, sortBaseline, time } from "./harness";

/**
 * SEGMENT's rule engine for 10k, 100k and 1,048,576 customers (Excel's row limit): 0–10
 * recommend scores read into attitudes, then segmentCustomers with the median cutoff
 * (quickselect) and a price-driven share per customer. Beside it the time of a Float64Array
 * sort of the same n in the same run; target SEGMENT ≤ 2× the sort.
 */
function customers(n: number) {
  const random = seededRandom(2026 + n);
  const scores = new Float64Array(n);
  const behaviour = new Float64Array(n);
  const priceShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    scores[i] = Math.floor(random() * 11);
    // Orders per year: a skewed, continuous measure with some ties, ~2% missing.
    behaviour[i] = random() < 0.02 ? NaN : Math.round(-Math.log(1 - random()) * 40) / 10;
    priceShare[i] = random();
  }
  return { scores, behaviour, priceShare };
}

function segmentAll(data: ReturnType<typeof customers>) {
  const n = data.scores.length;
  const attitudes = new Array<Attitude | CellError | null>(n);
  const priceDriven = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    attitudes[i] = attitudeFromRecommend(data.scores[i]);
    priceDriven[i] = data.priceShare[i] >= 0.5;
  }
  return segmentCustomers({ attitudes, behaviour: data.behaviour, priceDriven });
}

export const segmentBenches: Benchmark[] = [
  {
    name: "SEGMENT",
    run: async () => {
      const rows = [];
      for (const n of [10_000, 100_000, 1_048_576]) {
        const data = customers(n);
        // Small inputs take a few milliseconds, so V8 needs more runs to compile them fully and the best of
        // a handful would measure the interpreter; repeat them more (50 runs at 10k, 5 from 100k on).
        const repeat = Math.max(5, Math.round(500_000 / n));
        const sort = await sortBaseline(data.behaviour);
        const { seconds } = await time(() => segmentAll(data), repeat);
        rows.push({
          name: `SEGMENT, ${fmt(n)} customers`,
          seconds,
          note: `sort ${(sort * 1000).toFixed(1)} ms; SEGMENT ${(seconds * 1000).toFixed(1)} ms = ${(seconds / sort).toFixed(2)}× sort (target ≤ 2×)`,
        });
        const medianTime = await time(() => median(data.behaviour), repeat);
        rows.push({
          name: `median (quickselect), ${fmt(n)} values`,
          seconds: medianTime.seconds,
          note: `${(medianTime.seconds * 1000).toFixed(1)} ms = ${(medianTime.seconds / sort).toFixed(2)}× sort (part of SEGMENT)`,
        });
      }
      return rows;
    },
  },
];
