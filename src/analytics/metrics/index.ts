/**
 * metrics/ — the closed-form customer measures typed into single cells: period retention and churn,
 * value lost and value churn, CLTV over a fixed horizon, CLV with constant retention, and NPS.
 * 
 * May import: ../errors, ../orders, ../numeric.
 */
export * from "./cltv";
export * from "./clv";
export * from "./nps";
export * from "./retentionRate";
export * from "./valueLost";
