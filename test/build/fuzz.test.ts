/**
 * Seeded fuzz test of the built dist/functions.js (issue 10): every function in functions.json is
 * called a few hundred times, through the registry Excel uses, with Excel-shaped arguments drawn
 * from a fixed seed — numbers of every size, text (ISO dates valid and not, error codes typed as
 * text, headers), booleans, blanks, error values, data-type objects, model-parameter blocks valid
 * and extreme, ranges of 1 to 30 rows and of the wrong shape. Each call must:
 * - throw nothing (a thrown CustomFunctions.Error is tolerated: Excel shows it; nothing else);
 * - give no NaN, ±Infinity or undefined in any cell, and nothing but numbers, text, booleans and errors;
 * - give a message with every #VALUE! (Excel shows messages only on #VALUE! and #N/A);
 * - finish within its stated bound: CALL_BOUND_SECONDS (README, "Performance").
 * A failure names the function, the call number and the arguments, so the case can be replayed.
 */
import { StubError } from "../support/customFunctionsStub";
import { mulberry32 } from "../support/simulateBgnbd";
import { loadBundle, readMetadata } from "./loadBundle";

/**
 * The bound on one call of at most 30 rows, stated in the README: the expected-purchases series is
 * capped at 2·10^8 terms per call (1–8 s here) and the fits at their iteration limits; the
 * rest is O(rows). Generous, because the machine running the tests is shared.
 */
const CALL_BOUND_SECONDS = 20;
const CALLS_PER_FUNCTION = 250;

const metadata = readMetadata();
const registry = loadBundle();

type Random = () => number;

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];

const NUMBERS = [0, 1, 2, 3, 5, 7, 10, 12, 0.5, 0.3, 0.01, 0.99, 1.5, -1, -0.5, 45382, 45382.75, 2958465, 2958466, 1e-300, 1e300, 1e9, -1e9, 1e-9, 100, 1200, 52, 365, 30.4375, 61, 60, 59];
const TEXTS = [
  "", "  ", "abc", "2024-03-31", "0024-03-31", "1900-02-28", "2024-03-31T25:99", "2024-02-30", "2024-03-31T10:00:00Z", "#N/A", "#DIV/0!", "#VALUE!",
  "TRUE", "false", "12", " 1001 ", "=1+1", "day", "week", "month", "year", "quarter", "rfm", "quantile", "r", "alpha", "Customer", "x", "1.234",
];
const SPECIALS: (() => unknown)[] = [
  () => null,
  () => undefined,
  () => true,
  () => false,
  () => new StubError("#N/A", "from a cell"),
  () => new StubError("#DIV/0!"),
  () => ({ type: "Double", basicValue: 0 }),
  () => ({ type: "Double", basicValue: 0.7 }),
  () => ({ type: "FormattedNumber", basicValue: 45382, numberFormat: "yyyy-mm-dd" }),
  () => ({ type: "String", basicValue: "A" }),
  () => ({ type: "Boolean", basicValue: true }),
  () => ({ type: "Entity", text: "Contoso" }),
  () => ({ type: "Error", errorType: "NotAvailable", basicValue: "#N/A" }),
  () => ({}),
];

function cellValue(random: Random): unknown {
  const u = random();
  if (u < 0.55) return pick(random, NUMBERS) * (random() < 0.1 ? -1 : 1);
  if (u < 0.62) return Math.floor(random() * 40);
  if (u < 0.85) return pick(random, TEXTS);
  return pick(random, SPECIALS)();
}

/** A plausible column for most rows (so calls get past the first check), with some wild cells. */
function column(random: Random, rows: number, wildness: number): unknown[][] {
  const base = pick(random, ["count", "time", "date", "id", "share", "score", "money"]);
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    let v: unknown;
    if (random() < wildness) v = cellValue(random);
    else if (base === "count") v = Math.floor(random() * 6);
    else if (base === "time") v = Math.round(random() * 800) / 10;
    else if (base === "date") v = random() < 0.8 ? 45000 + Math.floor(random() * 400) : "2024-01-15";
    else if (base === "id") v = random() < 0.7 ? `C${Math.floor(random() * 8)}` : Math.floor(random() * 8);
    else if (base === "share") v = random();
    else if (base === "score") v = Math.floor(random() * 11);
    else v = Math.round(random() * 10_000) / 100;
    out.push([v]);
  }
  return out;
}

