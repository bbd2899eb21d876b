/**
 * The preview's sample workbook: the rfm package's order log (assets/rfm_data_orders.csv)
 * summarised per customer by the analytics core, plus seeded synthetic columns.
 */
import * as fs from "fs";
import * as path from "path";
import { buildSampleWorkbook, generatedColumns, mulberry32, parseOrders, syntheticColumns } from "../../src/preview/sample/sampleWorkbook";

const csv = fs.readFileSync(path.resolve(__dirname, "../../assets/rfm_data_orders.csv"), "utf8");

describe("the preview's sample workbook", () => {
  const model = buildSampleWorkbook(csv);
  const customers = model.sheet("Customers")!;
  const orders = model.sheet("Orders")!;

  it("holds the 4906 orders and 995 customers of rfm_data_orders", () => {
    // shared/data/README.md: rfm_data_orders has 4906 orders of 995 customers.
    expect(orders.usedRect()).toMatchObject({ rows: 4907 });
    expect(customers.get(995, 0)).not.toBeNull();
    expect(customers.get(996, 0)).toBeNull();
    let orderCount = 0;
    for (let r = 1; r <= 995; r++) orderCount += customers.get(r, 3) as number;
    expect(orderCount).toBe(4906);
  });

  it("summarises a customer's orders as of 2006-12-31", () => {
    // Hand check from the CSV: Brion Stark is the first customer; recency = 2006-12-31 − last order.
    const parsed = parseOrders(csv);
    const rows = parsed.ids.map((id, i) => [id, parsed.dates[i], parsed.revenue[i]] as const).filter(([id]) => id === "Brion Stark");
    const last = Math.max(...rows.map((r) => r[1]));
    expect(customers.get(1, 0)).toBe("Brion Stark");
    expect(customers.get(1, 3)).toBe(rows.length);
    expect(customers.get(1, 4)).toBe(rows.reduce((s, r) => s + r[2], 0));
    expect(customers.get(1, 2)).toBe(last);
    expect(customers.get(1, 5)).toBe(39082 - last); // 39082 = 2006-12-31
    expect(customers.numberFormat(1, 1)).toBe("yyyy-mm-dd");
  });

  it("labels the generated columns as synthetic in the sheet", () => {
    expect([customers.get(0, 6), customers.get(0, 7), customers.get(0, 8)]).toEqual(["Likelihood to recommend", "Cost to serve", "Discount share"]);
    expect(customers.get(0, 10)).toMatch(/SYNTHETIC/);
    // Column J stays empty, so the table's current region ends at I.
    expect(customers.surroundingRegion({ row: 0, col: 0, rows: 1, cols: 1 })).toEqual({ row: 0, col: 0, rows: 996, cols: 9 });
  });

  it("generates the same synthetic values for the same seed, in range", () => {
    const a = syntheticColumns([1, 5, 20], [10, 400, 3], 7);
    const b = syntheticColumns([1, 5, 20], [10, 400, 3], 7);
    expect(a).toEqual(b);
    for (let i = 0; i < 3; i++) {
      expect(Number.isInteger(a.recommend[i]) && a.recommend[i] >= 0 && a.recommend[i] <= 10).toBe(true);
      expect(a.discountShare[i] >= 0 && a.discountShare[i] <= 1).toBe(true);
      expect(a.costToServe[i]).toBeGreaterThan(0);
    }
    // mulberry32 is deterministic: the first draw of seed 1 is the same every time.
    expect(mulberry32(1)()).toBe(mulberry32(1)());
  });

  it("adds a Generated sheet of N customers on request", () => {
    const big = buildSampleWorkbook(csv, { generatedRows: 1000 });
    expect(big.sheets.map((s) => s.name)).toEqual(["Customers", "Orders", "Generated", "Formulas"]);
    expect(big.sheet("Generated")!.get(1000, 0)).toBe("G0001000");
    const g = generatedColumns(50);
    for (let i = 0; i < 50; i++) expect(g.firstOrder[i] <= g.lastOrder[i] && g.orders[i] >= 1).toBe(true);
  });
});

describe("the CDNOW sheets of the sample workbook", () => {
  const cdnow = fs.readFileSync(path.resolve(__dirname, "../../assets/CDNOW_sample.txt"), "utf8");
  const model = buildSampleWorkbook(csv, { cdnow });

  it("holds CDNOW_sample.txt's 6,919 orders and 2,357 customers, with the origin in the sheets", () => {
    // test/fixtures/README.md: 6,919 orders of 2,357 customers, 1997-01-01 … 1998-06-30.
    const orders = model.sheet("CDNOW orders")!;
    const customers = model.sheet("CDNOW customers")!;
    expect(model.sheets.map((s) => s.name)).toEqual(["Customers", "Orders", "CDNOW customers", "CDNOW orders", "Formulas"]);
    expect(orders.get(6919, 0)).not.toBeNull();
    expect(orders.get(6920, 0)).toBeNull();
    expect(customers.get(2357, 0)).not.toBeNull();
    expect(customers.get(2358, 0)).toBeNull();
    let orderCount = 0;
    for (let r = 1; r <= 2357; r++) orderCount += customers.get(r, 3) as number;
    expect(orderCount).toBe(6919);
    expect(String(orders.get(0, 5))).toMatch(/CamDavidsonPilon\/lifetimes, MIT/);
    expect(String(customers.get(0, 7))).toMatch(/Fader & Hardie/);
  });

  it("summarises customer 1 (sample id 0001) as of 1998-06-30", () => {
    // CDNOW_sample.txt's first lines: 0001 bought on 1997-01-01, 01-18, 08-02 and 12-12 for 29.33 + 29.73 + 14.96 + 26.48 = 100.50;
    // 1998-06-30 − 1997-12-12 = 200 days.
    const customers = model.sheet("CDNOW customers")!;
    const row = [...Array(2357).keys()].map((i) => i + 1).find((r) => customers.get(r, 0) === "0001")!;
    expect(customers.get(row, 3)).toBe(4);
    expect(customers.get(row, 4)).toBeCloseTo(100.5, 10);
    expect(customers.get(row, 5)).toBe(200);
  });
});
