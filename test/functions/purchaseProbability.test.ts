import { expectednewcustomer, purchaseprobability } from "../../src/functions/purchaseProbability";
import { bgnbdReferencePmf } from "../support/btydReference";
import { paretoNbdNewCustomerExpectedPurchases } from "../../src/analytics/btyd/paretoNbdPredictions";
import { excelError } from "../support/customFunctionsStub";

const BGNBD = [["r", "alpha", "a", "b", "log-likelihood"], [0.2426, 4.4135, 0.7929, 2.4258, -9582.43]];
const PARETO = [["Pareto/NBD r", "Pareto/NBD alpha", "Pareto/NBD s", "Pareto/NBD beta", "log-likelihood"], [0.553, 10.578, 0.606, 11.669, -9594.98]];

describe("LOYALTY.PURCHASEPROBABILITY", () => {
  it("gives FHL 2005 eq. 8 for a BGNBDFIT block, per value of a t column", async () => {
    const out = (await purchaseprobability(2, [[10], [39]], BGNBD));
    const p = { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 };
    expect(out[0][0]).toBeCloseTo(bgnbdReferencePmf(p, 2, 10), 12);
    expect(out[1][0]).toBeCloseTo(bgnbdReferencePmf(p, 2, 39), 12);
  });
  it("gives probabilities summing to 1 over k for a Pareto/NBD block", async () => {
    let total = 0;
    for (let k = 0; k <= 300; k++) total += (await purchaseprobability(k, [[39]], PARETO))[0][0];
    expect(total).toBeCloseTo(1, 10);
  });
  it("refuses bare numbers, an MBG/NBD block and a bad k", async () => {
    expect(excelError((await purchaseprobability(1, [[39]], [[0.2426, 4.4135, 0.7929, 2.4258]])))?.code).toBe("#VALUE!");
    const mbg = [["MBG/NBD r", "MBG/NBD alpha", "MBG/NBD a", "MBG/NBD b", "log-likelihood"], [0.525, 6.183, 0.891, 1.614, -9582.13]];
    expect(excelError((await purchaseprobability(1, [[39]], mbg)))?.message).toBe("params: P(X(t) = k) is not available for the MBG/NBD model; use a BG/NBD or Pareto/NBD block");
    expect(excelError((await purchaseprobability(1.5, [[39]], BGNBD)))?.message).toBe("k: expected a whole number of purchases, 0 or more, found 1.5");
  });
});

describe("LOYALTY.EXPECTEDNEWCUSTOMER", () => {
  it("gives note 009 eq. 9 for a Pareto/NBD block and a per-row error for a negative t", async () => {
    const out = (await expectednewcustomer([[39], [-2]], PARETO));
    expect(out[0][0]).toBeCloseTo(paretoNbdNewCustomerExpectedPurchases({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 39), 14);
    expect(excelError(out[1][0])?.message).toBe("row 2: t is -2; expected a time of 0 or more");
  });
});
