/**
 * Excel's EDATE: the same day of the month `months` months later (or earlier), or the last day of
 * the target month when it is shorter. Source: Microsoft, "EDATE function". Example: 31 January 2024
 * + 1 month = 29 February 2024 (45322 → 45351); 31 January 2023 + 1 month = 28 February 2023. O(1).
 */
import { failValue } from "../errors";
import { serialFromYmd, ymdFromSerial } from "../orders/dates";

export function addMonths(serial: number, months: number): number {
  if (!Number.isFinite(serial) || serial < 1) failValue(`addMonths: expected a date serial of 1 or more, found ${serial}`);
  if (!Number.isInteger(months)) failValue(`addMonths: expected a whole number of months, found ${months}`);
  const { year, month, day } = ymdFromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const daysInMonth = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  return serialFromYmd(targetYear, targetMonth, Math.min(day, daysInMonth));
}
