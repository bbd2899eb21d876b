import { languageOf, stringsFor } from "../../../src/taskpane/i18n";

describe("languageOf", () => {
  it("matches display languages as the manifest's overrides do", () => {
    for (const tag of ["de-DE", "de-AT", "de-CH", "de-LU", "de-LI", "DE"]) expect(languageOf(tag)).toBe("de");
    for (const tag of ["nb-NO", "nn-NO", "no", "no-NO"]) expect(languageOf(tag)).toBe("nb");
    for (const tag of ["en-US", "en-GB", "fr-FR", "sv-SE", "", undefined]) expect(languageOf(tag)).toBe("en");
  });
});

describe("stringsFor", () => {
  it("uses the culture for numbers and the language for words", () => {
    const s = stringsFor("de", { name: "de-DE", decimalSeparator: ",", thousandsSeparator: "." });
    expect(s.run.progress(1500, 93259)).toBe("1.500 von 93.259 Zeilen");
    expect(s.locale).toBe("de-DE");
    const english = stringsFor("en", { name: "nb-NO", decimalSeparator: ",", thousandsSeparator: "\u00a0" });
    expect(english.run.progress(1500, 93259)).toBe("1\u00a0500 of 93\u00a0259 rows");
  });

  it("falls back to the display language, then to the language's own region, when Excel reports no culture", () => {
    expect(stringsFor("nb", null, "nn-NO").locale).toBe("nn-NO");
    expect(stringsFor("de", null).locale).toBe("de-DE");
    expect(stringsFor("en", null, "not a tag!").locale).toBe("en-US");
  });
});
