import { serialFromYmd } from "../../../src/analytics/orders/dates";
import { RetentionByPeriod, RetentionOptions, retentionByPeriod as fastPath } from "../../../src/analytics/retention/retentionByPeriod";

const d = serialFromYmd;

/**
 * Both ways of computing the table: per-customer bitsets of active boundaries (the default
 * for short spans) and grouping the orders by customer (the general path). They must agree
 * exactly, on the result and on errors.
 */
async function retentionByPeriod(ids: (string | null)[], dates: Float64Array, options: RetentionOptions = {}) {
  const [fast, grouped] = await Promise.allSettled([fastPath(ids, dates, options), fastPath(ids, dates, { ...options, grouped: true })]);
  expect(fast).toEqual(grouped);
  if (fast.status === "rejected") throw fast.reason;
  return fast.value;
}

/** The table as rows: start, CS, new, reactivated, CE, retained, retention, lost. */
function table(t: RetentionByPeriod): number[][] {
  return Array.from(t.periodStart, (start, i) => [
    start,
    t.customersStart[i],
    t.newCustomers[i],
    t.reactivated[i],
    t.customersEnd[i],
    t.retained[i],
    t.retention[i],
    t.lost[i],
  ]);
}

function log(orders: [string, number][]): [string[], Float64Array] {
  return [orders.map(([id]) => id), Float64Array.from(orders.map(([, date]) => date))];
}

