import { serialFromIsoText } from "../../src/analytics/orders/dates";
import { rfmscore, rfmsegment, rfmtable } from "../../src/functions/rfm";
import { excelError } from "../support/customFunctionsStub";
import { RFM_PACKAGE_TEST_RULES_GRID, readRfmOrders } from "../support/rfmOrders";

const col = (...values: unknown[]) => values.map((v) => [v]);
const HEADER = ["Customer", "First order", "Last order", "Orders", "Revenue", "Recency days"];
const inputError = (code: string, message: string) => new (globalThis as any).CustomFunctions.Error(code, message);

describe("LOYALTY.RFMTABLE", () => {
  // rfmTable.ts worked example: (A, 45000, 10), (B, 45002, 5), (A, 45010, 20), (B, 45020, 7), as_of 45015.
  const ids = col("A", "B", "A", "B");
  const dates = col(45000, 45002, 45010, 45020);
  const amounts = col(10, 5, 20, 7);

  it("spills a header and one row per customer, leaving out orders after as_of", async () => {
    expect(await rfmtable(ids, dates, amounts, 45015)).toEqual([
      HEADER,
      ["A", 45000, 45010, 2, 30, 5], // recency 45015 − 45010
      ["B", 45002, 45002, 1, 5, 13], // the 45020 order has not happened as of 45015
    ]);
  });

  it("defaults as_of to the latest order date", async () => {
    expect(await rfmtable(ids, dates, amounts, null)).toEqual([HEADER, ["A", 45000, 45010, 2, 30, 10], ["B", 45002, 45020, 2, 12, 0]]);
  });

  it("reads ISO date text like serials, and as_of as ISO text", async () => {
    // 2024-03-31 is serial 45382; 2024-04-10 is 45392. Recency to 2024-04-30 (45412) = 20.
    const out = await rfmtable(col("A", "A"), col("2024-03-31", 45392), col(1, 2), "2024-04-30");
    expect(out[1]).toEqual(["A", 45382, 45392, 2, 3, 20]);
  });

  it("treats 1001 and \"1001\" as one customer and keeps the id as first given", async () => {
    const out = await rfmtable(col(1001, " 1001 ", "B7"), col(45000, 45001, 45002), col(1, 1, 1), 45002);
    expect(out.map((row) => row[0])).toEqual(["Customer", 1001, "B7"]);
    expect(out[1][3]).toBe(2);
  });

  it("counts 0 as a real amount", async () => {
    expect((await rfmtable(col("A"), col(45000), col(0), 45000))[1]).toEqual(["A", 45000, 45000, 1, 0, 0]);
  });

  it("fails only the customer of a row with text for a date, naming the input row", async () => {
    const out = await rfmtable(col("A", "B", "A"), col(45000, 45001, "03/04/2024"), col(1, 2, 3), 45010);
    expect(out[2]).toEqual(["B", 45001, 45001, 1, 2, 9]);
    expect(out[1][0]).toBe("A");
    expect(excelError(out[1][1])).toEqual({
      code: "#VALUE!",
      message: 'customer A: order_dates, row 3: expected a date, found text "03/04/2024"; use a real date or ISO text such as 2024-03-31',
    });
    expect(excelError(out[1][5])?.code).toBe("#VALUE!");
  });

  it("treats a blank amount, as null or \"\", as an error for that customer", async () => {
    const out = await rfmtable(col("A", "B", "C"), col(45000, 45000, 45000), col(null, "", 5), 45000);
    expect(excelError(out[1][4])).toEqual({ code: "#VALUE!", message: "customer A: amounts, row 1: the cell is blank; expected the order's amount" });
    expect(excelError(out[2][4])?.message).toBe("customer B: amounts, row 2: the cell is blank; expected the order's amount");
    expect(out[3]).toEqual(["C", 45000, 45000, 1, 5, 0]);
  });

  it("passes an error value in a date cell on to that customer's row", async () => {
    const out = await rfmtable(col("A"), col(inputError("#N/A", "lookup failed")), col(5), 45000);
    expect(excelError(out[1][2])).toEqual({ code: "#N/A", message: "customer A: order_dates, row 1: the cell holds #N/A" });
  });

  it("fails the call on an order row without a customer id", async () => {
    expect(excelError(await rfmtable(col("A", "", "B"), col(45000, 45001, 45002), col(1, 2, 3), null))).toEqual({
      code: "#VALUE!",
      message:
        "customer_ids, row 2: the customer id is blank, so this order cannot be assigned to a customer; fill it in or clear the whole row",
    });
  });

  it("skips wholly blank rows and a heading row", async () => {
    const out = await rfmtable(col("Customer", "A", null, ""), col("Order date", 45000, null, ""), col("Amount", 4, null, null), null);
    expect(out).toEqual([HEADER, ["A", 45000, 45000, 1, 4, 0]]);
  });

  it("skips rows of 0, 0, 0, which is how older desktop builds pass blank rows", async () => {
    // Date 0 is not a valid date, so such a row cannot be a real order.
    const out = await rfmtable(col("A", 0, 0), col(45000, 0, 0), col(4, 0, null), null);
    expect(out).toEqual([HEADER, ["A", 45000, 45000, 1, 4, 0]]);
  });

  it("fails with #N/A when no order is on or before as_of", async () => {
    // Serial 44000 is 2020-06-18 (1899-12-30 + 44000 days).
    expect(excelError(await rfmtable(col("A"), col(45000), col(1), 44000))).toEqual({
      code: "#N/A",
      message: "order_dates: no orders on or before 2020-06-18 (as_of_date); the earliest order is later",
    });
  });

  it("fails with #N/A on a range with no orders", async () => {
    expect(excelError(await rfmtable(col(null), col(null), col(null), null))?.code).toBe("#N/A");
  });

  it("says there are no orders, not a date before 1900, when every row is blank", async () => {
    // Blank rows used to leave date 0 behind, read as the latest order date: "no orders on or before 1899-12-31".
    const noOrders = { code: "#N/A", message: "customer_ids: no orders in the range" };
    expect(excelError(await rfmtable(col(null, "", null), col(null, "", null), col("", null, null), null))).toEqual(noOrders);
    expect(excelError(await rfmtable(col(0, 0), col(0, 0), col(0, 0), null))).toEqual(noOrders); // older builds' blanks
    expect(excelError(await rfmtable(col(null, null), col(null, null), col(null, null), 45000))).toEqual(noOrders);
    expect(excelError(await rfmtable(col("Customer", null), col("Date", null), col("Amount", null), null))).toEqual(noOrders);
  });

  it("does not let a blank row's missing date move the default as_of_date", async () => {
    // A blank row between orders: as_of is still the latest real order, 45010, so A's recency is 10.
    expect(await rfmtable(col("A", null, "B"), col(45000, null, 45010), col(4, null, 6), null)).toEqual([
      HEADER,
      ["A", 45000, 45000, 1, 4, 10],
      ["B", 45010, 45010, 1, 6, 0],
    ]);
  });

  it("fails the call on ranges of different lengths and on a bad as_of_date", async () => {
    expect(excelError(await rfmtable(col("A", "B"), col(1, 2, 3), col(1, 2), null))).toEqual({
      code: "#VALUE!",
      message: "order_dates has 3 rows but customer_ids has 2; give ranges with the same number of rows",
    });
    expect(excelError(await rfmtable(ids, dates, amounts, "soon"))?.message).toMatch(/^as_of_date: expected a date, found text "soon"/);
  });
});

