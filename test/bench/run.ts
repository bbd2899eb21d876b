/* Runs every test/bench/*.bench.ts and prints a Markdown table. `npm run bench [filter]`. */
import * as fs from "fs";
import * as path from "path";
import { BenchResult, Benchmark } from "./harness";

async function main(): Promise<void> {
  const filter = process.argv[2]?.toLowerCase();
  const files = fs.readdirSync(__dirname).filter((f) => /\.bench\.js$/.test(f)).sort();
  const rows: BenchResult[] = [];
  process.stdout.write(`Node ${process.version}, ${require("os").cpus().length} cores\n\n`);
  for (const file of files) {
    const benches = Object.values(require(path.join(__dirname, file)) as Record<string, Benchmark[]>).flat();
    for (const bench of benches) {
      if (filter && !bench.name.toLowerCase().includes(filter)) continue;
      process.stderr.write(`running ${bench.name}...\n`);
      rows.push(...(await bench.run()));
    }
  }
  process.stdout.write("| benchmark | seconds | note |\n|---|---:|---|\n");
  for (const r of rows) process.stdout.write(`| ${r.name} | ${r.seconds.toFixed(3)} | ${r.note ?? ""} |\n`);
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
