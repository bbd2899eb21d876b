import { CohortOptions, cohortTable as fastPath, cohortTableHeader } from "../../../src/analytics/retention/cohortTable";
import { serialFromYmd } from "../../../src/analytics/orders/dates";

const d = (m: number, day: number, y = 2024) => serialFromYmd(y, m, day);
const rows = (shares: Float64Array[], r: number) => shares.map((col) => col[r]);

/**
 * Both ways of computing the table: per-customer period bitsets (the default for short
 * spans) and grouping the orders by customer (the general path). They must agree exactly,
 * on the result and on errors.
 */
async function cohortTable(ids: (string | null)[], dates: Float64Array, options: CohortOptions = {}) {
  const [fast, grouped] = await Promise.allSettled([fastPath(ids, dates, options), fastPath(ids, dates, { ...options, grouped: true })]);
  expect(fast).toEqual(grouped);
  if (fast.status === "rejected") throw fast.reason;
  return fast.value;
}

/*
 * Hand-built log, months of 2024 (as_of defaults to the latest order, 2024-04-30, so April has ended):
 *   A: Jan 5, Jan 20, Mar 3      B: Jan 10      C: Jan 31, Feb 1, Apr 30
 *   D: Feb 14, Mar 14            E: Feb 28, Apr 2
 *   F: Mar 10, Mar 11            G: Apr 15
 * Cohorts: January {A, B, C}, February {D, E}, March {F}, April {G}.
 */
const log: [string, number][] = [
  ["A", d(1, 5)], ["B", d(1, 10)], ["A", d(1, 20)], ["C", d(1, 31)], ["C", d(2, 1)], ["D", d(2, 14)],
  ["E", d(2, 28)], ["A", d(3, 3)], ["F", d(3, 10)], ["F", d(3, 11)], ["D", d(3, 14)], ["E", d(4, 2)],
  ["G", d(4, 15)], ["C", d(4, 30)],
];
const ids = log.map(([id]) => id);
const dates = Float64Array.from(log.map(([, date]) => date));

