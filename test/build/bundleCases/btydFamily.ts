import * as fs from "fs";
import * as path from "path";
import { cdnowSummary } from "../../support/btydFixtures";
import { BundleCases } from "./types";

const column = (values: ArrayLike<unknown>) => Array.from(values, (v) => [v]);
const cdnow = cdnowSummary();
const donations = fs
  .readFileSync(path.join(__dirname, "..", "..", "fixtures", "donations.csv"), "utf8")
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(",").map(Number));
const dcol = (j: number) => donations.map((row) => [row[j]]);

// Published figures (issue 15): Pareto/NBD, note 009; MBG/NBD, lifetimes on CDNOW; BG/BB, FHS 2010 table 2.
const PARETO = [["Pareto/NBD r", "Pareto/NBD alpha", "Pareto/NBD s", "Pareto/NBD beta", "log-likelihood"], [0.553, 10.578, 0.606, 11.669, -9594.98]];
const BGNBD = [["r", "alpha", "a", "b", "log-likelihood"], [0.242593, 4.413532, 0.792886, 2.425754, -9582.43]];
const BGBB = [["BG/BB alpha", "BG/BB beta", "BG/BB gamma", "BG/BB delta", "log-likelihood"], [1.204, 0.75, 0.657, 2.783, -33225.6]];

