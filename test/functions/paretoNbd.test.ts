import { paretonbdexpected, paretonbdfit, paretonbdpalive } from "../../src/functions/paretoNbd";
import { expectedpurchases, palive } from "../../src/functions/btyd";
import { paretoNbdExpectedPurchases, paretoNbdPAlive } from "../../src/analytics/btyd/paretoNbdPredictions";
import { cdnowSummary } from "../support/btydFixtures";
import { excelError } from "../support/customFunctionsStub";

const column = (values: ArrayLike<unknown>) => Array.from(values, (v) => [v]);
// Fader & Hardie (2005), note 009: CDNOW estimates (weeks), as PARETONBDFIT spills them.
const BLOCK = [
  ["Pareto/NBD r", "Pareto/NBD alpha", "Pareto/NBD s", "Pareto/NBD beta", "log-likelihood"],
  [0.553, 10.578, 0.606, 11.669, -9594.98],
  [0.048, 0.843, 0.187, 6.21, ""],
];
const P = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
const BGNBD_BLOCK = [["r", "alpha", "a", "b", "log-likelihood"], [0.2426, 4.4135, 0.7929, 2.4258, -9582.43]];

describe("LOYALTY.PARETONBDFIT", () => {
  it("spills the tagged header, the CDNOW estimates and ln L −9594.97 (note 009; two-decimal summary)", async () => {
    const { x, tx, T } = cdnowSummary();
    const out = await paretonbdfit(column(x), column(tx), column(T));
    expect(out[0]).toEqual(BLOCK[0]);
    expect(out[1][0]).toBeCloseTo(0.553, 3);
    expect(out[1][1] / 10.578).toBeCloseTo(1, 3);
    expect(out[1][2]).toBeCloseTo(0.606, 3);
    expect(out[1][3] / 11.669).toBeCloseTo(1, 3);
    expect(Math.abs(out[1][4] - -9594.97)).toBeLessThan(0.01);
    expect(out[2][4]).toBe("");
  });
  it("fails the whole call naming the row of a bad row", async () => {
    expect(excelError(await paretonbdfit([[1], [2]], [[5], [1]], [[3], [4]]))?.message).toBe("row 1: t_x (5) is more than T (3); the last purchase cannot come after the end of observation");
    expect(excelError(await paretonbdfit([[1], ["two"]], [[1], [1]], [[3], [4]]))?.code).toBe("#VALUE!");
  });
});

describe("LOYALTY.PARETONBDPALIVE and PARETONBDEXPECTED", () => {
  it("give the model's values per customer from the block or bare numbers", async () => {
    const out = await paretonbdpalive([[2], [0]], [[30.43], [0]], [[38.86], [38.86]], BLOCK);
    expect(out[0][0]).toBeCloseTo(paretoNbdPAlive(P, 2, 30.43, 38.86), 14);
    expect(out[1][0]).toBeCloseTo(paretoNbdPAlive(P, 0, 0, 38.86), 14);
    expect((await paretonbdpalive([[2]], [[30.43]], [[38.86]], [[0.553, 10.578, 0.606, 11.669]]))[0][0]).toBeCloseTo(out[0][0], 14);
    const e = await paretonbdexpected([[39]], [[2]], [[30.43]], [[38.86]], BLOCK);
    expect(e[0][0]).toBeCloseTo(paretoNbdExpectedPurchases(P, 39, 2, 30.43, 38.86), 14);
  });
  it("give a per-row error for a bad history and a negative t", async () => {
    const out = await paretonbdexpected([[39], [-1]], [[2], [1]], [[50], [1]], [[40], [2]], BLOCK);
    expect(excelError(out[0][0])).toEqual({ code: "#VALUE!", message: "row 1: t_x (50) is more than T (40); the last purchase cannot come after the end of observation" });
    expect(excelError(out[1][0])?.message).toBe("row 2: t is -1; expected a period length of 0 or more");
  });
  it("refuse a BG/NBD block with a message", async () => {
    expect(excelError((await paretonbdpalive([[2]], [[30.43]], [[38.86]], BGNBD_BLOCK)))).toEqual({
      code: "#VALUE!",
      message: "params: this is a BG/NBD block (BGNBDFIT); expected the Pareto/NBD block PARETONBDFIT spilled",
    });
  });
});

describe("LOYALTY.PALIVE and EXPECTEDPURCHASES keep meaning BG/NBD", () => {
  it("accept BGNBDFIT's untagged block as before, and refuse a Pareto/NBD block", async () => {
    expect((await palive([[2]], [[30.43]], [[38.86]], BGNBD_BLOCK))[0][0]).toBeCloseTo(0.7266, 4); // FHL 2005 spreadsheet
    expect(excelError((await palive([[2]], [[30.43]], [[38.86]], BLOCK)))).toEqual({
      code: "#VALUE!",
      message: "bgnbd_params: this is a Pareto/NBD block (PARETONBDFIT); expected the BG/NBD block BGNBDFIT spilled",
    });
    expect(excelError(await expectedpurchases([[39]], [[2]], [[30.43]], [[38.86]], BLOCK))?.code).toBe("#VALUE!");
  });
});
