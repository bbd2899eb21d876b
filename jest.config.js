/** Unit, component and build tests. Browser tests run separately (npm run test:browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // Real-browser tests have their own config (test/browser/jest.config.js, npm run test:browser).
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/browser/"],
  transform: {
    "^.+\\.tsx?$": ["<rootDir>/test/support/lexicalGlobalsTransformer.js", { tsconfig: { module: "commonjs", jsx: "react-jsx", sourceMap: true }, diagnostics: { warnOnly: false } }],
    // @fluentui/react-charts depends on d3 packages published as ES modules only; jest 30 on
    // Node 20 cannot require them, so they are compiled to CommonJS (pane component tests).
    // hyparquet (the pane's Parquet reader) is published as ES modules only, too.
    "/node_modules/(d3-[^/]+|internmap|hyparquet)/.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "commonjs" }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(d3-[^/]+|internmap|hyparquet)/)"],
  moduleNameMapper: {
    // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM
    // dependencies (strip-bom) jest 30 cannot require. See test/support/officeAddinManifestStub.ts.
    "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifestStub.ts",
  },
  setupFiles: ["<rootDir>/test/support/installCustomFunctions.ts"],
  testTimeout: 60000,
  // Jest's default on 2 cores is one worker (cores − 1); two halve the wall time of this run, whose
  // tests are CPU-bound, so the whole test command stays well inside CI's 15 minutes.
  maxWorkers: 2,
};
