/* npm run bench: compiles the analytics core and test/bench with tsc, then runs test/bench/run.ts. */
const { execFileSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "..");
const out = path.join(root, "dist-tsc", "bench");
execFileSync(
  process.execPath,
  [require.resolve("typescript/bin/tsc"), "--outDir", out, "--module", "commonjs", "--target", "ES2020", "--strict",
    "--esModuleInterop", "--skipLibCheck", "--resolveJsonModule", "--types", "node", "--rootDir", root,
    ...require("fs").readdirSync(path.join(root, "test/bench")).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, "test/bench", f))],
  { stdio: "inherit" },
);
execFileSync(process.execPath, ["--max-old-space-size=8192", path.join(out, "test/bench/run.js"), ...process.argv.slice(2)], { stdio: "inherit" });
