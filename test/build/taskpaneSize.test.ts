/**
 * DuckDB-Wasm (issue 12) stays out of what the pane loads before its first render: taskpane.js
 * (gzip -9) grows by at most 5% over the build before the feature, the engine lives in the lazy
 * duckdb.js chunk, and the single-threaded wasm files and workers are served from the add-in's own
 * origin (dist/duckdb/), with no cross-origin-isolated (COI) bundle.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { DIST } from "./loadBundle";

// gzip -9 of dist/taskpane.js built from commit 96fbcb2 (branch start, before "Open a file…"),
// measured 2026-12-01 with the same toolchain (`npx webpack --mode production`).
// 299,864 bytes (994,465 uncompressed); zlib level 9 in this test gives the same within a few bytes.
const BASELINE_GZIP_BYTES = 299_864;

const read = (f: string): Buffer => fs.readFileSync(path.join(DIST, f));

describe("the pane's first load without DuckDB-Wasm", () => {
  it("keeps taskpane.js (gzip) within 5% of the build before the feature", () => {
    const gz = zlib.gzipSync(read("taskpane.js"), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(BASELINE_GZIP_BYTES * 1.05);
  });

  it("puts the engine in the lazy duckdb.js chunk, not in taskpane.js", () => {
    expect(read("taskpane.js").toString("utf8")).not.toContain("AsyncDuckDB");
    expect(read("duckdb.js").toString("utf8")).toContain("AsyncDuckDB");
  });

  it("serves the MVP and EH wasm and their workers itself, and no COI bundle", () => {
    const files = fs.readdirSync(path.join(DIST, "duckdb")).sort();
    expect(files).toEqual(["duckdb-browser-eh.worker.js", "duckdb-browser-mvp.worker.js", "duckdb-eh.wasm", "duckdb-mvp.wasm"]);
    // A real wasm module starts with \0asm.
    expect(read("duckdb/duckdb-mvp.wasm").subarray(0, 4).toString("latin1")).toBe("\0asm");
  });
});
