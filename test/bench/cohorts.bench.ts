import { cohortTable } from "../../src/analytics/cohortTable";
import { serialFromYmd } from "../../src/analytics/dates";
import { retentionByPeriod } from "../../src/analytics/retentionByPeriod";
import { sbgFit } from "../../src/analytics/sbgFit";
import { sbgSurvivalCurve } from "../../src/analytics/sbgProjection";
import { Benchmark, fmt, seededRandom, time } from "./harness";

const CUSTOMERS = 1_048_576;
const ORDERS = 5_200_000;
const DAYS = 3 * 365;

let log: { ids: string[]; dates: Float64Array } | undefined;

/**
 * 5.2M orders of 1,048,576 customers over 3 years (2022–2024): every customer has a first
 * order on a uniform day, the other 4.15M orders fall on uniform days from a random
 * customer's first order to the end. Each id is its own string, as cells read from a sheet.
 */
function orderLog(): { ids: string[]; dates: Float64Array } {
  if (log) return log;
  const random = seededRandom(6);
  const start = serialFromYmd(2022, 1, 1);
  const first = new Float64Array(CUSTOMERS);
  const ids = new Array<string>(ORDERS);
  const dates = new Float64Array(ORDERS);
  for (let i = 0; i < ORDERS; i++) {
    let c: number;
    if (i < CUSTOMERS) {
      c = i;
      first[c] = start + Math.floor(random() * DAYS);
      dates[i] = first[c];
    } else {
      c = Math.floor(random() * CUSTOMERS);
      dates[i] = first[c] + Math.floor(random() * (start + DAYS - first[c]));
    }
    ids[i] = `C${c + 100000}`;
  }
  // Shuffle so that rows are not grouped by customer.
  for (let i = ORDERS - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const id = ids[i];
    ids[i] = ids[j];
    ids[j] = id;
    const d = dates[i];
    dates[i] = dates[j];
    dates[j] = d;
  }
  log = { ids, dates };
  return log;
}

export const cohortsBenches: Benchmark[] = [
  {
    name: "COHORTS",
    run: async () => {
      const { ids, dates } = orderLog();
      const rows = [];
      for (const period of ["month", "week"] as const) {
        const { seconds, result } = await time(() => cohortTable(ids, dates, { period }), 2);
        rows.push({
          name: `COHORTS (${period}), ${fmt(ORDERS)} orders, ${fmt(CUSTOMERS)} customers, 3 years`,
          seconds,
          note: `${result.cohortStart.length} cohorts × ${result.columns} ${period}s; target ≤ 3 s`,
        });
      }
      return rows;
    },
  },
  {
    name: "RETENTIONBYPERIOD",
    run: async () => {
      const { ids, dates } = orderLog();
      const rows = [];
      for (const period of ["month", "week"] as const) {
        const { seconds, result } = await time(() => retentionByPeriod(ids, dates, { period }), 2);
        rows.push({
          name: `RETENTIONBYPERIOD (${period}, 365 active days), ${fmt(ORDERS)} orders, ${fmt(CUSTOMERS)} customers, 3 years`,
          seconds,
          note: `${result.periodStart.length} periods; target ≤ 3 s`,
        });
      }
      return rows;
    },
  },
  {
    name: "SBGFIT",
    run: async () => {
      // Fader & Hardie (2007) regular segment, years 0–7.
      const survivors = Float64Array.from([1000, 631, 468, 382, 326, 289, 262, 241]);
      const { seconds, result } = await time(() => sbgFit(survivors), 5);
      const curve = await time(() => sbgSurvivalCurve(result.alpha, result.beta, 1_000_000), 5);
      return [
        { name: "SBGFIT, 8 survivor counts", seconds, note: `${result.iterations} Newton steps` },
        { name: "SBGSURVIVAL, t = 0 … 1,000,000", seconds: curve.seconds },
      ];
    },
  },
];
