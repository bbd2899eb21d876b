/**
 * Keeps manifest.xml's <Version> equal to package.json's version (with a fourth
 * part, as Office wants four). Runs on `npm version`, so a release bumps both;
 * test/build/manifest.test.ts fails if they ever differ.
 */
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const file = path.join(root, "manifest.xml");
const xml = fs.readFileSync(file, "utf8");
const updated = xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
if (updated !== xml) fs.writeFileSync(file, updated);
process.stdout.write(`manifest.xml version ${version}.0\n`);
