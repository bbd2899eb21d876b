import { retentionRate } from "../../src/analytics/metrics/retentionRate";
import { Benchmark, fmt, time } from "./harness";

// A trivial O(1) formula; measured only to show the harness and the per-call cost.
export const retentionBenches: Benchmark[] = [
  {
    name: "RETENTION",
    run: async () => {
      const n = 1_000_000;
      const { seconds } = await time(() => {
        let sum = 0;
        for (let i = 0; i < n; i++) {
          const r = retentionRate({ customersStart: 1000 + (i % 7), customersEnd: 800, newCustomers: 200 });
          if (typeof r === "number") sum += r;
        }
        return sum;
      });
      return [{ name: `RETENTION, ${fmt(n)} periods`, seconds }];
    },
  },
];
