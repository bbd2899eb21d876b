/**
 * Every LOYALTY function typed into the preview's formula box, as a person would type it, with
 * the black-box cases of test/build/bundleCases (worked examples of the issues and hand-computed
 * cases, each with its source noted there). The list of functions comes from the built
 * dist/functions.json, so a new function is covered as soon as it has bundle cases, and each
 * must have at least one case giving a value and one giving an error.
 *
 * Arguments are typed as Excel accepts them: single values as literals, short ranges without
 * blanks as array constants ({1;2;3}); ranges with blank cells, and data sets, are pasted into
 * cells of the Formulas sheet (from column U, tab-separated as when copied from another sheet)
 * and passed as a reference, so that blank cells arrive as Excel passes them. A cell cannot hold
 * "" without a formula, so "" in such a range is pasted as an empty cell; the contract treats ""
 * and blank alike, so the expected result is the same.
 */
import * as fs from "fs";
import * as path from "path";
import { Page } from "playwright-core";
import { allCases } from "../build/bundleCases";
import type { BundleCase } from "../build/bundleCases/types";
import { StubError } from "../support/customFunctionsStub";
import { DIST, Session, startSession } from "./support/browser";
import { ShownCell, cell, enter, goTo, letters, paste, readColumn, waitForPreview, workbook } from "./support/preview";

type Metadata = { functions: { id: string; parameters: { name: string; dimensionality?: string }[] }[] };
const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as Metadata;

type Scalar = number | string | boolean | { code: string };

function isErrorValue(v: unknown): v is { code: string } {
  return (v instanceof StubError || (typeof v === "object" && v !== null && !Array.isArray(v))) && typeof (v as { code?: unknown }).code === "string";
}

function isScalar(v: unknown): v is Scalar {
  return typeof v === "number" || typeof v === "string" || typeof v === "boolean" || isErrorValue(v);
}

/** Excel refuses formulas longer than 8,192 characters (so does the preview's formula box). */
const EXCEL_FORMULA_LIMIT = 8192;

/**
 * Whether a case can be typed into Excel at all: data-type objects cannot, and neither can the
 * cases whose arguments are whole data sets (thousands of values) that would make the formula
 * longer than Excel accepts; those run against the bundle in test/build/functionsBundle.test.ts.
 */
function typeable(c: BundleCase): boolean {
  return shapeTypeable(c) && plan("X", c).formula.length <= EXCEL_FORMULA_LIMIT;
}

function shapeTypeable(c: BundleCase): boolean {
  return c.args.every(
    (a) =>
      a === null ||
      a === undefined ||
      isScalar(a) ||
      (Array.isArray(a) && a.length > 0 && a.every((row) => Array.isArray(row) && row.length === a[0].length && row.every((v: unknown) => v === null || isScalar(v)))),
  );
}

function literal(v: Scalar): string {
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return `"${v.replace(/"/g, '""')}"`;
  return v.code;
}

/** What to type into a cell for a value ('text keeps number-like text as text). */
function typed(v: Scalar | null): string {
  if (v === null || v === "") return "";
  if (typeof v === "string") return `'${v}`;
  return literal(v);
}

type Plan = { formula: string; blocks: { at: string; tsv: string }[] };

/** Array constants longer than this are pasted into cells instead (as a person would with a data set). */
const LONGEST_CONSTANT = 400;

function plan(id: string, c: BundleCase): Plan {
  const blocks: { at: string; tsv: string }[] = [];
  let nextCol = 20; // U
  const args = c.args.map((a) => {
    if (a === null || a === undefined) return "";
    if (!Array.isArray(a)) return literal(a as Scalar);
    const grid = a as (Scalar | null)[][];
    const hasBlank = grid.some((row) => row.some((v) => v === null));
    if (!hasBlank) {
      if (grid.length === 1 && grid[0].length === 1) return literal(grid[0][0] as Scalar);
      const constant = `{${grid.map((row) => row.map((v) => literal(v as Scalar)).join(",")).join(";")}}`;
      if (constant.length <= LONGEST_CONSTANT) return constant;
    }
    const col = nextCol;
    nextCol += grid[0].length + 1;
    // One line per row, each ended by a newline as Excel's own copy does (so a blank last row survives).
    blocks.push({ at: `${letters(col)}1`, tsv: grid.map((row) => `${row.map(typed).join("\t")}\n`).join("") });
    return `Formulas!${letters(col)}1:${letters(col + grid[0].length - 1)}${grid.length}`;
  });
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  return { formula: `=LOYALTY.${id}(${args.join(", ")})`, blocks };
}

