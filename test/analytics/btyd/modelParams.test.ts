import { readModelParams } from "../../../src/analytics/btyd/modelParams";

const NAMES = ["r", "alpha", "a", "b"];
const read = (grid: unknown[][]) => readModelParams(grid, NAMES, "bgnbd_params", "BGNBDFIT");

describe("readModelParams", () => {
  it("reads the estimates row under the header of a spilled block, ignoring ln L and the SE row", () => {
    const block = [["r", "alpha", "a", "b", "log-likelihood"], [0.24, 4.4, 0.79, 2.4, -9582], [0.01, 0.4, 0.2, 0.7, ""]];
    expect(read(block)).toEqual([0.24, 4.4, 0.79, 2.4]);
  });

  it("reads the block without its header, a bare row and a bare column", () => {
    expect(read([[0.24, 4.4, 0.79, 2.4, -9582], [0.01, 0.4, 0.2, 0.7, ""]])).toEqual([0.24, 4.4, 0.79, 2.4]);
    expect(read([[0.24, 4.4, 0.79, 2.4]])).toEqual([0.24, 4.4, 0.79, 2.4]);
    expect(read([[0.24], [4.4], [0.79], [2.4]])).toEqual([0.24, 4.4, 0.79, 2.4]);
  });

  it("refuses another model's block, too few numbers, blanks and text", () => {
    expect(() => read([["p", "q", "v", "log-likelihood"], [6, 3, 15, -4000]])).toThrow("bgnbd_params: the header says p, q, v, log-likelihood; expected r, alpha, a, b");
    expect(() => read([[0.24, 4.4]])).toThrow(/^bgnbd_params: expected the block BGNBDFIT spilled, or r, alpha, a, b as 4 numbers/);
    expect(() => read([[0.24, null, 0.79, 2.4]])).toThrow("bgnbd_params: alpha is blank");
    expect(() => read([["r", "alpha", "a", "b"]])).toThrow(/no row of estimates/);
  });

  it("passes on the error of a fit that failed", () => {
    expect(() => read([[{ code: "#VALUE!", message: "nobody repeats" }]])).toThrow(/the cell holds #VALUE!; fit the model first/);
    expect(() => read([["#N/A"]])).toThrow(/the cell holds #N\/A/);
  });
});
