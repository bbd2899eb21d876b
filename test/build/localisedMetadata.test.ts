/**
 * German and Norwegian function help (functions-de.json, functions-nb.json, help-de.html,
 * help-nb.html), built from the same JSDoc as functions.json by scripts/localised-metadata-plugin.js
 * with the translations in src/functions/locales.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, readMetadata } from "./loadBundle";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require("../../scripts/localised-metadata-plugin.js") as {
  localiseFormula(formula: string, locale: string): string;
  translationProblems(metadata: unknown, translation: unknown): string[];
};

type Fn = { id: string; name: string; description: string; helpUrl?: string; parameters: { name: string; description: string }[] };
type Metadata = { functions: Fn[] };

const english = readMetadata() as unknown as Metadata;
const withoutWords = (m: Metadata) =>
  m.functions.map(({ description: _d, helpUrl: _h, parameters, ...rest }) => ({ ...rest, parameters: parameters.map(({ description: _p, ...p }) => p) }));

describe.each(["de", "nb"])("functions-%s.json", (locale) => {
  const localised = JSON.parse(fs.readFileSync(path.join(DIST, `functions-${locale}.json`), "utf8")) as Metadata;
  const help = fs.readFileSync(path.join(DIST, `help-${locale}.html`), "utf8");

  it("equals functions.json except for the descriptions and the help page they link to", () => {
    expect(withoutWords(localised)).toEqual(withoutWords(english));
    const { functions: _a, ...restLocal } = localised as Metadata & Record<string, unknown>;
    const { functions: _b, ...restEnglish } = english as Metadata & Record<string, unknown>;
    expect(restLocal).toEqual(restEnglish);
  });

  it("describes every function and argument in its own words, none left in English", () => {
    const leftovers: string[] = [];
    english.functions.forEach((fn, i) => {
      const t = localised.functions[i];
      if (t.description === fn.description) leftovers.push(fn.id);
      fn.parameters.forEach((p, j) => {
        if (t.parameters[j].description === p.description) leftovers.push(`${fn.id}(${p.name})`);
      });
    });
    expect(leftovers).toEqual([]);
  });

  it("links each function to its section of the help page in the same language", () => {
    // The production build minifies the page (attribute quotes dropped), so attributes are matched loosely.
    const headings = new Map([...help.matchAll(/<h2 id="?([^"\s>]+)"?>([^<]*)<\/h2>/g)].map((m) => [m[1], m[2]]));
    for (const fn of localised.functions) {
      expect(fn.helpUrl).toBe(`https://localhost:3000/help-${locale}.html#${fn.id.toLowerCase()}`);
      expect(headings.get(fn.id.toLowerCase())).toBe(`LOYALTY.${fn.id}`);
    }
    expect(help).toMatch(new RegExp(`<html lang="?${locale}"?>`));
  });

  it("writes the syntax and the README's examples as the local Excel reads them", () => {
    // README, LOYALTY.CLV: `=LOYALTY.CLV(100, 0.8, 0.1)`.
    expect(help).toContain("<code>=LOYALTY.CLV(100; 0,8; 0,1)</code>");
    expect(help).toContain("<code>=LOYALTY.CLV(margin_per_period; retention_rate; discount_rate; [acquisition_cost])</code>");
  });
});

describe("localiseFormula", () => {
  it("uses ; between arguments and a decimal comma, leaving text, references and array constants alone", () => {
    expect(plugin.localiseFormula("=LOYALTY.CLTV(1000, 2.5, 0, 1, 10%)", "de")).toBe("=LOYALTY.CLTV(1000; 2,5; 0; 1; 10%)");
    expect(plugin.localiseFormula('=LOYALTY.SEGMENT(A2:A5, "x, 1.5", 0.25)', "nb")).toBe('=LOYALTY.SEGMENT(A2:A5; "x, 1.5"; 0,25)');
    expect(plugin.localiseFormula("=LOYALTY.SBGSURVIVAL({1,2;7,12}, Sheet2!D2:F3)", "de")).toBe("=LOYALTY.SBGSURVIVAL({1,2;7,12}; Sheet2!D2:F3)");
  });

  it("spells TRUE and FALSE as German (WAHR, FALSCH) and Norwegian (SANN, USANN) Excel does", () => {
    expect(plugin.localiseFormula("=LOYALTY.VALUELOST(A2:A5, B2:B5, TRUE)", "de")).toBe("=LOYALTY.VALUELOST(A2:A5; B2:B5; WAHR)");
    expect(plugin.localiseFormula("=LOYALTY.VALUELOST(A2:A5, B2:B5, FALSE)", "nb")).toBe("=LOYALTY.VALUELOST(A2:A5; B2:B5; USANN)");
    expect(plugin.localiseFormula('=LOYALTY.RFMSEGMENT(TRUEVALUES, "TRUE")', "de")).toBe('=LOYALTY.RFMSEGMENT(TRUEVALUES; "TRUE")');
  });
});

describe("translationProblems", () => {
  const metadata = { functions: [{ id: "NPS", parameters: [{ name: "scores" }] }] };

  it("names a function or argument without a translation", () => {
    expect(plugin.translationProblems(metadata, { locale: "de", functions: {} })).toEqual(["NPS: no translation"]);
    expect(plugin.translationProblems(metadata, { locale: "de", functions: { NPS: { description: "Net Promoter Score", parameters: {} } } })).toEqual([
      "NPS(scores): no description",
    ]);
  });

  it("names a translation of a function or argument that does not exist", () => {
    const translation = { locale: "de", functions: { NPS: { description: "x", parameters: { scores: "y", answers: "z" } }, OLD: { description: "x", parameters: {} } } };
    expect(plugin.translationProblems(metadata, translation)).toEqual(["NPS(answers): translated, but the function has no such argument", "OLD: translated, but there is no such function"]);
  });
});
