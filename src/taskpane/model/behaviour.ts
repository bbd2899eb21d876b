/**
 * The behaviour measure: a more-is-better, tenure-fair measure of repeat buying fed to the rule
 * engine (LOYALTY.SEGMENT's `behaviour`). Never the three-digit RFM code, which ranks mostly by
 * recency.
 *
 * - "rfmSum": R + F + M, the sum of the RFM digits (3…15 with 5 bins) from LOYALTY.RFMSCORE's
 *   code (rfm package method). Default when recency, frequency and monetary are mapped.
 *   Example: digits 5, 3, 4 → 12.
 * - "ordersPerYear": orders ÷ tenure in years, tenure = as-of date − first order date, counted
 *   as at least one year (so a customer of two months with 2 orders scores 2, not 12). The as-of
 *   date is the latest date in the mapped date columns. Default when first-order dates are
 *   mapped and RFM is not. Example: 6 orders, first order 730 days before as-of → 6 ÷ (730 ÷ 365.25) ≈ 3.0.
 * - "orders": the order count as it is. Default otherwise.
 * - "revenue": the monetary column as it is.
 */
import type { Mapping } from "./mapping";

export const MEASURES = ["rfmSum", "ordersPerYear", "orders", "revenue"] as const;
export type BehaviourMeasure = (typeof MEASURES)[number];

/** High behaviour means above the median (as LOYALTY.SEGMENT without a cutoff) or at least a value. */
export type Cutoff = { readonly kind: "median" } | { readonly kind: "atLeast"; readonly value: number };

export const DAYS_PER_YEAR = 365.25;

/** Measures the mapping allows, in order of preference. */
export function availableMeasures(mapping: Mapping): BehaviourMeasure[] {
  const c = mapping.columns;
  const out: BehaviourMeasure[] = [];
  if (c.recency !== null && c.frequency !== null && c.monetary !== null) out.push("rfmSum");
  if (c.frequency !== null && c.firstOrder !== null) out.push("ordersPerYear");
  if (c.frequency !== null) out.push("orders");
  if (c.monetary !== null) out.push("revenue");
  return out;
}

/** The default measure (the first available), or null when no behaviour column is mapped. */
export function defaultMeasure(mapping: Mapping): BehaviourMeasure | null {
  return availableMeasures(mapping)[0] ?? null;
}

/** Orders per year of tenure; tenure under a year counts as one year. */
export function ordersPerYear(orders: number, firstOrder: number, asOf: number): number {
  const years = Math.max(asOf - firstOrder, DAYS_PER_YEAR) / DAYS_PER_YEAR;
  return orders / years;
}
