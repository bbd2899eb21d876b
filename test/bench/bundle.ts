/**
 * The built dist/functions.js loaded into the benchmark's own realm (as the measurements
 * were taken: the bundle in the main realm, called with `any[][]` built there), with the
 * CustomFunctions stand-in of test/support as its only global addition.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { Registry, createCustomFunctions } from "../support/customFunctionsStub";

let registry: Registry | undefined;

export function bundleFunctions(): Registry {
  if (registry) return registry;
  const file = path.resolve(__dirname, "../../../../dist/functions.js");
  const source = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  if (source === null) throw new Error(`${file} is missing: run \`npm run build\` before \`npm run bench\``);
  registry = new Map();
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = createCustomFunctions(registry);
  vm.runInThisContext(source, { filename: "functions.js" });
  return registry;
}

/** A column as Excel passes it: one single-element row array per cell. */
export function column(values: ArrayLike<unknown>): unknown[][] {
  const out = new Array<unknown[]>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = [values[i]];
  return out;
}
