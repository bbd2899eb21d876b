import { serialFromIsoText } from "../../../src/analytics/orders/dates";
import { rfmDigits } from "../../../src/analytics/rfm/rfmScores";
import {
  DEFAULT_RFM_RULES,
  SEGMENT_DIGIT_TOO_HIGH,
  SEGMENT_MISSING,
  SEGMENT_NOT_A_SCORE,
  SEGMENT_OTHERS,
  parseRfmRules,
  rfmSegment,
  segmentName,
} from "../../../src/analytics/rfm/rfmSegments";
import { rfmTable } from "../../../src/analytics/rfm/rfmTable";
import { RFM_PACKAGE_TEST_RULES, RFM_PACKAGE_TEST_RULES_GRID, readRfmOrders } from "../../support/rfmOrders";

const names = (scores: number[], rules = DEFAULT_RFM_RULES) => {
  const { index } = rfmSegment(Float64Array.from(scores), rules);
  return Array.from(index, (code) => segmentName(rules, code) ?? code);
};

describe("DEFAULT_RFM_RULES", () => {
  it("is the rfm package's documented table, in its order", () => {
    // rsquaredacademy/rfm, R/rfm-segment.R, rfm_segment example: names and lower/upper bounds.
    expect(DEFAULT_RFM_RULES.map((r) => [r.name, ...r.r, ...r.f, ...r.m])).toEqual([
      ["Champions", 5, 5, 5, 5, 5, 5],
      ["Potential Loyalist", 3, 5, 3, 5, 2, 5],
      ["Loyal Customers", 2, 4, 2, 4, 2, 4],
      ["Promising", 3, 4, 1, 3, 3, 5],
      ["New Customers", 4, 5, 1, 3, 1, 5],
      ["Can't Lose Them", 1, 2, 3, 4, 4, 5],
      ["At Risk", 1, 2, 2, 5, 4, 5],
      ["Need Attention", 1, 3, 3, 5, 3, 5],
      ["About To Sleep", 2, 3, 1, 3, 1, 4],
      ["Lost", 1, 1, 1, 5, 1, 5],
    ]);
  });
});

describe("rfmSegment", () => {
  it("lets the first matching rule win", () => {
    // 555: Champions (also Potential Loyalist's ranges, which come later).
    // 545: F 4 fails Champions; Potential Loyalist 3–5/3–5/2–5 holds it.
    // 222: Loyal Customers (2–4 each); Potential Loyalist needs R ≥ 3.
    // 341: R 3, F 4, M 1: PL needs M ≥ 2, LC needs M ≥ 2, Promising F 1–3 no, New R 4–5 no,
    //      Can't Lose/At Risk R 1–2 no, Need Attention M 3–5 no, About To Sleep F 1–3 no, Lost R 1 no → Others.
    // 151: Lost (1–1, 1–5, 1–5) after the M ≥ 3 rules fail. 311: About To Sleep (2–3, 1–3, 1–4).
    expect(names([555, 545, 222, 341, 151, 311])).toEqual([
      "Champions",
      "Potential Loyalist",
      "Loyal Customers",
      "Others",
      "Lost",
      "About To Sleep",
    ]);
  });

  it("checks both ends of every range inclusively", () => {
    // Promising 3–4/1–3/3–5 at its lower corners: 313 and 413 (Potential Loyalist and Loyal Customers,
    // tried first, need F ≥ 3 and F ≥ 2). 335 is inside Promising's R and M ranges and at its F high end,
    // but Potential Loyalist (3–5, 3–5, 2–5) comes first and holds it.
    expect(names([313, 413, 335])).toEqual(["Promising", "Promising", "Potential Loyalist"]);
  });

  it("marks a digit above 5 with the default rules", () => {
    const { index } = rfmSegment(Float64Array.of(615, 161, 116));
    expect(Array.from(index)).toEqual([SEGMENT_DIGIT_TOO_HIGH, SEGMENT_DIGIT_TOO_HIGH, SEGMENT_DIGIT_TOO_HIGH]);
  });

  it("takes digits up to 9 with custom rules", () => {
    const rules = [{ name: "Top", r: [7, 9], f: [7, 9], m: [7, 9] }] as const;
    expect(names([999, 777, 699], rules as never)).toEqual(["Top", "Top", "Others"]);
  });

  it("marks missing scores and values that are not three-digit codes", () => {
    const { index } = rfmSegment(Float64Array.of(NaN, 55, 1000, 505, 55.5, 110));
    expect(Array.from(index)).toEqual([SEGMENT_MISSING, SEGMENT_NOT_A_SCORE, SEGMENT_NOT_A_SCORE, SEGMENT_NOT_A_SCORE, SEGMENT_NOT_A_SCORE, SEGMENT_NOT_A_SCORE]);
  });

  it("accepts digit columns, with 0 as missing", () => {
    const { index } = rfmSegment({ r: [5, 1, 0], f: [5, 1, 3], m: [5, 1, 3] });
    expect(Array.from(index)).toEqual([0, 9, SEGMENT_MISSING]); // Champions, Lost, missing
  });

  it("refuses digit columns holding something other than whole digits 1–9", () => {
    // 1.5 + 1.5 + 1 is a whole 4, but 1.5 is no digit.
    const { index } = rfmSegment({ r: [1.5, 10], f: [1.5, 1], m: [1, 1] });
    expect(Array.from(index)).toEqual([SEGMENT_NOT_A_SCORE, SEGMENT_NOT_A_SCORE]);
  });

  it("names Others and nothing for the error codes", () => {
    expect(segmentName(DEFAULT_RFM_RULES, SEGMENT_OTHERS)).toBe("Others");
    expect(segmentName(DEFAULT_RFM_RULES, SEGMENT_MISSING)).toBeNull();
  });
});

