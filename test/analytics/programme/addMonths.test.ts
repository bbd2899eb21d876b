import { addMonths } from "../../../src/analytics/programme/addMonths";
import { serialFromYmd } from "../../../src/analytics/orders/dates";

const s = serialFromYmd;

describe("addMonths (Excel's EDATE)", () => {
  it("clamps to the last day of a shorter month", () => {
    // EDATE(31 Jan 2024, 1) = 29 Feb 2024 (leap year); EDATE(31 Jan 2023, 1) = 28 Feb 2023.
    expect(addMonths(s(2024, 1, 31), 1)).toBe(s(2024, 2, 29));
    expect(addMonths(s(2023, 1, 31), 1)).toBe(s(2023, 2, 28));
    expect(addMonths(s(2024, 3, 31), 1)).toBe(s(2024, 4, 30));
    expect(s(2024, 1, 31)).toBe(45322); // the serial Excel shows for 2024-01-31
  });

  it("crosses year ends both ways and keeps the day when it exists", () => {
    expect(addMonths(s(2024, 11, 15), 3)).toBe(s(2025, 2, 15));
    expect(addMonths(s(2024, 2, 29), 12)).toBe(s(2025, 2, 28));
    expect(addMonths(s(2024, 3, 31), -1)).toBe(s(2024, 2, 29));
    expect(addMonths(s(2024, 5, 10), 0)).toBe(s(2024, 5, 10));
  });
});
