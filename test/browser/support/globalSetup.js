/** Fails the browser run early, with one line, when the build or Chromium is missing. */
const fs = require("fs");
const path = require("path");
const { chromiumPath } = require("../../../scripts/ensure-chromium");

module.exports = async () => {
  const dist = process.env.LOYALTY_DIST ? path.resolve(process.env.LOYALTY_DIST) : path.resolve(__dirname, "../../../dist");
  const missing = ["preview.html", "preview.js", "taskpane.html", "taskpane.js", "functions.js", "functions.json", "office-js/office.js"].filter(
    (f) => !fs.existsSync(path.join(dist, f)),
  );
  if (missing.length > 0) {
    throw new Error(`The browser tests need a build in ${dist} (missing ${missing.join(", ")}): run \`npm run build\` first (npm test does).`);
  }
  const chromium = chromiumPath();
  try {
    fs.accessSync(chromium, fs.constants.X_OK);
  } catch {
    throw new Error(`Chromium not found at ${chromium}: run \`node scripts/ensure-chromium.js\` (npm run test:browser does) or set CHROMIUM_PATH.`);
  }
};
