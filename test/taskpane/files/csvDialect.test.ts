import { CsvDialectError, sniffCsvDialect, splitCsvLine, typedField } from "../../../src/taskpane/files/csvDialect";

// Hand-made exports: a German shop export (";", decimal comma, 31.12.2023 dates) and an English one.
const GERMAN = "Kundennummer;Bestelldatum;Betrag\nK1;31.12.2023;12,50\nK2;01.01.2024;3\nK1;29.02.2024;-0,99\n";
const ENGLISH = "customer_id,order_date,amount\nA,2023-12-31,12.50\nB,2024-01-01,3\n";

describe("sniffCsvDialect", () => {
  it("detects the semicolon, the decimal comma and day.month.year dates of a German export", () => {
    const d = sniffCsvDialect(GERMAN, true);
    expect(d.delimiter).toBe(";");
    expect(d.decimal).toBe(",");
    expect(d.dateFormat).toBe("dmy");
    expect(d.header).toEqual(["Kundennummer", "Bestelldatum", "Betrag"]);
    expect(d.sample).toEqual([
      ["K1", "2023-12-31", 12.5],
      ["K2", "2024-01-01", 3],
      ["K1", "2024-02-29", -0.99],
    ]);
  });

  it("detects comma, decimal point and ISO dates", () => {
    const d = sniffCsvDialect(ENGLISH, true);
    expect([d.delimiter, d.decimal, d.dateFormat]).toEqual([",", ".", "iso"]);
    expect(d.sample[0]).toEqual(["A", "2023-12-31", 12.5]);
  });

  it("keeps the decimal point when any number column uses it, even with ';'", () => {
    const d = sniffCsvDialect("id;amount;other\nA;1,5;2.5\nB;2;3\n", true);
    expect(d.decimal).toBe(".");
  });

  it("ignores a last line that may be cut off when the text is only the file's start", () => {
    const d = sniffCsvDialect("id;date;amount\nA;01.02.2024;1,5\nB;02.0", false);
    expect(d.sample).toEqual([["A", "2024-02-01", 1.5]]);
  });

  it("respects quotes around fields holding the delimiter", () => {
    const d = sniffCsvDialect('name;id\n"Müller; Hans";7\n"A ""B""";8\n', true);
    expect(d.delimiter).toBe(";");
    expect(d.sample).toEqual([["Müller; Hans", 7], ['A "B"', 8]]);
  });

  it("refuses a file with a header only, and lines of different widths, with a plain message", () => {
    expect(() => sniffCsvDialect("id;date\n", true)).toThrow(CsvDialectError);
    expect(() => sniffCsvDialect("a;b;c\n1;2\n", true)).toThrow(/separated by , ; tab or \|/);
  });

  it("strips a byte-order mark and reads CRLF line ends", () => {
    const d = sniffCsvDialect("\uFEFFid;amount\r\nA;1,25\r\n", true);
    expect(d.header).toEqual(["id", "amount"]);
    expect(d.sample).toEqual([["A", 1.25]]);
  });
});

describe("splitCsvLine and typedField", () => {
  it("splits on the delimiter outside quotes only", () => {
    expect(splitCsvLine('a,"b,c",d', ",")).toEqual(["a", "b,c", "d"]);
    expect(splitCsvLine("a;;b", ";")).toEqual(["a", "", "b"]);
  });
  it("types numbers by the decimal mark and dates as ISO text; impossible days stay text", () => {
    expect(typedField("12,5", ",")).toBe(12.5);
    expect(typedField("12,5", ".")).toBe("12,5");
    expect(typedField("31.04.2024", ",")).toBe("31.04.2024");
    expect(typedField(" 2024-02-29 10:00 ", ".")).toBe("2024-02-29");
    expect(typedField("", ",")).toBe("");
  });
});
