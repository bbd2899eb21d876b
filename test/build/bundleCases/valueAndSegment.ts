import { BundleCases } from "./types";

/**
 * Black-box cases for VALUELOST, VALUECHURN, CLTV, CLV, NPS and SEGMENT, with Excel-shaped arguments.
 * NPS, VALUELOST and VALUECHURN return one number (not a grid), so their expectations are exact
 * `values`: the same IEEE arithmetic as the hand computation in the comment beside them.
 */
export const valueAndSegmentCases: BundleCases = {
  VALUELOST: [
    // Lost: 100 (end 0) + 50 (end null) + 20 (end "") = 170; row 4 starts at 0 (new customer); 80 → 60 is a downgrade.
    {
      title: "end 0, null and '' mean lost; start 0 is a new customer",
      args: [[[100], [50], [20], [0], [80]], [[0], [null], [""], [40], [60]], null],
      expect: { values: 170 },
    },
    { title: "include_downgrades TRUE adds 80 − 60", args: [[[100], [50], [20], [0], [80]], [[0], [null], [""], [40], [60]], true], expect: { values: 190 } },
    {
      title: "negative value",
      args: [[[10], [-5]], [[0], [0]], null],
      expect: { error: "#VALUE!", message: /^value_start, row 2: expected a value of 0 or more, found -5$/ },
    },
    { title: "text value", args: [[[10], ["ten"]], [[0], [0]], null], expect: { error: "#VALUE!", message: /^value_start, row 2: expected a recurring value, found text "ten"$/ } },
    { title: "mismatched lengths", args: [[[1], [2]], [[1], [2], [3]], null], expect: { error: "#VALUE!", message: /same number of rows/ } },
  ],
  VALUECHURN: [
    // 150 lost of 100 + 50 + 80 + 30 = 260 → 0.5769…; with the downgrade 170 / 260 = 0.6538….
    { title: "worked example", args: [[[100], [50], [80], [30]], [[0], [""], [60], [45]], null], expect: { values: 150 / 260 } },
    { title: "with downgrades", args: [[[100], [50], [80], [30]], [[0], [null], [60], [45]], [[true]]], expect: { values: 170 / 260 } },
    { title: "start values all 0 or blank", args: [[[0], [null], [""]], [[5], [5], [5]], null], expect: { error: "#DIV/0!" } },
    { title: "include_downgrades not TRUE/FALSE", args: [[[1]], [[0]], "maybe"], expect: { error: "#VALUE!", message: /^include_downgrades: expected TRUE or FALSE/ } },
  ],
  CLTV: [
    // 1000/1.1 + 1000/1.1² + 0.5·1000/1.1^2.5 = 2129.53 (issue's worked example).
    { title: "worked example", args: [[[1000]], [[2.5]], [[0]], [[1]], [[0.1]]], expect: { close: [[2129.53]], digits: 2 } },
    // Defaults: 1000 × 2.5 − 100 = 2400; the optional arguments omitted (null) or blank ("" / null cell).
    { title: "defaults when omitted", args: [[[1000]], [[2.5]], [[100]], null, null], expect: { values: [[2400]] } },
    { title: "defaults when blank", args: [[[1000]], [[2.5]], [[100]], [[""]], [[null]]], expect: { values: [[2400]] } },
    // Margin 0 is a real 0: 1000 × 0 × 2 − 0 = 0.
    { title: "margin 0 is a real zero", args: [[[1000]], [[2]], [[0]], [[0]], null], expect: { values: [[0]] } },
    {
      title: "per customer with a blank and a bad row",
      args: [[[100], [null], [200]], [[2], [1], [1]], [[10]], [[0.5], [0.5], [30]], null],
      expect: {
        values: [
          [90],
          [{ code: "#N/A", message: "annual_revenue, row 2: the cell is blank; no annual revenue for this customer" }],
          [{ code: "#VALUE!", message: "margin_rate, row 3: expected a fraction from 0 up to 1 (10% is 0.1), found 30" }],
        ],
      },
    },
    { title: "mismatched lengths", args: [[[1], [2]], [[1], [2], [3]], [[0]], null, null], expect: { error: "#VALUE!", message: /same number of rows/ } },
  ],
  CLV: [
    // 100 × 0.8 / (1.1 − 0.8) = 266.67 (issue's worked example).
    { title: "worked example", args: [[[100]], [[0.8]], [[0.1]], null], expect: { close: [[266.67]], digits: 2 } },
    { title: "acquisition cost", args: [[[100]], [[0.8]], [[0.1]], [[50]]], expect: { close: [[216.67]], digits: 2 } },
    {
      title: "retention 1 and 1 + d − r ≤ 0",
      args: [[[100], [100]], [[1], [0.8]], [[0.1], [-0.3]], null],
      expect: {
        values: [
          [{ code: "#VALUE!", message: "retention_rate, row 1: expected a fraction from 0 up to but not including 1 (80% is 0.8), found 1" }],
          [{ code: "#VALUE!", message: "discount_rate, row 2: 1 + discount_rate − retention_rate is -0.1; it must be above 0 for the value to be finite" }],
        ],
      },
    },
  ],
  NPS: [
    // 10, 10, 9 promoters; 8 passive; 3 detractor → 100 · 2 / 5 = 40. Blanks (null, "") skipped; 0 is a detractor.
    { title: "column with blanks", args: [[[10], [null], [10], [""], [9], [8], [3]]], expect: { values: 40 } },
    { title: "0 is a detractor", args: [[[10], [0]]], expect: { values: 0 } },
    // 2×3 block: 10, 9, 0 / 7, 6, 10 → (3 − 2) / 6 · 100.
    { title: "block of cells", args: [[[10, 9, 0], [7, 6, 10]]], expect: { values: 100 / 6 } },
    { title: "text score", args: [[[10], ["nine"]]], expect: { error: "#VALUE!", message: /^scores, row 2: expected a 0–10 score, found text "nine"$/ } },
    { title: "score above 10", args: [[[10], [11]]], expect: { error: "#VALUE!", message: /^scores, row 2: expected a likelihood-to-recommend score from 0 to 10, found 11$/ } },
    { title: "no scores", args: [[[null], [""]]], expect: { error: "#DIV/0!" } },
  ],
  SEGMENT: [
    // Behaviour 6, 5, 1, 2 → median 3.5; 10 & high Loyal, 3 & high Locked-in, 8 Reachable, 9 & low Reachable.
    { title: "above the median", args: [[[10], [3], [8], [9]], [[6], [5], [1], [2]], null, null], expect: { values: [["Loyal"], ["Locked-in"], ["Reachable"], ["Reachable"]] } },
    // Cutoff 2 (≥): the 4th customer (9, 2) becomes Loyal.
    { title: "with a cutoff", args: [[[10], [3], [8], [9]], [[6], [5], [1], [2]], 2, null], expect: { values: [["Loyal"], ["Locked-in"], ["Reachable"], ["Loyal"]] } },
    // Cutoff 1: promoters and detractors all high; price-driven: true → Reachable / High-risk, 0.7 ≥ 0.5 → price-driven, blanks → not.
    {
      title: "price_driven TRUE, share, null and ''",
      args: [[[10], [0], [10], [10], [0]], [[1], [1], [1], [1], [1]], 1, [[true], [0.7], [null], [""], [0]]],
      expect: { values: [["Reachable"], ["High-risk"], ["Loyal"], ["Loyal"], ["Locked-in"]] },
    },
    // 0 is a real detractor score; blank scores ('' and null) give #N/A in their rows.
    {
      title: "0 score, blank scores",
      args: [[[0], [""], [null]], [[5], [5], [5]], 1, null],
      expect: {
        values: [
          ["Locked-in"],
          [{ code: "#N/A", message: "recommend_scores, row 2: no recommend score for this customer" }],
          [{ code: "#N/A", message: "recommend_scores, row 3: no recommend score for this customer" }],
        ],
      },
    },
    {
      title: "bad score and share above 1 stay in their rows",
      args: [[[11], [10]], [[5], [5]], 1, [[0], [60]]],
      expect: {
        values: [
          [{ code: "#VALUE!", message: "recommend_scores, row 1: expected a likelihood-to-recommend score from 0 to 10, found 11" }],
          [{ code: "#VALUE!", message: "price_driven, row 2: expected TRUE/FALSE or a share of discounted orders from 0 to 1, found 60" }],
        ],
      },
    },
    { title: "all behaviour tied", args: [[[10], [0]], [[4], [4]], null, null], expect: { error: "#VALUE!", message: /give a behaviour_cutoff/ } },
    { title: "single-cell behaviour without a cutoff", args: [[[10], [0]], [[4]], null, null], expect: { error: "#VALUE!", message: /^behaviour is a single value/ } },
    { title: "mismatched lengths", args: [[[10], [0]], [[1], [2], [3]], 1, null], expect: { error: "#VALUE!", message: /same number of rows/ } },
  ],
};
