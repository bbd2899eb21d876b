import { cdnowOrders, cdnowSummary, cdnowSummaryWithSpend, isoOf } from "../../support/btydFixtures";
import { BundleCases } from "./types";

const column = (values: ArrayLike<unknown>) => Array.from(values, (v) => [v]);
const cdnow = cdnowSummary();
const cdnowSpend = cdnowSummaryWithSpend();
const orders = cdnowOrders();

// The CDNOW fit (Fader, Hardie & Lee 2005) as BGNBDFIT spills it, and the Gamma-Gamma figures of Fader & Hardie (2013).
const BGNBD_BLOCK = [
  ["r", "alpha", "a", "b", "log-likelihood"],
  [0.242593, 4.413532, 0.792886, 2.425754, -9582.43],
  [0.0126, 0.378, 0.186, 0.705, ""],
];
const GG_BLOCK = [
  ["p", "q", "v", "log-likelihood"],
  [6.25, 3.74, 15.44, -4055.92],
];
// A small order log: A buys on 45000, 45010 (10 + 5 on the same day) and 45030; B once on 45005.
const IDS = [["A"], ["B"], ["A"], ["A"], [1001], ["A"]];
const DATES = [[45000], ["2023-03-15"], [45010], [45010], [45020], [45030]];
const AMOUNTS = [[20], [7], [10], [5], [9], [30]];