export const btydFamilyCases: BundleCases = {
  PARETONBDFIT: [
    {
      title: "CDNOW (weeks): r 0.553, α 10.578, s 0.606, β 11.669, ln L −9594.97 on the two-decimal summary",
      args: [column(cdnow.x), column(cdnow.tx), column(cdnow.T)],
      // Standard errors from the observed information (note 009 gives none): β's is about half of β, the likelihood being flat in β.
      // Checked independently (Python/NumPy, not this code): ln L by note 009's integral form (composite Gauss–Legendre,
      // unchanged on a 4× finer rule), Newton steps to |∇ ln L| < 10⁻⁸ at r 0.553276, α 10.577612, s 0.606214, β 11.667911,
      // ln L −9594.97393; the Hessian by fourth-order differences in ln p, steps 10⁻³ and 3·10⁻⁴ agreeing to 10⁻⁴: standard
      // errors 0.04763, 0.8427, 0.1873, 6.2110. (The 6.22 this case had before had no independent source.)
      expect: { close: [PARETO[0], [0.553, 10.578, 0.606, 11.668, -9594.97], [0.05, 0.84, 0.19, 6.21, ""]], digits: 2 },
    },
    { title: "a bad row fails the call naming it", args: [[[1], [2]], [[5], [1]], [[3], [4]]], expect: { error: "#VALUE!", message: /row 1: t_x \(5\) is more than T \(3\)/ } },
  ],
  PARETONBDPALIVE: [
    { title: "CDNOW fit, x 2, t_x 30.43, T 38.86 → 0.8692 (note 009 eq. 11)", args: [[[2]], [[30.43]], [[38.86]], PARETO], expect: { close: [[0.8692]], digits: 4 } },
    { title: "a BG/NBD block is refused", args: [[[2]], [[30.43]], [[38.86]], BGNBD], expect: { error: "#VALUE!", message: /this is a BG\/NBD block/ } },
  ],
  PARETONBDEXPECTED: [
    { title: "CDNOW fit, t 39 → 1.4551 (note 009 eq. 13)", args: [[[39]], [[2]], [[30.43]], [[38.86]], PARETO], expect: { close: [[1.4551]], digits: 4 } },
    // Input errors, each row its own: a negative period, and t_x > 0 with x = 0 (no repeat purchase, so no last one).
    {
      title: "a negative t and an x = 0 row with t_x > 0 are each their row's error",
      args: [[[-1], [1]], [[2], [0]], [[30.43], [5]], [[38.86], [38.86]], PARETO],
      expect: {
        values: [
          [{ code: "#VALUE!", message: "row 1: t is -1; expected a period length of 0 or more" }],
          [{ code: "#VALUE!", message: "row 2: t_x is 5 but x is 0; a customer without repeat purchases has t_x = 0" }],
        ],
      },
    },
  ],
  MBGNBDFIT: [
    {
      title: "CDNOW (weeks): r 0.525, α 6.183, a 0.891, b 1.614",
      args: [column(cdnow.x), column(cdnow.tx), column(cdnow.T)],
      expect: { close: [["MBG/NBD r", "MBG/NBD alpha", "MBG/NBD a", "MBG/NBD b", "log-likelihood"], [0.525, 6.183, 0.891, 1.614, -9582.13], [0.08, 0.7, 0.15, 0.54, ""]], digits: 2 },
    },
    // A repeat-purchase count must be whole: 2.5 in row 2 fails the call naming the row.
    { title: "a fractional x fails the call naming its row", args: [[[1], [2.5]], [[1], [2]], [[3], [4]]], expect: { error: "#VALUE!", message: /^row 2: x is 2\.5; expected a whole number of repeat purchases, 0 or more$/ } },
  ],
  MBGNBDPALIVE: [
    // By hand from Batislam, Denizel & Filiztekin (2007): P(alive) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)).
    // r = α = a = b = 1, T = 3: x 1, t_x 1 → 1 / (1 + ½ · (4/2)²) = 1/3; x 0, t_x 0 → 1 / (1 + 1 · (4/1)¹) = 1/5
    // (below 1 at x = 0: the MBG/NBD lets a customer leave right after the first purchase).
    { title: "r = α = a = b = 1, T 3: x 1, t_x 1 → 1/3; x 0 → 1/5 (hand-computed)", args: [[[1], [0]], [[1], [0]], [[3], [3]], [[1, 1, 1, 1]]], expect: { close: [[1 / 3], [0.2]], digits: 12 } },
    { title: "a Pareto/NBD block is refused", args: [[[2]], [[30.43]], [[38.86]], PARETO], expect: { error: "#VALUE!", message: /this is a Pareto\/NBD block/ } },
  ],
  MBGNBDEXPECTED: [
    { title: "t 0 gives 0 expected purchases", args: [[[0]], [[2]], [[30.43]], [[38.86]], [[0.525, 6.183, 0.891, 1.614]]], expect: { close: [[0]], digits: 12 } },
    // Input errors, each row its own: a negative period, and t_x after T.
    {
      title: "a negative t and t_x after T are each their row's error",
      args: [[[-1], [1]], [[2], [2]], [[30.43], [40]], [[38.86], [38.86]], [[0.525, 6.183, 0.891, 1.614]]],
      expect: {
        values: [
          [{ code: "#VALUE!", message: "row 1: t is -1; expected a period length of 0 or more" }],
          [{ code: "#VALUE!", message: "row 2: t_x (40) is more than T (38.86); the last purchase cannot come after the end of observation" }],
        ],
      },
    },
  ],
  BGBBSUMMARY: [
    {
      title: "period numbers, as of period 4, grouped",
      args: [[["A"], ["A"], ["A"], ["B"], ["C"]], [[0], [1], [3], [1], [1]], null, 4, true],
      expect: { values: [["x", "t_x", "n", "count"], [0, 0, 3, 2], [2, 3, 4, 1]] },
    },
    // A transaction without a customer id (row 2's id cell blank, its period given) fails the call naming the cell.
    {
      title: "a blank customer id beside a period number fails naming its row",
      args: [[["A"], [null]], [[0], [1]]],
      expect: { error: "#VALUE!", message: /^customer_ids, row 2: the cell is blank; every transaction needs a customer id$/ },
    },
    { title: "an unknown period fails naming the argument", args: [[["A"], ["A"]], [[0], [1]], "fortnight"], expect: { error: "#VALUE!", message: /^period: expected "week", "month", "quarter" or "year", found text "fortnight"$/ } },
  ],
  BGBBFIT: [
    {
      title: "donations (11,104 donors, grouped): α 1.204, β 0.750, γ 0.657, δ 2.783, ln L −33,225.6",
      args: [dcol(0), dcol(1), dcol(2), dcol(3)],
      expect: { close: [BGBB[0], [1.204, 0.75, 0.657, 2.78, -33225.58], [0.07, 0.03, 0.05, 0.32, ""]], digits: 2 },
    },
    // Row 2 claims 3 periods with a transaction out of 2 opportunities.
    { title: "x above n fails the call naming its row", args: [[[1], [3]], [[1], [3]], [[2], [2]]], expect: { error: "#VALUE!", message: /^row 2: x is 3; expected a whole number of periods with a transaction, from 0 to n \(2\)$/ } },
  ],
  BGBBPALIVE: [
    { title: "donations fit, x 6, t_x 6, n 6 → 0.9304", args: [[[6]], [[6]], [[6]], BGBB], expect: { close: [[0.9304]], digits: 4 } },
    // Impossible histories, each its row's error: 7 transactions in 6 opportunities; 1 transaction whose last period is 0.
    {
      title: "x above n and t_x below x are each their row's error",
      args: [[[7], [1]], [[6], [0]], [[6], [6]], BGBB],
      expect: {
        values: [
          [{ code: "#VALUE!", message: "row 1: x is 7; expected a whole number of periods with a transaction, from 0 to n (6)" }],
          [{ code: "#VALUE!", message: "row 2: t_x (0) is less than x (1); x transactions need at least x periods" }],
        ],
      },
    },
  ],
  BGBBEXPECTED: [
    { title: "donations fit, 5 opportunities ahead of x 6, t_x 6, n 6 → 3.752", args: [[[5]], [[6]], [[6]], [[6]], BGBB], expect: { close: [[3.752]], digits: 3 } },
    // Opportunities ahead must be whole and 0 or more.
    {
      title: "a fractional or negative n_future is its row's error",
      args: [[[2.5], [-1]], [[6], [6]], [[6], [6]], [[6], [6]], BGBB],
      expect: {
        values: [
          [{ code: "#VALUE!", message: "row 1: n_future is 2.5; expected a whole number of opportunities, 0 or more" }],
          [{ code: "#VALUE!", message: "row 2: n_future is -1; expected a whole number of opportunities, 0 or more" }],
        ],
      },
    },
  ],
  PURCHASEPROBABILITY: [
    { title: "BG/NBD CDNOW fit, k 0, t 39 → 0.5743 (FHL 2005 eq. 8)", args: [0, [[39]], BGNBD], expect: { close: [[0.5743]], digits: 4 } },
    { title: "bare numbers are refused (they do not say which model)", args: [0, [[39]], [[0.24, 4.4, 0.79, 2.4]]], expect: { error: "#VALUE!", message: /bare numbers do not/ } },
  ],
  EXPECTEDNEWCUSTOMER: [
    { title: "Pareto/NBD CDNOW fit, t 39 → 1.2130 (note 009 eq. 9)", args: [[[39]], PARETO], expect: { close: [[1.213]], digits: 3 } },
    // A blank t is #N/A (no time for that row), a negative t #VALUE!, each naming its row.
    {
      title: "a blank t and a negative t are each their row's error",
      args: [[[null], [-1]], PARETO],
      expect: {
        values: [
          [{ code: "#N/A", message: "t, row 1: the cell is blank; no time since acquisition for this customer" }],
          [{ code: "#VALUE!", message: "row 2: t is -1; expected a time of 0 or more" }],
        ],
      },
    },
  ],
};
