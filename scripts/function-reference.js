/** The README's "Function reference" section, the one place the functions are documented (help pages read it). */
const START = "## Function reference";

function functionReference(readme) {
  const start = readme.indexOf(START);
  if (start < 0) throw new Error(`README.md has no "${START}" section for the help page`);
  const rest = readme.slice(start + START.length);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

module.exports = { functionReference };
