/**
 * Where the pages load office.js from. By default the copy that the build takes from
 * @microsoft/office-js (no network needed). `OFFICE_JS=cdn npm run build` switches a
 * production build to Microsoft's hosted copy, which an AppSource listing requires.
 */
const MICROSOFT_HOSTED = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function officeJsUrl(flag) {
  return flag === "cdn" ? MICROSOFT_HOSTED : "office-js/office.js";
}

module.exports = { officeJsUrl };
