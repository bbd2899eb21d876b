import {
  Attitude,
  SEGMENTS,
  attitudeFromRecommend,
  attitudeFromReferrals,
  attitudeFromSatisfaction,
  behaviourCutoff,
  classify,
  isBehaviourHigh,
  overriddenFromIndex,
  priceDrivenFrom,
  segmentCustomers,
  segmentCustomersAsync,
} from "../../../src/analytics/segments/loyaltySegment";
import { at } from "../../../src/analytics/orders/cells";
import { AnalyticsError, CellError } from "../../../src/analytics/errors";

const thrown = (fn: () => unknown): { code: string; message: string } => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AnalyticsError);
    return { code: (e as AnalyticsError).code, message: (e as AnalyticsError).message };
  }
  throw new Error("expected a throw");
};

describe("SEGMENTS", () => {
  it("lists the four groups in display order", () => {
    expect(SEGMENTS).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk"]);
  });
});

describe("attitudeFromRecommend", () => {
  it("uses the NPS bands: 9–10 promoter, 7–8 passive, 0–6 detractor", () => {
    const bands = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => attitudeFromRecommend(s));
    expect(bands).toEqual([...Array(7).fill("detractor"), "passive", "passive", "promoter", "promoter"]);
  });

  it("classifies decimals by the same thresholds (≥ 9, ≥ 7)", () => {
    expect(attitudeFromRecommend(8.99)).toBe("passive");
    expect(attitudeFromRecommend(6.5)).toBe("detractor");
    expect(attitudeFromRecommend(7)).toBe("passive");
  });

  it("rejects scores outside 0–10 with #VALUE! naming the cell", () => {
    expect(attitudeFromRecommend(11, at("recommend_scores", 4))).toEqual({
      code: "#VALUE!",
      message: "recommend_scores, row 4: expected a likelihood-to-recommend score from 0 to 10, found 11",
    });
    expect(attitudeFromRecommend(-1)).toMatchObject({ code: "#VALUE!" });
    expect(attitudeFromRecommend(NaN)).toMatchObject({ code: "#VALUE!" });
  });
});

describe("attitudeFromSatisfaction", () => {
  it("maps 5 to promoter, 4 to passive and 1–3 to detractor", () => {
    expect([1, 2, 3, 4, 5].map((s) => attitudeFromSatisfaction(s))).toEqual(["detractor", "detractor", "detractor", "passive", "promoter"]);
  });

  it("rejects 0 and 6", () => {
    expect(attitudeFromSatisfaction(0)).toMatchObject({ code: "#VALUE!" });
    expect(attitudeFromSatisfaction(6)).toMatchObject({ code: "#VALUE!" });
  });
});

describe("attitudeFromReferrals", () => {
  it("makes one referral or more a promoter and none a passive", () => {
    expect([0, 1, 7].map((c) => attitudeFromReferrals(c))).toEqual(["passive", "promoter", "promoter"]);
  });

  it("rejects negative and fractional counts", () => {
    expect(attitudeFromReferrals(-1)).toMatchObject({ code: "#VALUE!" });
    expect(attitudeFromReferrals(0.5)).toMatchObject({ code: "#VALUE!" });
  });
});

describe("priceDrivenFrom", () => {
  it("takes TRUE/FALSE as they are and blank as FALSE", () => {
    expect([priceDrivenFrom(true), priceDrivenFrom(false), priceDrivenFrom(null)]).toEqual([true, false, false]);
  });

  it("reads a share of discounted orders as price-driven from 0.5 on", () => {
    expect([0, 0.49, 0.5, 1].map((s) => priceDrivenFrom(s))).toEqual([false, false, true, true]);
  });

  it("rejects a share above 1 or below 0", () => {
    expect(priceDrivenFrom(60, at("price_driven", 2))).toEqual({
      code: "#VALUE!",
      message: "price_driven, row 2: expected TRUE/FALSE or a share of discounted orders from 0 to 1, found 60",
    });
    expect(priceDrivenFrom(-0.1)).toMatchObject({ code: "#VALUE!" });
  });
});

describe("classify", () => {
  it("follows the decision table of the issue", () => {
    const table: [Attitude, boolean, string][] = [
      ["promoter", true, "Loyal"],
      ["promoter", false, "Reachable"],
      ["passive", true, "Reachable"],
      ["passive", false, "Reachable"],
      ["detractor", true, "Locked-in"],
      ["detractor", false, "High-risk"],
    ];
    for (const [attitude, high, segment] of table) expect([attitude, high, classify(attitude, high, false)]).toEqual([attitude, high, segment]);
  });

  it("turns a price-driven would-be Loyal into Reachable and every other price-driven customer into High-risk", () => {
    expect(classify("promoter", true, true)).toBe("Reachable");
    expect(classify("promoter", false, true)).toBe("High-risk");
    expect(classify("passive", true, true)).toBe("High-risk");
    expect(classify("detractor", true, true)).toBe("High-risk");
    expect(classify("detractor", false, true)).toBe("High-risk");
  });
});

