/**
 * Which language the pane speaks and which culture its numbers follow.
 *
 * Language: from `Office.context.displayLanguage`, matched as the manifest's overrides match it:
 * de-* → German, nb-* / nn-* / no-* → Norwegian Bokmål (Nynorsk users get Bokmål, as the function
 * help does), anything else → English.
 * Culture: Excel's regional settings (`application.cultureInfo`, read by the Excel layer) when the
 * host reports them (ExcelApi 1.11), otherwise the display language itself.
 */
import { englishStrings, type Strings } from "../strings/en";
import { germanStrings } from "../strings/de";
import { norwegianStrings } from "../strings/nb";
import { type Culture, type Formatter, type Language, LANGUAGE_TAGS, makeFormatter } from "./format";

export type { Culture, Formatter, Language } from "./format";
export { LANGUAGE_TAGS, makeFormatter } from "./format";

export const LANGUAGES: readonly Language[] = ["en", "de", "nb"];

/** "de-AT" → "de"; "nb-NO", "nn-NO", "no" → "nb"; "en-GB", "fr-FR", "" → "en". */
export function languageOf(displayLanguage: string | undefined): Language {
  const primary = (displayLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "de") return "de";
  if (primary === "nb" || primary === "nn" || primary === "no") return "nb";
  return "en";
}

const BUILDERS: Readonly<Record<Language, (format: Formatter) => Strings>> = { en: englishStrings, de: germanStrings, nb: norwegianStrings };

/**
 * The pane's strings in `language`, with numbers and dates in `culture` (null: the display
 * language's own conventions, or the language's default region when that is not a valid tag).
 */
export function stringsFor(language: Language, culture: Culture | null, displayLanguage?: string): Strings {
  const fallback = displayLanguage && displayLanguage.trim() !== "" ? displayLanguage : LANGUAGE_TAGS[language];
  return BUILDERS[language](makeFormatter(culture ?? { name: fallback }, language));
}
