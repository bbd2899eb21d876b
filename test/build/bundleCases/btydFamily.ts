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
      expect: { close: [PARETO[0], [0.553, 10.578, 0.606, 11.668, -9594.97], [0.05, 0.84, 0.19, 6.22, ""]], digits: 2 },
    },
    { title: "a bad row fails the call naming it", args: [[[1], [2]], [[5], [1]], [[3], [4]]], expect: { error: "#VALUE!", message: /row 1: t_x \(5\) is more than T \(3\)/ } },
  ],
  PARETONBDPALIVE: [
    { title: "CDNOW fit, x 2, t_x 30.43, T 38.86 → 0.8692 (note 009 eq. 11)", args: [[[2]], [[30.43]], [[38.86]], PARETO], expect: { close: [[0.8692]], digits: 4 } },
    { title: "a BG/NBD block is refused", args: [[[2]], [[30.43]], [[38.86]], BGNBD], expect: { error: "#VALUE!", message: /this is a BG\/NBD block/ } },
  ],
  PARETONBDEXPECTED: [{ title: "CDNOW fit, t 39 → 1.4551 (note 009 eq. 13)", args: [[[39]], [[2]], [[30.43]], [[38.86]], PARETO], expect: { close: [[1.4551]], digits: 4 } }],
  MBGNBDFIT: [
    {
      title: "CDNOW (weeks): r 0.525, α 6.183, a 0.891, b 1.614",
      args: [column(cdnow.x), column(cdnow.tx), column(cdnow.T)],
      expect: { close: [["MBG/NBD r", "MBG/NBD alpha", "MBG/NBD a", "MBG/NBD b", "log-likelihood"], [0.525, 6.183, 0.891, 1.614, -9582.13], [0.08, 0.7, 0.15, 0.54, ""]], digits: 2 },
    },
  ],
  MBGNBDPALIVE: [{ title: "a Pareto/NBD block is refused", args: [[[2]], [[30.43]], [[38.86]], PARETO], expect: { error: "#VALUE!", message: /this is a Pareto\/NBD block/ } }],
  MBGNBDEXPECTED: [{ title: "t 0 gives 0 expected purchases", args: [[[0]], [[2]], [[30.43]], [[38.86]], [[0.525, 6.183, 0.891, 1.614]]], expect: { close: [[0]], digits: 12 } }],
  BGBBSUMMARY: [
    {
      title: "period numbers, as of period 4, grouped",
      args: [[["A"], ["A"], ["A"], ["B"], ["C"]], [[0], [1], [3], [1], [1]], null, 4, true],
      expect: { values: [["x", "t_x", "n", "count"], [0, 0, 3, 2], [2, 3, 4, 1]] },
    },
  ],
  BGBBFIT: [
    {
      title: "donations (11,104 donors, grouped): α 1.204, β 0.750, γ 0.657, δ 2.783, ln L −33,225.6",
      args: [dcol(0), dcol(1), dcol(2), dcol(3)],
      expect: { close: [BGBB[0], [1.204, 0.75, 0.657, 2.78, -33225.58], [0.07, 0.03, 0.05, 0.32, ""]], digits: 2 },
    },
  ],
  BGBBPALIVE: [{ title: "donations fit, x 6, t_x 6, n 6 → 0.9304", args: [[[6]], [[6]], [[6]], BGBB], expect: { close: [[0.9304]], digits: 4 } }],
  BGBBEXPECTED: [{ title: "donations fit, 5 opportunities ahead of x 6, t_x 6, n 6 → 3.752", args: [[[5]], [[6]], [[6]], [[6]], BGBB], expect: { close: [[3.752]], digits: 3 } }],
  PURCHASEPROBABILITY: [
    { title: "BG/NBD CDNOW fit, k 0, t 39 → 0.5743 (FHL 2005 eq. 8)", args: [0, [[39]], BGNBD], expect: { close: [[0.5743]], digits: 4 } },
    { title: "bare numbers are refused (they do not say which model)", args: [0, [[39]], [[0.24, 4.4, 0.79, 2.4]]], expect: { error: "#VALUE!", message: /bare numbers do not/ } },
  ],
  EXPECTEDNEWCUSTOMER: [{ title: "Pareto/NBD CDNOW fit, t 39 → 1.2130 (note 009 eq. 9)", args: [[[39]], PARETO], expect: { close: [[1.213]], digits: 3 } }],
};
