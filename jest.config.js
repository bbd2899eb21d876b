/** Unit, component and build tests. Browser tests run separately (npm run test:browser). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", jsx: "react-jsx", sourceMap: true }, diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    // office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM
    // dependencies (strip-bom) jest 30 cannot require. See test/support/officeAddinManifestStub.ts.
    "^office-addin-manifest$": "<rootDir>/test/support/officeAddinManifestStub.ts",
  },
  setupFiles: ["<rootDir>/test/support/installCustomFunctions.ts"],
  testTimeout: 60000,
};
