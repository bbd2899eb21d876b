/**
 * What the file analyses must give, from the TypeScript core, for the tests that run them on the
 * real engine (fileJob.test.ts, parquetFile.test.ts, OpenFilePane.test.tsx).
 */
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import type { Orders } from "./germanOrders";

/** Equal within 1e-9 relative (exact for 0 and for whole counts). */
export function expectClose(got: unknown, want: number, what: string): void {
  if (typeof got !== "number" || !(Math.abs(got - want) <= 1e-9 * Math.max(Math.abs(want), 1e-300) || got === want)) throw new Error(`${what}: got ${String(got)}, expected ${want}`);
}

/**
 * BTYDSUMMARY's (x, t_x, T) per customer of `orders` (weeks, as of `asOf` or the latest order),
 * counted per distinct history and keyed "x|t_x|T": what the grouped summary must hold.
 */
export function coreBtydGroups(orders: Orders, asOf: number | null, wholeWeeks = false): Map<string, number> {
  const core = btydSummary(orders.ids, orders.serials, null, asOf, "week", wholeWeeks);
  const groups = new Map<string, number>();
  for (let c = 0; c < core.ids.length; c++) {
    if (Number.isNaN(core.x[c])) continue;
    const key = `${core.x[c]}|${core.tx[c]}|${core.T[c]}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return groups;
}

/** Rows [x, t_x, T, customers] are exactly `groups`: one row per history, each with its count, the same customers in all. */
export function expectGroupedRows(rows: readonly (readonly unknown[])[], groups: ReadonlyMap<string, number>): void {
  expect(rows).toHaveLength(groups.size);
  for (const [x, tx, T, customers] of rows) expect(groups.get(`${x}|${tx}|${T}`)).toBe(customers);
  expect(rows.reduce((n, r) => n + (r[3] as number), 0)).toBe([...groups.values()].reduce((a, b) => a + b, 0));
}
