/**
 * The preview's formula box and grid in the workbook's culture (the language switch, ?lang=de-DE):
 * with a decimal comma (de-DE, nb-NO) arguments are separated by ";" and numbers written 0,8, as
 * German and Norwegian Excel read them; en-US keeps "," and 0.8. Cells keep raw numbers; the grid
 * shows them with the culture's separators.
 */
import { FAKE_CULTURES, WorkbookModel, separatorsOf, setCulture } from "../../../src/preview/fakeExcel";
import { FunctionInfo, Host, enterConstant, enterFormula } from "../../../src/preview/formula/evaluate";
import { formatCell } from "../../../src/preview/formula/format";
import { COMMA_SYNTAX, FormulaSyntaxError, POINT_SYNTAX, parseFormula, syntaxFor } from "../../../src/preview/formula/parse";
import { createCustomFunctions } from "../../../src/preview/host/customFunctions";
import { addressWithLanguage, previewLanguageOf } from "../../../src/preview/host/language";
import { clv } from "../../../src/functions/lifetimeValue";

const literals = (...values: unknown[]) => values.map((value) => ({ kind: "literal", value }));

/** A workbook in `culture` with the add-in's real LOYALTY.CLV registered as Excel would call it (every argument a matrix, functions.json). */
function hostIn(culture: keyof typeof FAKE_CULTURES): Host {
  const model = new WorkbookModel(["Formulas"]);
  setCulture(model, FAKE_CULTURES[culture]);
  const cf = createCustomFunctions();
  cf.associate("CLV", clv as (...args: unknown[]) => unknown);
  const matrix = (name: string, optional = false) => ({ name, dimensionality: "matrix", optional });
  const functions = new Map<string, FunctionInfo>([
    ["CLV", { id: "CLV", name: "CLV", parameters: [matrix("margin_per_period"), matrix("retention_rate"), matrix("discount_rate"), matrix("acquisition_cost", true)] }],
  ]);
  return { model, functions, registry: cf.registry, ErrorClass: cf.Error };
}

// README, LOYALTY.CLV: CLV = m × r / (1 + d − r) − AC; =LOYALTY.CLV(100, 0.8, 0.1) = 100 × 0.8 / 0.3 = 266.67,
// =LOYALTY.CLV(100, 80%, 10%, 50) = 266.67 − 50 = 216.67. By hand: 80 / 0.3 = 266.666…
const CLV_EXAMPLE = 80 / 0.3;

describe("the formula box with a decimal comma", () => {
  it("reads ; between arguments and 0,8 as a number", () => {
    expect(parseFormula("=LOYALTY.CLV(100; 0,8; 0,1)", COMMA_SYNTAX)).toEqual({ kind: "call", name: "CLV", args: literals(100, 0.8, 0.1) });
    // Percent literals, a leading comma, an exponent and a sign, as Excel reads them: 80% = 0.8, ,5 = 0.5, -1,5E2 = -150.
    expect(parseFormula("=LOYALTY.CLV(100;80%; ,5 ;-1,5E2)", COMMA_SYNTAX)).toEqual({ kind: "call", name: "CLV", args: literals(100, 0.8, 0.5, -150) });
  });

  it("keeps omitted arguments, ranges and array constants (columns by . or backslash, rows by ;)", () => {
    expect(parseFormula("=LOYALTY.SEGMENT(Customers!G2:G996; Customers!D2:D996; ; Customers!I2:I996)", COMMA_SYNTAX)).toEqual({
      kind: "call",
      name: "SEGMENT",
      args: [
        { kind: "range", sheet: "Customers", rect: { row: 1, col: 6, rows: 995, cols: 1 }, text: "Customers!G2:G996" },
        { kind: "range", sheet: "Customers", rect: { row: 1, col: 3, rows: 995, cols: 1 }, text: "Customers!D2:D996" },
        null,
        { kind: "range", sheet: "Customers", rect: { row: 1, col: 8, rows: 995, cols: 1 }, text: "Customers!I2:I996" },
      ],
    });
    expect(parseFormula("=LOYALTY.TWICE({1,5.2;3\\4})", COMMA_SYNTAX)).toEqual({ kind: "call", name: "TWICE", args: [{ kind: "array", rows: [[1.5, 2], [3, 4]] }] });
  });

  it("refuses en-US separators and says which ones this culture uses", () => {
    expect(() => parseFormula("=LOYALTY.CLV(100, 0.8, 0.1)", COMMA_SYNTAX)).toThrow(FormulaSyntaxError);
    expect(() => parseFormula("=LOYALTY.CLV(100, 0.8, 0.1)", COMMA_SYNTAX)).toThrow(/arguments are separated by ";" and numbers written as 0,8/);
    expect(() => parseFormula("=LOYALTY.CLV(100; 0.8; 0.1)", COMMA_SYNTAX)).toThrow(/numbers written as 0,8/);
  });
});

describe("the formula box with a decimal point (en-US)", () => {
  it("keeps , between arguments and 0.8, and refuses ; with a hint", () => {
    expect(parseFormula("=LOYALTY.CLV(100, 0.8, 0.1)")).toEqual({ kind: "call", name: "CLV", args: literals(100, 0.8, 0.1) });
    expect(parseFormula("=LOYALTY.CLV(100, 0.8, 0.1)", POINT_SYNTAX)).toEqual(parseFormula("=LOYALTY.CLV(100, 0.8, 0.1)"));
    expect(() => parseFormula("=LOYALTY.CLV(100; 0,8; 0,1)", POINT_SYNTAX)).toThrow(/arguments are separated by "," and numbers written as 0.8/);
  });
});

