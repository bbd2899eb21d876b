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
import type { Culture, Formatter, Language } from "./format";
import { buildStrings } from "./language";

export type { Culture, Formatter, Language } from "./format";
export { LANGUAGE_TAGS, makeFormatter } from "./format";
export { LANGUAGES, languageOf } from "./language";

const BUILDERS: Readonly<Record<Language, (format: Formatter) => Strings>> = { en: englishStrings, de: germanStrings, nb: norwegianStrings };

/**
 * The pane's strings in `language`, with numbers and dates in `culture`, all languages at hand
 * (tests, tools). The pane itself loads German and Norwegian on demand (usePaneStrings.ts).
 */
export function stringsFor(language: Language, culture: Culture | null, displayLanguage?: string): Strings {
  return buildStrings(BUILDERS[language], language, culture, displayLanguage);
}
