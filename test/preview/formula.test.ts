/**
 * The preview's formula box: parsing (no eval), arguments passed the way Excel passes them to
 * custom functions (functions.json dimensionality), spilling, and Excel's refusals and errors.
 */
import { WorkbookModel } from "../../src/preview/fakeExcel";
import { FormulaInputError, FunctionInfo, Host, enterConstant, enterFormula } from "../../src/preview/formula/evaluate";
import { formatCell, formatGeneral } from "../../src/preview/formula/format";
import { FormulaSyntaxError, parseFormula } from "../../src/preview/formula/parse";
import { createCustomFunctions } from "../../src/preview/host/customFunctions";

function host(): { host: Host; calls: unknown[][] } {
  const model = new WorkbookModel(["Customers", "My sheet"]);
  const sheet = model.sheet("Customers")!;
  [["Score"], [10], [null], [""], [7], [{ error: "#N/A" }]].forEach((row, r) => sheet.set(r, 0, row[0] === "" ? null : (row[0] as never)));
  const cf = createCustomFunctions();
  const calls: unknown[][] = [];
  // ECHO(range, [single]) returns what it was given, so the test sees Excel's calling convention.
  cf.associate("ECHO", (...args: unknown[]) => {
    calls.push(args);
    return [[args.length]];
  });
  cf.associate("TWICE", (range: unknown) => (range as number[][]).map((row) => row.map((v) => v * 2)));
  cf.associate("FAIL", () => new cf.Error("#VALUE!", "scores, row 2: expected a score from 0 to 10"));
  cf.associate("LATER", async () => 42);
  // CODE(code) returns that error with a message, as a function of the add-in would.
  cf.associate("CODE", (code: unknown) => new cf.Error(String(code), "a message Excel shows only on #VALUE! and #N/A"));
  cf.associate("HUGE", () => Infinity);
  const functions = new Map<string, FunctionInfo>([
    ["ECHO", { id: "ECHO", name: "ECHO", parameters: [{ name: "range", dimensionality: "matrix" }, { name: "single", optional: true }] }],
    ["TWICE", { id: "TWICE", name: "TWICE", parameters: [{ name: "range", dimensionality: "matrix" }] }],
    ["FAIL", { id: "FAIL", name: "FAIL", parameters: [] }],
    ["LATER", { id: "LATER", name: "LATER", parameters: [] }],
    ["CODE", { id: "CODE", name: "CODE", parameters: [{ name: "code" }] }],
    ["HUGE", { id: "HUGE", name: "HUGE", parameters: [] }],
  ]);
  return { host: { model, functions, registry: cf.registry, ErrorClass: cf.Error }, calls };
}

