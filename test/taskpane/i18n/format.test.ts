import { makeFormatter, parseDateIn, parseNumberIn, parsePattern } from "../../../src/taskpane/i18n/format";
import { serialFromYmd } from "../../../src/analytics/orders/dates";

const NBSP = "\u00a0";
// Separators and patterns as Excel on Windows reports them (cultureInfo.numberFormat / datetimeFormat).
const de = makeFormatter({ name: "de-de", decimalSeparator: ",", thousandsSeparator: ".", shortDatePattern: "dd.MM.yyyy" }, "de");
const nb = makeFormatter({ name: "nb-no", decimalSeparator: ",", thousandsSeparator: NBSP, shortDatePattern: "dd.MM.yyyy" }, "nb");
const us = makeFormatter({ name: "en-US" }, "en");
const MARCH_31 = serialFromYmd(2024, 3, 31); // 45382 in Excel

describe("makeFormatter", () => {
  it("groups and marks decimals as each culture does (the issue: 93,259 reads as a decimal in Germany)", () => {
    expect(de.integer(93259)).toBe("93.259");
    expect(nb.integer(93259)).toBe(`93${NBSP}259`);
    expect(us.integer(93259)).toBe("93,259");
    expect(de.number(9.5)).toBe("9,5");
    expect(nb.number(1234.567, 2)).toBe(`1${NBSP}234,57`);
    expect(us.number(1234.567, 2)).toBe("1,234.57");
  });

  it("writes percentages with the culture's space and decimal mark", () => {
    expect(de.percent(0.125, 1)).toBe(`12,5${NBSP}%`);
    expect(nb.percent(0.125, 1)).toBe(`12,5${NBSP}%`);
    expect(us.percent(0.125, 1)).toBe("12.5%");
  });

  it("honours separators the user set in Excel instead of the culture's", () => {
    // "Use system separators" off in a German Excel with ' for thousands and . for decimals.
    const custom = makeFormatter({ name: "de-DE", decimalSeparator: ".", thousandsSeparator: "'" }, "de");
    expect(custom.number(1234567.25)).toBe("1'234'567.25");
    expect(custom.parseNumber("1'234.5")).toBe(1234.5);
  });

  it("falls back to Intl's own separators when Excel reports none (before ExcelApi 1.11)", () => {
    const plain = makeFormatter({ name: "de-AT" }, "de");
    expect(plain.decimalSeparator).toBe(",");
    expect(plain.number(0.5)).toBe("0,5");
  });

  it("shows dates in the short-date pattern, else Intl's numeric date", () => {
    expect(de.date(MARCH_31)).toBe("31.03.2024");
    expect(nb.date(MARCH_31)).toBe("31.03.2024");
    expect(makeFormatter({ name: "en-US", shortDatePattern: "M/d/yyyy" }, "en").date(MARCH_31)).toBe("3/31/2024");
    expect(us.date(MARCH_31)).toBe("03/31/2024");
  });

  it("names months in the pane's language, in the culture's variant when it speaks it", () => {
    expect(de.monthYear(2024, 3)).toBe("März 2024");
    expect(nb.monthYear(2024, 3)).toBe("mars 2024");
    expect(makeFormatter({ name: "de-AT" }, "de").monthYear(2024, 1)).toBe("Jänner 2024");
    // An English pane in a German Excel: English month names, German figures.
    const mixed = makeFormatter({ name: "de-DE" }, "en");
    expect(mixed.monthYear(2024, 3)).toBe("March 2024");
    expect(mixed.integer(1000)).toBe("1.000");
    expect(de.longDate(2024, 3, 4)).toBe("4. März 2024");
  });

  it("reads typed dates in the culture and as ISO text, refusing days that do not exist", () => {
    expect(de.parseDate("31.03.2024")).toBe(MARCH_31);
    expect(de.parseDate("31.3.24")).toBe(MARCH_31);
    expect(nb.parseDate(" 31.03.2024 ")).toBe(MARCH_31);
    expect(de.parseDate("2024-03-31")).toBe(MARCH_31);
    expect(us.parseDate("03/31/2024")).toBe(MARCH_31);
    expect(us.parseDate("31/03/2024")).toBeNull();
    expect(de.parseDate("31.02.2024")).toBeNull();
    expect(de.parseDate("")).toBeNull();
    expect(de.parseDate("März")).toBeNull();
  });
});

describe("parseNumberIn", () => {
  it("takes a lone comma or point as the decimal mark, as the pane did before", () => {
    expect(parseNumberIn("9,5", ",", ".")).toBe(9.5);
    expect(parseNumberIn("9.5", ",", ".")).toBe(9.5);
    expect(parseNumberIn("9.5", ".", ",")).toBe(9.5);
    expect(parseNumberIn("-3", ",", ".")).toBe(-3);
  });

  it("strips the culture's grouping when both marks appear, and spaces of any kind", () => {
    expect(parseNumberIn("1.234,5", ",", ".")).toBe(1234.5);
    expect(parseNumberIn("1.234.567", ",", ".")).toBe(1234567);
    expect(parseNumberIn(`1${NBSP}234,5`, ",", NBSP)).toBe(1234.5);
    expect(parseNumberIn("1 234,5", ",", NBSP)).toBe(1234.5);
    expect(parseNumberIn("1,234.5", ".", ",")).toBe(1234.5);
  });

  it("refuses text, empty input and grouping in the wrong places", () => {
    expect(parseNumberIn("", ",", ".")).toBeNull();
    expect(parseNumberIn("abc", ",", ".")).toBeNull();
    expect(parseNumberIn("1,2,3", ",", ".")).toBeNull();
    expect(parseNumberIn("12.34,5", ",", ".")).toBeNull();
    expect(parseNumberIn("1,234.5", ",", ".")).toBeNull();
  });
});

describe("date patterns", () => {
  it("reads the order and separators of a .NET pattern", () => {
    expect(parsePattern("dd.MM.yyyy")).toEqual({ order: ["d", "M", "y"], widths: { d: 2, M: 2, y: 4 }, separators: [".", "."] });
    expect(parsePattern("yyyy-MM-dd")?.order).toEqual(["y", "M", "d"]);
    expect(parsePattern("dddd, MMMM d, yyyy")).toBeNull();
  });

  it("reads a year-first culture's dates", () => {
    expect(parseDateIn("2024/03/31", parsePattern("yyyy/MM/dd"))).toBe(MARCH_31);
  });
});
