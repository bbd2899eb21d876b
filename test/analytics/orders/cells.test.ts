import { at, readBoolean, readDate, readId, readNumber, readText } from "../../../src/analytics/orders/cells";

describe("readNumber", () => {
  it("keeps numbers, including a real 0", () => {
    expect(readNumber(12.5, at("x", 1))).toBe(12.5);
    expect(readNumber(0, at("x", 1))).toBe(0);
  });

  it("treats null, undefined, '' and spaces as blank", () => {
    for (const blank of [null, undefined, "", "   "]) expect(readNumber(blank, at("x", 1))).toBeNull();
  });

  it("never reads text as a number, and says where it was", () => {
    expect(readNumber("1.234", at("amounts", 7))).toEqual({
      code: "#VALUE!",
      message: 'amounts, row 7: expected a number, found text "1.234"',
    });
    expect(readNumber(true, at("amounts", 2), "a customer count")).toEqual({
      code: "#VALUE!",
      message: "amounts, row 2: expected a customer count, found TRUE",
    });
  });

  it("passes an input error on with the same code", () => {
    // As Excel hands it to a custom function (a CustomFunctions.Error-like object) ...
    expect(readNumber({ code: "#N/A" }, at("x", 3))).toEqual({ code: "#N/A", message: "x, row 3: the cell holds #N/A" });
    // ... and as the Excel API reports it in Range.values (text).
    expect(readNumber("#DIV/0!", at("x", 4))).toEqual({ code: "#DIV/0!", message: "x, row 4: the cell holds #DIV/0!" });
  });

  it("passes on an error in the data-types form with its own code", () => {
    // Excel.ErrorCellValue as the data-types API writes an error cell: type "Error", basicValue the error text.
    const divZero = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expect(readNumber(divZero, at("x", 2))).toEqual({ code: "#DIV/0!", message: "x, row 2: the cell holds #DIV/0!" });
    expect(readDate({ type: "Error", basicValue: "#N/A" }, at("order_dates", 5))).toEqual({ code: "#N/A", message: "order_dates, row 5: the cell holds #N/A" });
    // An "Error" object without a known code is still an unknown object, rejected as a data type.
    expect(readNumber({ type: "Error", basicValue: "oops" }, at("x"))).toMatchObject({ code: "#VALUE!", message: "x: the cell holds an Excel data type (Error); expected a plain value" });
  });

  it("rejects data-type objects", () => {
    expect(readNumber({ type: "Entity", text: "Contoso" }, at("x", 1))).toEqual({
      code: "#VALUE!",
      message: "x, row 1: the cell holds an Excel data type (Entity); expected a plain value",
    });
  });

  it("reads formatted numbers in the data-types form as their plain value", () => {
    // Shapes from the Excel data-types JSON schema (DoubleCellValue, FormattedNumberCellValue).
    expect(readNumber({ type: "Double", basicValue: 12.5, numberFormat: "0.00" }, at("x", 1))).toBe(12.5);
    expect(readNumber({ type: "FormattedNumber", basicValue: 0, numberFormat: "0%" }, at("x", 1))).toBe(0);
    expect(readNumber({ type: "Empty" }, at("x", 1))).toBeNull();
    expect(readDate({ type: "FormattedNumber", basicValue: 45382.5, numberFormat: "yyyy-mm-dd" }, at("d", 1))).toBe(45382);
    expect(readId({ type: "String", basicValue: " C-7 " }, at("id", 1))).toBe("C-7");
    expect(readBoolean({ type: "Boolean", basicValue: true }, at("b", 1))).toBe(true);
  });

  it("rejects NaN and infinities", () => {
    expect(readNumber(Number.NaN, at("x"))).toMatchObject({ code: "#VALUE!" });
    expect(readNumber(Infinity, at("x"))).toMatchObject({ code: "#VALUE!" });
  });

  it("names a column as well as a row inside a 2-D range", () => {
    expect(readNumber("a", at("x", 2, 3))).toMatchObject({ message: 'x, row 2, column 3: expected a number, found text "a"' });
  });
});

describe("readDate", () => {
  it("truncates serials to whole days", () => {
    expect(readDate(45382.9, at("d", 1))).toBe(45382);
  });

  it("reads ISO text", () => {
    expect(readDate("2024-03-31", at("d", 1))).toBe(45382);
  });

  it("rejects ambiguous or impossible dates with a hint", () => {
    expect(readDate("03/04/2024", at("order_dates", 5))).toEqual({
      code: "#VALUE!",
      message: 'order_dates, row 5: expected a date, found text "03/04/2024"; use a real date or ISO text such as 2024-03-31',
    });
    expect(readDate(-3, at("d", 1))).toMatchObject({ code: "#VALUE!" });
    expect(readDate(3_000_000, at("d", 1))).toMatchObject({ code: "#VALUE!" });
  });

  it("refuses ISO text in years 0000–0099, before 1900-03-01 or with an invalid time, saying why (issue 10)", () => {
    // "0024-03-31" used to be read as 1924-03-31 and "2024-03-31T25:99" as 2024-03-31.
    expect(readDate("0024-03-31", at("order_dates", 2))).toEqual({
      code: "#VALUE!",
      message:
        'order_dates, row 2: expected a date, found text "0024-03-31": 0024-03-31 is before 1900-03-01; Excel dates start in 1900 and its fake 1900-02-29 puts every earlier day one off',
    });
    expect(readDate("1900-01-15", at("d"))).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("before 1900-03-01") });
    expect(readDate("2024-03-31T25:99", at("d", 4))).toEqual({
      code: "#VALUE!",
      message: 'd, row 4: expected a date, found text "2024-03-31T25:99": 25:99 is not a time of day (hours 00–23, minutes and seconds 00–59)',
    });
    expect(readDate("2024-03-31T23:59", at("d", 4))).toBe(45382);
  });

  it("treats blanks as blank", () => {
    expect(readDate("", at("d", 1))).toBeNull();
    expect(readDate(null, at("d", 1))).toBeNull();
  });
});

describe("readId", () => {
  it("makes 1001 and ' 1001 ' the same customer", () => {
    expect(readId(1001, at("id", 1))).toBe("1001");
    expect(readId(" 1001 ", at("id", 1))).toBe("1001");
  });

  it("treats blanks as missing ids", () => {
    expect(readId("  ", at("id", 1))).toBeNull();
  });
});

describe("readBoolean and readText", () => {
  it("read TRUE/FALSE as Excel coerces them", () => {
    expect(readBoolean(true, at("b"))).toBe(true);
    expect(readBoolean("false", at("b"))).toBe(false);
    expect(readBoolean(1, at("b", 2))).toEqual({ code: "#VALUE!", message: "b, row 2: expected TRUE or FALSE, found 1" });
  });

  it("reads text, trimming it", () => {
    expect(readText(" week ", at("time_unit"))).toBe("week");
    expect(readText(5, at("t"))).toBe("5");
  });
});
