/**
 * The pane's strings for the user: the language from Office's display language, numbers and
 * dates in Excel's regional settings once the Excel layer has read them (until then, and on
 * hosts before ExcelApi 1.11, in the display language's conventions). Also tells assistive
 * technology which language the page speaks (`<html lang>`).
 */
import * as React from "react";
import type { ExcelPort } from "../excel/port";
import type { Strings } from "../strings/en";
import { type Culture, LANGUAGE_TAGS, languageOf, stringsFor } from "./index";

/* global document */

export function usePaneStrings(port: ExcelPort, given?: Strings): Strings {
  const display = React.useMemo(() => port.displayLanguage?.() ?? "", [port]);
  const language = languageOf(display);
  const [culture, setCulture] = React.useState<Culture | null>(null);
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
    if (given || typeof document === "undefined") return;
    // "de-AT" stays itself; "nn-NO" reads Bokmål, so nb-NO; an unsupported language reads English.
    document.documentElement.lang = display.toLowerCase().startsWith(language) ? display : LANGUAGE_TAGS[language];
  }, [display, language, given]);
  return React.useMemo(() => given ?? stringsFor(language, culture, display), [given, language, culture, display]);
}
