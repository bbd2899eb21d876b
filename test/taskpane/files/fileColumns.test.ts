import { guessFileColumns } from "../../../src/taskpane/files/fileColumns";

describe("guessFileColumns", () => {
  // Hand-made headers; the expected columns follow the pane's sheet guesses (retentionRun.ts, mapping.ts).
  it("maps German headers: Kundennummer, Bestelldatum, Betrag", () => {
    const sample = [
      [1001, "O-1", "2023-12-31", 12.5],
      [1002, "O-2", "2024-01-01", 3],
    ];
    expect(guessFileColumns(["Kundennummer", "Bestellnummer", "Bestelldatum", "Betrag"], sample)).toEqual({ id: 0, date: 2, amount: 3 });
  });

  it("maps English headers in another order, and skips the order number as id", () => {
    const sample = [
      ["INV-1", 12.5, "2023-12-31", "A"],
      ["INV-2", 3, "2024-01-01", "B"],
    ];
    expect(guessFileColumns(["order_id", "revenue", "order_date", "customer"], sample)).toEqual({ id: 3, date: 2, amount: 1 });
  });

  it("leaves the amount unmapped when no header looks like money", () => {
    const sample = [["A", "2023-12-31"], ["B", "2024-01-01"]];
    expect(guessFileColumns(["kunde", "dato"], sample)).toEqual({ id: 0, date: 1, amount: null });
  });

  it("gives nulls for a header-only file with no recognisable columns", () => {
    expect(guessFileColumns(["x"], [])).toEqual({ id: null, date: null, amount: null });
  });
});
