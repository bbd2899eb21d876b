/**
 * How a CSV export is written, read off its first lines: the delimiter (`,` `;` tab or `|`), the
 * decimal mark (`.` or the decimal comma of German and Norwegian exports), the date format, and the
 * header and a few sample rows (values typed as the pane types cells, for the column guesses).
 *
 * Delimiter: of the candidates, the one that splits the header into the most fields and every
 * complete sample line into exactly as many (quotes respected). Decimal comma: with a delimiter
 * other than `,`, a column whose values look like `-12,50` (digits, a comma, digits) and none like
 * `12.50`. Dates: ISO `2024-12-31` (optionally with a time) or German/Norwegian `31.12.2024`.
 * Example: "Kunde;Datum;Betrag\nK1;31.12.2023;12,50" → delimiter ";", decimal ",", dates "d.m.Y",
 * header [Kunde, Datum, Betrag], sample [["K1", "2023-12-31", 12.5]].
 * Cost: O(length of the text given), which is the first few kilobytes of the file.
 */

export type Delimiter = "," | ";" | "\t" | "|";
export type DateFormat = "iso" | "dmy";

export type CsvDialect = {
  readonly delimiter: Delimiter;
  readonly decimal: "." | ",";
  /** The format of date-like fields; "iso" when the sample has none. */
  readonly dateFormat: DateFormat;
  readonly header: readonly string[];
  /** Sample data rows, typed: numbers (decimal mark applied), ISO date text for dates, else trimmed text ("" blank). */
  readonly sample: readonly (readonly (string | number)[])[];
};

export class CsvDialectError extends Error {
  /** Which refusal, so the pane can say it in its own language (strings.files.csvNoData / csvNoDelimiter). */
  readonly kind: "noData" | "noDelimiter";
  constructor(message: string, kind: "noData" | "noDelimiter") {
    super(message);
    this.kind = kind;
    this.name = "CsvDialectError";
  }
}

const DELIMITERS: readonly Delimiter[] = [";", ",", "\t", "|"];
/** Sample rows kept for the guesses (the pane keeps 200 for sheets). */
export const SAMPLE_ROWS = 200;

/** Splits one line on `delimiter`, with "double quotes" around fields and "" inside them. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** The complete lines of `text` (the last one is dropped when `complete` is false: it may be cut off). */
function linesOf(text: string, complete: boolean): string[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (!complete) lines.pop();
  return lines.filter((l) => l.trim() !== "");
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/;
const DMY_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const POINT_NUMBER = /^[-+]?\d+\.\d+$/;
const COMMA_NUMBER = /^[-+]?\d+,\d+$/;
const WHOLE_NUMBER = /^[-+]?\d+$/;

function realDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A field as the pane types a cell: number, ISO date text, or trimmed text. */
export function typedField(raw: string, decimal: "." | ","): string | number {
  const t = raw.trim();
  if (t === "") return "";
  if (WHOLE_NUMBER.test(t)) return Number(t);
  if (decimal === "." && POINT_NUMBER.test(t)) return Number(t);
  if (decimal === "," && COMMA_NUMBER.test(t)) return Number(t.replace(",", "."));
  const iso = ISO_DATE.exec(t);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? t;
  const dmy = DMY_DATE.exec(t);
  if (dmy) return realDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) ?? t;
  return t;
}

/**
 * The dialect of a CSV file from its first bytes as text. `complete` says the text is the whole
 * file (else its last, possibly cut, line is ignored). Throws CsvDialectError with a plain message
 * when no header and data line can be found.
 */
export function sniffCsvDialect(text: string, complete = false): CsvDialect {
  const lines = linesOf(text, complete);
  if (lines.length < 2) throw new CsvDialectError("The file has no header line followed by data lines.", "noData");
  const sampleLines = lines.slice(1, 1 + SAMPLE_ROWS);
  let delimiter: Delimiter | null = null;
  let width = 1;
  for (const d of DELIMITERS) {
    const n = splitCsvLine(lines[0], d).length;
    if (n > width && sampleLines.every((l) => splitCsvLine(l, d).length === n)) {
      delimiter = d;
      width = n;
    }
  }
  if (delimiter === null) throw new CsvDialectError("The columns could not be told apart: expected fields separated by , ; tab or |, the same number on every line.", "noDelimiter");
  const header = splitCsvLine(lines[0], delimiter).map((h) => h.trim());
  const rawRows = sampleLines.map((l) => splitCsvLine(l, delimiter as Delimiter));

  let commaColumns = 0;
  let pointColumns = 0;
  for (let c = 0; c < width; c++) {
    const vs = rawRows.map((r) => r[c].trim()).filter((v) => v !== "");
    if (vs.some((v) => POINT_NUMBER.test(v))) pointColumns++;
    else if (vs.some((v) => COMMA_NUMBER.test(v)) && vs.every((v) => COMMA_NUMBER.test(v) || WHOLE_NUMBER.test(v))) commaColumns++;
  }
  const decimal: "." | "," = delimiter !== "," && commaColumns > 0 && pointColumns === 0 ? "," : ".";

  let iso = 0;
  let dmy = 0;
  for (const r of rawRows)
    for (const v of r) {
      const t = v.trim();
      if (ISO_DATE.test(t)) iso++;
      else if (DMY_DATE.test(t)) dmy++;
    }
  const dateFormat: DateFormat = dmy > iso ? "dmy" : "iso";
  return { delimiter, decimal, dateFormat, header, sample: rawRows.map((r) => r.map((v) => typedField(v, decimal))) };
}
