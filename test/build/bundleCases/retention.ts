import { BundleCases } from "./types";

// Worked example of the foundation issue: start 1000, end 800, new 200.
export const retentionCases: BundleCases = {
  RETENTION: [
    { title: "worked example", args: [[[1000]], [[800]], [[200]]], expect: { values: [[0.6]] } },
    { title: "start 0", args: [[[0]], [[0]], [[0]]], expect: { values: [[{ code: "#DIV/0!" }]] } },
    {
      title: "text count",
      args: [[["x"]], [[800]], [[200]]],
      expect: { values: [[{ code: "#VALUE!", message: 'customers_start: expected a customer count, found text "x"' }]] },
    },
  ],
  CHURN: [
    { title: "worked example", args: [[[1000]], [[800]], [[200]]], expect: { values: [[0.4]] } },
    { title: "blank start ('' and null)", args: [[[""], [null]], [[1], [1]], [[0], [0]]], expect: { values: [[{ code: "#VALUE!", message: "customers_start, row 1: the cell is blank; expected a customer count" }], [{ code: "#VALUE!", message: "customers_start, row 2: the cell is blank; expected a customer count" }]] } },
  ],
  CUSTOMERSLOST: [
    { title: "worked example, 0 as a real zero", args: [[[1000], [0]], [[800], [0]], [[200], [0]]], expect: { values: [[400], [0]] } },
    { title: "mismatched shapes", args: [[[1], [2]], [[1], [2], [3]], [[0]]], expect: { error: "#VALUE!", message: /same shape/ } },
  ],
};