describe("LOYALTY.RFMSCORE", () => {
  it("computes the 2-bin example of rfmScores.ts", async () => {
    // Medians 50, 2, 120 → breaks 51, 3, 121 → 222, 211, 111.
    expect(await rfmscore(col(10, 50, 200), col(5, 2, 1), col(500, 120, 40), 2, null)).toEqual([[222], [211], [111]]);
  });

  it("uses 5 bins and the rfm method by default", async () => {
    // Worked example counts 1 1 1 2 2 3 4 5 8 12 in every column: F and M digits 1 1 1 2 2 3 3 4 5 5, R reversed.
    const v = col(1, 1, 1, 2, 2, 3, 4, 5, 8, 12);
    expect(await rfmscore(v, v, v, null, null)).toEqual(col(511, 511, 511, 422, 422, 333, 333, 244, 155, 155));
  });

  it("takes the method in any case and refuses unknown ones", async () => {
    // Quantile method on the same counts: F digits 2 2 2 3 3 3 4 4 5 5 (rfmScores test); R reversed: 4 4 4 3 3 3 2 2 1 1.
    const v = col(1, 1, 1, 2, 2, 3, 4, 5, 8, 12);
    expect((await rfmscore(v, v, v, 5, "QUANTILE"))[0]).toEqual([422]);
    expect(excelError(await rfmscore(v, v, v, 5, "median"))).toEqual({ code: "#VALUE!", message: 'method: expected "rfm" or "quantile", found "median"' });
  });

  it("fails the call for bins outside 2–9", async () => {
    expect(excelError(await rfmscore(col(1), col(1), col(1), 10, null))).toEqual({
      code: "#VALUE!",
      message: "bins: expected a whole number from 2 to 9, found 10",
    });
    expect(excelError(await rfmscore(col(1), col(1), col(1), "five", null))?.message).toBe('bins: expected a whole number from 2 to 9, found text "five"');
  });

  it("gives #N/A to a customer with a blank value and leaves it out of the quantiles", async () => {
    // Without row 2, recency 10/200, frequency 5/1, monetary 500/40 (2 bins): medians 105, 3, 270 → breaks 106, 4, 271.
    // Row 1: R [10,106) → 2, F 5 → 2, M 500 → 2 → 222. Row 3: R 200 → 1, F 1 → 1, M 40 → 1 → 111.
    const out = await rfmscore(col(10, null, 200), col(5, 2, 1), col(500, "", 40), 2, null);
    expect(out[0]).toEqual([222]);
    expect(excelError(out[1][0])).toEqual({ code: "#N/A", message: "recency_days, row 2: the cell is blank; no RFM score without all three values" });
    expect(out[2]).toEqual([111]);
  });

  it("gives #VALUE! naming the row for text, and passes error values on", async () => {
    const out = await rfmscore(col(10, 20, 30), col(1, "two", 3), col(5, 5, inputError("#DIV/0!", "")), 2, null);
    expect(excelError(out[1][0])).toEqual({ code: "#VALUE!", message: 'frequency, row 2: expected a number, found text "two"' });
    expect(excelError(out[2][0])?.code).toBe("#DIV/0!");
    expect(typeof out[0][0]).toBe("number");
  });

  it("fails the call on columns of different lengths", async () => {
    expect(excelError(await rfmscore(col(1, 2), col(1, 2, 3), col(1, 2), null, null))?.code).toBe("#VALUE!");
  });
});

