/* Build for Loyalty Lens. See README "Build" and TOOLCHAIN notes in comments below. */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { AllowErrorForDataTypeAnyPlugin } = require("./scripts/allow-error-plugin");
const { HelpPagePlugin } = require("./scripts/help-page-plugin");
const { LocalisedMetadataPlugin } = require("./scripts/localised-metadata-plugin");
const { officeJsUrl: officeJsSource } = require("./scripts/office-js-source");
const { cspMeta } = require("./scripts/csp");
const { corsHeaders } = require("./scripts/cors");
const pkg = require("./package.json");

const DEV_PORT = 3000;
const FUNCTIONS_DIR = path.resolve(__dirname, "src/functions");
// Every file in src/functions is in the metadata plugin's input, so a @customfunction tag anywhere there counts.
const functionFiles = fs
  .readdirSync(FUNCTIONS_DIR)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort()
  .map((f) => path.join("src/functions", f));

// office.js and the Excel host files that Excel itself loads, copied from @microsoft/office-js
// as they are (never through the minifier: that turned a 9 s build into 236 s).
const OFFICE_DIST = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
function officeJsPatterns() {
  const top = fs.readdirSync(OFFICE_DIST);
  const files = top.filter(
    (f) =>
      f === "office.js" ||
      f === "o15apptofilemappingtable.js" ||
      f === "custom-functions-runtime.js" ||
      (/^excel.*\.js$/.test(f) && !f.endsWith(".debug.js")),
  );
  const patterns = files.map((f) => ({ from: path.join(OFFICE_DIST, f), to: `office-js/${f}`, info: { minimized: true } }));
  for (const dir of ["telemetry", "ariatelemetry"]) {
    patterns.push({
      from: path.join(OFFICE_DIST, dir),
      to: `office-js/${dir}`,
      info: { minimized: true },
      globOptions: { ignore: ["**/*.debug.js"] },
    });
  }
  for (const entry of top) {
    const strings = path.join(OFFICE_DIST, entry, "office_strings.js");
    if (fs.existsSync(strings)) patterns.push({ from: strings, to: `office-js/${entry}/office_strings.js`, info: { minimized: true } });
  }
  return patterns;
}

/** https options for the dev server: the Office dev certs when they exist, else webpack-dev-server's own. */
function httpsServer() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const present = Object.values(files).every((f) => fs.existsSync(path.join(dir, f)));
  if (!present) return { type: "https" };
  const options = {};
  for (const [key, f] of Object.entries(files)) options[key] = fs.readFileSync(path.join(dir, f));
  return { type: "https", options };
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const officeJsUrl = officeJsSource(env.officeJs || process.env.OFFICE_JS);
  const csp = cspMeta({ development: mode !== "production", officeJsUrl });
  return {
    mode,
    // Never an eval-based source map: the pages' Content-Security-Policy (scripts/csp.js) forbids
    // eval, and `npm start` must run under the same policy as the build Excel loads.
    devtool: mode === "production" ? "source-map" : "cheap-module-source-map",
    entry: {
      // Every module of src/functions registers its own functions (the metadata plugin appends the
      // CustomFunctions.associate calls), so the entry is simply all of them. It needs no DOM.
      functions: functionFiles.map((f) => `./${f}`),
      taskpane: "./src/taskpane/index.tsx",
      // The local preview (preview.html, no Excel needed): installs the CustomFunctions, Office and
      // fake Excel globals, then the real functions.js and taskpane.js run beside it. PREVIEW ONLY:
      // taskpane.html never loads it.
      preview: "./src/preview/index.tsx",
      // The Parquet worker (src/taskpane/files/parquetWorker.ts): started only when a Parquet file is
      // run, as a same-origin new Worker("parquet-worker.js"); no page loads it as a script.
      "parquet-worker": "./src/taskpane/files/parquetWorker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: mode !== "production", compilerOptions: { sourceMap: true } } },
        },
      ],
    },
    // functions.js must stand alone (Excel may load it without the pane), so no shared or runtime chunks.
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new AllowErrorForDataTypeAnyPlugin("functions.json"),
      // functions-de.json / functions-nb.json and help-de.html / help-nb.html from the same JSDoc,
      // with the translations in src/functions/locales (the manifest points de-* and nb/nn-* at them).
      new LocalisedMetadataPlugin({
        metadata: "functions.json",
        localesDir: path.resolve(__dirname, "src/functions/locales"),
        readme: path.resolve(__dirname, "README.md"),
        version: pkg.version,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJsUrl, version: pkg.version, csp },
      }),
      // The start page at https://localhost:3000/ (no script): links to the pages and the README's Excel on the web steps.
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/start/index.html", chunks: [], inject: false }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        // Order matters: preview.js defines the globals that functions.js and taskpane.js use.
        chunks: ["preview", "functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { csp },
      }),
      new HelpPagePlugin({ readme: path.resolve(__dirname, "README.md"), output: "help.html", version: pkg.version, csp }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // Sample order log for the local preview (rsquaredacademy/rfm, MIT; see assets/README.md).
          { from: "assets/rfm_data_orders.csv", to: "assets/[name][ext]" },
          // CDNOW sample of Fader & Hardie (CamDavidsonPilon/lifetimes, MIT; see assets/README.md).
          { from: "assets/CDNOW_sample.txt", to: "assets/[name][ext]" },
          ...officeJsPatterns(),
          // DuckDB-Wasm for "Open a file…" (issue 12), self-hosted: the single-threaded MVP and EH bundles
          // only (no COI: Excel on the web is not cross-origin isolated); fetched only when a file is run.
          ...["duckdb-mvp.wasm", "duckdb-eh.wasm", "duckdb-browser-mvp.worker.js", "duckdb-browser-eh.worker.js"].map((f) => ({
            from: require.resolve(`@duckdb/duckdb-wasm/dist/${f}`),
            to: `duckdb/${f}`,
            info: { minimized: true },
          })),
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: httpsServer(),
      // Access-Control-Allow-Origin only on GET of functions*.json: Excel on the web fetches the
      // functions' metadata cross-origin (scripts/cors.js). Everything else stays same-origin.
      headers: (req) => corsHeaders(req.method, req.url),
      static: false,
      hot: false,
      client: { overlay: false },
    },
  };
};
