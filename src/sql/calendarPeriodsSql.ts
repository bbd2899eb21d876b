/**
 * Calendar periods in SQL, numbered as calendarPeriods.ts numbers them so that the k-th period
 * after period p is p + k in every engine:
 *   week    = ⌊(days since 1900-01-01) / 7⌋ (1900-01-01 was a Monday: ISO weeks, Monday to Sunday,
 *             whatever the engine's own WEEK setting says);
 *   month   = year·12 + month − 1;   quarter = year·4 + ⌊(month − 1)/3⌋;   year = year.
 * The start of period k: 1900-01-01 + 7k days; make_date(⌊k/12⌋, k mod 12 + 1, 1); … .
 * Example: 2024-03-31 → month 24290, week 6530 (the week of Monday 2024-03-25). Dates from 1900 on.
 * O(1) per row.
 */
import { PeriodKind } from "../analytics/orders/calendarPeriods";
import { Dialect } from "./dialect";

const MONDAY_1900 = "1900-01-01";

/** The period index of a date expression. */
export function periodIndexSql(d: Dialect, kind: PeriodKind, date: string): string {
  switch (kind) {
    case "week":
      return d.intDiv(d.daysBetween(d.dateLiteral(MONDAY_1900), date), "7");
    case "month":
      return `(${d.year(date)} * 12 + ${d.month(date)} - 1)`;
    case "quarter":
      return `(${d.year(date)} * 4 + ${d.intDiv(`${d.month(date)} - 1`, "3")})`;
    default:
      return d.year(date);
  }
}

/** The first day of the period with index `index` (an integer expression). */
export function periodStartSql(d: Dialect, kind: PeriodKind, index: string): string {
  switch (kind) {
    case "week":
      return d.addDays(d.dateLiteral(MONDAY_1900), `7 * ${index}`);
    case "month":
      return d.makeDate(d.intDiv(index, "12"), `${index} - 12 * ${d.intDiv(index, "12")} + 1`, "1");
    case "quarter":
      return d.makeDate(d.intDiv(index, "4"), `3 * (${index} - 4 * ${d.intDiv(index, "4")}) + 1`, "1");
    default:
      return d.makeDate(index, "1", "1");
  }
}
