import { cohortTable } from "../../src/analytics/retention/cohortTable";
import { serialFromYmd } from "../../src/analytics/orders/dates";
import { retentionByPeriod } from "../../src/analytics/retention/retentionByPeriod";
import { sbgFit } from "../../src/analytics/retention/sbgFit";
import { sbgSurvivalCurve } from "../../src/analytics/retention/sbgProjection";
import { Benchmark, fmt, seededRandom, time } from "./harness";

const CUSTOMERS = 1_048_576;
const ORDERS = 5_200_000;
const DAYS = 3 * 365;

type OrderLog = { readonly ids: string[]; readonly dates: Float64Array; readonly label: string };

const logs = new Map<string, OrderLog>();

/**
 * 5.2M orders of 1,048,576 customers over 3 years (2022–2024). Every customer has a first
 * order on a uniform day; the other 4.15M orders fall on uniform days between a customer's
 * first order and the end. Each id is its own string object, as cells read from a sheet.
 * - "typical": repeat orders are skewed (customer index ⌊n·u²⌋: a few customers buy often)
 *   and rows are sorted by date, as exported order logs usually are;
 * - "worst case": repeat orders spread uniformly over customers and rows shuffled, so
 *   consecutive rows share nothing and every Map lookup misses the cache.
 */
function orderLog(kind: "typical" | "worst case"): OrderLog {
  const cached = logs.get(kind);
  if (cached) return cached;
  const random = seededRandom(kind === "typical" ? 6 : 7);
  const start = serialFromYmd(2022, 1, 1);
  const first = new Float64Array(CUSTOMERS);
  const customer = new Int32Array(ORDERS);
  const day = new Int32Array(ORDERS);
  for (let i = 0; i < ORDERS; i++) {
    let c: number;
    if (i < CUSTOMERS) {
      c = i;
      first[c] = Math.floor(random() * DAYS);
      day[i] = first[c];
    } else {
      const u = random();
      c = Math.floor(CUSTOMERS * (kind === "typical" ? u * u : u));
      day[i] = first[c] + Math.floor(random() * (DAYS - first[c]));
    }
    customer[i] = c;
  }
  // Row order: by date (a stable counting sort by day), or a random shuffle.
  const order = new Int32Array(ORDERS);
  if (kind === "typical") {
    const at = new Int32Array(DAYS + 1);
    for (let i = 0; i < ORDERS; i++) at[day[i] + 1]++;
    for (let d = 0; d < DAYS; d++) at[d + 1] += at[d];
    for (let i = 0; i < ORDERS; i++) order[at[day[i]]++] = i;
  } else {
    for (let i = 0; i < ORDERS; i++) order[i] = i;
    for (let i = ORDERS - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const o = order[i];
      order[i] = order[j];
      order[j] = o;
    }
  }
  const ids = new Array<string>(ORDERS);
  const dates = new Float64Array(ORDERS);
  for (let row = 0; row < ORDERS; row++) {
    const i = order[row];
    ids[row] = `C${customer[i] + 100000}`;
    dates[row] = start + day[i];
  }
  const log = { ids, dates, label: kind === "typical" ? "date-sorted rows, skewed repeat buying" : "shuffled rows, uniform repeat buying" };
  logs.set(kind, log);
  return log;
}

const SIZE = `${fmt(ORDERS)} orders, ${fmt(CUSTOMERS)} customers, 3 years`;

export const cohortsBenches: Benchmark[] = [
  {
    name: "COHORTS",
    run: async () => {
      const rows = [];
      for (const kind of ["typical", "worst case"] as const) {
        const { ids, dates, label } = orderLog(kind);
        for (const period of ["month", "week"] as const) {
          const { seconds, result } = await time(() => cohortTable(ids, dates, { period }), 2);
          rows.push({
            name: `COHORTS (${period}), ${SIZE}, ${label}`,
            seconds,
            note: `${result.cohortStart.length} cohorts × ${result.columns} ${period}s; target ≤ 3 s`,
          });
        }
      }
      return rows;
    },
  },
  {
    name: "RETENTIONBYPERIOD",
    run: async () => {
      const rows = [];
      for (const kind of ["typical", "worst case"] as const) {
        const { ids, dates, label } = orderLog(kind);
        for (const period of ["month", "week"] as const) {
          const { seconds, result } = await time(() => retentionByPeriod(ids, dates, { period }), 2);
          rows.push({
            name: `RETENTIONBYPERIOD (${period}, 365 active days), ${SIZE}, ${label}`,
            seconds,
            note: `${result.periodStart.length} periods; target ≤ 3 s`,
          });
        }
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