/** Expected values in the form the grid shows them: errors as { code, message }, blanks as "". */
function plain(v: unknown): unknown {
  if (isErrorValue(v)) {
    const e = v as { code: string; message?: string };
    return e.message === undefined ? { code: e.code } : { code: e.code, message: e.message };
  }
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

async function readResult(page: Page, rows: number, cols: number): Promise<ShownCell[][]> {
  if (rows > 20) {
    // A long result: read it column by column while scrolling, as the grid draws only what is in view.
    const columns: ShownCell[][] = [];
    for (let c = 0; c < cols; c++) columns.push(await readColumn(page, "Formulas", letters(c), 1, rows));
    return Array.from({ length: rows }, (_, r) => columns.map((col) => col[r]));
  }
  await goTo(page, "Formulas!A1");
  await cell(page, "A1");
  // All cells of a short result are in view: read them at once.
  const addresses = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${letters(c)}${r + 1}`));
  const raw = await workbook(page)
    .getByRole("grid")
    .evaluate((el, grid) => grid.map((line) => line.map((a) => el.querySelector(`[data-address="${a}"]`)?.getAttribute("data-value") ?? null)), addresses);
  return raw.map((line) => line.map((v) => shown(v)));
}

/** A cell's data-value attribute as the value the grid shows ("" for blank). */
function shown(raw: string | null): ShownCell {
  if (raw === null) return "";
  const v = JSON.parse(raw) as number | string | boolean | { error: string; message?: string };
  if (typeof v === "object") return v.message === undefined ? { code: v.error } : { code: v.error, message: v.message };
  return v;
}

let session: Session;
let page: Page;
let log: { errors: string[]; failedRequests: string[]; external: string[] };

beforeAll(async () => {
  session = await startSession();
  // A tall window, so that long results are read in fewer scrolls.
  ({ page, log } = await session.open("preview.html", { width: 1400, height: 2400 }));
  await waitForPreview(page);
});

afterAll(async () => {
  await session?.close();
});

async function run(id: string, c: BundleCase): Promise<{ status: string; formula: string }> {
  const p = plan(id, c);
  for (const block of p.blocks) {
    await goTo(page, `Formulas!${block.at}`);
    await paste(page, block.tsv);
  }
  await goTo(page, "Formulas!A1");
  const status = await enter(page, p.formula);
  return { status, formula: p.formula };
}

const ids = metadata.functions.map((f) => f.id);

describe("every LOYALTY function in the formula box", () => {
  it("has typeable cases giving a value and giving an error for every function in functions.json", () => {
    const typedCases = (id: string) => (allCases[id] ?? []).filter(typeable);
    // A value: a close grid, or a values result with at least one cell that is not an error.
    const cellsOf = (v: unknown): unknown[] => (Array.isArray(v) ? v.flatMap(cellsOf) : [v]);
    const givesValue = (c: BundleCase) => "close" in c.expect || ("values" in c.expect && cellsOf(plain(c.expect.values)).some((v) => !isErrorValue(v)));
    // An error: the whole call fails, or some row gives an error.
    const givesError = (c: BundleCase) => "error" in c.expect || ("values" in c.expect && cellsOf(plain(c.expect.values)).some(isErrorValue));
    const withoutValue = ids.filter((id) => !typedCases(id).some(givesValue));
    const withoutError = ids.filter((id) => !typedCases(id).some(givesError));
    expect({ withoutValue, withoutError }).toEqual({ withoutValue: [], withoutError: [] });
  });

  for (const id of ids) {
    describe(`LOYALTY.${id}`, () => {
      for (const c of (allCases[id] ?? []).filter(typeable)) {
        it(c.title, async () => {
          const { status, formula } = await run(id, c);
          expect({ formula, status }).toEqual({ formula, status: expect.stringMatching(/^A1: /) });
          if ("values" in c.expect) {
            const expected = plain(c.expect.values);
            if (Array.isArray(expected)) {
              const rows = expected.length;
              const cols = (expected[0] as unknown[]).length;
              expect(await readResult(page, rows, cols)).toEqual(expected);
              // Nothing spilled beyond the expected shape.
              await goTo(page, `Formulas!A${rows + 1}`);
              expect([await cell(page, `A${rows + 1}`), await cell(page, `${letters(cols)}1`)]).toEqual(["", ""]);
            } else {
              expect(await cell(page, "A1")).toEqual(expected);
            }
          } else if ("close" in c.expect) {
            const close = c.expect.close;
            const got = await readResult(page, close.length, Math.max(...close.map((row) => row.length)));
            const digits = c.expect.digits;
            close.forEach((row, r) =>
              row.forEach((v, k) => {
                if (typeof v === "string") expect(got[r][k]).toBe(v);
                else expect(got[r][k] as number).toBeCloseTo(v, digits);
              }),
            );
          } else {
            const shown = await cell(page, "A1");
            expect(shown).toMatchObject({ code: c.expect.error });
            if (c.expect.message) expect((shown as { message?: string }).message).toMatch(c.expect.message);
            // The status line shows the error and its message, as a person would read it.
            expect(status).toContain(c.expect.error);
          }
        });
      }
    });
  }

  it("caused no console errors or failed requests", () => {
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
  });
});
