/**
 * The Content-Security-Policy of every page the build emits (taskpane.html, preview.html,
 * help.html), put as the first element of <head> so it governs everything after it.
 *
 * - script-src: the add-in's own origin only. The self-hosted office.js needs no eval; a build
 *   for the store (`OFFICE_JS=cdn`) adds the origin office.js is loaded from, nothing else.
 * - style-src 'unsafe-inline': Fluent UI's styling engine (Griffel) inserts <style> elements.
 * - connect-src: the own origin (the preview fetches its sample CSV); in development also the
 *   webpack-dev-server live-reload socket on localhost.
 * - No frame-ancestors (and no X-Frame-Options anywhere): Excel on the web shows the pane in a
 *   frame of its own origin, and a meta tag cannot carry frame-ancestors anyway.
 */
function contentSecurityPolicy({ development = false, officeJsUrl = "" } = {}) {
  const scripts = ["'self'"];
  if (/^https:\/\//.test(officeJsUrl)) scripts.push(new URL(officeJsUrl).origin);
  const connect = ["'self'"];
  if (development) connect.push("ws://localhost:*", "wss://localhost:*");
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** The meta element, ready to be the first child of <head>. */
function cspMeta(options) {
  return `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(options)}" />`;
}

module.exports = { contentSecurityPolicy, cspMeta };