describe("behaviourCutoff", () => {
  it("uses a given cutoff with high meaning at least the cutoff", () => {
    const rule = behaviourCutoff(Float64Array.of(1, 2, 3), 2);
    expect(rule).toEqual({ cutoff: 2, rule: "at least cutoff" });
    expect([isBehaviourHigh(1.99, rule), isBehaviourHigh(2, rule)]).toEqual([false, true]);
  });

  it("uses the median with high meaning strictly above it", () => {
    // 1, 2, 2, 9: median (2 + 2) / 2 = 2; only 9 is above it.
    const rule = behaviourCutoff(Float64Array.of(1, 2, 2, 9));
    expect(rule).toEqual({ cutoff: 2, rule: "above median" });
    expect([isBehaviourHigh(2, rule), isBehaviourHigh(2.01, rule)]).toEqual([false, true]);
  });

  it("ignores missing values when taking the median", () => {
    // Present 4, 8, 6 → median 6.
    expect(behaviourCutoff(Float64Array.of(NaN, 4, 8, NaN, 6)).cutoff).toBe(6);
  });

  it("asks for a cutoff when the median leaves nobody high", () => {
    // All ties: median 3, nobody above it.
    expect(thrown(() => behaviourCutoff(Float64Array.of(3, 3, 3)))).toEqual({
      code: "#VALUE!",
      message: "behaviour: with high meaning above the median (3), no customer is high; give a behaviour_cutoff (high means at least the cutoff)",
    });
    // 0, 5, 5: median 5, nobody above it (ties at the top).
    expect(thrown(() => behaviourCutoff(Float64Array.of(0, 5, 5))).message).toMatch(/no customer is high/);
  });

  it("asks for behaviour values or a cutoff when all behaviour is missing", () => {
    expect(thrown(() => behaviourCutoff(Float64Array.of(NaN, NaN))).message).toMatch(/no behaviour values.*behaviour_cutoff/);
  });

  it("rejects a cutoff that is not a finite number", () => {
    expect(thrown(() => behaviourCutoff(Float64Array.of(1, 2), Infinity)).code).toBe("#VALUE!");
  });
});

