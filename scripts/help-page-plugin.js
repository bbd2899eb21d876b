/**
 * Emits help.html, the page every function's @helpurl points to, from the
 * README's "Function reference" section, so the README stays the one place the
 * functions are documented. Each `### LOYALTY.NAME` heading gets the anchor `name`.
 * marked turns the Markdown into HTML at build time (our own text, never cell text).
 */
const fs = require("fs");
const path = require("path");
const { Marked } = require("marked");
const { Compilation, sources } = require("webpack");
const { functionReference } = require("./function-reference");

function helpPage(readme, version, csp = "") {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth, text }) {
        const inner = this.parser.parseInline(tokens);
        const fn = /^LOYALTY\.([A-Z0-9]+)/.exec(text);
        const id = fn ? fn[1].toLowerCase() : text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(functionReference(readme));
  return `<!doctype html>
<html lang="en">
<head>
${csp}
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loyalty Lens function reference</title>
<style>
body { font-family: "Segoe UI", system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #242424; }
code, pre { font-family: Consolas, "Courier New", monospace; background: #f5f5f5; }
pre { padding: 0.75rem; overflow-x: auto; }
table { border-collapse: collapse; } th, td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; text-align: left; }
h3 { border-top: 1px solid #e0e0e0; padding-top: 1rem; }
</style>
</head>
<body>
<h1>Loyalty Lens ${version}: function reference</h1>
${body}
</body>
</html>
`;
}

class HelpPagePlugin {
  constructor({ readme, output, version, csp = "" }) {
    this.readme = readme;
    /** The Content-Security-Policy meta element, put first in <head> (scripts/csp.js). */
    this.csp = csp;
    this.output = output;
    this.version = version;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.fileDependencies.add(this.readme);
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const html = helpPage(fs.readFileSync(this.readme, "utf8"), this.version, this.csp);
        compilation.emitAsset(this.output, new sources.RawSource(html));
      });
    });
  }
}

module.exports = { HelpPagePlugin, helpPage, functionReference };
