/**
 * Time units of the BTYD functions: t_x, T and t are measured in days, weeks (the default, as
 * in Fader, Hardie & Lee 2005) or months of 30.4375 days (the mean Gregorian month, 365.25 / 12).
 * A time in the unit = days ÷ days per unit; nothing else converts units anywhere.
 * Example: 272 days = 38.857 weeks = 8.936 months. O(1).
 */
export type TimeUnit = "day" | "week" | "month";

export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 30.4375 };

/** Days in one month of 30.4375 days, expressed in `unit` (1 month = 4.348214 weeks). */
export const monthIn = (unit: TimeUnit): number => DAYS_PER_UNIT.month / DAYS_PER_UNIT[unit];

/** The unit named by text (any case, trimmed), or null when the text names none. Blank means week. */
export function timeUnitOf(text: string | null): TimeUnit | null {
  if (text === null || text.trim() === "") return "week";
  const t = text.trim().toLowerCase();
  return t === "day" || t === "week" || t === "month" ? t : null;
}
