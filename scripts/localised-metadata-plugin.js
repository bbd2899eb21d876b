/**
 * German and Norwegian function help, from the same JSDoc source as functions.json.
 *
 * custom-functions-metadata writes one language only. This step takes the finished functions.json
 * (after AllowErrorForDataTypeAnyPlugin) and the translated descriptions kept beside the adapters in
 * src/functions/locales/<lang>.json, and emits functions-<lang>.json and help-<lang>.html:
 * - only descriptions change (and helpUrl, which points at the page in the same language); ids,
 *   names, parameters, types and options stay exactly as in functions.json, so a workbook moves
 *   between languages and no formula becomes #NAME?;
 * - a function or argument without a translation, or a translation of one that no longer exists,
 *   fails the build with its name: nothing falls back to English unnoticed.
 * The help page lists each function's syntax with `;` between arguments, its arguments and the
 * README's examples written as German and Norwegian Excel reads them (`;`, decimal comma).
 */
const fs = require("fs");
const path = require("path");
const { Compilation, sources } = require("webpack");
const { functionReference } = require("./function-reference");

/** Every problem with one translation file, as lines naming the function and argument. */
function translationProblems(metadata, translation) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const fn of metadata.functions) {
    const t = translation.functions[fn.id];
    if (!t) {
      problems.push(`${fn.id}: no translation`);
      continue;
    }
    if (typeof t.description !== "string" || t.description.trim() === "") problems.push(`${fn.id}: no description`);
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const p of fn.parameters) if (typeof t.parameters?.[p.name] !== "string" || t.parameters[p.name].trim() === "") problems.push(`${fn.id}(${p.name}): no description`);
    for (const name of Object.keys(t.parameters ?? {})) if (!names.has(name)) problems.push(`${fn.id}(${name}): translated, but the function has no such argument`);
  }
  for (const id of Object.keys(translation.functions)) if (!ids.has(id)) problems.push(`${id}: translated, but there is no such function`);
  return problems;
}

/** functions.json with the descriptions of `translation`; helpUrl to help-<locale>.html. */
function localiseMetadata(metadata, translation) {
  const problems = translationProblems(metadata, translation);
  if (problems.length > 0) throw new Error(`src/functions/locales/${translation.locale}.json:\n  ${problems.join("\n  ")}`);
  return {
    ...metadata,
    functions: metadata.functions.map((fn) => {
      const t = translation.functions[fn.id];
      const out = { ...fn, description: t.description, parameters: fn.parameters.map((p) => ({ ...p, description: t.parameters[p.name] })) };
      if (fn.helpUrl) out.helpUrl = fn.helpUrl.replace(/help\.html/, `help-${translation.locale}.html`);
      return out;
    }),
  };
}

/** TRUE and FALSE as German and Norwegian Excel spell them. */
const BOOLEANS = { de: { TRUE: "WAHR", FALSE: "FALSCH" }, nb: { TRUE: "SANN", FALSE: "USANN" } };

/**
 * A formula as German or Norwegian Excel reads it: `;` between arguments, a decimal comma and the
 * local TRUE/FALSE; text in quotes, cell references and array constants ({…}, whose separators
 * differ again) left alone. `=LOYALTY.CLV(100, 0.8, 0.1)` → `=LOYALTY.CLV(100; 0,8; 0,1)`;
 * `=LOYALTY.VALUELOST(A2:A5, B2:B5, TRUE)` → `=LOYALTY.VALUELOST(A2:A5; B2:B5; WAHR)` in German.
 */
