/**
 * Column mapping: which column of the picked range plays which role, guessed from header names
 * and a sample of values, and remembered per sheet for the session. Pure; no Office types.
 *
 * Header detection: the first row is a header row when every non-blank cell in it is text that
 * is not a number, date or error, and some column holds a number, date or boolean below a text
 * header — or every value of the first row is absent from the rest of its column (sample).
 * Cost: O(rows × columns) over the sample (≤ 200 rows).
 */
import { isBlank } from "../../analytics/orders/cells";
import { serialFromIsoText } from "../../analytics/orders/dates";
import { isExcelErrorCode } from "../../analytics/errors";
import type { TimeUnit } from "../../analytics/orders/timeUnit";

export type AttitudeScale = "recommend" | "satisfaction" | "referrals";
export type RecencyKind = "days" | "date";

/** Roles a column can play; "attitude" is read on `attitudeScale`, "recency" as `recencyKind`. */
/** "weight": customers per row of a grouped table (the warehouse SQL's `customers`); unmapped, each row is one customer. */
export const ROLES = ["id", "attitude", "recency", "firstOrder", "frequency", "monetary", "cost", "priceDriven", "recurring", "weight"] as const;
export type Role = (typeof ROLES)[number];

/** Optional BTYD roles: repeat purchases x, t_x (first → last purchase) and T (first purchase → as-of), in `unit`. */
export const BTYD_ROLES = ["x", "tx", "T"] as const;
export type BtydRole = (typeof BTYD_ROLES)[number];
export type BtydColumns = { readonly x: number | null; readonly tx: number | null; readonly T: number | null; readonly unit: TimeUnit };
export const EMPTY_BTYD: BtydColumns = { x: null, tx: null, T: null, unit: "week" };
/** The BTYD columns with `column` taken away from whichever role had it. */
export function btydWithout(btyd: BtydColumns, column: number): BtydColumns {
  const keep = (c: number | null): number | null => (c === column ? null : c);
  return { ...btyd, x: keep(btyd.x), tx: keep(btyd.tx), T: keep(btyd.T) };
}

export type Mapping = {
  /** Column index within the picked range (0-based), or null when not mapped. */
  readonly columns: Readonly<Record<Role, number | null>>;
  readonly attitudeScale: AttitudeScale;
  readonly recencyKind: RecencyKind;
  /** x / t_x / T columns when any is mapped; absent otherwise (no BTYD roles). */
  readonly btyd?: BtydColumns;
};

export const EMPTY_MAPPING: Mapping = {
  columns: { id: null, attitude: null, recency: null, firstOrder: null, frequency: null, monetary: null, cost: null, priceDriven: null, recurring: null, weight: null },
  attitudeScale: "recommend",
  recencyKind: "days",
};

/** Excel column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const isNumberLike = (v: unknown): boolean => typeof v === "number" || typeof v === "boolean";

function isPlainText(v: unknown): boolean {
  if (typeof v !== "string" || v.trim() === "") return false;
  const t = v.trim();
  if (isExcelErrorCode(t)) return false;
  if (serialFromIsoText(t) !== null) return false;
  return !/^[-+]?\d+([.,]\d+)?%?$/.test(t);
}

/** Whether the first row of `rows` looks like a header row (see the file comment). */
export function detectHeaders(rows: readonly (readonly unknown[])[]): boolean {
  if (rows.length === 0) return false;
  const first = rows[0];
  let textCells = 0;
  for (const v of first) {
    if (isBlank(v)) continue;
    if (!isPlainText(v)) return false;
    textCells++;
  }
  if (textCells === 0) return false;
  if (rows.length === 1) return true;
  for (let c = 0; c < first.length; c++) {
    if (!isPlainText(first[c])) continue;
    for (let r = 1; r < rows.length; r++) if (isNumberLike(rows[r][c])) return true;
  }
  // All text: a header row when none of its texts recurs below it in the same column.
  for (let c = 0; c < first.length; c++) {
    if (isBlank(first[c])) continue;
    const head = String(first[c]).trim().toLowerCase();
    for (let r = 1; r < rows.length; r++) if (typeof rows[r][c] === "string" && String(rows[r][c]).trim().toLowerCase() === head) return false;
  }
  return true;
}

