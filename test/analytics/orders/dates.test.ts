import { isoFromSerial, isoWeekday, readIsoDate, serialFromIsoText, serialFromYmd, ymdFromSerial } from "../../../src/analytics/orders/dates";

describe("Excel 1900-system serials", () => {
  it("match the serials Excel shows", () => {
    // Known serials from Excel: 1900-01-01 is 1, 1900-02-28 is 59, 1900-03-01 is 61 (60 is the fake 1900-02-29),
    // 2024-03-31 is 45382, 9999-12-31 is 2958465.
    expect(serialFromYmd(1900, 1, 1)).toBe(1);
    expect(serialFromYmd(1900, 2, 28)).toBe(59);
    expect(serialFromYmd(1900, 3, 1)).toBe(61);
    expect(serialFromYmd(2024, 3, 31)).toBe(45382);
    expect(serialFromYmd(9999, 12, 31)).toBe(2958465);
  });

  it("turn back into the same calendar dates", () => {
    for (const serial of [1, 59, 61, 36526, 45382, 2958465]) {
      const { year, month, day } = ymdFromSerial(serial);
      expect(serialFromYmd(year, month, day)).toBe(serial);
    }
    expect(isoFromSerial(45382)).toBe("2024-03-31");
  });

  it("drop the time of day", () => {
    expect(ymdFromSerial(45382.75)).toEqual({ year: 2024, month: 3, day: 31 });
  });

  it("know the ISO weekday", () => {
    // 2024-04-01 was a Monday; 2024-03-31 a Sunday.
    expect(isoWeekday(serialFromYmd(2024, 4, 1))).toBe(1);
    expect(isoWeekday(45382)).toBe(7);
  });
});

describe("serialFromIsoText", () => {
  it("reads ISO dates, with or without a time", () => {
    expect(serialFromIsoText("2024-03-31")).toBe(45382);
    expect(serialFromIsoText(" 2024-03-31T18:30:00Z ")).toBe(45382);
    expect(serialFromIsoText("2024-03-31 09:15")).toBe(45382);
  });

  it("rejects days that do not exist and non-ISO text", () => {
    expect(serialFromIsoText("2023-02-29")).toBeNull();
    expect(serialFromIsoText("2024-13-01")).toBeNull();
    expect(serialFromIsoText("03/04/2024")).toBeNull();
    expect(serialFromIsoText("20240331")).toBeNull();
  });

  it("accepts 29 February in a leap year", () => {
    expect(serialFromIsoText("2024-02-29")).toBe(serialFromYmd(2024, 2, 29));
  });
});

describe("readIsoDate (strict ISO text, issue 10)", () => {
  it("takes years as written: 0024-03-31 is the year 24, refused as before 1900-03-01, never read as 1924", () => {
    // Date.UTC maps years 0–99 to 1900–1999, which read "0024-03-31" as 1924-03-31 (serial 8857).
    const reading = readIsoDate("0024-03-31");
    expect(reading).toEqual({ problem: expect.stringContaining("before 1900-03-01") });
    expect(serialFromIsoText("0024-03-31")).toBeNull();
    expect(serialFromIsoText("0099-12-31")).toBeNull();
    expect(serialFromIsoText("0000-01-01")).toBeNull();
  });

  it("refuses days before 1900-03-01, where Excel's fake 1900-02-29 puts serials one off, and accepts 1900-03-01 (serial 61)", () => {
    expect(readIsoDate("1900-02-28")).toEqual({ problem: expect.stringContaining("before 1900-03-01") });
    expect(readIsoDate("1899-12-31")).toEqual({ problem: expect.stringContaining("before 1900-03-01") });
    expect(readIsoDate("1900-03-01")).toEqual({ serial: 61 });
  });

  it("refuses times that do not exist and accepts real ones", () => {
    expect(readIsoDate("2024-03-31T25:99")).toEqual({ problem: expect.stringContaining("25:99 is not a time of day") });
    expect(readIsoDate("2024-03-31T23:60")).toEqual({ problem: expect.stringContaining("not a time of day") });
    expect(readIsoDate("2024-03-31T12:00:61")).toEqual({ problem: expect.stringContaining("not a time of day") });
    expect(readIsoDate("2024-03-31T10:00+25:00")).toEqual({ problem: expect.stringContaining("not a time zone offset") });
    expect(readIsoDate("2024-03-31T23:59:59.999Z")).toEqual({ serial: 45382 });
    expect(readIsoDate("2024-03-31T24:00")).toEqual({ serial: 45382 });
    expect(readIsoDate("2024-03-31 09:15+02:00")).toEqual({ serial: 45382 });
  });

  it("says which day does not exist, and is null for text that is not ISO", () => {
    expect(readIsoDate("2023-02-29")).toEqual({ problem: "2023-02-29 is not a day of the calendar" });
    expect(readIsoDate("2000-02-29")).toEqual({ serial: serialFromYmd(2000, 2, 29) });
    expect(readIsoDate("1900-02-29")).toEqual({ problem: "1900-02-29 is not a day of the calendar" });
    expect(readIsoDate("31/03/2024")).toBeNull();
  });
});
