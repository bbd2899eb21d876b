/**
 * PREVIEW ONLY — what Excel makes of a string written through `Range.values` (or `formulas`): it
 * reads it as if the user had typed it (Excel, en-US, General format), unless the cell's number
 * format is text ("@"):
 * - "=1+1" becomes a formula, and so does text starting with "+" or a "-" that is not a number
 *   ("+49 30 123" → the formula "=+49 30 123");
 * - "0012" → 12, "1,234.5" → 1234.5, "12%" → 0.12, "TRUE" → true, "#N/A" → the error value;
 * - "1/2" → 2 January of the current year, "3/31/2024" and "2024-03-31" → that date, "2024-03" →
 *   1 March 2024 (date serials, with a date number format);
 * - a leading apostrophe makes the rest text ("'0012" → "0012").
 * Formulas the stand-in can evaluate (plain arithmetic) get their value; others show #NAME?
 * (Excel may instead refuse a formula it cannot parse). Cost: O(length of the text).
 */
import type { CellValue } from "./workbook";

export type Entry = { readonly value: CellValue; readonly formula: string | null; readonly format: string | null };

const ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]);
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** Excel's serial of a date (1900 date system, dates from 1900-03-01 on), or null when it is no date. */
function serial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return time / 86_400_000 + 25_569;
}

function numberOf(text: string): number | null {
  const t = text.trim();
  if (t === "" || t === "+" || t === "-" || !NUMBER.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

function dateOf(text: string, thisYear: number): { value: number; format: string } | null {
  let m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(thisYear, Number(m[1]), Number(m[2]));
    return v === null ? null : { value: v, format: "d-mmm" };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const y = m[3].length === 2 ? (Number(m[3]) < 30 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
    const v = serial(y, Number(m[1]), Number(m[2]));
    return v === null ? null : { value: v, format: "m/d/yyyy" };
  }
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(Number(m[1]), Number(m[2]), Number(m[3]));
    return v === null ? null : { value: v, format: "m/d/yyyy" };
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) {
    const v = serial(Number(m[1]), Number(m[2]), 1);
    return v === null ? null : { value: v, format: "mmm-yy" };
  }
  return null;
}

/** Plain arithmetic (numbers, + − * / ^, parentheses); null when the formula is anything else. */
export function arithmetic(formula: string): number | null {
  const src = formula.replace(/^=/, "");
  let i = 0;
  const skip = () => {
    while (src[i] === " ") i++;
  };
  const atom = (): number | null => {
    skip();
    if (src[i] === "(") {
      i++;
      const v = sum();
      skip();
      if (v === null || src[i] !== ")") return null;
      i++;
      return v;
    }
    if (src[i] === "-" || src[i] === "+") {
      const sign = src[i++] === "-" ? -1 : 1;
      const v = power();
      return v === null ? null : sign * v;
    }
    const m = /^\d+(\.\d+)?([eE][+-]?\d+)?|^\.\d+/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  const power = (): number | null => {
    let v = atom();
    skip();
    while (v !== null && src[i] === "^") {
      i++;
      const e = atom();
      v = e === null ? null : v ** e;
      skip();
    }
    return v;
  };
  const product = (): number | null => {
    let v = power();
    skip();
    while (v !== null && (src[i] === "*" || src[i] === "/")) {
      const op = src[i++];
      const w = power();
      v = w === null ? null : op === "*" ? v * w : v / w;
      skip();
    }
    return v;
  };
  const sum = (): number | null => {
    let v = product();
    skip();
    while (v !== null && (src[i] === "+" || src[i] === "-")) {
      const op = src[i++];
      const w = product();
      v = w === null ? null : op === "+" ? v + w : v - w;
      skip();
    }
    return v;
  };
  const v = sum();
  skip();
  return v !== null && i === src.length ? v : null;
}

function formulaEntry(formula: string): Entry {
  const v = arithmetic(formula);
  const value: CellValue = v === null ? { error: "#NAME?" } : Number.isFinite(v) ? v : { error: "#DIV/0!" };
  return { value, formula, format: null };
}

/** What a cell holds after `text` is written to it, given the cell's number format. */
export function coerceEntry(text: string, cellFormat: string, thisYear = new Date().getFullYear()): Entry {
  if (cellFormat === "@") return { value: text === "" ? null : text, formula: null, format: null };
  if (text === "") return { value: null, formula: null, format: null };
  if (text.startsWith("'")) return { value: text.length > 1 ? text.slice(1) : null, formula: null, format: null };
  if (text.startsWith("=") && text.length > 1) return formulaEntry(text);
  const trimmed = text.trim();
  const n = numberOf(trimmed);
  if (n !== null) {
    // "+5" is taken as the formula =+5 (Lotus habit); "-5" and "5" are numbers.
    return trimmed.startsWith("+") ? { value: n, formula: `=${trimmed}`, format: null } : { value: n, formula: null, format: null };
  }
  if (text.startsWith("+") || text.startsWith("-")) return formulaEntry(`=${text}`);
  const percent = /^(.*)%$/.exec(trimmed);
  if (percent) {
    const p = numberOf(percent[1]);
    if (p !== null) return { value: p / 100, formula: null, format: "0%" };
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true", formula: null, format: null };
  if (ERRORS.has(trimmed.toUpperCase())) return { value: { error: trimmed.toUpperCase() }, formula: null, format: null };
  const date = dateOf(trimmed, thisYear);
  if (date) return { value: date.value, formula: null, format: cellFormat === "General" ? date.format : null };
  return { value: text, formula: null, format: null };
}
