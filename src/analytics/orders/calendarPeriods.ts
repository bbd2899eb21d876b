/**
 * Calendar periods on Excel 1900-system serials: which week, month, quarter or
 * year a day falls in, and where that period starts and ends.
 *
 * Each period kind numbers its periods with consecutive integers, so that the
 * k-th period after period p is p + k:
 *   week    = ISO 8601 weeks, Monday to Sunday: index = ⌊(day − 2) / 7⌋, where day counts
 *             true calendar days from 1899-12-30 (1900-01-01, day 2, was a Monday);
 *   month   = 12 × year + (month − 1);
 *   quarter = 4 × year + ⌊(month − 1) / 3⌋;
 *   year    = year.
 * Serials before 1900-03-01 are one lower than the true day count (Excel's fake
 * 1900-02-29, serial 60; see dates.ts), which the week rule corrects for.
 *
 * Example: 2024-03-31 (serial 45382, a Sunday) is in the week starting Monday
 * 2024-03-25 (45376), the month starting 45352 (2024-03-01), the quarter starting
 * 45292 (2024-01-01) and the year starting 45292.
 *
 * Cost: O(1) per day with `periodIndex`; `PeriodLookup` turns a whole range of
 * days into a table once (O(days)), after which each look-up is one array read.
 */
import { isoFromSerial, serialFromYmd, ymdFromSerial } from "./dates";

export type PeriodKind = "week" | "month" | "quarter" | "year";

export const PERIOD_KINDS: readonly PeriodKind[] = ["week", "month", "quarter", "year"];

/** The period kind named by text in any case ("Month", " week "), or null when it names none. */
export function periodKindFromText(text: string): PeriodKind | null {
  const name = text.trim().toLowerCase();
  return (PERIOD_KINDS as readonly string[]).includes(name) ? (name as PeriodKind) : null;
}

/** A period kind's name with a capital, for headers: "Month". */
export function periodLabel(kind: PeriodKind): string {
  return kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** True calendar days since 1899-12-30 of a whole serial (serials 1–59 are one lower; 60 is the fake leap day). */
function dayFromSerial(serial: number): number {
  return serial < 61 ? serial + 1 : serial;
}

function serialFromDay(day: number): number {
  return day <= 60 ? day - 1 : day;
}

/** The index of the period holding a whole-day serial. Example: periodIndex(45382, "month") = 12 × 2024 + 2 = 24290. */
export function periodIndex(serial: number, kind: PeriodKind): number {
  if (kind === "week") return Math.floor((dayFromSerial(Math.floor(serial)) - 2) / 7);
  const { year, month } = ymdFromSerial(serial);
  switch (kind) {
    case "month":
      return 12 * year + month - 1;
    case "quarter":
      return 4 * year + Math.floor((month - 1) / 3);
    default:
      return year;
  }
}

/** The serial of a period's first day. Example: periodStart(24290, "month") = 45352 (2024-03-01). */
export function periodStart(index: number, kind: PeriodKind): number {
  switch (kind) {
    case "week":
      return serialFromDay(2 + 7 * index);
    case "month":
      return serialFromYmd(Math.floor(index / 12), (index % 12 + 12) % 12 + 1, 1);
    case "quarter":
      return serialFromYmd(Math.floor(index / 4), 3 * ((index % 4 + 4) % 4) + 1, 1);
    default:
      return serialFromYmd(index, 1, 1);
  }
}

/** The serial of a period's last day. Example: periodEnd(24290, "month") = 45382 (2024-03-31). */
export function periodEnd(index: number, kind: PeriodKind): number {
  return periodStart(index + 1, kind) - 1;
}

/** The number of days in a period. Example: February 2024 has 29. */
export function periodDays(index: number, kind: PeriodKind): number {
  return periodStart(index + 1, kind) - periodStart(index, kind);
}

/** How a period is named in messages: "the month starting 2024-03-01". */
export function describePeriod(index: number, kind: PeriodKind): string {
  return `the ${kind} starting ${isoFromSerial(periodStart(index, kind))}`;
}

/**
 * Period indices of every day from `first` to `last` (whole serials), precomputed
 * so that millions of orders cost one array read each. Indices are relative to
 * the period holding `first` (0, 1, 2, …); `base` is that period's absolute index.
 * Memory: one Int32 per day of the range.
 */
export class PeriodLookup {
  readonly base: number;
  private readonly table: Int32Array;

  constructor(
    readonly kind: PeriodKind,
    readonly first: number,
    readonly last: number,
  ) {
    this.base = periodIndex(first, kind);
    this.table = new Int32Array(Math.max(0, last - first + 1));
    for (let p = this.base; ; p++) {
      const start = Math.max(periodStart(p, kind), first);
      const end = Math.min(periodEnd(p, kind), last);
      if (start > last) break;
      this.table.fill(p - this.base, start - first, end - first + 1);
    }
  }

  /** The relative period index of a whole serial between `first` and `last`. */
  relative(serial: number): number {
    return this.table[serial - this.first];
  }

  /** First day of the relative period r. */
  start(r: number): number {
    return periodStart(this.base + r, this.kind);
  }

  /** Last day of the relative period r. */
  end(r: number): number {
    return periodEnd(this.base + r, this.kind);
  }
}
