/**
 * The pane's one number and date formatter, in the user's Excel regional settings.
 *
 * Numbers go through `Intl.NumberFormat` in the culture's name (Excel's `cultureInfo.name`, else
 * the display language); the decimal and thousands separators Intl produces are then replaced by
 * the ones Excel reports, so a user who set their own separators (File › Options › Advanced, "Use
 * system separators" off) sees theirs. Dates in figures ("31.03.2024") follow Excel's short-date
 * pattern when it is known (ExcelApi 1.12), else Intl's numeric date of the culture. Dates in
 * words ("März 2024") are in the pane's language: in the culture when it speaks that language
 * (de-AT → "Jänner"), else in the language's own default region, so an English pane in a German
 * Excel never says "im March".
 *
 * Text typed into the pane is read the same way: `parseNumber` accepts the culture's separators
 * and, as before, either "9,5" or "9.5"; `parseDate` accepts ISO text (2024-03-31) and the
 * culture's short date (31.03.2024 in de and nb, 3/31/2024 in en-US).
 */
import { serialFromYmd, ymdFromSerial } from "../../analytics/orders/dates";

export type Language = "en" | "de" | "nb";

/** What the Excel layer reports of the regional settings; every field optional (older hosts report less). */
export type Culture = {
  /** BCP 47 tag, e.g. "de-DE" (Excel reports "de-de"; case does not matter). */
  readonly name: string;
  readonly decimalSeparator?: string;
  readonly thousandsSeparator?: string;
  /** .NET-style pattern such as "dd.MM.yyyy" or "M/d/yyyy" (ExcelApi 1.12). */
  readonly shortDatePattern?: string;
};

export type Formatter = {
  /** The culture tag used with Intl and handed to charts. */
  readonly locale: string;
  readonly decimalSeparator: string;
  readonly thousandsSeparator: string;
  /** Whole number with grouping: 93259 → "93.259" (de-DE), "93 259" (nb-NO, no-break space), "93,259" (en-US). */
  integer(value: number): string;
  /** At most `digits` decimals: 9.5 → "9,5" (de-DE). */
  number(value: number, digits?: number): string;
  /** A share as a percentage with at most `digits` decimals: 0.125 → "12,5 %" (de-DE, one digit). */
  percent(share: number, digits?: number): string;
  /** An Excel date serial as a short date: 45382 → "31.03.2024" (de-DE). */
  date(serial: number): string;
  /** Month and year in words, in the pane's language: (2024, 3) → "März 2024". */
  monthYear(year: number, month: number): string;
  /** A day in words, in the pane's language: (2024, 3, 4) → "4. März 2024". */
  longDate(year: number, month: number, day: number): string;
  /** A typed number, or null when the text is not one. */
  parseNumber(text: string): number | null;
  /** A typed date as an Excel serial, or null when the text is not a date that exists. */
  parseDate(text: string): number | null;
};

/** Each language's region when the culture speaks another language. */
export const LANGUAGE_TAGS: Readonly<Record<Language, string>> = { en: "en-US", de: "de-DE", nb: "nb-NO" };

/** "de-de" → "de-DE"; unknown or malformed tags fall back to `fallback`. */
export function canonicalTag(tag: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/** Whether a culture tag speaks the pane's language ("nn-NO" and "no" count as Norwegian). */
function speaks(tag: string, language: Language): boolean {
  const primary = tag.toLowerCase().split("-")[0];
  return language === "nb" ? primary === "nb" || primary === "nn" || primary === "no" : primary === language;
}

const SPACES = /[\s\u00a0\u202f]/g;

function withSeparators(parts: Intl.NumberFormatPart[], decimal: string, thousands: string): string {
  return parts.map((p) => (p.type === "decimal" ? decimal : p.type === "group" ? thousands : p.value)).join("");
}

/** The formatter for a culture, with dates in words in `language`. */
export function makeFormatter(culture: Culture, language: Language): Formatter {
  const locale = canonicalTag(culture.name, LANGUAGE_TAGS[language]);
  const probe = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  const decimal = culture.decimalSeparator || probe.find((p) => p.type === "decimal")?.value || ".";
  const thousands = culture.thousandsSeparator ?? probe.find((p) => p.type === "group")?.value ?? ",";
  const wordsLocale = speaks(locale, language) ? locale : LANGUAGE_TAGS[language];
  const numberCache = new Map<string, Intl.NumberFormat>();
  const cached = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = numberCache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      numberCache.set(key, f);
    }
    return f;
  };
  const pattern = culture.shortDatePattern ? parsePattern(culture.shortDatePattern) : null;
  const numericDate = new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "2-digit", day: "2-digit" });
  const monthYear = new Intl.DateTimeFormat(wordsLocale, { timeZone: "UTC", month: "long", year: "numeric" });
  const longDate = new Intl.DateTimeFormat(wordsLocale, { timeZone: "UTC", month: "long", day: "numeric", year: "numeric" });
  const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

  return {
    locale,
    decimalSeparator: decimal,
    thousandsSeparator: thousands,
    integer: (value) => withSeparators(cached("i", { maximumFractionDigits: 0 }).formatToParts(value), decimal, thousands),
    number: (value, digits = 2) => withSeparators(cached(`n${digits}`, { maximumFractionDigits: digits }).formatToParts(value), decimal, thousands),
    percent: (share, digits = 0) => withSeparators(cached(`p${digits}`, { style: "percent", maximumFractionDigits: digits }).formatToParts(share), decimal, thousands),
    date: (serial) => {
      const { year, month, day } = ymdFromSerial(serial);
      return pattern ? formatWithPattern(pattern, year, month, day) : numericDate.format(utc(year, month, day));
    },
    monthYear: (year, month) => monthYear.format(utc(year, month, 1)),
    longDate: (year, month, day) => longDate.format(utc(year, month, day)),
    parseNumber: (text) => parseNumberIn(text, decimal, thousands),
    parseDate: (text) => parseDateIn(text, pattern ?? patternOf(numericDate)),
  };
}

