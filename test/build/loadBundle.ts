/**
 * Loads the built dist/functions.js the way Excel's custom-functions runtime does:
 * a bare JavaScript context with only the `CustomFunctions` global (no window, no
 * document), and returns what it associated.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { Registry, createCustomFunctions } from "../support/customFunctionsStub";

// LOYALTY_DIST lets a build elsewhere be tested (e.g. while another build writes dist/).
export const DIST = process.env.LOYALTY_DIST ? path.resolve(process.env.LOYALTY_DIST) : path.resolve(__dirname, "../../dist");

export type FunctionMetadata = {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string; type?: string };
  options?: Record<string, unknown>;
};

export function readMetadata(): { functions: FunctionMetadata[]; enums?: unknown[] } & Record<string, unknown> {
  const file = path.join(DIST, "functions.json");
  if (!fs.existsSync(file)) throw new Error("dist/functions.json is missing: run `npm run build` first (npm test does)");
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

export function loadBundle(): Registry {
  const registry: Registry = new Map();
  const source = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  // setTimeout and friends are part of every JavaScript runtime Excel uses; the DOM is not.
  const context = vm.createContext({
    CustomFunctions: createCustomFunctions(registry),
    setTimeout,
    clearTimeout,
    queueMicrotask,
    console,
  });
  vm.runInContext(source, context, { filename: "functions.js" });
  return registry;
}
