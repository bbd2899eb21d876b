/**
 * rfm/ — recency, frequency and monetary value: the RFM table of an order log (one row per customer),
 * the RFM digits by the rfm package's rules (R type-7 break points, ties share a digit) and the named
 * RFM segments (first matching rule wins, "Others").
 * 
 * May import: ../errors, ../orders, ../numeric.
 */
export * from "./rfmScores";
export * from "./rfmSegments";
export * from "./rfmTable";
