import {
  PeriodLookup,
  describePeriod,
  periodDays,
  periodEnd,
  periodIndex,
  periodKindFromText,
  periodStart,
} from "../../../src/analytics/orders/calendarPeriods";
import { serialFromYmd } from "../../../src/analytics/orders/dates";

const ymd = serialFromYmd;

describe("calendar periods", () => {
  it("place 2024-03-31 in its week, month, quarter and year", () => {
    // 2024-03-31 (serial 45382) was a Sunday, so its ISO week started on Monday 2024-03-25 (45376).
    const day = 45382;
    expect(periodStart(periodIndex(day, "week"), "week")).toBe(45376);
    expect(periodEnd(periodIndex(day, "week"), "week")).toBe(45382);
    // Month index 12 × 2024 + (3 − 1) = 24290, starting 2024-03-01 (45352).
    expect(periodIndex(day, "month")).toBe(24290);
    expect(periodStart(24290, "month")).toBe(45352);
    expect(periodEnd(24290, "month")).toBe(45382);
    // Quarter index 4 × 2024 + 0; first quarter runs 2024-01-01 (45292) to 2024-03-31.
    expect(periodIndex(day, "quarter")).toBe(8096);
    expect(periodStart(8096, "quarter")).toBe(45292);
    expect(periodEnd(8096, "quarter")).toBe(45382);
    expect(periodStart(periodIndex(day, "year"), "year")).toBe(45292);
    expect(periodEnd(2024, "year")).toBe(ymd(2024, 12, 31));
  });

  it("start ISO weeks on Monday, across a year end", () => {
    // Sunday 2021-01-03 belongs to the week of Monday 2020-12-28 (ISO week 53 of 2020);
    // Monday 2021-01-04 starts the next week.
    const sunday = ymd(2021, 1, 3);
    const monday = ymd(2021, 1, 4);
    expect(periodStart(periodIndex(sunday, "week"), "week")).toBe(ymd(2020, 12, 28));
    expect(periodIndex(monday, "week")).toBe(periodIndex(sunday, "week") + 1);
    expect(periodStart(periodIndex(monday, "week"), "week")).toBe(monday);
  });

  it("keep weeks seven true days long across Excel's fake 1900-02-29", () => {
    // 1900-01-01 (serial 1) was a Monday. Monday 1900-02-26 is serial 57 and Thursday 1900-03-01
    // is serial 61 (60 is the fake leap day), so both are in the same week.
    expect(periodStart(periodIndex(1, "week"), "week")).toBe(1);
    expect(periodIndex(61, "week")).toBe(periodIndex(57, "week"));
    expect(periodStart(periodIndex(61, "week"), "week")).toBe(57);
    // The next Monday is 1900-03-05, serial 65.
    expect(periodStart(periodIndex(61, "week") + 1, "week")).toBe(65);
  });

  it("count the days of each period", () => {
    // February 2024 (leap year) 29 days, February 2023 28, Q3 = 31 + 31 + 30 = 92, 2024 has 366.
    expect(periodDays(periodIndex(ymd(2024, 2, 10), "month"), "month")).toBe(29);
    expect(periodDays(periodIndex(ymd(2023, 2, 10), "month"), "month")).toBe(28);
    expect(periodDays(periodIndex(ymd(2023, 8, 1), "quarter"), "quarter")).toBe(92);
    expect(periodDays(2024, "year")).toBe(366);
    expect(periodDays(2023, "year")).toBe(365);
    expect(periodDays(periodIndex(ymd(2023, 8, 1), "week"), "week")).toBe(7);
  });

  it("drop the time of day", () => {
    expect(periodIndex(45382.99, "month")).toBe(24290);
    expect(periodIndex(45382.99, "week")).toBe(periodIndex(45382, "week"));
  });

  it("read period names in any case and reject others", () => {
    expect(periodKindFromText(" Month ")).toBe("month");
    expect(periodKindFromText("WEEK")).toBe("week");
    expect(periodKindFromText("days")).toBeNull();
  });

  it("describe a period for messages", () => {
    expect(describePeriod(24290, "month")).toBe("the month starting 2024-03-01");
  });
});

describe("PeriodLookup", () => {
  it("numbers the periods of a range from 0 and agrees with periodIndex on every day", () => {
    const first = ymd(2023, 12, 20);
    const last = ymd(2024, 5, 3);
    for (const kind of ["week", "month", "quarter", "year"] as const) {
      const lookup = new PeriodLookup(kind, first, last);
      expect(lookup.relative(first)).toBe(0);
      for (let day = first; day <= last; day++) {
        expect(lookup.relative(day)).toBe(periodIndex(day, kind) - lookup.base);
      }
    }
    // Months: December 2023 is 0, January 1, …, May 2024 is 5.
    const months = new PeriodLookup("month", first, last);
    expect(months.relative(last)).toBe(5);
    expect(months.start(1)).toBe(ymd(2024, 1, 1));
    expect(months.end(0)).toBe(ymd(2023, 12, 31));
  });
});
