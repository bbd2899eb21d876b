import { EMPTY_MAPPING, MappingMemory, columnLetter, detectHeaders, guessMapping, headerTexts, mappingFits } from "../../../src/taskpane/model/mapping";

describe("detectHeaders", () => {
  it("takes a text first row above numbers as headers", () => {
    expect(detectHeaders([["Cust #", "Likelihood to recommend"], [1, 9]])).toBe(true);
  });

  it("does not take a row of numbers, dates or ids as headers", () => {
    expect(detectHeaders([[1001, 9], [1002, 3]])).toBe(false);
    expect(detectHeaders([["2024-03-31", 9], ["2024-04-01", 3]])).toBe(false);
    expect(detectHeaders([["1001", "9"], [1002, 3]])).toBe(false);
  });

  it("treats an all-text table's first row as headers only when its texts do not recur below", () => {
    expect(detectHeaders([["Customer", "Segment"], ["A17", "gold"], ["B20", "silver"]])).toBe(true);
    expect(detectHeaders([["A17", "gold"], ["B20", "gold"]])).toBe(false);
  });

  it("finds no headers in an empty or blank range", () => {
    expect(detectHeaders([])).toBe(false);
    expect(detectHeaders([["", null]])).toBe(false);
  });
});

describe("guessMapping", () => {
  it("maps the realistic headers of a customer export", () => {
    const rows = [
      ["Cust #", "Likelihood to recommend", "Last purchase", "Total spend", "Orders", "Cost to serve", "Discount share"],
      [17, 9, 45300, 1250.5, 12, 100, 0.1],
      [18, 4, 45280, 80, 1, 40, 0.8],
    ];
    const m = guessMapping(rows, true, 7);
    expect(m.columns).toEqual({ id: 0, attitude: 1, recency: 2, firstOrder: null, frequency: 4, monetary: 3, cost: 5, priceDriven: 6, recurring: null, weight: null });
    expect(m.attitudeScale).toBe("recommend");
    // 45300 is a date serial (2024-01-09): the recency column holds dates
    expect(m.recencyKind).toBe("date");
  });

  it("takes a customers column of whole numbers as the weight of a grouped table, in English, German and Norwegian", () => {
    for (const header of ["Customers", "customers", "Weight", "n", "Kunden", "Anzahl Kunden", "kunder", "Antall kunder"]) {
      const rows = [["Group", "Likelihood to recommend", "Orders", "Revenue", header], ["g1", 9, 3, 120, 40], ["g2", 4, 1, 30, 1]];
      const m = guessMapping(rows, true, 5);
      expect([header, m.columns.weight, m.columns.frequency]).toEqual([header, 4, 2]);
    }
  });

  it("reads a lone Count / Anzahl / antall as the order count, and as the weight beside another order count", () => {
    for (const header of ["Count", "Anzahl", "antall"]) {
      const lone = guessMapping([["Id", "Recommend", header], ["a", 9, 3], ["b", 4, 1]], true, 3);
      // "Count" and "antall" were order counts before weights existed and stay so; a lone "Anzahl" is neither (as before)
      expect([header, lone.columns.frequency, lone.columns.weight]).toEqual([header, header === "Anzahl" ? null : 2, null]);
      // "Count" left of "Orders": the orders column is the frequency, Count the customers per row
      const beside = guessMapping([["Id", "Recommend", header, "Orders"], ["a", 9, 12, 3], ["b", 4, 1, 1]], true, 4);
      expect([header, beside.columns.frequency, beside.columns.weight]).toEqual([header, 3, 2]);
    }
  });

  it("never takes the weight column for the id as well", () => {
    // No id-like header; "Customers" 3, 1, 7 are distinct whole numbers, the fallback's kind of id column
    const m = guessMapping([["Customers", "Group", "Recommend"], [3, "g1", 9], [1, "g2", 4], [7, "g3", 10]], true, 3);
    expect([m.columns.weight, m.columns.id]).toEqual([0, 1]);
  });

  it("does not take a customers column as the weight when it holds ids, decimals or zeros", () => {
    // text ids
    expect(guessMapping([["Customers", "Recommend"], ["C1", 9], ["C2", 3]], true, 2).columns.weight).toBeNull();
    // decimals and zeros are no counts of customers
    expect(guessMapping([["Id", "Recommend", "Customers"], ["a", 9, 1.5], ["b", 3, 0.5]], true, 3).columns.weight).toBeNull();
    expect(guessMapping([["Id", "Recommend", "Weight"], ["a", 9, 0], ["b", 3, 0]], true, 3).columns.weight).toBeNull();
    // 25 different whole numbers under "Customers": numeric ids, not customers per row
    const ids = [["Customers", "Recommend"], ...Array.from({ length: 25 }, (_, i) => [1001 + i, i % 11])];
    const m = guessMapping(ids, true, 2);
    expect([m.columns.weight, m.columns.id]).toEqual([null, 0]);
  });

  it("reads recency in days and a 1–5 satisfaction score", () => {
    const rows = [
      ["Customer ID", "Satisfaction (1-5)", "Days since last order", "Number of orders", "Revenue"],
      ["C1", 5, 12, 3, 300],
      ["C2", 2, 400, 1, 20],
    ];
    const m = guessMapping(rows, true, 5);
    expect(m.columns.id).toBe(0);
    expect(m.columns.attitude).toBe(1);
    expect(m.attitudeScale).toBe("satisfaction");
    expect(m.columns.recency).toBe(2);
    expect(m.recencyKind).toBe("days");
    expect(m.columns.frequency).toBe(3);
    expect(m.columns.monetary).toBe(4);
  });

  it("does not take a recommend-like header whose values are not 0–10", () => {
    const rows = [["Id", "NPS comment"], [1, "great"], [2, "slow delivery"]];
    expect(guessMapping(rows, true, 2).columns.attitude).toBeNull();
  });

  it("falls back to the first column of distinct whole numbers as id when there are no headers", () => {
    const rows = [[0.5, 1001, 3], [0.7, 1002, 3]];
    const m = guessMapping(rows, false, 3);
    expect(m.columns.id).toBe(1);
    expect(m.columns.attitude).toBeNull();
  });

  it("never gives one column two roles", () => {
    const rows = [["Customer number", "Orders"], [1, 2], [2, 3]];
    const m = guessMapping(rows, true, 2);
    expect(m.columns.id).toBe(0);
    expect(m.columns.frequency).toBe(1);
    expect(m.columns.monetary).toBeNull();
  });
});

describe("helpers", () => {
  it("names columns as Excel does", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
  });

  it("gives header texts, or null without a header row", () => {
    expect(headerTexts([[" Id ", ""], [1, 2]], true, 2)).toEqual(["Id", null]);
    expect(headerTexts([["Id", "x"]], false, 2)).toEqual([null, null]);
  });

  it("remembers a mapping per sheet while the header row stays the same", () => {
    const memory = new MappingMemory();
    const mapping = { ...EMPTY_MAPPING, columns: { ...EMPTY_MAPPING.columns, id: 2 } };
    memory.remember("Customers", ["a", "b", "c"], mapping);
    expect(memory.recall("Customers", ["a", "b", "c"])).toBe(mapping);
    expect(memory.recall("Customers", ["a", "b", "d"])).toBeNull();
    expect(memory.recall("Other", ["a", "b", "c"])).toBeNull();
    expect(mappingFits(mapping, 3)).toBe(true);
    expect(mappingFits(mapping, 2)).toBe(false);
  });
});