describe("cohortTable (bitsets and grouped paths alike)", () => {
  it("builds the monthly triangle of the hand-built log", async () => {
    const t = await cohortTable(ids, dates);
    expect(Array.from(t.cohortStart)).toEqual([d(1, 1), d(2, 1), d(3, 1), d(4, 1)]);
    expect(Array.from(t.cohortSize)).toEqual([3, 2, 1, 1]);
    expect(t.columns).toBe(4); // months 0–3: January to April, all ended by April 30
    // January (3): Feb C → 1/3; Mar A → 1/3; Apr C → 1/3.
    expect(rows(t.shares, 0)).toEqual([1, 1 / 3, 1 / 3, 1 / 3]);
    expect(rows(t.active, 0)).toEqual([3, 1, 1, 1]);
    // February (2): Mar D → 1/2; Apr E → 1/2; May has not ended (NaN, shown as an empty cell).
    expect(rows(t.shares, 1)).toEqual([1, 0.5, 0.5, NaN]);
    // March (1): April nobody → 0 (a real zero: April has ended).
    expect(rows(t.shares, 2)).toEqual([1, 0, NaN, NaN]);
    // April (1): only its own period.
    expect(rows(t.shares, 3)).toEqual([1, NaN, NaN, NaN]);
    expect(cohortTableHeader(t)).toEqual(["Cohort start", "Customers", "Month 0", "Month 1", "Month 2", "Month 3"]);
  });

  it("leaves out orders after as_of and shows only periods that have ended", async () => {
    // as_of April 29: C's April 30 order is left out; April has not ended, so columns are months 0–2.
    const t = await cohortTable(ids, dates, { asOf: d(4, 29) });
    expect(t.columns).toBe(3);
    expect(rows(t.shares, 0)).toEqual([1, 1 / 3, 1 / 3]); // Feb C, Mar A
    expect(rows(t.shares, 1)).toEqual([1, 0.5, NaN]); // Mar D; April not ended
    expect(rows(t.shares, 2)).toEqual([1, NaN, NaN]);
    // April's own cohort (G) is shown although April has not ended.
    expect(rows(t.shares, 3)).toEqual([1, NaN, NaN]);
    expect(t.cohortSize[3]).toBe(1);
  });

  it("groups by quarter: Q1 cohort of six, one of whom comes back in Q2", async () => {
    // Q1 cohort: A–F (6); Q2 cohort: G (1).
    const t = await cohortTable(ids, dates, { period: "quarter", asOf: d(6, 30) });
    // With as_of June 30 Q2 has ended: of A–F, C (Apr 30) and E (Apr 2) ordered in Q2 → 2/6.
    expect(Array.from(t.cohortSize)).toEqual([6, 1]);
    expect(rows(t.shares, 0)).toEqual([1, 2 / 6]);
    expect(rows(t.shares, 1)).toEqual([1, NaN]);
    expect(cohortTableHeader(t)).toEqual(["Cohort start", "Customers", "Quarter 0", "Quarter 1"]);
  });

  it("uses ISO weeks starting on Monday", async () => {
    // Monday 2024-01-01 … Sunday 01-07 is week 0; Monday 01-08 starts week 1.
    // P: Sun 01-07 (week 0) and Mon 01-08 (week 1); Q: Mon 01-01 (week 0) and Mon 01-15 (week 2).
    const t = await cohortTable(["P", "Q", "P", "Q"], Float64Array.from([d(1, 7), d(1, 1), d(1, 8), d(1, 15)]), {
      period: "week",
      asOf: d(1, 21),
    });
    // as_of = Sunday 01-21, the last day of week 2, so weeks 0–2 have ended: week 1 P → 1/2, week 2 Q → 1/2.
    expect(Array.from(t.cohortStart)).toEqual([d(1, 1)]);
    expect(rows(t.shares, 0)).toEqual([1, 1 / 2, 1 / 2]);
    expect(cohortTableHeader(t)[2]).toBe("Week 0");
  });

  it("has no row for a period without new customers, and a share can rise again", async () => {
    // A: Jan, Mar, Apr; B: Jan, Apr; C: Mar. No one first ordered in February.
    const t = await cohortTable(
      ["A", "B", "A", "C", "A", "B"],
      Float64Array.from([d(1, 2), d(1, 3), d(3, 1), d(3, 2), d(4, 1), d(4, 30)]),
    );
    expect(Array.from(t.cohortStart)).toEqual([d(1, 1), d(3, 1)]);
    // January (A, B): Feb 0, Mar 1/2 (A), Apr 2/2 — it rises again, so it is not a survival curve.
    expect(rows(t.shares, 0)).toEqual([1, 0, 0.5, 1]);
    expect(rows(t.shares, 1)).toEqual([1, 0, NaN, NaN]);
  });

  it("counts a customer once per period however many orders they place in it", async () => {
    // A orders three times in February: February's share is 1/1, not 3.
    const t = await cohortTable(["A", "A", "A", "A"], Float64Array.from([d(1, 9), d(2, 1), d(2, 2), d(2, 29)]));
    expect(rows(t.active, 0)).toEqual([1, 1]);
    expect(rows(t.shares, 0)).toEqual([1, 1]);
  });

  it("answers a log without repeat orders with #N/A and a message, not an empty triangle", async () => {
    // A orders twice, but both in January; B once in February.
    await expect(cohortTable(["A", "A", "B"], Float64Array.from([d(1, 5), d(1, 20), d(2, 1)]))).rejects.toMatchObject({
      code: "#N/A",
      message:
        "order_dates: no customer ordered again in a month after the month of their first order (2 customers up to 2024-02-01), so there is no cohort retention to show",
    });
  });

  it("answers an empty log, or one entirely after as_of, with #N/A", async () => {
    await expect(cohortTable([], new Float64Array(0))).rejects.toMatchObject({ code: "#N/A", message: "order_dates: no orders, so there are no cohorts" });
    await expect(cohortTable(["A"], Float64Array.from([d(5, 1)]), { asOf: d(4, 1) })).rejects.toMatchObject({
      code: "#N/A",
      message: "order_dates: no orders on or before as_of_date (2024-04-01), so there are no cohorts",
    });
  });

  it("agrees between the two paths on a random log, by week and by month", async () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const ids: string[] = [];
    const days: number[] = [];
    for (let i = 0; i < 4000; i++) {
      ids.push(`c${Math.floor(rand() * 500)}`);
      days.push(d(1, 1, 2022) + Math.floor(rand() * 900));
    }
    for (const period of ["week", "month", "quarter"] as const) {
      const t = await cohortTable(ids, Float64Array.from(days), { period, asOf: d(6, 15, 2024) });
      expect(t.cohortSize.reduce((a, b) => a + b, 0)).toBe(new Set(ids).size);
    }
  });

  it("uses the bitsets beyond 32 periods and the grouped path beyond 512", async () => {
    // 100 weeks (4 words per customer) and 700 weeks (too many for the bitsets): both paths still agree.
    for (const weeks of [100, 700]) {
      const t = await cohortTable(["A", "A", "B", "B"], Float64Array.from([d(1, 1), d(1, 1) + 7 * (weeks - 1), d(1, 8), d(1, 8) + 7 * 40]), {
        period: "week",
        asOf: d(1, 1) + 7 * weeks - 1, // the Sunday ending week weeks − 1
      });
      expect(t.columns).toBe(weeks);
      expect(t.active[weeks - 1][0]).toBe(1); // A came back in week weeks − 1
      expect(t.active[40][1]).toBe(1); // B came back 40 weeks after its first
    }
  });
});