const BGNBD = [[0.242593, 4.413532, 0.792886, 2.425754]];
function paramBlock(random: Random, name: string): unknown {
  const u = random();
  if (name === "bgnbd_params") {
    if (u < 0.4) return [["r", "alpha", "a", "b", "log-likelihood"], [...BGNBD[0], -9582.43]];
    if (u < 0.7) return [[pick(random, [1e-300, 0.24, 5, 300]), pick(random, [1e-9, 4.4, 30, 1e6]), pick(random, [0.01, 0.79, 50]), pick(random, [0.01, 2.4, 100])]];
    return [[cellValue(random), cellValue(random), cellValue(random), cellValue(random)]];
  }
  if (name === "gg_params") {
    if (u < 0.4) return [["p", "q", "v"], [6.25, 3.74, 15.44]];
    if (u < 0.7) return [[pick(random, [1e-300, 6.25, 1e300]), pick(random, [0.5, 1, 3.74, 1e6]), pick(random, [1e-9, 15.44, 1e9])]];
    return [[cellValue(random), cellValue(random), cellValue(random)]];
  }
  if (u < 0.5) return [["alpha", "beta"], [pick(random, [0.7, 1e-3, 50]), pick(random, [1.3, 1e-3, 50])]];
  return [[cellValue(random), cellValue(random)]];
}

/** Arguments for one call: matrices of a shared length (mostly), scalars, parameter blocks. */
function argsFor(random: Random, parameters: { name: string; dimensionality?: string; optional?: boolean }[]): unknown[] {
  const rows = pick(random, [1, 1, 2, 3, 5, 8, 12, 30]);
  const wildness = pick(random, [0, 0.05, 0.2, 0.6]);
  return parameters.map((p) => {
    if (p.optional && random() < 0.35) return null;
    if (/params$/.test(p.name)) return paramBlock(random, p.name);
    if (p.dimensionality === "matrix") {
      const u = random();
      if (u < 0.06) return [[cellValue(random)]];
      if (u < 0.1) return [[cellValue(random), cellValue(random)], [cellValue(random), cellValue(random)]]; // not a column
      if (u < 0.13) return column(random, rows + 1, wildness); // one row too many
      if (u < 0.16) return [column(random, rows, wildness).map((r) => r[0])]; // a row instead of a column
      return column(random, rows, wildness);
    }
    if (random() < 0.3 && /^(period|time_unit|method)$/.test(p.name)) return pick(random, ["day", "week", "month", "year", "quarter", "rfm", "quantile", "decade"]);
    if (random() < 0.4 && /date|_end$/.test(p.name)) return pick(random, [45100, 45200, "2024-06-30", "0024-03-31", 45400.5]);
    if (random() < 0.4 && p.name === "horizon_months") return pick(random, [1, 12, 120, 1200, 1201, 0, 2.5]);
    return cellValue(random);
  });
}

/** Every problem with one result: a path and what is wrong there. */
function problems(value: unknown, path = "result"): string[] {
  if (value instanceof StubError) {
    return value.code === "#VALUE!" && !(typeof value.message === "string" && value.message.trim().length > 0) ? [`${path}: #VALUE! without a message`] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => problems(v, `${path}[${i}]`));
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (typeof value === "string" || typeof value === "boolean") return [];
  return [`${path}: ${value === undefined ? "undefined" : value === null ? "null" : `an object ${JSON.stringify(value)}`}`];
}

describe("seeded fuzz of every function in dist/functions.js", () => {
  for (const f of metadata.functions) {
    it(`LOYALTY.${f.id}: ${CALLS_PER_FUNCTION} calls, no exception, NaN, Infinity or undefined, a message on every #VALUE!, each within ${CALL_BOUND_SECONDS} s`, async () => {
      const fn = registry.get(f.id);
      expect(fn).toBeDefined();
      const random = mulberry32(0x10ad + f.id.length * 7919 + f.id.charCodeAt(0));
      const found: string[] = [];
      for (let call = 0; call < CALLS_PER_FUNCTION && found.length < 5; call++) {
        const args = argsFor(random, f.parameters);
        const started = Date.now();
        let result: unknown;
        try {
          result = await fn!(...args);
        } catch (thrown) {
          if (!(thrown instanceof StubError)) found.push(`call ${call} threw ${String(thrown)}; args ${JSON.stringify(args)}`);
          continue;
        }
        const seconds = (Date.now() - started) / 1000;
        if (seconds > CALL_BOUND_SECONDS) found.push(`call ${call} took ${seconds.toFixed(1)} s; args ${JSON.stringify(args)}`);
        for (const p of problems(result).slice(0, 2)) found.push(`call ${call}: ${p}; args ${JSON.stringify(args)}`);
      }
      expect(found).toEqual([]);
    }, 600_000);
  }
});
