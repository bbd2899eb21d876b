import { pointsEarned } from "../../src/analytics/programme/pointsEarned";
import { pointsBalances } from "../../src/analytics/programme/pointsBalance";
import { Benchmark, fmt, seededRandom, time } from "./harness";

const ROWS = 1_000_000;
const CUSTOMERS = 200_000;

export const programmeBenches: Benchmark[] = [
  {
    name: "POINTSEARNED",
    run: async () => {
      const random = seededRandom(17);
      const amounts = Float64Array.from({ length: ROWS }, () => Math.round(random() * 100000) / 100);
      const out = new Float64Array(ROWS);
      const { seconds } = await time(() => {
        for (let i = 0; i < ROWS; i++) out[i] = pointsEarned(amounts[i], 100) as number;
      });
      return [{ name: `POINTSEARNED core, ${fmt(ROWS)} cent amounts at 100 per unit`, seconds }];
    },
  },
  {
    name: "POINTSBALANCE",
    run: async () => {
      // A ledger of 1M rows of 200k customers over two years; one row in three redeems a little.
      const random = seededRandom(16);
      const ids: string[] = new Array(ROWS);
      const dates = new Float64Array(ROWS);
      const earned = new Float64Array(ROWS);
      const redeemed = new Float64Array(ROWS);
      for (let i = 0; i < ROWS; i++) {
        ids[i] = `C${String(Math.floor(random() * CUSTOMERS)).padStart(6, "0")}`;
        dates[i] = 45000 + Math.floor((i * 730) / ROWS);
        if (i % 3 === 2) redeemed[i] = Math.floor(random() * 5);
        else earned[i] = Math.floor(random() * 100);
      }
      const { seconds, result } = await time(() => pointsBalances({ ids, dates, earned, redeemed }, 12, 45730), 2);
      const errors = result.errors.filter(Boolean).length;
      return [
        {
          name: `POINTSBALANCE core, ${fmt(ROWS)} ledger rows, ${fmt(CUSTOMERS)} customers, 12-month expiry`,
          seconds,
          note: `all customers in one go; LOYALTY.POINTSBALANCE runs the same steps and yields every 40 ms (SLICE_MS); ${fmt(errors)} customers redeem above their balance (random data)`,
        },
      ];
    },
  },
];
