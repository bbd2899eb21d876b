/**
 * programme/ — the loyalty programme and its books: points earned per order (exact for cent
 * amounts), points balances kept in lots (oldest first, EDATE expiry), tiers from thresholds, the
 * IFRS 15 relative stand-alone selling price split of a sale into goods and points, the cumulative
 * catch-up revenue schedule of a points pool, and breakage from a development triangle.
 *
 * May import: ../errors, ../orders, ../numeric.
 */
export * from "./addMonths";
export * from "./breakage";
export * from "./pointsAllocation";
export * from "./pointsBalance";
export * from "./pointsEarned";
export * from "./pointsRevenue";
export * from "./tier";
