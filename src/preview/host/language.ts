/**
 * PREVIEW ONLY — the preview's language switch: `?lang=de-DE` (or `nb-NO`, `en-US`) in the URL, or
 * the toolbar's Language list, which reloads the page with that parameter. The choice sets the
 * stand-in's `Office.context.displayLanguage` (the pane's language) and the workbook's
 * `application.cultureInfo` (fakeExcel/culture.ts: separators and date patterns as Excel reports
 * them), so the pane, the formula box and the grid read and show numbers in that culture.
 */
import { FAKE_CULTURES } from "../fakeExcel/culture";

export type PreviewLanguage = keyof typeof FAKE_CULTURES;

/** The choices, with each language's name in itself. */
export const PREVIEW_LANGUAGES: readonly { readonly tag: PreviewLanguage; readonly label: string }[] = [
  { tag: "en-US", label: "English (en-US)" },
  { tag: "de-DE", label: "Deutsch (de-DE)" },
  { tag: "nb-NO", label: "Norsk bokmål (nb-NO)" },
];

/** "de-DE", "de", "DE-de" → "de-DE"; "nb", "nb-NO", "no", "nn-NO" → "nb-NO"; anything else (or none) → "en-US". */
export function previewLanguageOf(param: string | null): PreviewLanguage {
  const primary = (param ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "de") return "de-DE";
  if (primary === "nb" || primary === "no" || primary === "nn") return "nb-NO";
  return "en-US";
}

/** The page's address with `lang` set to `language` (other parameters kept). */
export function addressWithLanguage(href: string, language: PreviewLanguage): string {
  const url = new URL(href);
  url.searchParams.set("lang", language);
  return url.toString();
}