describe("the preview's formula box", () => {
  it("parses calls, literals, ranges on quoted sheets, array constants and omitted arguments", () => {
    expect(parseFormula(`=LOYALTY.ECHO('My sheet'!A1:B2, , -1.5e2, "a""b", TRUE, #N/A, {1,2;3,4})`)).toEqual({
      kind: "call",
      name: "ECHO",
      args: [
        { kind: "range", sheet: "My sheet", rect: { row: 0, col: 0, rows: 2, cols: 2 }, text: "'My sheet'!A1:B2" },
        null,
        { kind: "literal", value: -150 },
        { kind: "literal", value: 'a"b' },
        { kind: "literal", value: true },
        { kind: "literal", value: { error: "#N/A" } },
        { kind: "array", rows: [[1, 2], [3, 4]] },
      ],
    });
  });

  it("reads percent literals as Excel does: 10% is 0.1, 2.5% is 0.025, 5%% is 0.0005", () => {
    // The README's example =LOYALTY.CLTV(1000, 2.5, 0, 1, 10%)
    expect(parseFormula("=LOYALTY.CLTV(1000, 2.5, 0, 1, 10%)")).toEqual({
      kind: "call",
      name: "CLTV",
      args: [1000, 2.5, 0, 1, 0.1].map((value) => ({ kind: "literal", value })),
    });
    expect(parseFormula("=LOYALTY.ECHO(2.5%, 5%%, {50%,1})")).toEqual({
      kind: "call",
      name: "ECHO",
      args: [{ kind: "literal", value: 0.025 }, { kind: "literal", value: 0.0005 }, { kind: "array", rows: [[0.5, 1]] }],
    });
  });

  it("refuses other functions, whole columns and broken syntax with the position", () => {
    expect(() => parseFormula("=SUM(A1:A3)")).toThrow(/only LOYALTY functions/);
    expect(() => parseFormula("=LOYALTY.NPS(G:G)")).toThrow(/whole column/);
    expect(() => parseFormula("=LOYALTY.NPS(G2:G9")).toThrow(FormulaSyntaxError);
    expect(() => parseFormula("=LOYALTY.NPS({1,2;3})")).toThrow(/same number of values/);
    expect(() => parseFormula(`=LOYALTY.NPS(${"1,".repeat(5000)}1)`)).toThrow(/8,192/);
  });

  it("passes a range as a grid with blanks as null and error cells as CustomFunctions.Error, and omitted optionals as null", async () => {
    const { host: h, calls } = host();
    const sheet = h.model.sheet("My sheet")!;
    await enterFormula(h, sheet, 0, 3, "=LOYALTY.ECHO(Customers!A2:A6)");
    const [range, single] = calls[0] as [unknown[][], unknown];
    expect(range.slice(0, 4)).toEqual([[10], [null], [null], [7]]);
    expect(range[4][0]).toMatchObject({ code: "#N/A" });
    expect(range[4][0]).toBeInstanceOf(h.ErrorClass);
    expect(single).toBeNull();
  });

  it("passes a single-value parameter as the value itself and a literal range argument as [[v]]", async () => {
    const { host: h, calls } = host();
    await enterFormula(h, h.model.sheet("My sheet")!, 0, 0, "=LOYALTY.ECHO(5, Customers!A2)");
    expect(calls[0]).toEqual([[[5]], 10]);
  });

  it("spills a 2-D result from the formula's cell and keeps the formula text there", async () => {
    const { host: h } = host();
    const sheet = h.model.sheet("My sheet")!;
    const result = await enterFormula(h, sheet, 1, 1, "=LOYALTY.TWICE({1,2;3,4})");
    expect(result).toMatchObject({ rows: 2, cols: 2, anchor: 2 });
    expect([sheet.get(1, 1), sheet.get(1, 2), sheet.get(2, 1), sheet.get(2, 2)]).toEqual([2, 4, 6, 8]);
    expect(sheet.formula(1, 1)).toBe("=LOYALTY.TWICE({1,2;3,4})");
    // Re-entering a smaller result clears the old spill.
    await enterFormula(h, sheet, 1, 1, "=LOYALTY.TWICE(1)");
    expect([sheet.get(1, 1), sheet.get(1, 2), sheet.get(2, 2)]).toEqual([2, null, null]);
  });

  it("gives #SPILL! when the spill range is not empty", async () => {
    const { host: h } = host();
    const sheet = h.model.sheet("My sheet")!;
    enterConstant(sheet, 1, 0, "in the way");
    const result = await enterFormula(h, sheet, 0, 0, "=LOYALTY.TWICE({1;2})");
    expect(result.anchor).toMatchObject({ error: "#SPILL!" });
    expect(sheet.get(1, 0)).toBe("in the way");
  });

  it("shows a returned CustomFunctions.Error with its message, and awaits async functions", async () => {
    const { host: h } = host();
    const sheet = h.model.sheet("My sheet")!;
    expect((await enterFormula(h, sheet, 0, 0, "=LOYALTY.FAIL()")).anchor).toEqual({ error: "#VALUE!", message: "scores, row 2: expected a score from 0 to 10" });
    expect((await enterFormula(h, sheet, 1, 0, "=LOYALTY.LATER()")).anchor).toBe(42);
  });

  it("drops the message on #NUM!, #NULL! and #DIV/0! and keeps it on #VALUE! and #N/A, as Excel does", async () => {
    // Microsoft, "Handle and return errors from your custom function": only #VALUE! and #N/A show a custom message.
    const { host: h } = host();
    const sheet = h.model.sheet("My sheet")!;
    const shown: unknown[] = [];
    for (const [i, code] of ["#NUM!", "#NULL!", "#DIV/0!", "#VALUE!", "#N/A"].entries()) {
      shown.push((await enterFormula(h, sheet, i, 0, `=LOYALTY.CODE("${code}")`)).anchor);
    }
    const message = "a message Excel shows only on #VALUE! and #N/A";
    expect(shown).toEqual([{ error: "#NUM!" }, { error: "#NULL!" }, { error: "#DIV/0!" }, { error: "#VALUE!", message }, { error: "#N/A", message }]);
    // A non-finite number is shown as Excel shows it: a bare #NUM!.
    expect((await enterFormula(h, sheet, 6, 0, "=LOYALTY.HUGE()")).anchor).toEqual({ error: "#NUM!" });
  });

  it("gives #NAME? for an unknown function and refuses too few or too many arguments", async () => {
    const { host: h } = host();
    const sheet = h.model.sheet("My sheet")!;
    expect((await enterFormula(h, sheet, 0, 0, "=LOYALTY.NOPE(1)")).anchor).toMatchObject({ error: "#NAME?" });
    await expect(enterFormula(h, sheet, 0, 0, "=LOYALTY.ECHO()")).rejects.toThrow(FormulaInputError);
    await expect(enterFormula(h, sheet, 0, 0, "=LOYALTY.ECHO(1, 2, 3)")).rejects.toThrow(/too many arguments/);
  });

  it("reads typed constants as Excel does: numbers, booleans, error values, 'text", () => {
    const sheet = new WorkbookModel().sheets[0];
    expect(["12.5", "true", "#N/A", "'10", "Cust #7", ""].map((t, i) => enterConstant(sheet, i, 0, t))).toEqual([12.5, true, { error: "#N/A" }, "10", "Cust #7", null]);
  });

  it("formats numbers like Excel's General format, dates and percentages", () => {
    // General shows up to 11 characters: 1/3 → 0.333333333, 123456789012 → 1.23457E+11.
    expect([formatGeneral(1 / 3), formatGeneral(266.6666666667), formatGeneral(123456789012), formatGeneral(-40), formatGeneral(0.6)]).toEqual([
      "0.333333333",
      "266.6666667",
      "1.23457E+11",
      "-40",
      "0.6",
    ]);
    // Serial 39082 is 2006-12-31 in the 1900 date system.
    expect([formatCell(39082, "yyyy-mm-dd"), formatCell(0.456, "0.0%"), formatCell(1234.5, "#,##0.00"), formatCell(true), formatCell({ error: "#N/A" })]).toEqual([
      "2006-12-31",
      "45.6%",
      "1,234.50",
      "TRUE",
      "#N/A",
    ]);
  });
});
