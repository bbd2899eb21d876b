/**
 * PREVIEW ONLY — how the grid shows a cell: Excel's General format for numbers (up to 11
 * characters, then fewer decimals or scientific notation), dates for "yyyy-mm-dd" cells,
 * percentages for "0.0%"-style formats, fixed decimals for "0.00" and "#,##0.00", TRUE/FALSE
 * for booleans and the error code for errors.
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

export function formatCell(value: CellValue, numberFormat = "General"): string {
  if (value === null) return "";
  if (isErrorCell(value)) return value.error;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (numberFormat === "General") return formatGeneral(value);
  if (/y/i.test(numberFormat) && /d/i.test(numberFormat)) return Number.isFinite(value) && value >= 1 ? isoFromSerial(Math.floor(value)) : formatGeneral(value);
  if (numberFormat.endsWith("%")) return `${(value * 100).toFixed(decimals(numberFormat))}%`;
  if (/^#,##0/.test(numberFormat)) {
    return value.toLocaleString("en-US", { minimumFractionDigits: decimals(numberFormat), maximumFractionDigits: decimals(numberFormat) });
  }
  if (/^0(\.0+)?$/.test(numberFormat)) return value.toFixed(decimals(numberFormat));
  return formatGeneral(value);
}
