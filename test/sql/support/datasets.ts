/**
 * The order logs the SQL tests run on both engines and on the TypeScript core:
 *   rfm      — test/fixtures/rfm_data_orders.csv (rsquaredacademy/rfm, 4,906 orders, 995 customers);
 *   cdnow    — test/fixtures/CDNOW_master.txt (the full CDNOW log: 69,659 orders, 23,570 customers);
 *   edge     — hand-made: ties at break points, same-day orders, orders after the as-of date,
 *              leap days, blank amounts, ids that differ only by surrounding spaces;
 *   single   — one customer;
 *   synthetic(seed) — a seeded random log with many ties (few distinct days and amounts).
 */
import * as fs from "fs";
import * as path from "path";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { seededRandom } from "../../bench/harness";
import { readRfmOrders } from "../../support/rfmOrders";
import { OrderRow } from "./engines";

export type Columns = { ids: (string | null)[]; dates: Float64Array; amounts: Float64Array };

/** The columns the core takes: trimmed ids (null for blank), date serials, NaN for a blank amount. */
export function columnsOf(rows: readonly OrderRow[]): Columns {
  return {
    ids: rows.map((r) => (r.id === null || r.id.trim() === "" ? null : r.id.trim())),
    dates: Float64Array.from(rows, (r) => (r.date === null ? NaN : serialFromIsoText(r.date) ?? NaN)),
    amounts: Float64Array.from(rows, (r) => (r.amount === null ? NaN : r.amount)),
  };
}

export function rfmRows(): OrderRow[] {
  const log = readRfmOrders();
  return log.ids.map((id, i) => ({ id, date: log.isoDates[i], amount: log.amounts[i] }));
}

/** CDNOW_master.txt: header, then customer id, YYYYMMDD, CDs, dollars (whitespace separated, CRLF). */
export function cdnowRows(): OrderRow[] {
  const lines = fs.readFileSync(path.join(__dirname, "../../fixtures/CDNOW_master.txt"), "utf8").split(/\r?\n/).slice(1);
  const rows: OrderRow[] = [];
  for (const line of lines) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    rows.push({ id: f[0], date: `${f[1].slice(0, 4)}-${f[1].slice(4, 6)}-${f[1].slice(6, 8)}`, amount: Number(f[3]) });
  }
  return rows;
}

const o = (id: string | null, date: string | null, amount: number | null): OrderRow => ({ id, date, amount });

/**
 * Hand-made edge cases, as-of 2024-03-31 (a Sunday, the last day of March and of Q1):
 * - A: two orders on the same day (one purchase in BTYD, two orders in RFM), then a leap day 2024-02-29;
 * - B: an order after the as-of date (left out) and one on it;
 * - C: a blank amount (orders_without_amount 1; an error for C in the cells);
 * - D1…D4: four customers with 7 orders each and E1…E4 with 3: ties at the frequency break points;
 * - "  F " and "F": one customer after TRIM;
 * - G: only orders after the as-of date (no row);
 * - H: orders on 2020-02-29 and 2023-02-28 (leap days across years), I: one order long ago;
 * - a row with a blank id and one with a blank date (left out by the SQL and the cells).
 */
export function edgeRows(): OrderRow[] {
  const rows: OrderRow[] = [
    o("A", "2024-01-10", 10), o("A", "2024-01-10", 15), o("A", "2024-02-29", 20),
    o("B", "2024-02-01", 5), o("B", "2024-03-31", 6), o("B", "2024-04-02", 100),
    o("C", "2023-12-24", 12), o("C", "2024-03-01", null), o("C", "2024-03-15", 8),
    o("  F ", "2023-11-30", 3), o("F", "2024-03-30", 4),
    o("G", "2024-04-15", 50), o("G", "2024-05-01", 50),
    o("H", "2020-02-29", 40), o("H", "2023-02-28", 41), o("H", "2024-02-29", 42),
    o("I", "2019-06-15", 7),
    o(null, "2024-01-01", 9), o(" ", "2024-01-02", 9), o("J", null, 9), o("J", "2024-03-03", 9),
  ];
  for (let c = 1; c <= 4; c++) for (let k = 0; k < 7; k++) rows.push(o(`D${c}`, `2024-0${1 + (k % 3)}-${String(3 + 3 * k).padStart(2, "0")}`, 7));
  for (let c = 1; c <= 4; c++) for (let k = 0; k < 3; k++) rows.push(o(`E${c}`, `2023-1${k % 3}-0${1 + c}`, 3 * c));
  return rows;
}

export function singleRows(): OrderRow[] {
  return [o("only", "2024-01-05", 12.5), o("only", "2024-02-05", 7.25), o("only", "2024-02-05", 1)];
}

const isoOfDay = (day: number) => new Date(Date.UTC(2021, 0, 4) + day * 86_400_000).toISOString().slice(0, 10);

/**
 * A seeded log: `customers` customers from 2021-01-04 over `days` days, 1–8 orders each (same-day
 * repeats likely), whole amounts 1–`amounts`, so recency, orders and revenue have thousands of ties.
 */
export function syntheticRows(seed: number, customers = 3000, days = 1095, amounts = 20): OrderRow[] {
  const random = seededRandom(seed);
  const rows: OrderRow[] = [];
  for (let c = 0; c < customers; c++) {
    const first = Math.floor(random() * days);
    const orders = 1 + Math.floor(random() * random() * 8);
    for (let k = 0; k < orders; k++) {
      const day = k === 0 ? first : first + Math.floor(random() * (days - first));
      rows.push(o(`c${c}`, isoOfDay(day), 1 + Math.floor(random() * amounts)));
    }
  }
  return rows;
}