/**
 * "9,5", "9.5", "1.234,5" (de), "1 234,5" (nb), "1,234.5" (en), "1'234.5" (de-CH) → numbers.
 * A lone "," or "." is always the decimal mark (as the pane read it before it knew the culture);
 * with both, the culture's thousands separator must come first and group by three.
 */
export function parseNumberIn(text: string, decimal: string, thousands: string): number | null {
  let t = text.replace(SPACES, "");
  if (thousands.trim() !== "" && thousands !== "," && thousands !== ".") t = t.split(thousands).join("");
  t = t.replace(/[\u2212\u2013]/g, "-");
  const marks = t.match(/[.,]/g) ?? [];
  if (marks.length > 1) {
    if (!(thousands === "," || thousands === ".")) return null;
    const at = t.lastIndexOf(decimal);
    const whole = at >= 0 ? t.slice(0, at) : t;
    const fraction = at >= 0 ? t.slice(at + decimal.length) : "";
    const grouped = new RegExp(`^[-+]?\\d{1,3}(\\${thousands}\\d{3})+$`);
    if (!grouped.test(whole) || /[.,]/.test(fraction)) return null;
    t = whole.split(thousands).join("") + (at >= 0 ? `.${fraction}` : "");
  } else if (decimal !== "," && decimal !== "." && decimal !== "") {
    t = t.split(decimal).join(".");
  }
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return null;
  return Number(t.replace(",", "."));
}

type DatePattern = { readonly order: readonly ("d" | "M" | "y")[]; readonly widths: Readonly<Record<"d" | "M" | "y", number>>; readonly separators: readonly string[] };

/** "dd.MM.yyyy" → order d, M, y with separators ".", "."; null for a pattern without day, month and year. */
export function parsePattern(pattern: string): DatePattern | null {
  const tokens = pattern.match(/d+|M+|y+|[^dMy]+/g) ?? [];
  const order: ("d" | "M" | "y")[] = [];
  const widths = { d: 1, M: 1, y: 4 };
  const separators: string[] = [];
  for (const token of tokens) {
    const c = token[0];
    if (c === "d" || c === "M" || c === "y") {
      if (token.length > (c === "y" ? 4 : 2)) return null; // "dddd", "MMMM": names, not numbers
      order.push(c);
      widths[c] = token.length;
    } else if (order.length > 0 && order.length < 3) {
      separators.push(token.replace(/'/g, ""));
    }
  }
  if (order.length !== 3 || new Set(order).size !== 3) return null;
  return { order, widths, separators };
}

function patternOf(intl: Intl.DateTimeFormat): DatePattern | null {
  const parts = intl.formatToParts(new Date(Date.UTC(2024, 2, 31)));
  const order: ("d" | "M" | "y")[] = [];
  const separators: string[] = [];
  for (const p of parts) {
    if (p.type === "day") order.push("d");
    else if (p.type === "month") order.push("M");
    else if (p.type === "year") order.push("y");
    else if (p.type === "literal" && order.length > 0 && order.length < 3) separators.push(p.value);
  }
  return order.length === 3 ? { order, widths: { d: 2, M: 2, y: 4 }, separators } : null;
}

function formatWithPattern(pattern: DatePattern, year: number, month: number, day: number): string {
  const value = { d: day, M: month, y: year };
  return pattern.order
    .map((k, i) => {
      const v = k === "y" && pattern.widths.y === 2 ? year % 100 : value[k];
      return String(v).padStart(pattern.widths[k], "0") + (i < 2 ? (pattern.separators[i] ?? "") : "");
    })
    .join("");
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
const fullYear = (y: string): number => (y.length === 4 ? Number(y) : Number(y) < 30 ? 2000 + Number(y) : 1900 + Number(y));

function validSerial(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900) return null;
  const serial = serialFromYmd(year, month, day);
  const back = ymdFromSerial(serial);
  return back.year === year && back.month === month && back.day === day ? serial : null;
}

/** ISO "2024-03-31" always; otherwise the culture's order with any of its separators (or ".", "/", "-"). */
export function parseDateIn(text: string, pattern: DatePattern | null): number | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return validSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (!pattern) return null;
  const m = /^(\d{1,4})\s*[./\-\s]\s*(\d{1,2}|\d{4})\s*[./\-\s]\s*(\d{1,4})\.?$/.exec(t);
  if (!m) return null;
  const got: Record<string, string> = {};
  pattern.order.forEach((k, i) => (got[k] = m[i + 1]));
  if (got.d.length > 2 || got.M.length > 2 || (got.y.length !== 2 && got.y.length !== 4)) return null;
  return validSerial(fullYear(got.y), Number(got.M), Number(got.d));
}
