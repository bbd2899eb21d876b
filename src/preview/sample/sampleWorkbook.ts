/**
 * PREVIEW ONLY — the sample workbook of the local preview.
 *
 * - "Orders": the order log of rsquaredacademy/rfm (`rfm_data_orders`, MIT; 4906 orders of
 *   995 customers, 2004-01-02 … 2006-12-30; customer names and emails are synthetic), shipped
 *   as assets/rfm_data_orders.csv. Dates become Excel serials shown as yyyy-mm-dd.
 * - "Customers": one row per customer, computed by the add-in's own analytics core
 *   (src/analytics/rfmTable.ts, as LOYALTY.RFMTABLE does) as of 2006-12-31: Customer, First
 *   order, Last order, Orders, Revenue, Recency days; then three SYNTHETIC columns generated
 *   from a seeded PRNG (mulberry32, seed 20061231), labelled as such in K1: Likelihood to
 *   recommend (0–10), Cost to serve and Discount share (0–1). They are made up so that the
 *   Segment pane has an attitude column to work with; the rfm data has none.
 * - "Generated" (only with ?rows=N in the URL): N synthetic customers with the same columns,
 *   for trying the pane on large tables (100,000 rows and more).
 * - "CDNOW orders" and "CDNOW customers" (when the CDNOW file is given): the CDNOW sample of Fader
 *   & Hardie as shipped with CamDavidsonPilon/lifetimes (MIT), assets/CDNOW_sample.txt: 6,919
 *   orders of 2,357 customers, 1997-01-01 … 1998-06-30 (CDs and dollars per customer and day).
 *   On these data the BG/NBD model is identified (FHL 2005 fit it), so predicted value and
 *   Check the model work; the rfm sheets above show how the pane explains a refusal. The
 *   customer sheet is computed like Customers, as of 1998-06-30, with no synthetic columns.
 * - "Formulas": empty, for trying the LOYALTY functions in the formula box.
 *
 * Layout of Customers and Generated: A Customer, B First order, C Last order, D Orders,
 * E Revenue, F Recency days, G Likelihood to recommend, H Cost to serve, I Discount share;
 * header in row 1, so the 995 customers are rows 2–996 (e.g. =LOYALTY.NPS(Customers!G2:G996)).
 */
import { rfmTable } from "../../analytics/rfm/rfmTable";
import { serialFromIsoText } from "../../analytics/orders/dates";
import { SheetModel, WorkbookModel } from "../fakeExcel/workbook";

export const AS_OF_ISO = "2006-12-31";
export const SEED = 20061231;
export const CUSTOMER_HEADER = [
  "Customer",
  "First order",
  "Last order",
  "Orders",
  "Revenue",
  "Recency days",
  "Likelihood to recommend",
  "Cost to serve",
  "Discount share",
] as const;
export const SYNTHETIC_NOTE =
  "Columns G–I (Likelihood to recommend, Cost to serve, Discount share) are SYNTHETIC: generated from a seeded PRNG (mulberry32, seed 20061231), not part of the rfm data.";
export const CDNOW_AS_OF_ISO = "1998-06-30";
export const CDNOW_NOTE =
  "CDNOW sample of Fader & Hardie (CDNOW_sample.txt from CamDavidsonPilon/lifetimes, MIT): 2,357 customers who first bought in Q1 1997, their orders to 1998-06-30.";
export const CDNOW_CUSTOMER_HEADER = ["Customer", "First order", "Last order", "Orders", "Revenue", "Recency days"] as const;
export const ORDERS_NOTE = "Order log: rsquaredacademy/rfm, rfm_data_orders (MIT). Customer names and emails are synthetic.";

/** mulberry32: a small, fast 32-bit PRNG; the same seed always gives the same numbers. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export type Orders = {
  readonly ids: string[];
  readonly dates: Float64Array;
  readonly revenue: Float64Array;
  readonly firstNames: string[];
  readonly lastNames: string[];
  readonly emails: string[];
};

/** Parses rfm_data_orders.csv (customer_id,order_date,revenue,first_name,last_name,email; no quoted fields). */
export function parseOrders(csv: string): Orders {
  const lines = csv.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0].split(",");
  const expected = ["customer_id", "order_date", "revenue", "first_name", "last_name", "email"];
  if (expected.some((name, i) => header[i] !== name)) throw new Error(`unexpected order log header: ${lines[0]}`);
  const n = lines.length - 1;
  const orders: Orders = { ids: [], dates: new Float64Array(n), revenue: new Float64Array(n), firstNames: [], lastNames: [], emails: [] };
  for (let i = 0; i < n; i++) {
    const f = lines[i + 1].split(",");
    const serial = serialFromIsoText(f[1]);
    if (serial === null) throw new Error(`order ${i + 1}: bad date ${f[1]}`);
    orders.ids.push(f[0]);
    orders.dates[i] = serial;
    orders.revenue[i] = Number(f[2]);
    orders.firstNames.push(f[3]);
    orders.lastNames.push(f[4]);
    orders.emails.push(f[5]);
  }
  return orders;
}

