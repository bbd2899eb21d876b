/**
 * "Check the model" on a calibration/holdout table instead of an order log: the output of
 * LOYALTY.HOLDOUTSUMMARY (one row per customer: x, t_x, T, x_holdout, holdout_length) or of the
 * warehouse SQL's grouped form (src/sql/holdoutSummarySql.ts: one row per distinct
 * (x, t_x_days, T_days, x_holdout) with `customers`, the number of customers in the row).
 *
 * Each row stands for w customers (w = the weight column, 1 each without one); the fit weights
 * the row's likelihood by w (BGNBDFIT's weights) and the comparison by frequency weights its
 * holdout purchases and predictions by w (compareHoldout in modelCheck.ts). x_holdout may be the
 * row's per-customer count or its customers' mean: Σ w·x_holdout is the same total either way.
 * Example: rows (x 0, t_x 0, T 38, x_holdout 0, customers 3) and (x 2, t_x 30, T 38, x_holdout 1,
 * customers 1) are the same four customers as the four per-customer rows.
 * Weights are counts of customers: whole numbers, 0 or more (rows of 0 are left out); a blank,
 * negative or fractional weight is refused with its sheet row. Cost O(rows).
 */
import { isBlank, plainValue } from "../../analytics/orders/cells";
import { bgnbdHistoryError } from "../../analytics/btyd/bgnbdGroups";
import { cellInMessage as shown, headerColumnFinder, WEIGHT_HEADER } from "./mapping";
import { type HoldoutComparison, compareHoldout } from "./modelCheck";

export const HOLDOUT_ROLES = ["x", "tx", "T", "xHoldout", "holdoutLength", "weight"] as const;
export type HoldoutRole = (typeof HOLDOUT_ROLES)[number];
export type HoldoutColumns = Readonly<Record<HoldoutRole, number | null>>;

// Header names as HOLDOUTSUMMARY, the warehouse SQL and lifetimes' calibration_and_holdout_data write them.
const HEADERS: Record<Exclude<HoldoutRole, "weight">, RegExp> = {
  x: /^(x|frequency_cal)$/i,
  tx: /^(t_?x|recency_cal)$/i,
  T: /^(T|T_cal)$/,
  xHoldout: /^(x_?holdout|frequency_holdout)$/i,
  holdoutLength: /^(holdout_?length|duration_holdout)$/i,
};

/** Guesses the columns from the header row; null where no header matches. */
export function guessHoldoutColumns(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): HoldoutColumns {
  const find = headerColumnFinder(rows, hasHeaders, columnCount);
  const x = find(HEADERS.x);
  const tx = find(HEADERS.tx);
  const T = find(HEADERS.T);
  const xHoldout = find(HEADERS.xHoldout);
  const holdoutLength = find(HEADERS.holdoutLength);
  const weight = find(WEIGHT_HEADER);
  return { x, tx, T, xHoldout, holdoutLength, weight };
}

/** Whether the guessed columns make the selection a calibration/holdout table rather than an order log. */
export const isHoldoutTable = (c: HoldoutColumns): boolean => c.x !== null && c.tx !== null && c.T !== null && c.xHoldout !== null;

/** What is wrong with a table cell, for the pane to say in the user's language. */
export type HoldoutIssue =
  | { readonly kind: "notNumber" | "blank" | "negative" | "notWhole"; readonly role: HoldoutRole; readonly row: number; readonly value: string }
  | { readonly kind: "badHistory"; readonly role: "x"; readonly row: number; readonly value: string }
  | { readonly kind: "lengthDiffers"; readonly role: "holdoutLength"; readonly row: number; readonly value: string }
  | { readonly kind: "noLength" | "noRows"; readonly role: HoldoutRole; readonly row: 0; readonly value: "" };

export class HoldoutTableError extends Error {
  constructor(readonly issue: HoldoutIssue) {
    super(`${issue.kind} in ${issue.role}, row ${issue.row}`);
    this.name = "HoldoutTableError";
  }
}

export type HoldoutTable = {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly xHoldout: Float64Array;
  /** Customers per row; undefined when no weight column is mapped (one customer per row). */
  readonly weight?: Float64Array;
  readonly holdoutLength: number;
  /** Non-blank rows read. */
  readonly rows: number;
  /** Σ weights (the number of customers). */
  readonly customers: number;
};


/**
 * Reads the mapped columns of `rows` (data rows only; `firstSheetRow` is the sheet row of rows[0]).
 * The holdout length comes from its column (the same in every row) or, when none is mapped, from
 * `typedLength`. Wholly blank rows are skipped; anything else wrong throws HoldoutTableError.
 */
export function readHoldoutTable(rows: readonly (readonly unknown[])[], columns: HoldoutColumns, firstSheetRow: number, typedLength: number | null): HoldoutTable {
  const n = rows.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const xHoldout = new Float64Array(n);
  const weight = columns.weight === null ? undefined : new Float64Array(n);
  let length = columns.holdoutLength === null ? typedLength : null;
  let k = 0;
  let customers = 0;
  const mapped = HOLDOUT_ROLES.filter((r) => columns[r] !== null);
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    const sheetRow = firstSheetRow + i;
    if (mapped.every((r) => isBlank(plainValue(row[columns[r] as number])))) continue;
    const read = (role: HoldoutRole, whole: boolean): number => {
      const v = plainValue(row[columns[role] as number]);
      if (isBlank(v)) throw new HoldoutTableError({ kind: "blank", role, row: sheetRow, value: "" });
      const num = typeof v === "number" ? v : NaN;
      if (!Number.isFinite(num)) throw new HoldoutTableError({ kind: "notNumber", role, row: sheetRow, value: shown(v) });
      if (num < 0) throw new HoldoutTableError({ kind: "negative", role, row: sheetRow, value: String(num) });
      if (whole && Math.floor(num) !== num) throw new HoldoutTableError({ kind: "notWhole", role, row: sheetRow, value: String(num) });
      return num;
    };
    x[k] = read("x", true);
    tx[k] = read("tx", false);
    T[k] = read("T", false);
    if (bgnbdHistoryError(x[k], tx[k], T[k]) !== null) {
      throw new HoldoutTableError({ kind: "badHistory", role: "x", row: sheetRow, value: `${x[k]}, ${tx[k]}, ${T[k]}` });
    }
    xHoldout[k] = read("xHoldout", false);
    if (weight) {
      weight[k] = read("weight", true);
      customers += weight[k];
    } else customers++;
    if (columns.holdoutLength !== null) {
      const len = read("holdoutLength", false);
      if (length === null) length = len;
      else if (len !== length) throw new HoldoutTableError({ kind: "lengthDiffers", role: "holdoutLength", row: sheetRow, value: String(len) });
    }
    k++;
  }
  if (k === 0 || customers === 0) throw new HoldoutTableError({ kind: "noRows", role: "x", row: 0, value: "" });
  if (length === null || !(length > 0)) throw new HoldoutTableError({ kind: "noLength", role: "holdoutLength", row: 0, value: "" });
  return {
    x: x.slice(0, k),
    tx: tx.slice(0, k),
    T: T.slice(0, k),
    xHoldout: xHoldout.slice(0, k),
    weight: weight?.slice(0, k),
    holdoutLength: length,
    rows: k,
    customers,
  };
}

/** The check on a read table: BG/NBD fitted with the row weights, compared per frequency group (compareHoldout). */
export const checkHoldoutTable = (t: HoldoutTable): Promise<HoldoutComparison> => compareHoldout(t.x, t.tx, t.T, t.xHoldout, t.holdoutLength, t.weight);
