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

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?)?$/;

/** The first day whose Excel serial is right: serials before it are off by Excel's fake 1900-02-29. */
export const FIRST_RELIABLE_ISO = "1900-03-01";
const FIRST_RELIABLE_SERIAL = 61;

/**
 * ISO date text read strictly: `{ serial }`, `{ problem }` (the text is ISO-shaped but names a
 * day or a time that does not exist, or a day before 1900-03-01), or null when it is not ISO
 * date text at all. Years are taken as written: "0024-03-31" is the year 24, never 1924 (which is
 * what `Date.UTC` does with years 0–99). A time (hours 00–23, minutes and seconds 00–59, or
 * 24:00:00) is checked and dropped; an offset (±hh:mm, hours to 23) is checked and ignored.
 * Examples: "2024-03-31T18:30Z" → { serial: 45382 }; "2024-03-31T25:99" → { problem }.
 */
export function readIsoDate(text: string): { serial: number } | { problem: string } | null {
  const trimmed = text.trim();
  const m = ISO_DATE.exec(trimmed);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { problem: `${m[1]}-${m[2]}-${m[3]} is not a day of the calendar` };
  }
  if (m[4] !== undefined) {
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    const midnight = hour === 24 && minute === 0 && second === 0 && !/\.\d*[1-9]/.test(trimmed);
    if (!midnight && (hour > 23 || minute > 59 || second > 59)) {
      return { problem: `${trimmed.slice(11, 11 + (m[6] === undefined ? 5 : 8))} is not a time of day (hours 00–23, minutes and seconds 00–59)` };
    }
    if (m[8] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) {
      return { problem: `the offset ${m[7]} is not a time zone offset (hours 00–23, minutes 00–59)` };
    }
  }
  if (year < 1900 || (year === 1900 && month < 3)) {
    return {
      problem: `${m[1]}-${m[2]}-${m[3]} is before ${FIRST_RELIABLE_ISO}; Excel dates start in 1900 and its fake 1900-02-29 puts every earlier day one off`,
    };
  }
  const serial = serialFromYmd(year, month, day);
  return serial >= FIRST_RELIABLE_SERIAL ? { serial } : { problem: `${m[1]}-${m[2]}-${m[3]} is before ${FIRST_RELIABLE_ISO}` };
}

/** Days in a month of the proleptic Gregorian calendar, for any year (no two-digit-year mapping). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Serial of ISO date text ("2024-03-31", optionally with a time, which is dropped), or null
 * when the text is not an ISO date, names a day or time that does not exist, or a day before
 * 1900-03-01 (see readIsoDate for the reason).
 */
export function serialFromIsoText(text: string): number | null {
  const reading = readIsoDate(text);
  return reading !== null && "serial" in reading ? reading.serial : null;
}