/** Header texts (trimmed, "" for a blank header cell) or null per column when there is no header row. */
export function headerTexts(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): (string | null)[] {
  const out: (string | null)[] = [];
  for (let c = 0; c < columnCount; c++) out.push(hasHeaders && rows.length > 0 && !isBlank(rows[0][c]) ? String(rows[0][c]).trim() : null);
  return out;
}

/**
 * A finder over the header row: `find(pattern)` gives the first column whose header matches and
 * that no earlier `find` took, or null. Example: headers x, t_x, T → find(/^t_x$/) = 1.
 */
export function headerColumnFinder(rows: readonly (readonly unknown[])[], hasHeaders: boolean, columnCount: number): (pattern: RegExp) => number | null {
  const heads = headerTexts(rows, hasHeaders, columnCount);
  const used = new Set<number>();
  return (pattern) => {
    for (let c = 0; c < columnCount; c++) {
      const h = heads[c];
      if (h !== null && !used.has(c) && pattern.test(h)) {
        used.add(c);
        return c;
      }
    }
    return null;
  };
}

/** A cell as a refusal message quotes it: text trimmed and cut to 30 characters, anything else as String gives it. */
export const cellInMessage = (v: unknown): string => (typeof v === "string" ? v.trim().slice(0, 30) : String(v));

/**
 * `columns` with `column` taken for `role`, and taken away from any other role that had it (a
 * column plays one role, so a mapping stays unambiguous); `none` is the value of an unmapped role.
 * Example: {a: 0, b: 1}, role a, column 1 → {a: 1, b: none}.
 */
export function withColumnFor<R extends string, V>(columns: Readonly<Record<R, V>>, roles: readonly R[], role: R, column: V, none: V): Record<R, V> {
  return Object.fromEntries(roles.map((r) => [r, r === role ? column : columns[r] === column ? none : columns[r]])) as Record<R, V>;
}

type Sample = readonly (readonly unknown[])[];

function values(sample: Sample, c: number): unknown[] {
  const out: unknown[] = [];
  for (const row of sample) if (!isBlank(row[c])) out.push(row[c]);
  return out;
}

const numbers = (vs: unknown[]): number[] => vs.filter((v): v is number => typeof v === "number");
/** Most (≥ 80%) of the non-blank sample values are numbers satisfying `ok`; an empty sample passes. */
function mostly(vs: unknown[], ok: (n: number) => boolean): boolean {
  if (vs.length === 0) return true;
  const good = numbers(vs).filter(ok).length;
  return good >= 0.8 * vs.length;
}
/** Date-like: whole serials from 1950 on (18264) or ISO date text. */
function looksLikeDates(vs: unknown[]): boolean {
  if (vs.length === 0) return false;
  let dates = 0;
  for (const v of vs) {
    if (typeof v === "number" && v >= 18264 && v < 2958466) dates++;
    else if (typeof v === "string" && serialFromIsoText(v) !== null) dates++;
  }
  return dates >= 0.8 * vs.length;
}
function distinct(vs: unknown[]): boolean {
  const seen = new Set<string>();
  for (const v of vs) {
    const k = String(v).trim();
    if (seen.has(k)) return false;
    seen.add(k);
  }
  return vs.length > 0;
}