function localiseFormula(formula, locale) {
  const booleans = BOOLEANS[locale];
  if (!booleans) throw new Error(`no Excel spelling of TRUE/FALSE for locale ${locale}`);
  let out = "";
  for (let i = 0; i < formula.length; i++) {
    const c = formula[i];
    const close = c === '"' ? '"' : c === "{" ? "}" : null;
    if (close) {
      const end = formula.indexOf(close, i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop - 1;
    } else if (c === ",") {
      out += ";";
    } else if (c === "." && /[0-9]/.test(formula[i - 1] ?? "") && /[0-9]/.test(formula[i + 1] ?? "") && !/[A-Za-z_$]\$?[0-9]*$/.test(out)) {
      out += ",";
    } else {
      const word = /^(TRUE|FALSE)\b/.exec(formula.slice(i));
      if (word && !/[A-Za-z0-9_.]$/.test(out)) {
        out += booleans[word[1]];
        i += word[1].length - 1;
      } else {
        out += c;
      }
    }
  }
  return out;
}

/** The README's examples per function id: code spans starting with = in its `### LOYALTY.NAME` section, syntax line left out. */
function readmeExamples(readme) {
  const byId = new Map();
  const reference = functionReference(readme);
  const sections = reference.split(/^### /m).slice(1);
  for (const section of sections) {
    const head = /^LOYALTY\.([A-Z0-9]+)/.exec(section);
    if (!head) continue;
    // The syntax line (a code span alone on its line) is written from the metadata instead.
    const body = section.slice(section.indexOf("\n") + 1).replace(/^`[^`\n]*`[ \t]*$/gm, "");
    const spans = [...body.matchAll(/`(=[^`]*LOYALTY\.[^`]*)`/g)].map((m) => m[1]);
    byId.set(head[1], [...new Set(spans)]);
  }
  return byId;
}

const escapeHtml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function localisedHelpPage(metadata, translation, readme, version) {
  const h = translation.help;
  const examples = readmeExamples(readme);
  const fns = [...metadata.functions].sort((a, b) => a.id.localeCompare(b.id));
  const sectionsHtml = fns
    .map((fn) => {
      const args = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join("; ");
      const rows = fn.parameters
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.optional ? ` (${escapeHtml(h.optional)})` : ""}</td><td>${escapeHtml(p.description)}</td></tr>`)
        .join("\n");
      const ex = (examples.get(fn.id) ?? []).map((e) => `<li><code>${escapeHtml(localiseFormula(e, translation.locale))}</code></li>`).join("\n");
      return `<h2 id="${fn.id.toLowerCase()}">LOYALTY.${fn.id}</h2>
<p><strong>${escapeHtml(h.syntax)}:</strong> <code>=LOYALTY.${fn.id}(${escapeHtml(args)})</code></p>
<p>${escapeHtml(fn.description)}</p>
${rows ? `<h3>${escapeHtml(h.arguments)}</h3>\n<table>\n${rows}\n</table>` : ""}
${ex ? `<h3>${escapeHtml(h.examples)}</h3>\n<ul>\n${ex}\n</ul>` : ""}
<p><a href="help.html#${fn.id.toLowerCase()}">${escapeHtml(h.english)}</a></p>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="${translation.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loyalty Lens: ${escapeHtml(h.title)}</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
code { font-family: Consolas, "Courier New", monospace; background: #f5f5f5; }
table { border-collapse: collapse; } td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
h2 { border-top: 1px solid #e0e0e0; padding-top: 1rem; }
</style>
</head>
<body>
<h1>Loyalty Lens ${escapeHtml(version)}: ${escapeHtml(h.title)}</h1>
${h.intro.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${sectionsHtml}
</body>
</html>
`;
}

class LocalisedMetadataPlugin {
  constructor({ metadata, localesDir, readme, version }) {
    this.metadata = metadata;
    this.localesDir = localesDir;
    this.readme = readme;
    this.version = version;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalisedMetadataPlugin", (compilation) => {
      if (compilation.compiler.isChild()) return;
      const files = fs.readdirSync(this.localesDir).filter((f) => f.endsWith(".json")).sort();
      for (const f of files) compilation.fileDependencies.add(path.join(this.localesDir, f));
      compilation.fileDependencies.add(this.readme);
      compilation.hooks.processAssets.tap({ name: "LocalisedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const asset = compilation.getAsset(this.metadata);
        if (!asset) return;
        const metadata = JSON.parse(asset.source.source().toString());
        const readme = fs.readFileSync(this.readme, "utf8");
        for (const f of files) {
          const translation = JSON.parse(fs.readFileSync(path.join(this.localesDir, f), "utf8"));
          try {
            const localised = localiseMetadata(metadata, translation);
            compilation.emitAsset(`functions-${translation.locale}.json`, new sources.RawSource(JSON.stringify(localised, null, 2)));
            compilation.emitAsset(`help-${translation.locale}.html`, new sources.RawSource(localisedHelpPage(localised, translation, readme, this.version)));
          } catch (error) {
            compilation.errors.push(new compiler.webpack.WebpackError(error.message));
          }
        }
      });
    });
  }
}

module.exports = { LocalisedMetadataPlugin, localiseMetadata, localiseFormula, translationProblems, readmeExamples, localisedHelpPage };
