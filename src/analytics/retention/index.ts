/**
 * retention/ — retention over time: the cohort triangle of an order log, retention per calendar period
 * (with the per-customer bitset fast path), and the shifted-beta-geometric (sBG) model of contract
 * renewals (fit and projections).
 * 
 * May import: ../errors, ../orders, ../numeric.
 */
export * from "./cohortTable";
export * from "./customerBitsets";
export * from "./retentionByPeriod";
export * from "./sbgFit";
export * from "./sbgProjection";