describe("segmentCustomers", () => {
  const a = (scores: (number | null)[]) => scores.map((s) => (s === null ? null : (attitudeFromRecommend(s) as Attitude)));

  it("segments the worked example", () => {
    // Recommend 10, 3, 8, 9; orders per year 6, 5, 1, 2 → median (2 + 5) / 2 = 3.5, high = 6 and 5.
    // 10 & high → Loyal; 3 & high → Locked-in; 8 → Reachable; 9 & low → Reachable.
    const result = segmentCustomers({ attitudes: a([10, 3, 8, 9]), behaviour: Float64Array.of(6, 5, 1, 2) });
    expect(result.segments).toEqual(["Loyal", "Locked-in", "Reachable", "Reachable"]);
    expect(result.cutoff).toBe(3.5);
    expect(result.rule).toBe("above median");
    expect(result.counts).toEqual({ Loyal: 1, Reachable: 2, "Locked-in": 1, "High-risk": 0 });
  });

  it("gives the same in time slices (segmentCustomersAsync) across block boundaries", async () => {
    // The worked example above, repeated 5,000 times (20,000 rows, three slices), every block with a pause.
    const scores = Array.from({ length: 20_000 }, (_, i) => [10, 3, 8, 9][i % 4]);
    const behaviour = Float64Array.from({ length: 20_000 }, (_, i) => [6, 5, 1, 2][i % 4]);
    const input = { attitudes: a(scores), behaviour, priceDriven: scores.map((_, i) => i % 7 === 0) };
    let pauses = 0;
    const sliced = await segmentCustomersAsync(input, { due: () => true, pause: async () => void pauses++ });
    expect(sliced).toEqual(segmentCustomers(input));
    expect(sliced.counts.Loyal + sliced.counts.Reachable + sliced.counts["Locked-in"] + sliced.counts["High-risk"]).toBe(20_000);
    expect(pauses).toBeGreaterThanOrEqual(3);
  });

  it("gives every group with a given cutoff", () => {
    // Cutoff 3: behaviour 3 is high (≥), 2 is low. 9/3 Loyal, 9/2 Reachable, 0/3 Locked-in, 6/2 High-risk, 7/3 Reachable.
    const result = segmentCustomers({ attitudes: a([9, 9, 0, 6, 7]), behaviour: Float64Array.of(3, 2, 3, 2, 3), cutoff: 3 });
    expect(result.segments).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk", "Reachable"]);
    expect(result.rule).toBe("at least cutoff");
  });

  it("applies the price-driven override per customer or with one shared value", () => {
    // Cutoff 1, all high: promoter → Loyal → (price) Reachable; detractor → Locked-in → (price) High-risk.
    const perRow = segmentCustomers({ attitudes: a([10, 10, 2]), behaviour: Float64Array.of(1, 1, 1), cutoff: 1, priceDriven: [true, false, true] });
    expect(perRow.segments).toEqual(["Reachable", "Loyal", "High-risk"]);
    const shared = segmentCustomers({ attitudes: a([10, 8]), behaviour: Float64Array.of(1, 1), cutoff: 1, priceDriven: [true] });
    expect(shared.segments).toEqual(["Reachable", "High-risk"]);
  });

  it("keeps a bad row's error in its row and counts only good rows", () => {
    const inputError: CellError = { code: "#N/A", message: "behaviour, row 3: the cell holds #N/A" };
    const badScore = attitudeFromRecommend(12, at("recommend_scores", 2)) as CellError;
    const result = segmentCustomers({
      attitudes: [...a([10]), badScore, ...a([10, null, 0])],
      behaviour: Float64Array.of(5, 5, NaN, 5, NaN),
      behaviourErrors: [undefined, undefined, inputError],
      cutoff: 4,
    });
    expect(result.segments[0]).toBe("Loyal");
    expect(result.segments[1]).toEqual(badScore);
    expect(result.segments[2]).toBe(inputError);
    expect(result.segments[3]).toEqual({ code: "#N/A", message: "recommend_scores, row 4: no recommend score for this customer" });
    expect(result.segments[4]).toEqual({ code: "#N/A", message: "behaviour, row 5: no behaviour value for this customer" });
    expect(result.counts).toEqual({ Loyal: 1, Reachable: 0, "Locked-in": 0, "High-risk": 0 });
  });

  it("passes a price_driven error on to its row", () => {
    const bad: CellError = { code: "#VALUE!", message: "price_driven, row 2: bad" };
    const result = segmentCustomers({ attitudes: a([10, 10]), behaviour: Float64Array.of(1, 1), cutoff: 1, priceDriven: [false, bad] });
    expect(result.segments).toEqual(["Loyal", bad]);
  });

  it("takes the median over every customer with a behaviour value, with or without a score", () => {
    // Behaviour 1, 2, 3, 4, 5 → median 3 (the blank-score row counts), so 4 is high.
    const result = segmentCustomers({ attitudes: a([null, null, null, 10, null]), behaviour: Float64Array.of(1, 2, 3, 4, 5) });
    expect(result.cutoff).toBe(3);
    expect(result.segments[3]).toBe("Loyal");
  });

  it("names its own columns in messages when the task pane asks", () => {
    const result = segmentCustomers({ attitudes: [null], behaviour: Float64Array.of(1), cutoff: 0, names: { attitude: "Satisfaction" } });
    expect(result.segments[0]).toEqual({ code: "#N/A", message: "Satisfaction, row 1: no attitude value for this customer" });
  });

  it("fails the whole call when the lengths disagree", () => {
    expect(thrown(() => segmentCustomers({ attitudes: a([1, 2]), behaviour: Float64Array.of(1), cutoff: 0 })).message).toBe(
      "behaviour has 1 rows but recommend_scores has 2; give columns of the same length",
    );
    expect(thrown(() => segmentCustomers({ attitudes: a([1, 2, 3]), behaviour: Float64Array.of(1, 2, 3), cutoff: 0, priceDriven: [true, false] })).code).toBe("#VALUE!");
  });

  it("fails the whole call with all-tied behaviour and no cutoff", () => {
    expect(thrown(() => segmentCustomers({ attitudes: a([10, 0]), behaviour: Float64Array.of(2, 2) })).message).toMatch(/give a behaviour_cutoff/);
  });

  it("returns no segments for no customers with a cutoff", () => {
    expect(segmentCustomers({ attitudes: [], behaviour: new Float64Array(0), cutoff: 1 }).segments).toEqual([]);
  });
});

