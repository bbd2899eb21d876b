import { DAYS_PER_UNIT, monthIn, timeUnitOf } from "../../../src/analytics/orders/timeUnit";

describe("timeUnit", () => {
  it("has 1, 7 and 30.4375 days per unit (30.4375 = 365.25 / 12)", () => {
    expect(DAYS_PER_UNIT).toEqual({ day: 1, week: 7, month: 30.4375 });
    expect(monthIn("week")).toBeCloseTo(4.348214, 6);
    expect(monthIn("month")).toBe(1);
  });

  it("reads the unit's name in any case, blank as week, anything else as null", () => {
    expect(timeUnitOf(" Day ")).toBe("day");
    expect(timeUnitOf("MONTH")).toBe("month");
    expect(timeUnitOf(null)).toBe("week");
    expect(timeUnitOf("")).toBe("week");
    expect(timeUnitOf("weeks")).toBeNull();
    expect(timeUnitOf("7")).toBeNull();
  });
});
