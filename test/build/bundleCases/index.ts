import * as fs from "fs";
import { BundleCases } from "./types";

/**
 * Every LOYALTY function's black-box cases, by function id. Each area of the
 * library adds its own file here exporting one BundleCases object.
 */
export const allCases: BundleCases = Object.assign(
  {},
  ...fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "types.ts")
    .sort()
    .flatMap((f) => Object.values(require(`./${f}`) as Record<string, BundleCases>)),
);
