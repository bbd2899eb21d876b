/**
 * PREVIEW ONLY — how the grid shows a cell: Excel's General format for numbers (up to 11
 * characters, then fewer decimals or scientific notation), dates for "yyyy-mm-dd" cells,
 * percentages for "0.0%"-style formats, fixed decimals for "0.00" and "#,##0.00", TRUE/FALSE
 * for booleans and the error code for errors. Numbers show the workbook culture's decimal and
 * thousands separators (`separators`, e.g. "266,6666667" and "1.234,50" in de-DE, "1 234,50"
 * with a no-break space in nb-NO), as Excel shows them; the cell keeps the raw number.
 */
import { isoFromSerial } from "../../analytics/orders/dates";
import { CellValue, isErrorCell } from "../fakeExcel/workbook";

export function formatGeneral(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = n.toExponential(5).split("e");
    return `${Number(mantissa)}E${exponent.startsWith("-") ? exponent : `+${exponent.replace("+", "")}`}`;
  }
  for (let digits = 10; digits >= 1; digits--) {
    const text = String(Number(n.toPrecision(digits)));
    if (text.length <= 11 && !/e/i.test(text)) return text;
  }
  return n.toExponential(4).toUpperCase();
}

function decimals(format: string): number {
  const m = /\.(0+)/.exec(format);
  return m ? m[1].length : 0;
}

export type Separators = { readonly decimal: string; readonly thousands: string };

const EN_US: Separators = { decimal: ".", thousands: "," };

/** en-US number text ("1,234.5") in other separators, one character at a time. */
function localise(text: string, separators: Separators): string {
  if (separators.decimal === "." && separators.thousands === ",") return text;
  return text.replace(/[.,]/g, (ch) => (ch === "." ? separators.decimal : separators.thousands));
}

export function formatCell(value: CellValue, numberFormat = "General", separators: Separators = EN_US): string {
  if (value === null) return "";
  if (isErrorCell(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (numberFormat === "General") return localise(formatGeneral(value), separators);
  if (/y/i.test(numberFormat) && /d/i.test(numberFormat)) return Number.isFinite(value) && value >= 1 ? isoFromSerial(Math.floor(value)) : localise(formatGeneral(value), separators);
  if (numberFormat.endsWith("%")) return `${localise((value * 100).toFixed(decimals(numberFormat)), separators)}%`;
  if (/^#,##0/.test(numberFormat)) {
    return localise(value.toLocaleString("en-US", { minimumFractionDigits: decimals(numberFormat), maximumFractionDigits: decimals(numberFormat) }), separators);
  }
  if (/^0(\.0+)?$/.test(numberFormat)) return localise(value.toFixed(decimals(numberFormat)), separators);
  return localise(formatGeneral(value), separators);
}
