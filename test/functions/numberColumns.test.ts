import { readNumberColumn, readNumberColumnAsync } from "../../src/functions/numberColumns";
import { spillNumbers, spillNumbersAsync, toExcelColumn, toExcelColumnAsync } from "../../src/functions/adapter";

describe("readNumberColumn", () => {
  it("reads plain numbers, 0 included, and blanks (null, '') as NaN", () => {
    const { values, errors } = readNumberColumn([3, 0, null, "", -2.5], 5, "x", "a number");
    expect(Array.from(values)).toEqual([3, 0, NaN, NaN, -2.5]);
    expect(errors).toBeUndefined();
  });

  it("keeps a bad cell's error at its row, numbered from 1", () => {
    const na = new (globalThis as any).CustomFunctions.Error("#N/A", "x");
    const { values, errors } = readNumberColumn([1, "abc", na, Infinity], 4, "behaviour", "a behaviour number");
    expect(values[0]).toBe(1);
    expect([values[1], values[2], values[3]]).toEqual([NaN, NaN, NaN]);
    expect(errors?.[0]).toBeUndefined();
    expect(errors?.[1]).toEqual({ code: "#VALUE!", message: 'behaviour, row 2: expected a behaviour number, found text "abc"' });
    expect(errors?.[2]).toEqual({ code: "#N/A", message: "behaviour, row 3: the cell holds #N/A" });
    expect(errors?.[3]).toEqual({ code: "#VALUE!", message: "behaviour, row 4: expected a behaviour number, found Infinity" });
  });

  it("reuses a single value for every row", () => {
    expect(Array.from(readNumberColumn([7], 3, "x", "a number").values)).toEqual([7, 7, 7]);
  });

  it("names no row for a single bad cell reused for every row", () => {
    // The cell is one argument cell, not row 2 or 3 of anything: each row carries the same message.
    const { values, errors } = readNumberColumn(["30%"], 3, "margin_rate", "a margin rate");
    expect(Array.from(values)).toEqual([NaN, NaN, NaN]);
    const message = 'margin_rate: expected a margin rate, found text "30%"';
    expect(errors?.map((e) => e?.message)).toEqual([message, message, message]);
  });

  it("reuses a single blank as blank in every row", () => {
    const { values, errors } = readNumberColumn([""], 2, "x", "a number");
    expect(Array.from(values)).toEqual([NaN, NaN]);
    expect(errors).toBeUndefined();
  });

  it("names no row when the call covers one row", () => {
    expect(readNumberColumn(["a"], 1, "years", "a number of years").errors?.[0]?.message).toBe('years: expected a number of years, found text "a"');
  });
});

describe("the sliced readers and writers give what the one-pass ones give", () => {
  // A slicer that is always due, so every block boundary is crossed with a pause.
  const slicer = { due: () => true, pause: async () => undefined };
  const na = () => new (globalThis as any).CustomFunctions.Error("#N/A", "x");
  /** 20,000 rows (three blocks of SLICE_ROWS), with a blank, text and an error cell around the boundaries. */
  const cells: unknown[] = Array.from({ length: 20_000 }, (_, i) => (i === 8_191 ? null : i === 8_192 ? "abc" : i === 16_384 ? na() : i * 0.5));

  it("readNumberColumnAsync", async () => {
    const sync = readNumberColumn(cells, cells.length, "amounts", "an amount");
    const sliced = await readNumberColumnAsync(cells, cells.length, "amounts", "an amount", slicer);
    expect(Array.from(sliced.values)).toEqual(Array.from(sync.values));
    expect(sliced.errors?.[8_192]).toEqual({ code: "#VALUE!", message: 'amounts, row 8193: expected an amount, found text "abc"' });
    expect(sliced.errors).toEqual(sync.errors);
  });

  it("spillNumbersAsync and toExcelColumnAsync", async () => {
    const { values } = readNumberColumn(cells, cells.length, "amounts", "an amount");
    const problem = (i: number) => ({ code: "#N/A" as const, message: `row ${i + 1}` });
    expect(await spillNumbersAsync(values, problem, slicer)).toEqual(spillNumbers(values, problem));
    const texts = cells.map((c, i) => (typeof c === "number" ? (i % 3 === 0 ? "Loyal" : c) : null));
    expect(await toExcelColumnAsync(texts, slicer)).toEqual(toExcelColumn(texts));
    expect(await toExcelColumnAsync([], slicer)).toEqual([[""]]);
  });
});
