/**
 * Excel date serials (1900 date system) and the calendar.
 *
 * Serial = days since 1899-12-30 for dates from 1900-03-01 on; Excel counts the
 * non-existent 1900-02-29 as serial 60 (the Lotus 1-2-3 leap-year bug), so dates
 * in January and February 1900 are one lower. Source: Microsoft, "Date systems in
 * Excel". Example: 2024-03-31 → 45382. O(1).
 */

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Serial of a calendar date (month 1–12). */
export function serialFromYmd(year: number, month: number, day: number): number {
  const serial = Math.round((Date.UTC(year, month - 1, day) - EPOCH_UTC) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export type Ymd = { year: number; month: number; day: number };

/** Calendar date of a whole serial (serial 60 is reported as 1900-02-28, the fake leap day's neighbour). */
export function ymdFromSerial(serial: number): Ymd {
  const s = Math.floor(serial);
  const shifted = s < 61 ? s + 1 : s;
  const d = new Date(EPOCH_UTC + shifted * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO 8601 text of a serial, e.g. 45382 → "2024-03-31". */
export function isoFromSerial(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Day of the week of a serial by the true calendar, 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(serial: number): number {
  const { year, month, day } = ymdFromSerial(serial);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Serial of ISO date text ("2024-03-31", optionally with a time, which is dropped),
 * or null when the text is not an ISO date or names a day that does not exist.
 */
export function serialFromIsoText(text: string): number | null {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return serialFromYmd(year, month, day);
}
