/**
 * Sets `options.allowErrorForDataTypeAny: true` on every function in the generated
 * functions.json, so that an error value in an input cell reaches the function (which
 * passes it on in that row) instead of Excel never calling the function.
 * The metadata generator has no JSDoc tag for this option, hence this small step.
 */
const { Compilation, sources } = require("webpack");

function allowErrorForDataTypeAny(json) {
  const metadata = JSON.parse(json);
  for (const fn of metadata.functions) {
    fn.options = { ...(fn.options || {}), allowErrorForDataTypeAny: true };
  }
  return JSON.stringify(metadata, null, 2);
}

class AllowErrorForDataTypeAnyPlugin {
  constructor(asset) {
    this.asset = asset;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("AllowErrorForDataTypeAnyPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorForDataTypeAnyPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.asset);
          if (!asset) return;
          // The metadata plugin adds functions.json to child compilations too (html-webpack-plugin's);
          // those copies lack the option and clash with the main one on watch rebuilds.
          if (compilation.compiler.isChild()) {
            compilation.deleteAsset(this.asset);
            return;
          }
          compilation.updateAsset(this.asset, new sources.RawSource(allowErrorForDataTypeAny(asset.source.source().toString())));
        },
      );
    });
  }
}

module.exports = { AllowErrorForDataTypeAnyPlugin, allowErrorForDataTypeAny };
