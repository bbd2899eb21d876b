import { segment } from "../../src/functions/segment";
import { excelError } from "../support/customFunctionsStub";

const col = (values: unknown[]) => values.map((v) => [v]);
const errorOf = (v: unknown) => excelError(v);

describe("LOYALTY.SEGMENT", () => {
  it("spills one segment per customer above the median", async () => {
    // Recommend 10, 3, 8, 9; behaviour 6, 5, 1, 2 → median 3.5; high = 6 and 5.
    expect(await segment(col([10, 3, 8, 9]), col([6, 5, 1, 2]))).toEqual(col(["Loyal", "Locked-in", "Reachable", "Reachable"]));
  });

  it("uses behaviour_cutoff as at least the cutoff", async () => {
    // Cutoff 2: 2 is high. 9/2 Loyal, 0/2 Locked-in, 0/1 High-risk, 9/1 Reachable.
    expect(await segment(col([9, 0, 0, 9]), col([2, 2, 1, 1]), 2)).toEqual(col(["Loyal", "Locked-in", "High-risk", "Reachable"]));
  });

  it("accepts the cutoff as a 1×1 range", async () => {
    expect(await segment(col([9, 0]), col([2, 1]), [[2]])).toEqual(col(["Loyal", "High-risk"]));
  });

  it("reads price_driven as TRUE/FALSE, shares, text TRUE and blanks", async () => {
    // Cutoff 1, all high promoters: price-driven → Reachable, else Loyal.
    // true, 0.5 (≥ 0.5), "TRUE" → price-driven; false, 0.2, null, "" → not.
    const out = await segment(col([10, 10, 10, 10, 10, 10, 10]), col([1, 1, 1, 1, 1, 1, 1]), 1, col([true, 0.5, "TRUE", false, 0.2, null, ""]));
    expect(out).toEqual(col(["Reachable", "Reachable", "Reachable", "Loyal", "Loyal", "Loyal", "Loyal"]));
  });

  it("reads price_driven in the data-type form as every other argument does (issue 10)", async () => {
    // { type: "Double", basicValue: 0 } is how Excel passes a number cell to a data-type-aware function: 0 → not
    // price-driven (Loyal for a high promoter), 0.7 → price-driven (Reachable); a Boolean data type likewise.
    const priceDriven = col([{ type: "Double", basicValue: 0 }, { type: "Double", basicValue: 0.7 }, { type: "Boolean", basicValue: true }]);
    expect(await segment(col([10, 10, 10]), col([1, 1, 1]), 1, priceDriven)).toEqual(col(["Loyal", "Reachable", "Reachable"]));
    expect(await segment(col([10, 10]), col([1, 1]), 1, [[{ type: "Double", basicValue: 0 }]])).toEqual(col(["Loyal", "Loyal"]));
  });

  it("reuses a single price_driven cell for every customer", async () => {
    // Detractor with high behaviour would be Locked-in; price-driven makes it High-risk.
    expect(await segment(col([10, 0]), col([5, 5]), 1, [[true]])).toEqual(col(["Reachable", "High-risk"]));
  });

  it("puts a share above 1 in its own row as #VALUE!", async () => {
    const out = await segment(col([10, 10]), col([5, 5]), 1, col([60, 0]));
    expect(errorOf(out[0][0])).toEqual({ code: "#VALUE!", message: "price_driven, row 1: expected TRUE/FALSE or a share of discounted orders from 0 to 1, found 60" });
    expect(out[1][0]).toBe("Loyal");
  });

  it("says a share is allowed too when price_driven holds text", async () => {
    // readBoolean's "expected TRUE or FALSE, found text …" gains the share option before "found", not after the found text.
    const out = await segment(col([10, 10]), col([5, 5]), 1, col(["maybe", false]));
    expect(errorOf(out[0][0])).toEqual({
      code: "#VALUE!",
      message: 'price_driven, row 1: expected TRUE/FALSE or a share of discounted orders from 0 to 1, found text "maybe"',
    });
    expect(out[1][0]).toBe("Loyal");
  });

  it("gives #N/A in a row with no recommend score, blank as null or ''", async () => {
    const out = await segment(col([null, "", 10]), col([5, 5, 5]), 1);
    expect(errorOf(out[0][0])).toEqual({ code: "#N/A", message: "recommend_scores, row 1: no recommend score for this customer" });
    expect(errorOf(out[1][0])).toEqual({ code: "#N/A", message: "recommend_scores, row 2: no recommend score for this customer" });
    expect(out[2][0]).toBe("Loyal");
  });

  it("treats a recommend score of 0 as a real detractor", async () => {
    expect(await segment(col([0]), col([5]), 1)).toEqual([["Locked-in"]]);
  });

  it("names text and out-of-range scores in their rows", async () => {
    const out = await segment(col(["ten", 11, 9]), col([5, 5, 5]), 1);
    expect(errorOf(out[0][0])).toEqual({ code: "#VALUE!", message: 'recommend_scores, row 1: expected a 0–10 score, found text "ten"' });
    expect(errorOf(out[1][0])).toEqual({ code: "#VALUE!", message: "recommend_scores, row 2: expected a likelihood-to-recommend score from 0 to 10, found 11" });
    expect(out[2][0]).toBe("Loyal");
  });

  it("passes an input error cell on in its row", async () => {
    const na = new (globalThis as any).CustomFunctions.Error("#N/A", "lookup failed");
    const out = await segment(col([10, 10]), col([na, 5]), 1);
    expect(errorOf(out[0][0])).toEqual({ code: "#N/A", message: "behaviour, row 1: the cell holds #N/A" });
    expect(out[1][0]).toBe("Loyal");
  });

  it("rejects an Excel data-type object in a cell with #VALUE! in its row", async () => {
    const entity = { type: "Entity", text: "Contoso", properties: {} };
    const out = await segment(col([10, entity]), col([5, 5]), 1);
    expect(out[0][0]).toBe("Loyal");
    // The wording comes from cells.ts; what matters here is the code, the row and the reason.
    expect(errorOf(out[1][0])).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^recommend_scores, row 2: the cell holds .*data type.*expected a plain value$/) });
  });

  it("gives #N/A for a blank behaviour value, and leaves it out of the median", async () => {
    // Behaviour 1, blank, 3 → median of 1 and 3 = 2; 3 is high.
    const out = await segment(col([10, 10, 10]), col([1, null, 3]));
    expect(out[0][0]).toBe("Reachable");
    expect(errorOf(out[1][0])).toEqual({ code: "#N/A", message: "behaviour, row 2: no behaviour value for this customer" });
    expect(out[2][0]).toBe("Loyal");
  });

  it("asks for a cutoff when every behaviour value ties", async () => {
    expect(errorOf((await segment(col([10, 0, 7]), col([4, 4, 4]))))).toEqual({
      code: "#VALUE!",
      message: "behaviour: with high meaning above the median (4), no customer is high; give a behaviour_cutoff (high means at least the cutoff)",
    });
  });

  it("needs a cutoff for a single-cell behaviour", async () => {
    expect(errorOf((await segment(col([10, 0]), [[5]])))?.message).toMatch(/^behaviour is a single value.*behaviour_cutoff/);
    // With a cutoff it is reused for every customer: 5 ≥ 5 is high.
    expect(await segment(col([10, 0]), [[5]], 5)).toEqual(col(["Loyal", "Locked-in"]));
  });

  it("fails the whole call for mismatched lengths, a 2-D range and a bad cutoff", async () => {
    expect(errorOf((await segment(col([1, 2]), col([1, 2, 3]), 1)))?.message).toBe("behaviour has 3 rows but recommend_scores has 2; give ranges with the same number of rows");
    expect(errorOf((await segment([[1, 2], [3, 4]], col([1, 2]), 1)))?.message).toMatch(/^recommend_scores: expected a single column or row/);
    expect(errorOf((await segment(col([1]), col([1]), "high")))).toEqual({ code: "#VALUE!", message: 'behaviour_cutoff: expected a number, found text "high"' });
    expect(errorOf((await segment(col([1, 2]), col([1, 2]), [[1], [2]])))?.message).toMatch(/^behaviour_cutoff: expected a single value/);
  });

  it("treats a blank cutoff (null or '') as left out, and 0 as a real cutoff", async () => {
    expect(await segment(col([10, 10]), col([1, 3]), "")).toEqual(col(["Reachable", "Loyal"]));
    expect(await segment(col([10, 10]), col([1, 3]), null)).toEqual(col(["Reachable", "Loyal"]));
    expect(await segment(col([10, 10]), col([1, 3]), 0)).toEqual(col(["Loyal", "Loyal"]));
  });

  it("accepts a row of customers as well as a column", async () => {
    expect(await segment([[10, 3]], [[6, 1]], 2)).toEqual(col(["Loyal", "High-risk"]));
  });
});
