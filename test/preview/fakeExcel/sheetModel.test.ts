import { SheetModel } from "../../../src/preview/fakeExcel/sheetModel";

describe("SheetModel's used range", () => {
  it("grows with every filled cell, as a fresh scan finds it", () => {
    const sheet = new SheetModel("Sheet1");
    expect(sheet.usedRect()).toBeNull();
    sheet.set(4, 2, 1);
    sheet.set(1, 5, "x");
    sheet.setFormula(7, 0, "=1+1");
    expect(sheet.usedRect()).toEqual({ row: 1, col: 0, rows: 7, cols: 6 });
    sheet.touch(); // forget the cache: the scan must agree
    expect(sheet.usedRect()).toEqual({ row: 1, col: 0, rows: 7, cols: 6 });
  });

  it("shrinks when the cells at its edge are cleared", () => {
    const sheet = new SheetModel("Sheet1");
    sheet.set(0, 0, 1);
    sheet.set(9, 3, 2);
    expect(sheet.usedRect()).toEqual({ row: 0, col: 0, rows: 10, cols: 4 });
    sheet.set(9, 3, null);
    expect(sheet.usedRect()).toEqual({ row: 0, col: 0, rows: 1, cols: 1 });
    sheet.set(0, 0, null);
    expect(sheet.usedRect()).toBeNull();
  });

  it("ignores blank writes to empty cells and formulas removed from cells that never had one", () => {
    const sheet = new SheetModel("Sheet1");
    sheet.set(2, 2, 5);
    sheet.set(8, 8, null);
    sheet.setFormula(6, 6, null);
    expect(sheet.usedRect()).toEqual({ row: 2, col: 2, rows: 1, cols: 1 });
  });
});
