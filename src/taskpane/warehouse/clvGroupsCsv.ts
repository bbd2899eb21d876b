/**
 * The CLV group table (src/analytics/btyd/clvGroups.ts) as a CSV file for the database's bulk load
 * (src/sql/clvGroupsSql.ts): RFC 4180, comma-separated, CRLF after every record, a header row
 *   x,t_x_days,T_days,p_alive,expected_purchases,discounted_purchases
 * and one record per group. Numbers use '.' as the decimal mark in JavaScript's shortest round-trip
 * form (String(v): 0.7266…, 1e-7, 36), which every engine's DOUBLE reader turns back into the same
 * bits; a NaN (a series that did not settle) is an empty field, which the loaders read as NULL. No
 * field needs quotes, since every field is a number. Written in parts of PART_ROWS records with a
 * look at the slicer between parts, so a table of millions of groups never blocks the pane.
 * Example: one group x 1, t_x 7 days, T 14 days, p_alive 0.5 →
 *   "x,t_x_days,T_days,p_alive,expected_purchases,discounted_purchases\r\n1,7,14,0.5,…\r\n".
 * Cost O(groups).
 */
import type { ClvGroupTable } from "../../analytics/btyd/clvGroups";
import type { TimeSlicer } from "../../analytics/numeric/yieldToHost";

export const CLV_GROUPS_HEADER = ["x", "t_x_days", "T_days", "p_alive", "expected_purchases", "discounted_purchases"] as const;

export const PART_ROWS = 4096;

const field = (v: number): string => (Number.isFinite(v) ? String(v) : "");

/** The CSV text as parts (the header first) for a Blob; yields through `slicer` between parts. */
export async function clvGroupsCsvParts(table: ClvGroupTable, slicer?: TimeSlicer): Promise<string[]> {
  const parts: string[] = [`${CLV_GROUPS_HEADER.join(",")}\r\n`];
  for (let from = 0; from < table.count; from += PART_ROWS) {
    const to = Math.min(table.count, from + PART_ROWS);
    let text = "";
    for (let g = from; g < to; g++) {
      text += `${table.x[g]},${table.txDays[g]},${table.TDays[g]},${field(table.pAlive[g])},${field(table.expectedPurchases[g])},${field(table.discountedPurchases[g])}\r\n`;
    }
    parts.push(text);
    if (slicer && slicer.due()) await slicer.pause();
  }
  return parts;
}

/** The whole CSV as one string (tests and small tables). */
export async function clvGroupsCsv(table: ClvGroupTable, slicer?: TimeSlicer): Promise<string> {
  return (await clvGroupsCsvParts(table, slicer)).join("");
}
