/**
 * The rfm R package's order log (test/fixtures/rfm_data_orders.csv: 4906 orders,
 * 995 customers, ISO dates) and the segment rules of its own test
 * (rsquaredacademy/rfm, tests/testthat/test-rfm-segment.R), for the RFM tests.
 */
import * as fs from "fs";
import * as path from "path";
import { serialFromIsoText } from "../../src/analytics/orders/dates";
import { RfmRule } from "../../src/analytics/rfm/rfmSegments";

export type OrderLog = { ids: string[]; isoDates: string[]; dates: Float64Array; amounts: Float64Array };

export function readRfmOrders(): OrderLog {
  const lines = fs.readFileSync(path.join(__dirname, "../fixtures/rfm_data_orders.csv"), "utf8").trim().split("\n");
  const ids: string[] = [];
  const isoDates: string[] = [];
  const amounts: number[] = [];
  for (const line of lines.slice(1)) {
    const [id, date, revenue] = line.split(","); // no quoted fields in this file
    ids.push(id);
    isoDates.push(date);
    amounts.push(Number(revenue));
  }
  const dates = Float64Array.from(isoDates, (d) => serialFromIsoText(d) ?? NaN);
  return { ids, isoDates, dates, amounts: Float64Array.from(amounts) };
}

/** test-rfm-segment.R: segment names with recency, frequency and monetary lower/upper bounds, in order. */
export const RFM_PACKAGE_TEST_RULES: RfmRule[] = [
  ["Champions", 4, 5, 4, 5, 4, 5],
  ["Loyal Customers", 2, 5, 3, 5, 3, 5],
  ["Potential Loyalist", 3, 5, 1, 3, 1, 3],
  ["New Customers", 4, 5, 1, 1, 1, 1],
  ["Promising", 3, 4, 1, 1, 1, 1],
  ["Need Attention", 2, 3, 2, 3, 2, 3],
  ["About To Sleep", 2, 3, 1, 2, 1, 2],
  ["At Risk", 1, 2, 2, 5, 2, 5],
  ["Can't Lose Them", 1, 1, 4, 5, 4, 5],
  ["Lost", 1, 2, 1, 2, 1, 2],
].map(([name, rl, rh, fl, fh, ml, mh]) => ({
  name: name as string,
  r: [rl as number, rh as number] as const,
  f: [fl as number, fh as number] as const,
  m: [ml as number, mh as number] as const,
}));

/** The same rules as a sheet range with a header row, as a user would type them. */
export const RFM_PACKAGE_TEST_RULES_GRID: unknown[][] = [
  ["Segment", "R low", "R high", "F low", "F high", "M low", "M high"],
  ...RFM_PACKAGE_TEST_RULES.map((r) => [r.name, r.r[0], r.r[1], r.f[0], r.f[1], r.m[0], r.m[1]]),
];
