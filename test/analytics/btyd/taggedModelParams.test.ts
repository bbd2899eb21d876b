import { modelOfBlock, readTaggedModelParams, taggedHeader } from "../../../src/analytics/btyd/taggedModelParams";

const PARETO = [taggedHeader("Pareto/NBD"), [0.553, 10.578, 0.606, 11.669, -9594.98], [0.05, 0.8, 0.19, 6.2, ""]];
const BGNBD = [["r", "alpha", "a", "b", "log-likelihood"], [0.2426, 4.4135, 0.7929, 2.4258, -9582.43]];

describe("taggedModelParams", () => {
  it("tags every parameter of the header with the model", () => {
    expect(taggedHeader("BG/BB")).toEqual(["BG/BB alpha", "BG/BB beta", "BG/BB gamma", "BG/BB delta", "log-likelihood"]);
  });
  it("tells the model from the header: tagged, BGNBDFIT's untagged one, or none for bare numbers", () => {
    expect(modelOfBlock(PARETO)).toBe("Pareto/NBD");
    expect(modelOfBlock(BGNBD)).toBe("BG/NBD");
    expect(modelOfBlock([[0.2, 4, 0.8, 2.4]])).toBeNull();
    expect(modelOfBlock([["p", "q", "v"]])).toBeNull();
  });
  it("reads the estimates of the right model's block, and bare numbers where allowed", () => {
    expect(readTaggedModelParams(PARETO, "Pareto/NBD", "params", true)).toEqual([0.553, 10.578, 0.606, 11.669]);
    expect(readTaggedModelParams(BGNBD, "BG/NBD", "bgnbd_params", true)).toEqual([0.2426, 4.4135, 0.7929, 2.4258]);
    expect(readTaggedModelParams([[1], [2], [3], [4]], "BG/BB", "params", true)).toEqual([1, 2, 3, 4]);
  });
  it("refuses another model's block, and bare numbers where the function serves several models", () => {
    expect(() => readTaggedModelParams(PARETO, "MBG/NBD", "params", true)).toThrow("params: this is a Pareto/NBD block (PARETONBDFIT); expected the MBG/NBD block MBGNBDFIT spilled");
    expect(() => readTaggedModelParams(BGNBD, "MBG/NBD", "params", true)).toThrow(/this is a BG\/NBD block \(BGNBDFIT\)/);
    expect(() => readTaggedModelParams([[0.2, 4, 0.8, 2.4]], "BG/NBD", "params", false)).toThrow(/bare numbers do not say which model/);
  });
});
