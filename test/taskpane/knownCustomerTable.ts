/**
 * The pane tests' known customer table (SegmentPane, RewardsPlan and the de/nb views tests), sheet
 * rows 2–11. Rows 8 (recommend 12) and 9 (no id) are skipped.
 * The 8 usable customers' orders 8, 6, 7, 1, 5, 2, 9, 3 → sorted 1 2 3 5 6 7 8 9, median (5 + 6) / 2 = 5.5;
 * high behaviour (> 5.5): 1001, 1002, 1003, 1009.
 *   1001 rec 10 high → Loyal       1002 rec 9 high → Loyal
 *   1003 rec 3 high  → Locked-in   1009 rec 0 high → Locked-in
 *   1004 rec 2 low   → High-risk
 *   1005 rec 8 (passive) → Reachable; 1006 rec 9 low → Reachable; 1010 rec 7 → Reachable
 * Revenue / profit per segment (total spend − cost to serve): Loyal 1,400 / 1,200; Reachable 600 / 390;
 * Locked-in 900 / 400; High-risk 50 / 10.
 */
export const KNOWN_CUSTOMER_TABLE: unknown[][] = [
  ["Cust #", "Likelihood to recommend", "Orders", "Total spend", "Cost to serve"],
  [1001, 10, 8, 800, 100],
  [1002, 9, 6, 600, 100],
  [1003, 3, 7, 500, 200],
  [1004, 2, 1, 50, 40],
  [1005, 8, 5, 300, 100],
  [1006, 9, 2, 200, 50],
  [1007, 12, 3, 100, 10],
  ["", 7, 4, 150, 30],
  [1009, 0, 9, 400, 300],
  [1010, 7, 3, 100, 60],
];
