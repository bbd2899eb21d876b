/**
 * The user's language and regional settings, as Office and Excel report them. Plain data out:
 * the pane's i18n module turns them into strings and a formatter.
 *
 * - `Office.context.displayLanguage` (common API): the Office UI language, e.g. "de-DE".
 * - ExcelApi 1.11: `application.cultureInfo.name`, `cultureInfo.numberFormat.numberDecimalSeparator`
 *   / `numberGroupSeparator` (the system culture), and `application.decimalSeparator` /
 *   `thousandsSeparator` / `useSystemSeparators` (Excel's own, which win when the user turned
 *   "Use system separators" off).
 * - ExcelApi 1.12: `cultureInfo.datetimeFormat.shortDatePattern`, e.g. "dd.MM.yyyy".
 * On an older host, or when the read fails, `readCulture` gives null and the pane formats in the
 * display language.
 */
import { run, supported } from "./session";

/* global Office */

export type CultureSettings = {
  readonly name: string;
  readonly decimalSeparator?: string;
  readonly thousandsSeparator?: string;
  readonly shortDatePattern?: string;
};

/** Office's UI language ("" outside Office). */
export function displayLanguage(): string {
  try {
    return typeof Office === "undefined" ? "" : (Office.context?.displayLanguage ?? "");
  } catch {
    return "";
  }
}

/** Excel's regional settings, or null when the host cannot say (before ExcelApi 1.11) or the read fails. */
export async function readCulture(): Promise<CultureSettings | null> {
  try {
    if (typeof Office === "undefined" || !Office.context?.requirements || !supported("1.11")) return null;
    return await run(async (context) => {
      const application = context.application;
      application.load("decimalSeparator,thousandsSeparator,useSystemSeparators");
      const culture = application.cultureInfo;
      culture.load("name");
      culture.numberFormat.load("numberDecimalSeparator,numberGroupSeparator");
      const dates = supported("1.12") ? culture.datetimeFormat : null;
      dates?.load("shortDatePattern");
      await context.sync();
      const system = application.useSystemSeparators;
      return {
        name: culture.name,
        decimalSeparator: system ? culture.numberFormat.numberDecimalSeparator : application.decimalSeparator,
        thousandsSeparator: system ? culture.numberFormat.numberGroupSeparator : application.thousandsSeparator,
        shortDatePattern: dates ? dates.shortDatePattern : undefined,
      };
    });
  } catch {
    return null;
  }
}