export type CdnowOrders = { readonly ids: string[]; readonly dates: Float64Array; readonly cds: Float64Array; readonly dollars: Float64Array };

/** Parses CDNOW_sample.txt: no header, whitespace-separated master id, sample id, YYYYMMDD, CDs, dollars. */
export function parseCdnow(text: string): CdnowOrders {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const n = lines.length;
  const orders: CdnowOrders = { ids: [], dates: new Float64Array(n), cds: new Float64Array(n), dollars: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const f = lines[i].trim().split(/\s+/);
    const ymd = f[2] ?? "";
    const serial = /^\d{8}$/.test(ymd) ? serialFromIsoText(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`) : null;
    if (f.length !== 5 || serial === null) throw new Error(`CDNOW line ${i + 1}: expected master id, sample id, YYYYMMDD, CDs, dollars, found ${lines[i]}`);
    orders.ids.push(f[1]);
    orders.dates[i] = serial;
    orders.cds[i] = Number(f[3]);
    orders.dollars[i] = Number(f[4]);
  }
  return orders;
}

function fillCdnow(model: WorkbookModel, text: string): void {
  const orders = parseCdnow(text);
  const log = model.sheet("CDNOW orders")!;
  setHeader(log, ["customer_id", "order_date", "cds", "dollars"]);
  for (let i = 0; i < orders.ids.length; i++) {
    log.rows[i + 1] = [orders.ids[i], orders.dates[i], orders.cds[i], orders.dollars[i]];
    log.setNumberFormat(i + 1, 1, "yyyy-mm-dd");
    log.setNumberFormat(i + 1, 3, "#,##0.00");
  }
  log.set(0, 5, CDNOW_NOTE);
  log.touch();

  const table = rfmTable(orders.ids, orders.dates, orders.dollars, serialFromIsoText(CDNOW_AS_OF_ISO)!);
  const sheet = model.sheet("CDNOW customers")!;
  setHeader(sheet, CDNOW_CUSTOMER_HEADER);
  for (let i = 0; i < table.ids.length; i++) {
    const r = i + 1;
    sheet.rows[r] = [table.ids[i], table.firstOrder[i], table.lastOrder[i], table.orders[i], table.revenue[i], table.recencyDays[i]];
    sheet.setNumberFormat(r, 1, "yyyy-mm-dd");
    sheet.setNumberFormat(r, 2, "yyyy-mm-dd");
    sheet.setNumberFormat(r, 4, "#,##0.00");
  }
  sheet.set(0, 7, `${CDNOW_NOTE} One row per customer as of ${CDNOW_AS_OF_ISO}, computed from the CDNOW orders sheet as LOYALTY.RFMTABLE does.`);
  sheet.touch();
}

export type SyntheticColumns = { recommend: Float64Array; costToServe: Float64Array; discountShare: Float64Array };

/**
 * Synthetic attitude and cost columns, deterministic for a seed: the recommend score leans
 * on how often a customer buys and how recently (more orders, fewer days → higher), with noise;
 * about one customer in five is price-driven (discount share ≥ 0.5).
 */
export function syntheticColumns(orders: ArrayLike<number>, recency: ArrayLike<number>, seed = SEED): SyntheticColumns {
  const n = orders.length;
  const random = mulberry32(seed);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += orders[i];
  mean /= Math.max(1, n);
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (orders[i] - mean) ** 2;
  const sd = Math.sqrt(variance / Math.max(1, n)) || 1;
  const out: SyntheticColumns = { recommend: new Float64Array(n), costToServe: new Float64Array(n), discountShare: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const z = (orders[i] - mean) / sd;
    const latent = 7 + 1.1 * z - (recency[i] > 365 ? 1 : 0) + 2 * normal(random);
    out.recommend[i] = Math.min(10, Math.max(0, Math.round(latent)));
    out.costToServe[i] = round2(orders[i] * (3 + 5 * random()) + 5 + 10 * random());
    const u = random();
    out.discountShare[i] = u < 0.2 ? round2(0.5 + 0.5 * random()) : round2(0.45 * random() ** 1.5);
  }
  return out;
}

function setHeader(sheet: SheetModel, header: readonly string[]): void {
  header.forEach((text, c) => {
    sheet.set(0, c, text);
    sheet.setBold(0, c, true);
  });
}

type CustomerColumns = {
  ids: ArrayLike<string>;
  firstOrder: ArrayLike<number>;
  lastOrder: ArrayLike<number>;
  orders: ArrayLike<number>;
  revenue: ArrayLike<number>;
  recency: ArrayLike<number>;
};

function fillCustomerSheet(sheet: SheetModel, columns: CustomerColumns, synthetic: SyntheticColumns): void {
  setHeader(sheet, CUSTOMER_HEADER);
  const n = columns.ids.length;
  for (let i = 0; i < n; i++) {
    const r = i + 1;
    const line = [
      columns.ids[i],
      columns.firstOrder[i],
      columns.lastOrder[i],
      columns.orders[i],
      columns.revenue[i],
      columns.recency[i],
      synthetic.recommend[i],
      synthetic.costToServe[i],
      synthetic.discountShare[i],
    ];
    sheet.rows[r] = line;
    sheet.setNumberFormat(r, 1, "yyyy-mm-dd");
    sheet.setNumberFormat(r, 2, "yyyy-mm-dd");
    sheet.setNumberFormat(r, 7, "#,##0.00");
    sheet.setNumberFormat(r, 8, "0%");
  }
  sheet.set(0, 10, SYNTHETIC_NOTE);
  sheet.touch();
}

/** The Customers sheet's columns from the order log, through the analytics core (LOYALTY.RFMTABLE's code). */
export function customerColumns(orders: Orders): CustomerColumns {
  const asOf = serialFromIsoText(AS_OF_ISO)!;
  const table = rfmTable(orders.ids, orders.dates, orders.revenue, asOf);
  return {
    ids: table.ids,
    firstOrder: table.firstOrder,
    lastOrder: table.lastOrder,
    orders: table.orders,
    revenue: table.revenue,
    recency: table.recencyDays,
  };
}

/** N synthetic customers (ids G000001 …), deterministic for the seed. O(N). */
export function generatedColumns(n: number, seed = SEED + 1): CustomerColumns {
  const random = mulberry32(seed);
  const asOf = serialFromIsoText(AS_OF_ISO)!;
  const ids: string[] = new Array(n);
  const firstOrder = new Float64Array(n);
  const lastOrder = new Float64Array(n);
  const orders = new Float64Array(n);
  const revenue = new Float64Array(n);
  const recency = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = `G${String(i + 1).padStart(7, "0")}`;
    orders[i] = Math.min(60, 1 + Math.floor(-Math.log(Math.max(random(), 1e-12)) * 4));
    revenue[i] = Math.round(orders[i] * (20 + 80 * random()));
    recency[i] = Math.floor(random() * 720);
    lastOrder[i] = asOf - recency[i];
    firstOrder[i] = orders[i] > 1 ? lastOrder[i] - Math.floor(random() * 1000) - 1 : lastOrder[i];
  }
  return { ids, firstOrder, lastOrder, orders, revenue, recency };
}

export type SampleOptions = { readonly generatedRows?: number; /** CDNOW_sample.txt's text; adds the two CDNOW sheets. */ readonly cdnow?: string };

/** The preview's workbook: Customers (active, A1 selected), Orders, Generated when asked for, the CDNOW sheets when given, and an empty Formulas sheet. */
export function buildSampleWorkbook(csv: string, options: SampleOptions = {}): WorkbookModel {
  const orders = parseOrders(csv);
  const names = ["Customers", "Orders"];
  const generated = Math.max(0, Math.min(1_048_575, Math.floor(options.generatedRows ?? 0)));
  if (generated > 0) names.push("Generated");
  if (options.cdnow !== undefined) names.push("CDNOW customers", "CDNOW orders");
  names.push("Formulas");
  const model = new WorkbookModel(names);

  const customers = customerColumns(orders);
  fillCustomerSheet(model.sheet("Customers")!, customers, syntheticColumns(customers.orders, customers.recency));

  const orderSheet = model.sheet("Orders")!;
  setHeader(orderSheet, ["customer_id", "order_date", "revenue", "first_name", "last_name", "email"]);
  for (let i = 0; i < orders.ids.length; i++) {
    orderSheet.rows[i + 1] = [orders.ids[i], orders.dates[i], orders.revenue[i], orders.firstNames[i], orders.lastNames[i], orders.emails[i]];
    orderSheet.setNumberFormat(i + 1, 1, "yyyy-mm-dd");
  }
  orderSheet.set(0, 7, ORDERS_NOTE);
  orderSheet.touch();

  if (options.cdnow !== undefined) fillCdnow(model, options.cdnow);
  if (generated > 0) {
    const columns = generatedColumns(generated);
    fillCustomerSheet(model.sheet("Generated")!, columns, syntheticColumns(columns.orders, columns.recency, SEED + 2));
    model.sheet("Generated")!.set(0, 10, `${generated.toLocaleString("en-US")} generated customers. ${SYNTHETIC_NOTE.replace("Columns G–I", "All columns")}`);
  }
  return model;
}
