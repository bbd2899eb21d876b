/**
 * The one cross-origin allowance of the add-in's servers (webpack devServer, scripts/start.js's
 * http mirror, scripts/serve-dist.js): `Access-Control-Allow-Origin: *` on GET (and HEAD) of
 * functions*.json. Why: Excel on the web fetches the custom functions' metadata from its own
 * origin, cross-origin to ours, and refuses it without this header. Every other file is
 * same-origin only.
 */
function corsHeaders(method, url) {
  let pathname = "";
  try {
    pathname = new URL(url || "/", "http://localhost").pathname;
  } catch {
    return {};
  }
  const metadata = /(^|\/)functions[^/]*\.json$/.test(pathname);
  return metadata && (method === "GET" || method === "HEAD") ? { "Access-Control-Allow-Origin": "*" } : {};
}

module.exports = { corsHeaders };
