/**
 * DuckDB-Wasm (issue 12) stays out of what the pane loads before its first render: taskpane.js
 * (gzip -9) stays within the first-load budget and holds no DuckDB or Arrow module, the engine lives in the lazy
 * duckdb.js chunk, and the single-threaded wasm files and workers are served from the add-in's own
 * origin (dist/duckdb/), with no cross-origin-isolated (COI) bundle.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { DIST } from "./loadBundle";

// The pane's first-load budget, gzip -9 of dist/taskpane.js. History: 299,864 bytes at commit 96fbcb2
// (before "Open a file…", 2026-12-01); 331,404 bytes on main at 3be6322 after the Rewards plan,
// first-run set-up and write-safety work landed (none of it DuckDB). The budget leaves ~6% room over
// that; a build that pulls the engine or Arrow into the first load (+~250 KB gzip) fails it at once.
// 359,799 bytes on 2026-12-02 after the warehouse's CLV group table and the grouped "Check the model"
// (none of it DuckDB: the source-map test below still finds no engine module); the budget keeps ~3%
// over that, still far below the +250 KB an engine in the first load would add.
// 354,081 bytes later that day, once the Warehouse tab (SQL generator, Open a file) became its own lazy chunk.
const FIRST_LOAD_BUDGET_GZIP_BYTES = 370_000;

const read = (f: string): Buffer => fs.readFileSync(path.join(DIST, f));
const mapSources = (f: string): string[] => (JSON.parse(read(`${f}.map`).toString("utf8")) as { sources: string[] }).sources;
const isEngineModule = (source: string): boolean => /node_modules\/(@duckdb|apache-arrow)\//.test(source);

describe("the pane's first load without DuckDB-Wasm", () => {
  it("keeps taskpane.js (gzip) within the first-load budget", () => {
    const gz = zlib.gzipSync(read("taskpane.js"), { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP_BYTES);
  });

  it("bundles no DuckDB or Arrow module into taskpane.js, and all of them into duckdb.js", () => {
    expect(mapSources("taskpane.js").filter(isEngineModule)).toEqual([]);
    expect(mapSources("duckdb.js").filter((s) => s.includes("node_modules/@duckdb/duckdb-wasm/")).length).toBeGreaterThan(0);
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
