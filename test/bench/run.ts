/*
 * Runs every test/bench/*.bench.ts and prints a Markdown table. `npm run bench [filter]`: only the
 * benchmarks whose name contains the filter. Opt-in benchmarks (Chromium ones) run only when named.
 */
import * as fs from "fs";
import * as path from "path";
import { BenchResult, Benchmark } from "./harness";

async function main(): Promise<void> {
  const filter = process.argv[2]?.toLowerCase();
  const files = fs.readdirSync(__dirname).filter((f) => /\.bench\.js$/.test(f)).sort();
  const rows: BenchResult[] = [];
  const os = require("os");
  const load = () => os.loadavg().map((l: number) => l.toFixed(2)).join(", ");
  process.stdout.write(`Node ${process.version}, ${os.cpus().length} cores; load average at start ${load()}\n\n`);
  for (const file of files) {
    const benches = Object.values(require(path.join(__dirname, file)) as Record<string, Benchmark[]>).flat();
    for (const bench of benches) {
      if ((filter || bench.optIn) && !(filter && bench.name.toLowerCase().includes(filter))) continue;
      process.stderr.write(`running ${bench.name}...\n`);
      rows.push(...(await bench.run()));
    }
  }
  process.stdout.write(`load average at end ${load()} (1, 5, 15 min; 2 cores shared with other work stretch wall times)\n\n`);
  process.stdout.write("| benchmark | seconds (core) | through Excel (s) | note |\n|---|---:|---:|---|\n");
  for (const r of rows) {
    const excel = r.throughExcel === undefined ? "" : r.throughExcel.toFixed(4);
    process.stdout.write(`| ${r.name} | ${r.seconds.toFixed(r.seconds < 0.01 ? 4 : 3)} | ${excel} | ${r.note ?? ""} |\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
