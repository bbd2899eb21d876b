import { PeriodLookup } from "../../../src/analytics/orders/calendarPeriods";
import { activeBoundaryBitsets, fitsBitsets, orderLogRange, periodBitsets } from "../../../src/analytics/retention/customerBitsets";
import { serialFromYmd } from "../../../src/analytics/orders/dates";

const d = serialFromYmd;
const noPause = { pause: () => Promise.resolve(), blockRows: 2 };
/** Set bit positions of customer c. */
function setBits(sets: { bits: Int32Array; words: number }, c: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < sets.words * 32; i++) if ((sets.bits[c * sets.words + (i >>> 5)] >>> (i & 31)) & 1) out.push(i);
  return out;
}

describe("customer bitsets", () => {
  it("find as_of and the first counted order in one pass", () => {
    // as_of defaults to the latest date of a row with an id (46000 has none); time of day dropped.
    expect(orderLogRange(["A", null, "B"], [45010.7, 46000, 45001.2])).toEqual({ asOf: 45010, firstDate: 45001 });
    // Orders after as_of do not count for the first date.
    expect(orderLogRange(["A", "B"], [45020, 45030], 45025)).toEqual({ asOf: 45025, firstDate: 45020 });
    expect(orderLogRange(["A"], [45020], 45000).firstDate).toBeNaN();
  });

  it("set one bit per period with orders, per customer in order of first appearance", async () => {
    // Months from January 2024: A in January and March (bits 0, 2), B in February (bit 1).
    const dates = [d(2024, 1, 5), d(2024, 2, 1), d(2024, 3, 3), d(2024, 3, 9)];
    const lookup = new PeriodLookup("month", dates[0], d(2024, 3, 31));
    const sets = await periodBitsets(["A", "B", "A", "A"], dates, lookup, d(2024, 3, 31), 3, noPause);
    expect(sets.ids).toEqual(["A", "B"]);
    expect(setBits(sets, 0)).toEqual([0, 2]);
    expect(setBits(sets, 1)).toEqual([1]);
  });

  it("set runs of active boundaries across 32-bit words", async () => {
    // Weeks from Monday 2024-01-01; 40 weeks → 41 boundaries (2 words). active_days 70 = 10 weeks.
    // An order on Monday of week 28 is active on the boundaries (Sundays) ending weeks 28 … 37: bits 29 … 38.
    const start = d(2024, 1, 1);
    const asOf = start + 7 * 40 - 1;
    const lookup = new PeriodLookup("week", start, asOf);
    const boundary = Float64Array.from({ length: 41 }, (_, j) => (j < 40 ? start + 7 * j - 1 : asOf));
    const sets = await activeBoundaryBitsets(["A"], [start + 7 * 28], lookup, boundary, 70, noPause);
    expect(sets.words).toBe(2);
    expect(setBits(sets, 0)).toEqual([29, 30, 31, 32, 33, 34, 35, 36, 37, 38]);
  });

  it("fit up to 512 bits per customer", () => {
    expect(fitsBitsets(512)).toBe(true);
    expect(fitsBitsets(513)).toBe(false);
  });
});