describe("overriddenFromIndex (why the price-driven override moved a customer)", () => {
  // The decision table in loyaltySegment.ts: without the flag a high-behaviour promoter is Loyal (0),
  // a passive or low-behaviour promoter Reachable (1), a high-behaviour detractor Locked-in (2).
  it("names the group a price-driven customer would be in without the override", () => {
    expect(overriddenFromIndex("promoter", true, true)).toBe(0);
    expect(overriddenFromIndex("promoter", false, true)).toBe(1);
    expect(overriddenFromIndex("passive", true, true)).toBe(1);
    expect(overriddenFromIndex("passive", false, true)).toBe(1);
    expect(overriddenFromIndex("detractor", true, true)).toBe(2);
  });

  it("gives −1 when the override changes nothing: not price-driven, or a low-behaviour detractor", () => {
    expect(overriddenFromIndex("promoter", true, false)).toBe(-1);
    expect(overriddenFromIndex("detractor", false, true)).toBe(-1);
  });

  it("is reported per customer by segmentCustomers", () => {
    // recommend 10, 8, 3, 3 with behaviour 9, 9, 9, 1 and cutoff 5; all price-driven but the last two rows differ:
    // promoter high → Reachable (from Loyal), passive → High-risk (from Reachable), detractor high → High-risk (from Locked-in),
    // detractor low → High-risk either way.
    const result = segmentCustomers({
      attitudes: ["promoter", "passive", "detractor", "detractor", "promoter"],
      behaviour: Float64Array.from([9, 9, 9, 1, 9]),
      cutoff: 5,
      priceDriven: [true, true, true, true, false],
    });
    expect(result.segments).toEqual(["Reachable", "High-risk", "High-risk", "High-risk", "Loyal"]);
    expect(Array.from(result.overriddenFrom)).toEqual([0, 1, 2, -1, -1]);
  });
});

describe("segmentCustomers with weights (a grouped table)", () => {
  it("takes the median of the expansion and counts each row's customers", () => {
    // recommend 10, 3, 8, 9 with orders 6, 5, 1, 2 and weights 1, 1, 1, 3 → expansion 1 2 2 2 5 6,
    // N 6, index 3.5 → (2 + 2)/2 = 2; high = 6 and 5 → Loyal 1, Locked-in 1, Reachable 1 + 3
    const result = segmentCustomers({
      attitudes: ["promoter", "detractor", "passive", "promoter"],
      behaviour: Float64Array.from([6, 5, 1, 2]),
      weights: Float64Array.from([1, 1, 1, 3]),
    });
    expect(result.cutoff).toBe(2);
    expect(result.segments).toEqual(["Loyal", "Locked-in", "Reachable", "Reachable"]);
    expect(result.counts).toEqual({ Loyal: 1, Reachable: 4, "Locked-in": 1, "High-risk": 0 });
    // unweighted the median is (2 + 5)/2 = 3.5 (the file comment's example)
    expect(segmentCustomers({ attitudes: ["promoter", "detractor", "passive", "promoter"], behaviour: Float64Array.from([6, 5, 1, 2]) }).cutoff).toBe(3.5);
  });

  it("averages the two middle values of the expansion when the middle falls between them", () => {
    // behaviour 1 (w 2), 4 (w 2): expansion 1 1 4 4, index 2.5 → (1 + 4)/2 = 2.5
    const result = segmentCustomers({ attitudes: ["promoter", "promoter"], behaviour: Float64Array.from([1, 4]), weights: Float64Array.from([2, 2]) });
    expect(result.cutoff).toBe(2.5);
  });

  it("gives what the expanded table gives on a seeded table", () => {
    let a = 7;
    const rnd = () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
    const kinds: Attitude[] = ["promoter", "passive", "detractor"];
    const n = 2000;
    const attitudes: Attitude[] = [];
    const behaviour = new Float64Array(n);
    const weights = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      attitudes.push(kinds[Math.floor(rnd() * 3)]);
      behaviour[i] = Math.floor(rnd() * 12);
      weights[i] = 1 + Math.floor(rnd() * rnd() * 20);
    }
    const source: number[] = [];
    for (let i = 0; i < n; i++) for (let k = 0; k < weights[i]; k++) source.push(i);
    const grouped = segmentCustomers({ attitudes, behaviour, weights });
    const expanded = segmentCustomers({ attitudes: source.map((i) => attitudes[i]), behaviour: Float64Array.from(source, (i) => behaviour[i]) });
    expect(grouped.cutoff).toBe(expanded.cutoff);
    expect(grouped.counts).toEqual(expanded.counts);
    expect(source.map((i) => grouped.segments[i])).toEqual(expanded.segments);
  });

  it("refuses a weight that is not a whole number of 0 or more, naming the row", () => {
    expect(() => segmentCustomers({ attitudes: ["promoter", "detractor"], behaviour: Float64Array.from([1, 2]), weights: Float64Array.from([1, 2.5]) })).toThrow("weights, row 2: 2.5");
  });
});
