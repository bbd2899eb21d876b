/**
 * The pane's strings for the user: the language from Office's display language, numbers and
 * dates in Excel's regional settings once the Excel layer has read them (until then, and on
 * hosts before ExcelApi 1.11, in the display language's conventions). Also tells assistive
 * technology which language the page speaks (`<html lang>`).
 *
 * English is in the first load; German and Norwegian are chunks of their own (strings-de.js,
 * strings-nb.js, from the add-in's origin) loaded when the display language asks for them, so a
 * user downloads only their language. Until the chunk is there the hook returns null and the
 * pane shows nothing rather than a flash of English.
 */
import * as React from "react";
import type { ExcelPort } from "../excel/port";
import { englishStrings, type Strings } from "../strings/en";
import { type Culture, type Formatter, type Language, LANGUAGE_TAGS } from "./format";
import { buildStrings, languageOf } from "./language";

/* global document */

type Builder = (format: Formatter) => Strings;

const LOADERS: Readonly<Record<Exclude<Language, "en">, () => Promise<Builder>>> = {
  de: async () => (await import(/* webpackChunkName: "strings-de" */ "../strings/de")).germanStrings,
  nb: async () => (await import(/* webpackChunkName: "strings-nb" */ "../strings/nb")).norwegianStrings,
};

export function usePaneStrings(port: ExcelPort, given?: Strings): Strings | null {
  const display = React.useMemo(() => port.displayLanguage?.() ?? "", [port]);
  const language = languageOf(display);
  const [culture, setCulture] = React.useState<Culture | null>(null);
  const [builder, setBuilder] = React.useState<{ language: Language; build: Builder } | null>(null);
  React.useEffect(() => {
    if (given || !port.readCulture) return;
    let live = true;
    void port.readCulture().then((read) => {
      if (live && read) setCulture(read);
    });
    return () => {
      live = false;
    };
  }, [port, given]);
  React.useEffect(() => {
    if (given || language === "en") return;
    let live = true;
    LOADERS[language]().then(
      (build) => live && setBuilder({ language, build }),
      // The chunk could not be loaded (offline cache, a broken deployment): English rather than nothing.
      () => live && setBuilder({ language, build: englishStrings }),
    );
    return () => {
      live = false;
    };
  }, [language, given]);
  React.useEffect(() => {
    if (given || typeof document === "undefined") return;
    // "de-AT" stays itself; "nn-NO" reads Bokmål, so nb-NO; an unsupported language reads English.
    document.documentElement.lang = display.toLowerCase().startsWith(language) ? display : LANGUAGE_TAGS[language];
  }, [display, language, given]);
  return React.useMemo(() => {
    if (given) return given;
    if (language === "en") return buildStrings(englishStrings, "en", culture, display);
    return builder && builder.language === language ? buildStrings(builder.build, language, culture, display) : null;
  }, [given, language, culture, display, builder]);
}
