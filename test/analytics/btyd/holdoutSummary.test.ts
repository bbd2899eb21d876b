import { holdoutSummary } from "../../../src/analytics/btyd/holdoutSummary";
import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { btydSummary } from "../../../src/analytics/btyd/btydSummary";
import { cdnowOrders, isoOf } from "../../support/btydFixtures";

describe("holdoutSummary", () => {
  it("splits a history at calibration_end (the file comment's example)", () => {
    // A: days 0, 10, 10, 30, 50; B first buys on day 25 (in the holdout); cal end 20, holdout end 60.
    const s = holdoutSummary(["A", "A", "A", "A", "A", "B"], [1000, 1010, 1010, 1030, 1050, 1025], 1020, 1060, "day");
    expect(s.ids).toEqual(["A"]);
    expect([s.x[0], s.tx[0], s.T[0], s.xHoldout[0]]).toEqual([1, 10, 20, 2]);
    expect(s.holdoutLength).toBe(40);
    expect(s.leftOut).toBe(1);
  });

  it("leaves out orders after holdout_end and counts same-day holdout orders once", () => {
    const s = holdoutSummary(["A", "A", "A", "A"], [1000, 1030, 1030, 1100], 1020, 1060, "week");
    expect(s.xHoldout[0]).toBe(1);
    expect(s.holdoutLength).toBeCloseTo(40 / 7, 12);
    expect(s.T[0]).toBeCloseTo(20 / 7, 12);
  });

  it("refuses a holdout_end not after calibration_end", () => {
    expect(() => holdoutSummary(["A"], [1], 10, 10, "day")).toThrow(/must come after calibration_end/);
  });

  it("matches BTYDSUMMARY in the calibration period on CDNOW (39 + 39 weeks)", () => {
    // FHL (2005) split: calibration to 1997-09-30, holdout to 1998-06-30. All 2,357 customers started in Q1 1997.
    const orders = cdnowOrders();
    const dates = orders.ymd.map((ymd) => serialFromIsoText(isoOf(ymd))!);
    const calEnd = serialFromIsoText("1997-09-30")!;
    const h = holdoutSummary(orders.customer, dates, calEnd, serialFromIsoText("1998-06-30")!, "week");
    const s = btydSummary(orders.customer, dates, null, calEnd, "week");
    expect(h.ids.length).toBe(2357);
    expect(h.leftOut).toBe(0);
    expect([...h.x]).toEqual([...s.x]);
    expect([...h.tx]).toEqual([...s.tx]);
    // 273 days from 1997-09-30 to 1998-06-30 = 39 weeks.
    expect(h.holdoutLength).toBe(39);
    // Customer 1 bought on 1997-12-12 in the holdout: one repeat purchase there.
    expect(h.xHoldout[0]).toBe(1);
  });
});
