/**
 * RFM segments: a segment name per customer from the three RFM digits.
 *
 * Rule: a rule is a name and inclusive ranges of R, F and M digits; the first
 * rule whose three ranges all hold the customer's digits wins; no match gives
 * "Others" (rsquaredacademy/rfm, `R/rfm-segment.R` `rfm_segment`: rules are tried
 * in order and a customer keeps the first segment given).
 * The default rules are the rfm package's documented table (its `rfm_segment`
 * example), in this order: Champions 5–5/5–5/5–5, Potential Loyalist 3–5/3–5/2–5,
 * Loyal Customers 2–4/2–4/2–4, Promising 3–4/1–3/3–5, New Customers 4–5/1–3/1–5,
 * Can't Lose Them 1–2/3–4/4–5, At Risk 1–2/2–5/4–5, Need Attention 1–3/3–5/3–5,
 * About To Sleep 2–3/1–3/1–4, Lost 1–1/1–5/1–5. They are written for digits 1–5,
 * so with them a digit above 5 is an error; custom rules accept digits 1–9.
 *
 * Example: score 545 → R 5, F 4, M 5: not Champions (F 4 ∉ 5–5), Potential
 * Loyalist (3–5, 3–5, 2–5) matches → "Potential Loyalist". Score 151 → R 1, F 5, M 1:
 * Can't Lose Them, At Risk and Need Attention need M ≥ 3 or 4, Lost (1–1, 1–5, 1–5)
 * matches → "Lost". Score 215 → no default rule holds F 1 with M 5 at R 2 → "Others".
 *
 * Cost: O(rules × 729) once to fill a lookup table of every digit triple, then
 * O(1) per customer.
 */
import { at, describeWhere, isBlank, readNumber, readText } from "../orders/cells";
import { failValue, isCellError, raise } from "../errors";

export type DigitRange = readonly [low: number, high: number];

export type RfmRule = {
  readonly name: string;
  readonly r: DigitRange;
  readonly f: DigitRange;
  readonly m: DigitRange;
};

const rule = (name: string, r: DigitRange, f: DigitRange, m: DigitRange): RfmRule => ({ name, r, f, m });

/** The rfm package's documented segments, in the order they are tried. */
export const DEFAULT_RFM_RULES: readonly RfmRule[] = Object.freeze([
  rule("Champions", [5, 5], [5, 5], [5, 5]),
  rule("Potential Loyalist", [3, 5], [3, 5], [2, 5]),
  rule("Loyal Customers", [2, 4], [2, 4], [2, 4]),
  rule("Promising", [3, 4], [1, 3], [3, 5]),
  rule("New Customers", [4, 5], [1, 3], [1, 5]),
  rule("Can't Lose Them", [1, 2], [3, 4], [4, 5]),
  rule("At Risk", [1, 2], [2, 5], [4, 5]),
  rule("Need Attention", [1, 3], [3, 5], [3, 5]),
  rule("About To Sleep", [2, 3], [1, 3], [1, 4]),
  rule("Lost", [1, 1], [1, 5], [1, 5]),
]);

export const OTHERS = "Others";

/** Segment codes besides a rule's 0-based index. */
export const SEGMENT_OTHERS = -1;
/** No score (blank or NaN), or a digit 0 (missing) in digit columns. */
export const SEGMENT_MISSING = -2;
/** A digit above the rules' highest (5 for the default rules). */
export const SEGMENT_DIGIT_TOO_HIGH = -3;
/** Not a three-digit RFM code of digits 1–9 (e.g. 5.5, 1000, 505). */
export const SEGMENT_NOT_A_SCORE = -4;

export type RfmSegmentation = {
  /** Per customer: the winning rule's index, or one of the negative SEGMENT_ codes. */
  readonly index: Int16Array;
  readonly rules: readonly RfmRule[];
  /** Highest digit the rules accept: 5 for the default rules, 9 for custom ones. */
  readonly maxDigit: number;
};

export type RfmDigitColumns = { readonly r: ArrayLike<number>; readonly f: ArrayLike<number>; readonly m: ArrayLike<number> };

const within = (digit: number, [low, high]: DigitRange) => digit >= low && digit <= high;
const isDigit = (d: number) => d >= 1 && d <= 9 && Math.floor(d) === d;

/** Segment code of every digit triple, at r·100 + f·10 + m. */
function lookupTable(rules: readonly RfmRule[], maxDigit: number): Int16Array {
  const table = new Int16Array(1000).fill(SEGMENT_NOT_A_SCORE);
  for (let r = 1; r <= 9; r++) {
    for (let f = 1; f <= 9; f++) {
      for (let m = 1; m <= 9; m++) {
        let code = SEGMENT_OTHERS;
        if (r > maxDigit || f > maxDigit || m > maxDigit) code = SEGMENT_DIGIT_TOO_HIGH;
        else {
          for (let k = 0; k < rules.length; k++) {
            const { r: rr, f: fr, m: mr } = rules[k];
            if (within(r, rr) && within(f, fr) && within(m, mr)) {
              code = k;
              break;
            }
          }
        }
        table[r * 100 + f * 10 + m] = code;
      }
    }
  }
  return table;
}