describe("formulas entered in the workbook's culture", () => {
  it.each(["de-DE", "nb-NO"] as const)("%s: =LOYALTY.CLV(100; 0,8; 0,1) gives 266.666… in the cell, shown as 266,6666667", async (culture) => {
    const h = hostIn(culture);
    const sheet = h.model.sheet("Formulas")!;
    const result = await enterFormula(h, sheet, 0, 0, "=LOYALTY.CLV(100; 0,8; 0,1)");
    expect(result.anchor).toBeCloseTo(CLV_EXAMPLE, 10);
    expect(sheet.formula(0, 0)).toBe("=LOYALTY.CLV(100; 0,8; 0,1)");
    // Excel's General format: 11 characters, here with the decimal comma.
    expect(formatCell(sheet.get(0, 0), "General", separatorsOf(h.model))).toBe("266,6666667");
    await enterFormula(h, sheet, 1, 0, "=LOYALTY.CLV(100; 80%; 10%; 50)");
    expect(sheet.get(1, 0)).toBeCloseTo(CLV_EXAMPLE - 50, 10);
    await expect(enterFormula(h, sheet, 2, 0, "=LOYALTY.CLV(100, 0.8, 0.1)")).rejects.toThrow(/separated by ";"/);
  });

  it("en-US: =LOYALTY.CLV(100, 0.8, 0.1) as before, shown as 266.6666667", async () => {
    const h = hostIn("en-US");
    const sheet = h.model.sheet("Formulas")!;
    await enterFormula(h, sheet, 0, 0, "=LOYALTY.CLV(100, 0.8, 0.1)");
    expect(sheet.get(0, 0)).toBeCloseTo(CLV_EXAMPLE, 10);
    expect(formatCell(sheet.get(0, 0), "General", separatorsOf(h.model))).toBe("266.6666667");
    await expect(enterFormula(h, sheet, 1, 0, "=LOYALTY.CLV(100; 0,8; 0,1)")).rejects.toThrow(FormulaSyntaxError);
  });

  it("follows Excel's own separators when system separators are off (a German user with a decimal point)", () => {
    const model = new WorkbookModel(["A"]);
    setCulture(model, { ...FAKE_CULTURES["de-DE"], useSystemSeparators: false, decimalSeparator: ".", thousandsSeparator: "," });
    expect(separatorsOf(model)).toEqual({ decimal: ".", thousands: "," });
    expect(syntaxFor(separatorsOf(model).decimal)).toBe(POINT_SYNTAX);
    setCulture(model, FAKE_CULTURES["nb-NO"]);
    expect(separatorsOf(model)).toEqual({ decimal: ",", thousands: "\u00a0" });
    expect(syntaxFor(separatorsOf(model).decimal)).toBe(COMMA_SYNTAX);
  });
});

describe("typed constants and the grid's number text", () => {
  it("reads 0,8 as a number with a decimal comma and 0.8 as one with a decimal point", () => {
    const model = new WorkbookModel(["A"]);
    const sheet = model.sheet("A")!;
    expect(enterConstant(sheet, 0, 0, "0,8", ",")).toBe(0.8);
    expect(enterConstant(sheet, 0, 0, "-1,25e1", ",")).toBe(-12.5);
    expect(enterConstant(sheet, 0, 0, "0.8", ",")).toBe("0.8");
    expect(enterConstant(sheet, 0, 0, "0.8")).toBe(0.8);
    expect(enterConstant(sheet, 0, 0, "0,8")).toBe("0,8");
  });

  it("shows numbers with the culture's separators and keeps dates ISO", () => {
    const de = { decimal: ",", thousands: "." };
    const nb = { decimal: ",", thousands: "\u00a0" };
    expect(formatCell(1234.5, "#,##0.00", de)).toBe("1.234,50");
    expect(formatCell(1234.5, "#,##0.00", nb)).toBe("1\u00a0234,50");
    expect(formatCell(1234.5, "#,##0.00")).toBe("1,234.50");
    expect(formatCell(0.125, "0.0%", de)).toBe("12,5%");
    expect(formatCell(2.5, "0.00", nb)).toBe("2,50");
    expect(formatCell(1.5e12, "General", de)).toBe("1,5E+12");
    // Excel serial 39082 is 2006-12-31 (the sample's as-of date); a yyyy-mm-dd cell reads the same everywhere.
    expect(formatCell(39082, "yyyy-mm-dd", de)).toBe("2006-12-31");
    expect(formatCell("0.5 text", "General", de)).toBe("0.5 text");
  });
});

describe("the preview's language parameter", () => {
  it("maps ?lang= to a culture of the switch, English otherwise", () => {
    expect(["de-DE", "de", "de-AT", "nb-NO", "nb", "nn-NO", "no", "en-US", "fr-FR", "", null].map(previewLanguageOf)).toEqual([
      "de-DE", "de-DE", "de-DE", "nb-NO", "nb-NO", "nb-NO", "nb-NO", "en-US", "en-US", "en-US", "en-US",
    ]);
    expect(addressWithLanguage("http://localhost:3001/preview.html?rows=10&lang=de-DE", "nb-NO")).toBe("http://localhost:3001/preview.html?rows=10&lang=nb-NO");
  });
});