describe("retentionByPeriod (bitsets and grouped paths alike)", () => {
  it("works out the monthly table of a hand-built log with active_days 31", async () => {
    /*
     * An order on day d makes a customer active on days d … d + 30.
     *   A: Jan 10 (active to Feb 9), Feb 20 (to Mar 21), Apr 5     B: Jan 20 (to Feb 19)
     *   C: Feb 5 (to Mar 6), Mar 25 (to Apr 24)                     D: Mar 31 (to Apr 30)
     *   E: Jan 31 (to Mar 1), Apr 30
     * Active on Dec 31: nobody; Jan 31: A B E; Feb 29: A C E; Mar 31: C D; Apr 30 (as_of): A D E.
     * New: January A B E; February C; March D.
     */
    const [ids, dates] = log([
      ["A", d(2024, 1, 10)], ["B", d(2024, 1, 20)], ["E", d(2024, 1, 31)], ["C", d(2024, 2, 5)], ["A", d(2024, 2, 20)],
      ["C", d(2024, 3, 25)], ["D", d(2024, 3, 31)], ["A", d(2024, 4, 5)], ["E", d(2024, 4, 30)],
    ]);
    const t = await retentionByPeriod(ids, dates, { activeDays: 31 });
    expect(table(t)).toEqual([
      // January: CS 0, new 3, CE 3, retention empty (CS 0).
      [d(2024, 1, 1), 0, 3, 0, 3, 0, NaN, 0],
      // February: kept A, E of A B E; C new; 3 − 2 − 1 = 0 reactivated; 2/3; B lost.
      [d(2024, 2, 1), 3, 1, 0, 3, 2, 2 / 3, 1],
      // March: of A C E only C is active on Mar 31; D new; 1/3; A and E lost.
      [d(2024, 3, 1), 3, 1, 0, 2, 1, 1 / 3, 2],
      // April: of C D only D is kept; A and E come back (reactivated 3 − 1 − 0 = 2); 1/2; C lost.
      [d(2024, 4, 1), 2, 0, 2, 3, 1, 1 / 2, 1],
    ]);
  });

  it("uses as_of for the current quarter and the default 365 active days", async () => {
    /*
     * as_of 2024-05-10; V's order of 2024-06-01 comes after it and is left out.
     * An order on day d makes a customer active on days d … d + 364.
     *   W: 2023-01-05 (to 2024-01-04), 2024-04-20     X: 2023-02-01 (to 2024-01-31), 2024-01-15 (to 2025-01-13)
     *   Y: 2023-03-10 (to 2024-03-08, 2024 is a leap year)     Z: 2023-12-20 (to 2024-12-18), 2024-05-01
     * Boundaries: 2022-12-31 nobody; 2023-03-31, 06-30, 09-30: W X Y; 2023-12-31: W X Y Z;
     * 2024-03-31: X Z; 2024-05-10 (as_of): W X Z.
     */
    const [ids, dates] = log([
      ["W", d(2023, 1, 5)], ["X", d(2023, 2, 1)], ["Y", d(2023, 3, 10)], ["Z", d(2023, 12, 20)],
      ["X", d(2024, 1, 15)], ["W", d(2024, 4, 20)], ["Z", d(2024, 5, 1)], ["V", d(2024, 6, 1)],
    ]);
    const t = await retentionByPeriod(ids, dates, { period: "quarter", asOf: d(2024, 5, 10) });
    expect(t.activeDays).toBe(365);
    expect(table(t)).toEqual([
      [d(2023, 1, 1), 0, 3, 0, 3, 0, NaN, 0], // W X Y new
      [d(2023, 4, 1), 3, 0, 0, 3, 3, 1, 0],
      [d(2023, 7, 1), 3, 0, 0, 3, 3, 1, 0],
      [d(2023, 10, 1), 3, 1, 0, 4, 3, 1, 0], // Z new
      [d(2024, 1, 1), 4, 0, 0, 2, 2, 0.5, 2], // Y and W lapse
      [d(2024, 4, 1), 2, 0, 1, 3, 2, 1, 0], // current quarter, CE on May 10: W reactivated
    ]);
  });

  it("keeps a customer at exactly active_days = the week's 7 days, ISO weeks from Monday", async () => {
    // P: Mon Jan 1 (active to Sun Jan 7), Mon Jan 8 (to Jan 14). Q: Sun Jan 7 (active to Sat Jan 13).
    // Boundaries: Sun Dec 31 nobody; Sun Jan 7: P Q; Sun Jan 14 (as_of): P.
    const [ids, dates] = log([["P", d(2024, 1, 1)], ["Q", d(2024, 1, 7)], ["P", d(2024, 1, 8)]]);
    const t = await retentionByPeriod(ids, dates, { period: "week", activeDays: 7, asOf: d(2024, 1, 14) });
    expect(table(t)).toEqual([
      [d(2024, 1, 1), 0, 2, 0, 2, 0, NaN, 0],
      [d(2024, 1, 8), 2, 0, 0, 1, 1, 0.5, 1],
    ]);
  });

  it("counts the same customers whatever the order of the rows and the block size", async () => {
    const [ids, dates] = log([
      ["A", d(2024, 4, 5)], ["E", d(2024, 4, 30)], ["A", d(2024, 1, 10)], ["C", d(2024, 3, 25)], ["B", d(2024, 1, 20)],
      ["D", d(2024, 3, 31)], ["E", d(2024, 1, 31)], ["C", d(2024, 2, 5)], ["A", d(2024, 2, 20)],
    ]);
    const t = await retentionByPeriod(ids, dates, { activeDays: 31, blockRows: 2 });
    expect(Array.from(t.retained)).toEqual([0, 2, 1, 1]); // as in the first test
    expect(Array.from(t.reactivated)).toEqual([0, 0, 0, 2]);
  });

  it("agrees with the rules applied customer by customer on a random log", async () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const ids: string[] = [];
    const dates: number[] = [];
    for (let i = 0; i < 3000; i++) {
      ids.push(`c${Math.floor(rand() * 400)}`);
      dates.push(d(2022, 1, 1) + Math.floor(rand() * 800));
    }
    const t = await retentionByPeriod(ids, Float64Array.from(dates), { activeDays: 90 });
    for (let i = 0; i < t.periodStart.length; i++) {
      expect(t.customersEnd[i]).toBe(t.retained[i] + t.newCustomers[i] + t.reactivated[i]);
      expect(t.lost[i]).toBe(t.customersStart[i] - t.retained[i]);
      expect(t.reactivated[i]).toBeGreaterThanOrEqual(0);
      if (i > 0) expect(t.customersStart[i]).toBe(t.customersEnd[i - 1]); // the day before a period starts ends the previous one
    }
    // Brute force straight from the rules: active on D = an order in (D − 90, D].
    const activeOn = (day: number) => new Set(ids.filter((_, i) => dates[i] > day - 90 && dates[i] <= day));
    const firstOrder = new Map<string, number>();
    ids.forEach((id, i) => firstOrder.set(id, Math.min(firstOrder.get(id) ?? Infinity, dates[i])));
    for (let i = 0; i < t.periodStart.length; i++) {
      const start = t.periodStart[i];
      const last = i + 1 < t.periodStart.length ? t.periodStart[i + 1] - 1 : t.asOf;
      const atStart = activeOn(start - 1);
      const atEnd = activeOn(last);
      const isNew = (id: string) => firstOrder.get(id)! >= start && firstOrder.get(id)! <= last;
      expect(t.customersStart[i]).toBe(atStart.size);
      expect(t.customersEnd[i]).toBe(atEnd.size);
      expect(t.retained[i]).toBe([...atStart].filter((id) => atEnd.has(id)).length);
      expect(t.newCustomers[i]).toBe([...firstOrder.keys()].filter(isNew).length);
      expect(t.reactivated[i]).toBe([...atEnd].filter((id) => !atStart.has(id) && !isNew(id)).length);
    }
  });

  it("fails when active_days is shorter than a period in the table", async () => {
    const [ids, dates] = log([["A", d(2024, 1, 10)], ["A", d(2024, 2, 10)]]);
    await expect(retentionByPeriod(ids, dates, { activeDays: 30 })).rejects.toMatchObject({
      code: "#VALUE!",
      message:
        "active_days (30) is shorter than the month starting 2024-01-01 (31 days); give at least 31 so that a new customer is still active at the end of their first month",
    });
    // The default 365 is shorter than the leap year 2024 (366 days).
    await expect(retentionByPeriod(ids, dates, { period: "year" })).rejects.toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("active_days (365) is shorter than the year starting 2024-01-01 (366 days); give at least 366"),
    });
    await expect(retentionByPeriod(ids, dates, { activeDays: 45.5 })).rejects.toMatchObject({ code: "#VALUE!" });
  });

  it("answers an empty log with #N/A", async () => {
    await expect(retentionByPeriod([], new Float64Array(0))).rejects.toMatchObject({ code: "#N/A", message: "order_dates: no orders, so there are no periods" });
  });

  it("agrees between the two paths across word boundaries and beyond the bitsets' 511 periods", async () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const ids: string[] = [];
    const days: number[] = [];
    for (let i = 0; i < 3000; i++) {
      ids.push(`c${Math.floor(rand() * 300)}`);
      days.push(d(2010, 1, 1) + Math.floor(rand() * 5000));
    }
    // Weeks over ~13.7 years (715 periods) take the grouped path; months (165) and 40-day activity
    // windows cross many 32-bit word boundaries on the bitset path.
    const weeks = await retentionByPeriod(ids, Float64Array.from(days), { period: "week", activeDays: 60 });
    expect(weeks.periodStart.length).toBeGreaterThan(511);
    const months = await retentionByPeriod(ids, Float64Array.from(days), { period: "month", activeDays: 40 });
    for (let i = 0; i < months.periodStart.length; i++) {
      expect(months.customersEnd[i]).toBe(months.retained[i] + months.newCustomers[i] + months.reactivated[i]);
    }
    expect(months.newCustomers.reduce((a, b) => a + b, 0)).toBe(new Set(ids).size);
  });
});
