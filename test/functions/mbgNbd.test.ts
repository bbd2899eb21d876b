import { mbgnbdexpected, mbgnbdfit, mbgnbdpalive } from "../../src/functions/mbgNbd";
import { mbgnbdExpectedPurchases, mbgnbdPAlive } from "../../src/analytics/btyd/mbgnbdPredictions";
import { cdnowSummary } from "../support/btydFixtures";
import { excelError } from "../support/customFunctionsStub";

const column = (values: ArrayLike<unknown>) => Array.from(values, (v) => [v]);
// lifetimes' ModifiedBetaGeoFitter on CDNOW (issue 15).
const P = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const BLOCK = [["MBG/NBD r", "MBG/NBD alpha", "MBG/NBD a", "MBG/NBD b", "log-likelihood"], [0.525, 6.183, 0.891, 1.614, -9582.13]];

describe("LOYALTY.MBGNBDFIT", () => {
  it("spills the tagged header and the CDNOW estimates r 0.525, α 6.183, a 0.891, b 1.614", async () => {
    const { x, tx, T } = cdnowSummary();
    const out = await mbgnbdfit(column(x), column(tx), column(T));
    expect(out[0]).toEqual(BLOCK[0]);
    [0.525, 6.183, 0.891, 1.614].forEach((v, i) => expect(out[1][i] / v).toBeCloseTo(1, 3));
  });
});

describe("LOYALTY.MBGNBDPALIVE and MBGNBDEXPECTED", () => {
  it("give the model's values, P(alive) below 1 at x = 0", async () => {
    const out = (await mbgnbdpalive([[2], [0]], [[30.43], [0]], [[38.86], [38.86]], BLOCK));
    expect(out[0][0]).toBeCloseTo(mbgnbdPAlive(P, 2, 30.43, 38.86), 14);
    expect(out[1][0]).toBeLessThan(1);
    expect((await mbgnbdexpected([[39]], [[2]], [[30.43]], [[38.86]], BLOCK))[0][0]).toBeCloseTo(mbgnbdExpectedPurchases(P, 39, 2, 30.43, 38.86), 14);
  });
  it("refuse BGNBDFIT's block (same parameter names, other model)", async () => {
    const bgnbd = [["r", "alpha", "a", "b", "log-likelihood"], [0.2426, 4.4135, 0.7929, 2.4258, -9582.43]];
    expect(excelError((await mbgnbdpalive([[2]], [[30.43]], [[38.86]], bgnbd)))?.message).toBe("params: this is a BG/NBD block (BGNBDFIT); expected the MBG/NBD block MBGNBDFIT spilled");
  });
});
