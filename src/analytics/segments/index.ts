/**
 * segments/ — the four-group loyalty rule engine (loyal, reachable, locked-in, high-risk) shared by
 * LOYALTY.SEGMENT and the task pane's Segment button, with the recommended action per group.
 * 
 * May import: ../errors, ../orders, ../numeric, ../rfm.
 */
export * from "./loyaltySegment";
