/**
 * The language choice without the translations themselves, so the pane's first load carries only
 * English (de.ts and nb.ts load as their own chunks, usePaneStrings.ts).
 *
 * Language: from `Office.context.displayLanguage`, matched as the manifest's overrides match it:
 * de-* → German, nb-* / nn-* / no-* → Norwegian Bokmål (Nynorsk users get Bokmål, as the function
 * help does), anything else → English.
 */
import type { Strings } from "../strings/en";
import { type Culture, type Formatter, type Language, LANGUAGE_TAGS, makeFormatter } from "./format";

export const LANGUAGES: readonly Language[] = ["en", "de", "nb"];

/** "de-AT" → "de"; "nb-NO", "nn-NO", "no" → "nb"; "en-GB", "fr-FR", "" → "en". */
export function languageOf(displayLanguage: string | undefined): Language {
  const primary = (displayLanguage ?? "").trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "de") return "de";
  if (primary === "nb" || primary === "nn" || primary === "no") return "nb";
  return "en";
}

/**
 * A language's strings from its builder, with numbers and dates in `culture` (null: the display
 * language's own conventions, or the language's default region when that is not a valid tag).
 */
export function buildStrings(build: (format: Formatter) => Strings, language: Language, culture: Culture | null, displayLanguage?: string): Strings {
  const fallback = displayLanguage && displayLanguage.trim() !== "" ? displayLanguage : LANGUAGE_TAGS[language];
  return build(makeFormatter(culture ?? { name: fallback }, language));
}
