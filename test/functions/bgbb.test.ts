import * as fs from "fs";
import * as path from "path";
import { bgbbexpected, bgbbfit, bgbbpalive, bgbbsummary } from "../../src/functions/bgbb";
import { excelError } from "../support/customFunctionsStub";
import { bgbbReference } from "../support/btydReference";

const rows = fs.readFileSync(path.join(__dirname, "..", "fixtures", "donations.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
const col = (j: number) => rows.map((r) => [r[j]]);
// Fader, Hardie & Shang (2010), table 2.
const BLOCK = [["BG/BB alpha", "BG/BB beta", "BG/BB gamma", "BG/BB delta", "log-likelihood"], [1.204, 0.75, 0.657, 2.783, -33225.6]];
const P = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

describe("LOYALTY.BGBBSUMMARY", () => {
  it("summarises period numbers per customer and grouped", async () => {
    const ids = [["A"], ["A"], ["A"], ["B"], ["C"]];
    const periods = [[0], [1], [3], [1], [1]];
    expect(await bgbbsummary(ids, periods, null, 4)).toEqual([["Customer", "x", "t_x", "n"], ["A", 2, 3, 4], ["B", 0, 0, 3], ["C", 0, 0, 3]]);
    expect(await bgbbsummary(ids, periods, null, 4, true)).toEqual([["x", "t_x", "n", "count"], [0, 0, 3, 2], [2, 3, 4, 1]]);
  });
  it("refuses an unknown period", async () => {
    expect(excelError((await bgbbsummary([["A"]], [[45000]], "fortnight")))?.message).toBe('period: expected "week", "month", "quarter" or "year", found text "fortnight"');
  });
});

describe("LOYALTY.BGBBFIT, BGBBPALIVE, BGBBEXPECTED", () => {
  it("fits the donations data: α 1.204, β 0.750, γ 0.657, δ 2.783, ln L −33,225.6 (FHS 2010)", async () => {
    const out = await bgbbfit(col(0), col(1), col(2), col(3));
    expect(out[0]).toEqual(BLOCK[0]);
    [1.204, 0.75, 0.657].forEach((v, i) => expect(out[1][i]).toBeCloseTo(v, 3));
    expect(out[1][3]).toBeCloseTo(2.783, 2);
    expect(Math.abs(out[1][4] - -33225.6)).toBeLessThan(0.1);
  });
  it("give P(alive in n+1) and E[X(n, n+n*)] per customer, as the sum over death times", async () => {
    const ref = bgbbReference(P, 3, 4, 6);
    expect((await bgbbpalive([[3]], [[4]], [[6]], BLOCK))[0][0]).toBeCloseTo(ref.pAlive, 10);
    expect((await bgbbexpected([[5]], [[3]], [[4]], [[6]], BLOCK))[0][0]).toBeCloseTo(ref.expected(5), 10);
  });
  it("give per-row errors and refuse another model's block", async () => {
    const out = await bgbbpalive([[3], [2]], [[4], [1]], [[6], [6]], BLOCK);
    expect(excelError(out[1][0])?.message).toBe("row 2: t_x (1) is less than x (2); x transactions need at least x periods");
    const pareto = [["Pareto/NBD r", "Pareto/NBD alpha", "Pareto/NBD s", "Pareto/NBD beta", "log-likelihood"], [0.553, 10.578, 0.606, 11.669, -9594.98]];
    expect(excelError((await bgbbpalive([[3]], [[4]], [[6]], pareto)))?.message).toBe("params: this is a Pareto/NBD block (PARETONBDFIT); expected the BG/BB block BGBBFIT spilled");
  });
});
