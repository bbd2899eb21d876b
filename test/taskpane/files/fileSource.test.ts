import { sniffCsvDialect } from "../../../src/taskpane/files/csvDialect";
import { FILE_VIEW, csvSourceSql, fileKindOf, fileViewSql, parquetSourceSql } from "../../../src/taskpane/files/fileSource";

describe("fileSource", () => {
  const german = sniffCsvDialect("Kunde;Datum;Betrag;Notiz\nK1;31.12.2023;12,50;x\n", true);

  it("declares every column's type with the German delimiter, decimal comma and date format", () => {
    expect(csvSourceSql(german, { id: 0, date: 1, amount: 2 })).toBe(
      [
        "read_csv('loyalty-orders.csv',",
        "  delim = ';',",
        "  header = true,",
        `  quote = '"',`,
        "  decimal_separator = ',',",
        "  dateformat = '%d.%m.%Y',",
        "  columns = {'Kunde': 'VARCHAR', 'Datum': 'DATE', 'Betrag': 'DECIMAL(38, 6)', 'Notiz': 'VARCHAR'})",
      ].join("\n"),
    );
  });

  it("doubles quotes in header names, in the struct and in the view", () => {
    const d = sniffCsvDialect(`"it's";"da""te"\nA;2024-01-01\n`, true);
    expect(csvSourceSql(d, { id: 0, date: 1, amount: null })).toContain(`columns = {'it''s': 'VARCHAR', 'da"te': 'DATE'}`);
    const view = fileViewSql("src", d.header, { id: 0, date: 1, amount: null });
    expect(view).toContain(`"da""te" AS order_date`);
    expect(view).toContain("CAST(NULL AS DECIMAL(38, 6)) AS amount");
    expect(view.startsWith(`CREATE OR REPLACE VIEW "${FILE_VIEW}" AS`)).toBe(true);
  });

  it("refuses a missing id or date column, naming it", () => {
    expect(() => csvSourceSql(german, { id: null, date: 1, amount: 2 })).toThrow(/customer id and order date/);
    expect(() => fileViewSql("src", german.header, { id: 0, date: 9, amount: null })).toThrow(/order date column must be one of the file's 4 columns/);
  });

  it("reads a Parquet file's view from the table its row groups go into, and tells the kinds apart by extension", () => {
    expect(parquetSourceSql()).toBe('"loyalty_parquet_orders"');
    expect([fileKindOf("Export.CSV"), fileKindOf("a.parquet"), fileKindOf("a.xlsx")]).toEqual(["csv", "parquet", null]);
  });
});
