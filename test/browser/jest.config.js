/**
 * Real-browser tests (npm run test:browser): Chromium driven by playwright-core against the
 * output of `npm run build` (dist/, or $LOYALTY_DIST), served by scripts/serve-dist.js.
 * Run after the build; `npm test` does build → unit tests → these.
 */
const path = require("path");

module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  testEnvironment: "node",
  roots: ["<rootDir>/test/browser"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["<rootDir>/test/support/lexicalGlobalsTransformer.js", { tsconfig: { module: "commonjs", jsx: "react-jsx", sourceMap: true }, diagnostics: { warnOnly: false } }],
  },
  globalSetup: "<rootDir>/test/browser/support/globalSetup.js",
  // Each file starts its own Chromium; two at a time suits a 2-core machine.
  maxWorkers: 2,
  testTimeout: 180000,
};