// Header patterns: English first, with common German and Norwegian words (those languages follow).
const P = {
  id: /(^|[^a-z])(id|no\.?|nr\.?|#|number|code|key)([^a-z]|$)|^cust|customer|client|account|kunde/i,
  notId: /name|mail|phone|address|navn|adresse|telefon|date|dato|datum|order|purchase|spend|revenue|score|recommend|satisf|count|total|of\b/i,
  recommend: /recommend|nps|likelihood|anbefal|empfehl|weiterempf/i,
  satisfaction: /satisf|csat|zufrieden|fornøy|tilfreds/i,
  referrals: /referr|referral|vervet|geworben/i,
  recurring: /recurring|mrr|\barr\b|subscription|monthly|abonn|wiederkehr|løpende/i,
  cost: /cost|kosten|kostnad/i,
  priceDriven: /discount|promo|coupon|voucher|price.?driven|on.?sale|deal|rabatt/i,
  firstOrder: /first|since|sign.?up|joined|start|erste|første|seit/i,
  recency: /recen|last|latest|most.?recent|days.?since|letzte|siste|sist/i,
  frequency: /freq|orders|order.?count|purchases|visits|transactions|number.?of|#.?of|count|bestellungen|käufe|ordre|antall|kjøp/i,
  monetary: /revenue|spend|spent|sales|amount|monetary|value|total|turnover|umsatz|betrag|omsetning|beløp|salg|ausgaben/i,
  // BTYD histories (lifetimes / BTYD package headers): exact names only, so ordinary tables are not affected.
  x: /^(x|repeat.?purchases)$/i,
  tx: /^t_?x$/i,
  T: /^T$/,
} as const;

/**
 * Header of a weight column in the grouped tables the warehouse SQL writes (`customers`) and the
 * usual names for "number of customers in this row", in English, German and Norwegian: the whole
 * header only, so an ordinary "Orders count" or "Customer" column is never taken for a weight.
 */
export const WEIGHT_HEADER = /^(customers|no\.? of customers|number of customers|weights?|n|count|kunden|anzahl( kunden)?|gewicht|kunder|antall( kunder)?|vekt)$/i;
/** The weight headers that, alone, may also mean an order count ("count", "Anzahl", "antall"). */
const AMBIGUOUS_WEIGHT = /^(count|anzahl|antall)$/i;
/** Whole numbers of 1 or more, as customers per row are. */
const customerCounts = (vs: unknown[]): boolean => vs.length > 0 && mostly(vs, (n) => n >= 1 && Number.isInteger(n));

/**
 * Guesses the mapping from headers (when present) and the sample's values; every guess can be
 * changed in the pane. Each column gets at most one role, roles are tried in a fixed order
 * (weight, id, x / t_x / T, attitude, recurring, cost, price-driven, first order, recency, frequency,
 * monetary). The weight is a column whose whole header is a name for customers per row (WEIGHT_HEADER)
 * and whose values are whole numbers ≥ 1; "count", "Anzahl" and "antall" only when another column
 * holds the order count, so a lone "Count" column stays the frequency it always was.
 */
/** Roles folded under "Advanced options" when the columns are set by hand: cost, discount share, recurring value, customers per row. */
export const ADVANCED_ROLES: readonly Role[] = ["cost", "priceDriven", "recurring", "weight"];

/**
 * Whether the column guesses are confident enough to show as a short summary with "Change":
 * the first row holds headers, the id column's header says it is an id, and an attitude or a
 * behaviour column (frequency, monetary, recency) was found by its header too.
 */
export function guessIsConfident(mapping: Mapping, rows: Sample, hasHeaders: boolean, columnCount: number): boolean {
  if (!hasHeaders || mapping.columns.id === null) return false;
  const heads = headerTexts(rows, hasHeaders, columnCount);
  const idHead = heads[mapping.columns.id];
  if (idHead === null || !P.id.test(idHead) || P.notId.test(idHead)) return false;
  const c = mapping.columns;
  return c.attitude !== null || c.frequency !== null || c.monetary !== null || c.recency !== null;
}

export function guessMapping(rows: Sample, hasHeaders: boolean, columnCount: number): Mapping {
  const heads = headerTexts(rows, hasHeaders, columnCount);
  const sample = hasHeaders ? rows.slice(1) : rows;
  const used = new Set<number>();
  const cols: Record<Role, number | null> = { ...EMPTY_MAPPING.columns };
  const col = (c: number): unknown[] => values(sample, c);
  const find = (pattern: RegExp, ok: (c: number) => boolean, exclude?: RegExp): number | null => {
    for (let c = 0; c < columnCount; c++) {
      const h = heads[c];
      if (used.has(c) || h === null || !pattern.test(h) || (exclude && exclude.test(h)) || !ok(c)) continue;
      used.add(c);
      return c;
    }
    return null;
  };

  // Numeric customer ids under a "Customers" header are all different; customers per row repeat (many 1s).
  const notIds = (c: number): boolean => !(P.id.test(heads[c] ?? "") && col(c).length >= 20 && distinct(col(c)));
  cols.weight = find(WEIGHT_HEADER, (c) => customerCounts(col(c)) && notIds(c), AMBIGUOUS_WEIGHT);
  cols.id = find(P.id, (c) => distinct(col(c)) || col(c).length === 0, P.notId);
  if (cols.id === null) {
    // No id-like header: the first column whose sample values are all different and not decimals.
    for (let c = 0; c < columnCount && cols.id === null; c++) {
      if (used.has(c)) continue; // the weight column, taken above
      const vs = col(c);
      if (distinct(vs) && vs.every((v) => typeof v === "string" || (typeof v === "number" && Number.isInteger(v)))) {
        cols.id = c;
        used.add(c);
      }
    }
  }

  const btyd: Record<BtydRole, number | null> = { x: null, tx: null, T: null };
  for (const role of BTYD_ROLES) btyd[role] = find(P[role], (c) => mostly(col(c), (n) => n >= 0));

  let scale: AttitudeScale = "recommend";
  const recommend = find(P.recommend, (c) => mostly(col(c), (n) => n >= 0 && n <= 10));
  const satisfaction = recommend === null ? find(P.satisfaction, (c) => mostly(col(c), (n) => n >= 1 && n <= 5)) : null;
  const referrals =
    recommend === null && satisfaction === null ? find(P.referrals, (c) => mostly(col(c), (n) => n >= 0 && Number.isInteger(n))) : null;
  if (recommend !== null) cols.attitude = recommend;
  else if (satisfaction !== null) {
    cols.attitude = satisfaction;
    scale = "satisfaction";
  } else if (referrals !== null) {
    cols.attitude = referrals;
    scale = "referrals";
  }

  cols.recurring = find(P.recurring, (c) => mostly(col(c), (n) => n >= 0));
  cols.cost = find(P.cost, (c) => mostly(col(c), () => true));
  cols.priceDriven = find(P.priceDriven, (c) => col(c).every((v) => typeof v === "boolean" || (typeof v === "number" && v >= 0 && v <= 1) || /^(true|false)$/i.test(String(v).trim())));
  cols.firstOrder = find(P.firstOrder, (c) => looksLikeDates(col(c)));
  cols.recency = find(P.recency, (c) => looksLikeDates(col(c)) || mostly(col(c), (n) => n >= 0));
  const recencyKind: RecencyKind = cols.recency !== null && looksLikeDates(col(cols.recency)) ? "date" : "days";
  if (cols.weight === null) {
    // "Count" beside an order count: the order count is the frequency, "Count" the customers per row.
    const frequency = find(P.frequency, (c) => mostly(col(c), (n) => n >= 0), new RegExp(`${P.monetary.source}|${AMBIGUOUS_WEIGHT.source}`, "i"));
    if (frequency !== null) {
      cols.frequency = frequency;
      cols.weight = find(AMBIGUOUS_WEIGHT, (c) => customerCounts(col(c)));
    }
  }
  if (cols.frequency === null) cols.frequency = find(P.frequency, (c) => mostly(col(c), (n) => n >= 0), P.monetary);
  cols.monetary = find(P.monetary, (c) => mostly(col(c), () => true));
  const guessed: Mapping = { columns: cols, attitudeScale: scale, recencyKind };
  return btyd.x === null && btyd.tx === null && btyd.T === null ? guessed : { ...guessed, btyd: { ...EMPTY_BTYD, ...btyd } };
}

/** True when a stored mapping still fits a range of `columnCount` columns. */
export function mappingFits(mapping: Mapping, columnCount: number): boolean {
  const fits = (c: number | null): boolean => c === null || c < columnCount;
  return ROLES.every((r) => fits(mapping.columns[r])) && (!mapping.btyd || BTYD_ROLES.every((r) => fits((mapping.btyd as BtydColumns)[r])));
}

/** Session memory: the last mapping per sheet (and header row), forgotten when the pane closes. */
export class MappingMemory {
  private readonly bySheet = new Map<string, { readonly key: string; readonly mapping: Mapping }>();
  private static key(headers: readonly (string | null)[]): string {
    return JSON.stringify(headers);
  }
  remember(sheet: string, headers: readonly (string | null)[], mapping: Mapping): void {
    this.bySheet.set(sheet, { key: MappingMemory.key(headers), mapping });
  }
  /** The remembered mapping for this sheet when its header row is unchanged. */
  recall(sheet: string, headers: readonly (string | null)[]): Mapping | null {
    const hit = this.bySheet.get(sheet);
    return hit && hit.key === MappingMemory.key(headers) ? hit.mapping : null;
  }
}