describe("parseRfmRules", () => {
  it("reads a sheet range with a header row", () => {
    expect(parseRfmRules(RFM_PACKAGE_TEST_RULES_GRID)).toEqual(RFM_PACKAGE_TEST_RULES);
  });

  it("reads a range without a header and skips blank rows", () => {
    expect(parseRfmRules([["Best", 4, 5, 4, 5, 4, 5], [null, "", null, null, null, null, null]])).toEqual([
      { name: "Best", r: [4, 5], f: [4, 5], m: [4, 5] },
    ]);
  });

  it("fails the call naming the row and column of a bad bound", () => {
    expect(() => parseRfmRules([["Best", 4, 5, 4, "x", 4, 5]])).toThrow(
      expect.objectContaining({ code: "#VALUE!", message: 'rules, row 1, column 5: expected a digit from 1 to 9 (F high), found text "x"' }),
    );
    expect(() => parseRfmRules([["h", "a", "b", "c", "d", "e", "f"], ["Best", 0, 5, 4, 5, 4, 5]])).toThrow(
      expect.objectContaining({ message: "rules, row 2, column 2: expected a digit from 1 to 9 (R low), found 0" }),
    );
  });

  it("fails when a low bound is above its high bound", () => {
    expect(() => parseRfmRules([["Best", 5, 4, 4, 5, 4, 5]])).toThrow(
      expect.objectContaining({ message: "rules, row 1: R low 5 is above R high 4" }),
    );
  });

  it("fails on a blank name, a wrong width, and a range with no rules", () => {
    expect(() => parseRfmRules([[null, 1, 5, 1, 5, 1, 5]])).toThrow(expect.objectContaining({ message: "rules, row 1, column 1: the segment name is blank" }));
    expect(() => parseRfmRules([["Best", 1, 5, 1, 5]])).toThrow(expect.objectContaining({ code: "#VALUE!", message: expect.stringContaining("expected 7 columns") }));
    expect(() => parseRfmRules([["Segment", "R low", "R high", "F low", "F high", "M low", "M high"]])).toThrow(
      expect.objectContaining({ message: expect.stringContaining("holds no rules") }),
    );
  });

  it("passes an error value in a rules cell on", () => {
    expect(() => parseRfmRules([["Best", 1, 5, 1, 5, { code: "#N/A", message: "" }, 5]])).toThrow(expect.objectContaining({ code: "#N/A" }));
  });
});

describe("the rfm package's tested figure", () => {
  it("gives Champions 158 customers, 1234 orders and 120178 revenue with the package's test rules", () => {
    // rsquaredacademy/rfm, tests/testthat/test-rfm-segment.R: rfm_table_order(rfm_data_orders, …,
    // analysis_date = 2006-12-31), rfm_segment with its rules, rfm_segment_summary → Champions 158, 1234, 120178.
    const log = readRfmOrders();
    const table = rfmTable(log.ids, log.dates, log.amounts, serialFromIsoText("2006-12-31")!);
    const digits = rfmDigits(table.recencyDays, table.orders, table.revenue);
    const { index } = rfmSegment(digits.score, RFM_PACKAGE_TEST_RULES);
    let customers = 0;
    let orders = 0;
    let revenue = 0;
    index.forEach((code, c) => {
      if (code !== 0) return; // rule 0 is Champions
      customers++;
      orders += table.orders[c];
      revenue += table.revenue[c];
    });
    expect([customers, orders, revenue]).toEqual([158, 1234, 120178]);
  });

  it("segments the test's first ten customers as the package does", () => {
    // test-rfm-segment.R, first 10 rows by customer id. The package's data carries suffixes such as
    // "DVM", "Sr." and "PhD" in these names ("Abbey O'Reilly DVM"); the converted CSV has the bare names.
    const expected: Record<string, string> = {
      "Abbey O'Reilly": "Loyal Customers",
      "Add Senger": "Potential Loyalist",
      "Aden Lesch": "Potential Loyalist",
      "Admiral Senger": "Loyal Customers",
      "Agness O'Keefe": "Champions",
      "Aileen Barton": "Champions",
      "Ailene Hermann": "Loyal Customers",
      "Aiyanna Bruen": "Potential Loyalist",
      "Ala Schmidt": "About To Sleep",
      "Alannah Borer": "Lost",
    };
    const log = readRfmOrders();
    const table = rfmTable(log.ids, log.dates, log.amounts, serialFromIsoText("2006-12-31")!);
    const digits = rfmDigits(table.recencyDays, table.orders, table.revenue);
    const { index } = rfmSegment(digits, RFM_PACKAGE_TEST_RULES);
    const found = Object.fromEntries(Object.keys(expected).map((id) => [id, segmentName(RFM_PACKAGE_TEST_RULES, index[table.ids.indexOf(id)])]));
    expect(found).toEqual(expected);
  });
});