/**
 * Segments for three-digit scores (R×100 + F×10 + M, NaN for missing) or for
 * digit columns (0 for missing). With the default rules a digit above 5 gives
 * SEGMENT_DIGIT_TOO_HIGH; custom rules take digits 1–9.
 */
export function rfmSegment(scores: ArrayLike<number> | RfmDigitColumns, rules: readonly RfmRule[] = DEFAULT_RFM_RULES): RfmSegmentation {
  if (rules.length === 0) failValue("rules: expected at least one rule");
  const maxDigit = rules === DEFAULT_RFM_RULES ? 5 : 9;
  const table = lookupTable(rules, maxDigit);
  if ("r" in scores && "f" in scores && "m" in scores) {
    const { r, f, m } = scores;
    const n = r.length;
    if (f.length !== n || m.length !== n) failValue(`r, f and m must have the same length; got ${n}, ${f.length} and ${m.length}`);
    const index = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      const a = r[i];
      const b = f[i];
      const c = m[i];
      if (a === 0 || b === 0 || c === 0 || a !== a || b !== b || c !== c) index[i] = SEGMENT_MISSING;
      else if (isDigit(a) && isDigit(b) && isDigit(c)) index[i] = table[a * 100 + b * 10 + c];
      else index[i] = SEGMENT_NOT_A_SCORE;
    }
    return { index, rules, maxDigit };
  }
  const list = scores as ArrayLike<number>;
  const index = new Int16Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (s !== s) index[i] = SEGMENT_MISSING;
    else if (s >= 111 && s <= 999 && Math.floor(s) === s) index[i] = table[s];
    else index[i] = SEGMENT_NOT_A_SCORE;
  }
  return { index, rules, maxDigit };
}

/** The segment name of code `code`, or null for the missing and error codes. */
export function segmentName(rules: readonly RfmRule[], code: number): string | null {
  if (code >= 0) return rules[code].name;
  return code === SEGMENT_OTHERS ? OTHERS : null;
}

const BOUND_COLUMNS = ["R low", "R high", "F low", "F high", "M low", "M high"] as const;

/**
 * Rules from a sheet range, one row per segment: name, R low, R high, F low, F high,
 * M low, M high. A first row whose six bound cells are all text is a header and is
 * skipped; wholly blank rows are skipped. Bounds are whole numbers 1–9 with low ≤ high.
 * Anything else fails the whole call with #VALUE! naming the rules row and column.
 * Example: [["Name","R low","R high","F low","F high","M low","M high"], ["Best",4,5,4,5,4,5]]
 * → one rule, Best R 4–5, F 4–5, M 4–5.
 */
export function parseRfmRules(grid: readonly (readonly unknown[])[]): RfmRule[] {
  if (grid.length === 0) failValue("rules: expected a range with one row per segment");
  const width = grid[0].length;
  if (width !== 7) {
    failValue(`rules: expected 7 columns (name, R low, R high, F low, F high, M low, M high), got ${width}`);
  }
  const rules: RfmRule[] = [];
  grid.forEach((line, r) => {
    if (line.every(isBlank)) return;
    if (r === 0 && line.slice(1).every((v) => typeof v === "string" && !isBlank(v))) return; // header
    const row = r + 1;
    const name = readText(line[0], at("rules", row, 1));
    if (name === null) failValue(`${describeWhere(at("rules", row, 1))}: the segment name is blank`);
    if (isCellError(name)) raise(name);
    const bounds: number[] = [];
    for (let c = 1; c <= 6; c++) {
      const where = at("rules", row, c + 1);
      const v = readNumber(line[c], where, `a digit from 1 to 9 (${BOUND_COLUMNS[c - 1]})`);
      if (v === null) failValue(`${describeWhere(where)}: the cell is blank; expected a digit from 1 to 9 (${BOUND_COLUMNS[c - 1]})`);
      if (isCellError(v)) raise(v);
      if (!Number.isInteger(v) || v < 1 || v > 9) {
        failValue(`${describeWhere(where)}: expected a digit from 1 to 9 (${BOUND_COLUMNS[c - 1]}), found ${v}`);
      }
      bounds.push(v);
    }
    for (let k = 0; k < 3; k++) {
      if (bounds[2 * k] > bounds[2 * k + 1]) {
        failValue(
          `${describeWhere(at("rules", row))}: ${BOUND_COLUMNS[2 * k]} ${bounds[2 * k]} is above ${BOUND_COLUMNS[2 * k + 1]} ${bounds[2 * k + 1]}`,
        );
      }
    }
    rules.push(rule(name, [bounds[0], bounds[1]], [bounds[2], bounds[3]], [bounds[4], bounds[5]]));
  });
  if (rules.length === 0) failValue("rules: the range holds no rules (only a header or blank rows)");
  return rules;
}