describe("LOYALTY.RFMSEGMENT", () => {
  it("names segments with the default rules and Others when none matches", async () => {
    // 555 Champions; 341 matches no default rule (see rfmSegments test); 151 Lost.
    expect(await rfmsegment(col(555, 341, 151), null as any)).toEqual(col("Champions", "Others", "Lost"));
  });

  it("gives #VALUE! for a digit above 5 with the default rules", async () => {
    expect(excelError((await rfmsegment(col(555, 615), null as any))[1][0])).toEqual({
      code: "#VALUE!",
      message: "rfm_scores, row 2: 615 has a digit above 5, which the default rules do not cover; give your own rules for more bins",
    });
  });

  it("uses a rules range with a header row, where digits up to 9 are fine", async () => {
    const rules = [
      ["Segment", "R low", "R high", "F low", "F high", "M low", "M high"],
      ["Top", 7, 9, 7, 9, 7, 9],
      ["Rest", 1, 9, 1, 9, 1, 6],
    ];
    // 789 → Top; 616 → R 6, F 1, M 6 → Rest; 197 → M 7 is above Rest's 1–6 → Others.
    expect(await rfmsegment(col(789, 616, 197), rules)).toEqual(col("Top", "Rest", "Others"));
  });

  it("gives #N/A for a blank score and #VALUE! for a value that is not an RFM score", async () => {
    const out = await rfmsegment(col(null, "", 55, "abc"), null as any);
    expect(excelError(out[0][0])).toEqual({ code: "#N/A", message: "rfm_scores, row 1: the cell is blank; no RFM score" });
    expect(excelError(out[1][0])?.code).toBe("#N/A");
    expect(excelError(out[2][0])?.message).toBe("rfm_scores, row 3: expected a three-digit RFM score with digits 1 to 9 such as 345, found 55");
    expect(excelError(out[3][0])?.message).toBe('rfm_scores, row 4: expected a three-digit RFM score such as 345, found text "abc"');
  });

  it("fails the call for bad rules, naming the rules cell", async () => {
    expect(excelError((await rfmsegment(col(555), [["Top", 1, 5, 1, 5, 1, 10]])))).toEqual({
      code: "#VALUE!",
      message: "rules, row 1, column 7: expected a digit from 1 to 9 (M high), found 10",
    });
  });

  it("uses the default rules when rules is a blank cell", async () => {
    expect(await rfmsegment(col(555), [[null]])).toEqual([["Champions"]]);
  });
});

describe("RFMTABLE → RFMSCORE → RFMSEGMENT on the rfm package's order log", () => {
  it("gives Champions 158 customers, 1234 orders and 120178 revenue (rfm package test)", async () => {
    // rsquaredacademy/rfm tests/testthat/test-rfm-segment.R: analysis date 2006-12-31, the test's rules →
    // rfm_segment_summary Champions: customers 158, orders 1234, revenue 120178.
    const log = readRfmOrders();
    const table = await rfmtable(col(...log.ids), col(...log.isoDates), col(...log.amounts), "2006-12-31");
    expect(table[0]).toEqual(HEADER);
    const rows = table.slice(1);
    expect(rows.length).toBe(995);
    const scores = await rfmscore(
      rows.map((r) => [r[5]]),
      rows.map((r) => [r[3]]),
      rows.map((r) => [r[4]]),
      null,
      null,
    );
    const segments = await rfmsegment(scores, RFM_PACKAGE_TEST_RULES_GRID);
    const champions = rows.filter((_, i) => segments[i][0] === "Champions");
    expect(champions.length).toBe(158);
    expect(champions.reduce((s, r) => s + (r[3] as number), 0)).toBe(1234);
    expect(champions.reduce((s, r) => s + (r[4] as number), 0)).toBe(120178);
    // Recency counts days from the last order to 2006-12-31: Brion Stark's last order is 2006-05-16 → 229.
    expect(rows[0]).toEqual(["Brion Stark", serialFromIsoText("2004-12-20"), serialFromIsoText("2006-05-16"), 8, 852, 229]);
  });
});