export const btydCases: BundleCases = {
  BTYDSUMMARY: [
    {
      title: "hand-worked order log in days, as_of 45020 (the 45030 order left out, same-day orders merged)",
      // A: days 45000 and 45010 (10 + 5) → x 1, t_x 10, T 20, spend 15. B: 2023-03-15 is serial 45000 → x 0, T 20. 1001: day 45020 → T 0.
      args: [IDS, DATES, AMOUNTS, 45020, "day"],
      expect: {
        values: [
          ["Customer", "x", "t_x", "T", "Average repeat spend"],
          ["A", 1, 10, 20, 15],
          ["B", 0, 0, 20, 0],
          [1001, 0, 0, 0, 0],
        ],
      },
    },
    {
      title: "CDNOW_sample.txt as of 1997-09-30 in weeks reproduces cdnow_customers_summary.csv (x, t_x, T to its 2 decimals)",
      args: [column(orders.customer), column(orders.ymd.map(isoOf)), column(orders.dollars), "1997-09-30", "week"],
      expect: { close: [[], ...Array.from(cdnow.x, (x, i) => [Number(cdnow.id[i]), x, cdnow.tx[i], cdnow.T[i]])], digits: 2 },
    },
    {
      title: "weeks by default, without amounts",
      args: [[["A"], ["A"]], [[45000], [45014]]],
      expect: { values: [["Customer", "x", "t_x", "T"], ["A", 1, 2, 2]] },
    },
    { title: "unknown time unit", args: [[["A"]], [[45000]], null, null, "year"], expect: { error: "#VALUE!", message: /^time_unit: expected "day", "week" or "month"/ } },
    { title: "order without a customer id", args: [[["A"], [""]], [[45000], [45001]]], expect: { error: "#VALUE!", message: /customer_ids, row 2: the cell is blank/ } },
  ],
  BGNBDFIT: [
    {
      // Fader, Hardie & Lee (2005): r 0.2426, α 4.4135, a 0.7929, b 2.4258, ln L −9582.43; standard errors 0.0126, 0.378, 0.186, 0.705.
      title: "CDNOW (2,357 customers, weeks) gives the published estimates, ln L and standard errors",
      args: [column(cdnow.x), column(cdnow.tx), column(cdnow.T)],
      expect: { close: [[], [0.2426, 4.4135, 0.7929, 2.4258, -9582.43], [0.0126, 0.378, 0.186, 0.705]], digits: 2 },
    },
    {
      title: "every weight 0 leaves no customers",
      args: [[[0], [1], [2], [3]], [[0], [2], [5], [8]], [[10], [9], [10], [9]], [[0], [0], [0], [0]]],
      expect: { error: "#VALUE!", message: /there are no customers/ },
    },
    { title: "nobody repeats", args: [[[0], [0]], [[0], [0]], [[5], [6]]], expect: { error: "#VALUE!", message: /nobody made a repeat purchase/ } },
    { title: "a single customer", args: [[[2]], [[1]], [[3]]], expect: { error: "#VALUE!", message: /a single customer is not enough/ } },
    { title: "t_x after T", args: [[[1], [2]], [[5], [1]], [[3], [4]]], expect: { error: "#VALUE!", message: /^row 1: t_x \(5\) is more than T \(3\)/ } },
    { title: "text in x", args: [[[1], ["two"]], [[1], [1]], [[3], [4]]], expect: { error: "#VALUE!", message: /^x, row 2: expected a number of repeat purchases/ } },
  ],
  PALIVE: [
    {
      title: "CDNOW customer (0.7266) and a one-time buyer (1), 0 as a real 0",
      args: [[[2], [0]], [[30.43], [0]], [[38.86], [38.86]], BGNBD_BLOCK],
      expect: { close: [[0.7266], [1]], digits: 4 },
    },
    {
      title: "blank x gives #N/A in its row; bare parameter row",
      args: [[[null]], [[1]], [[5]], [[0.242593, 4.413532, 0.792886, 2.425754]]],
      expect: { values: [[{ code: "#N/A", message: "x: the cell is blank; no number of repeat purchases for this customer" }]] },
    },
    { title: "Gamma-Gamma block as bgnbd_params", args: [[[2]], [[30]], [[38]], GG_BLOCK], expect: { error: "#VALUE!", message: /^bgnbd_params: the header says p, q, v/ } },
  ],
  EXPECTEDPURCHASES: [
    { title: "CDNOW worked example: 39 weeks → 1.2259", args: [[[39]], [[2]], [[30.43]], [[38.86]], BGNBD_BLOCK], expect: { close: [[1.2259]], digits: 4 } },
    { title: "negative t", args: [[[-1]], [[2]], [[30.43]], [[38.86]], BGNBD_BLOCK], expect: { values: [[{ code: "#VALUE!", message: "t is -1; expected a period length of 0 or more" }]] } },
  ],
  GAMMAGAMMAFIT: [
    {
      // Fader & Hardie (2013): p 6.25, q 3.74, v 15.44, ln L −4055.92 on the 946 repeat buyers.
      title: "CDNOW's repeat buyers give the published p, q, v and ln L",
      args: [column(cdnowSpend.x), column(cdnowSpend.zbar!)],
      expect: { close: [[], [6.25, 3.74, 15.44, -4055.92]], digits: 1 },
    },
    { title: "nobody repeats", args: [[[0], [0]], [[""], [null]]], expect: { error: "#VALUE!", message: /nobody made a repeat purchase/ } },
    { title: "zero spend with repeats", args: [[[1], [2]], [[10], [0]]], expect: { error: "#VALUE!", message: /^row 2: average_spend is 0/ } },
  ],
  EXPECTEDSPEND: [
    {
      // 6.25 · (15.44 + 2 · 22.35) / (12.5 + 2.74) = 24.6637; x = 0 → 6.25 · 15.44 / 2.74 = 35.2190.
      title: "shrunk spend and the population mean for x = 0",
      args: [[[2], [0]], [[22.35], [""]], GG_BLOCK],
      expect: { close: [[24.6637], [35.219]], digits: 3 },
    },
    { title: "q ≤ 1", args: [[[2]], [[10]], [[6, 0.9, 15]]], expect: { error: "#VALUE!", message: /^gg_params: q is 0.9/ } },
  ],
  PREDICTEDCLV: [
    {
      // With the rounded published parameters (not the full-precision fit, which gives 36.30): 12 months, 1% a month, weeks.
      title: "CDNOW customer 1 with the published parameters",
      args: [[[2]], [[30.43]], [[38.86]], [[22.35]], BGNBD_BLOCK, GG_BLOCK, 12, 0.01, null, "week"],
      expect: { close: [[36.3]], digits: 1 },
    },
    { title: "fractional horizon", args: [[[2]], [[30.43]], [[38.86]], [[22.35]], BGNBD_BLOCK, GG_BLOCK, 1.5], expect: { error: "#VALUE!", message: /^horizon_months is 1.5/ } },
  ],
  HOLDOUTSUMMARY: [
    {
      title: "split at 45010, holdout to 45030, days",
      args: [IDS, DATES, 45010, 45030, "day"],
      expect: {
        values: [
          ["Customer", "x", "t_x", "T", "x_holdout", "holdout_length"],
          ["A", 1, 10, 10, 1, 20],
          ["B", 0, 0, 10, 0, 20],
          ["1 customer whose first order falls in the holdout left out", "", "", "", "", ""],
        ],
      },
    },
    { title: "holdout_end before calibration_end", args: [IDS, DATES, 45030, 45010], expect: { error: "#VALUE!", message: /must come after calibration_end/ } },
  ],
};
