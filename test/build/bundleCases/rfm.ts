import { BundleCases } from "./types";

const HEADER = ["Customer", "First order", "Last order", "Orders", "Revenue", "Recency days"];

// Worked examples of src/analytics/rfmTable.ts, rfmScores.ts and rfmSegments.ts (arithmetic there).
export const rfmCases: BundleCases = {
  RFMTABLE: [
    {
      title: "worked example: orders after as_of are left out",
      args: [[["A"], ["B"], ["A"], ["B"]], [[45000], [45002], [45010], [45020]], [[10], [5], [20], [7]], 45015],
      expect: { values: [HEADER, ["A", 45000, 45010, 2, 30, 5], ["B", 45002, 45002, 1, 5, 13]] },
    },
    {
      title: "ISO dates, as_of omitted (null), 0 as a real amount, a blank trailing row",
      // Latest order 2024-04-10 = 45392; A: 45382 → 45392, 2 orders, 0 + 3; recency 0.
      args: [[["A"], ["A"], [null]], [["2024-03-31"], ["2024-04-10"], [""]], [[0], [3], [null]], null],
      expect: { values: [HEADER, ["A", 45382, 45392, 2, 3, 0]] },
    },
    {
      title: "a blank amount fails that customer's row only",
      args: [[["A"], ["B"]], [[45000], [45000]], [[""], [5]], 45000],
      expect: {
        values: [
          HEADER,
          ["A", ...Array(5).fill({ code: "#VALUE!", message: "customer A: amounts, row 1: the cell is blank; expected the order's amount" })],
          ["B", 45000, 45000, 1, 5, 0],
        ],
      },
    },
    {
      title: "an error value in a date cell reaches that customer's row",
      args: [[["A"]], [[{ code: "#N/A", message: "x" }]], [[1]], 45000],
      expect: { values: [HEADER, ["A", ...Array(5).fill({ code: "#N/A", message: "customer A: order_dates, row 1: the cell holds #N/A" })]] },
    },
    {
      title: "an order without a customer id fails the call",
      args: [[["A"], [""]], [[45000], [45001]], [[1], [2]], null],
      expect: { error: "#VALUE!", message: /^customer_ids, row 2: the customer id is blank/ },
    },
    {
      title: "mismatched lengths",
      args: [[["A"], ["B"]], [[1], [2], [3]], [[1], [2]], null],
      expect: { error: "#VALUE!", message: /same number of rows/ },
    },
  ],
  RFMSCORE: [
    {
      title: "2-bin worked example",
      args: [[[10], [50], [200]], [[5], [2], [1]], [[500], [120], [40]], 2, null],
      expect: { values: [[222], [211], [111]] },
    },
    {
      title: "blanks (null and '') give #N/A and are left out of the quantiles",
      // Rows 1 and 3 scored on their own: medians 105 (recency), 3 (frequency), 270 (monetary) → breaks 106, 4, 271.
      // Row 1: recency 10 → R 2, frequency 5 → F 2, monetary 500 → M 2 → 222. Row 3: 200, 1, 40 → 111.
      args: [[[10], [null], [200]], [[5], [2], [1]], [[500], [""], [40]], 2, null],
      expect: {
        values: [
          [222],
          [{ code: "#N/A", message: "recency_days, row 2: the cell is blank; no RFM score without all three values" }],
          [111],
        ],
      },
    },
    {
      title: "0 is a real value, not a blank",
      // Monetary 0, 0, 10, 20 (2 bins): median 5 → break 6 → M 1, 1, 2, 2. Recency 0 everywhere → R 2; frequency 1 → F 1.
      args: [[[0], [0], [0], [0]], [[1], [1], [1], [1]], [[0], [0], [10], [20]], 2, "rfm"],
      expect: { values: [[211], [211], [212], [212]] },
    },
    {
      title: "bins out of range",
      args: [[[1]], [[1]], [[1]], 10, null],
      expect: { error: "#VALUE!", message: /^bins: expected a whole number from 2 to 9, found 10$/ },
    },
  ],
  RFMSEGMENT: [
    {
      title: "default rules: first match wins, Others, digit above 5, blank",
      args: [[[555], [341], [615], [null]], null],
      expect: {
        values: [
          ["Champions"],
          ["Others"],
          [{ code: "#VALUE!", message: "rfm_scores, row 3: 615 has a digit above 5, which the default rules do not cover; give your own rules for more bins" }],
          [{ code: "#N/A", message: "rfm_scores, row 4: the cell is blank; no RFM score" }],
        ],
      },
    },
    {
      title: "custom rules with a header row",
      args: [
        [[789], [616]],
        [
          ["Segment", "R low", "R high", "F low", "F high", "M low", "M high"],
          ["Top", 7, 9, 7, 9, 7, 9],
          ["Rest", 1, 9, 1, 9, 1, 6],
        ],
      ],
      expect: { values: [["Top"], ["Rest"]] },
    },
    {
      title: "a bad rules cell fails the call",
      args: [[[555]], [["Top", 5, 4, 1, 5, 1, 5]]],
      expect: { error: "#VALUE!", message: /^rules, row 1: R low 5 is above R high 4$/ },
    },
  ],
};
