import { BundleCases } from "./types";

// Serials: 2024-01-01 45292, 01-05 45296, 01-10 45301, 01-20 45311, 02-01 45323, 02-10 45332,
// 03-01 45352, 03-03 45354, 03-31 45382.
// Log: A orders Jan 5 and Mar 3, B Jan 10, C Feb 10 and Mar 31 (as_of defaults to Mar 31, so March has ended).
// January cohort {A, B}: Feb nobody → 0, Mar A → 1/2. February cohort {C}: Mar C → 1.
const ids = [["Customer"], ["A"], ["B"], ["A"], [null], ["C"], ["C"]];
const dates = [["Order date"], [45296], ["2024-01-10"], [45354.5], [""], [45332], [45382]];
const HEADER = ["Period start", "Customers at start", "New", "Reactivated", "Customers at end", "Retained", "Retention", "Lost"];

export const cohortsCases: BundleCases = {
  COHORTS: [
    {
      title: "hand-built log: header row, ISO text and serial dates, blank row, empty text where a month has not ended",
      args: [ids, dates, null, null],
      expect: {
        values: [
          ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
          [45292, 2, 1, 0, 0.5],
          [45323, 1, 1, 1, ""],
        ],
      },
    },
    {
      title: "as_of_date leaves out later orders and unfinished months",
      // As of 2024-03-30, C's March 31 order does not count and March has not ended.
      args: [ids, dates, "month", "2024-03-30"],
      expect: { values: [["Cohort start", "Customers", "Month 0", "Month 1"], [45292, 2, 1, 0], [45323, 1, 1, ""]] },
    },
    {
      title: "no repeat orders",
      args: [[["A"], ["B"]], [[45296], [45323]], null, null],
      expect: { error: "#N/A", message: /no customer ordered again/ },
    },
    { title: "unknown period", args: [ids, dates, "fortnight", null], expect: { error: "#VALUE!", message: /^period: expected "week"/ } },
    {
      title: "a date without a customer",
      args: [[["A"], [""]], [[45296], [45323]], null, null],
      expect: { error: "#VALUE!", message: /^customer_ids, row 2: the customer id is blank/ },
    },
    { title: "0 is not a blank date", args: [[["A"], ["B"]], [[45296], [0]], null, null], expect: { error: "#VALUE!", message: /^order_dates, row 2/ } },
  ],
  RETENTIONBYPERIOD: [
    {
      title: "hand-built log, active_days 31",
      // Active (ordered in the last 31 days) on Jan 31: A, B; Feb 29: C; Mar 31: A (Mar 3), C (Mar 31).
      // February: CS 2, new C, CE 1, retained 0, lost 2. March: CS 1 (C), CE 2, retained C, A reactivated.
      args: [ids, dates, "month", 31, null],
      expect: {
        values: [HEADER, [45292, 0, 2, 0, 2, 0, "", 0], [45323, 2, 1, 0, 1, 0, 0, 2], [45352, 1, 0, 1, 2, 1, 1, 0]],
      },
    },
    {
      title: "active_days shorter than a month",
      args: [ids, dates, "month", 28, null],
      expect: { error: "#VALUE!", message: /^active_days \(28\) is shorter than the month starting 2024-01-01 \(31 days\)/ },
    },
    { title: "empty log", args: [[[null]], [[null]], null, null, null], expect: { error: "#N/A", message: /no orders/ } },
  ],
  SBGFIT: [
    {
      title: "Fader & Hardie (2007) regular segment: alpha 0.704, beta 1.182, LL −1680.27",
      args: [[[1000], [631], [468], [382], [326], [289], [262], [241]]],
      expect: { close: [["alpha", "beta", "log-likelihood"], [0.704, 1.182, -1680.27]], digits: 2 },
    },
    {
      title: "increasing counts",
      args: [[[1000], [600], [700]]],
      expect: { error: "#VALUE!", message: /^customers_remaining, row 3: 700 is more than the 600 of row 2/ },
    },
    { title: "fewer than 3 values", args: [[[1000], [600]]], expect: { error: "#VALUE!", message: /at least 3 values/ } },
  ],
  SBGSURVIVAL: [
    // α = β = 1: S(t) = 1/(t + 1).
    { title: "alpha = beta = 1", args: [[[0], [1], [3]], [["alpha", "beta", "log-likelihood"], [1, 1, -10]]], expect: { close: [[1], [0.5], [0.25]], digits: 12 } },
    { title: "bad parameters", args: [[[1]], [[0], [1]]], expect: { error: "#VALUE!", message: /alpha must be a number above 0/ } },
  ],
  SBGRETENTION: [
    // α = β = 1: r_t = t/(t + 1).
    { title: "alpha = beta = 1", args: [[[1], [2], [3]], [[1, 1]]], expect: { close: [[0.5], [2 / 3], [0.75]], digits: 12 } },
    {
      title: "period 0 is an error in its own cell",
      args: [[[0]], [[1, 1]]],
      expect: { values: [[{ code: "#VALUE!", message: "periods: expected a whole number of periods from 1 to 1,000,000, found 0" }]] },
    },
  ],
};
