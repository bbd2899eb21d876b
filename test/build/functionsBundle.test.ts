/**
 * Black-box test of the built add-in: dist/functions.js is loaded with only a
 * CustomFunctions stand-in, and every function is called through the registry
 * it filled, as Excel would call it.
 */
import { StubError } from "../support/customFunctionsStub";
import { allCases } from "./bundleCases";
import { loadBundle, readMetadata } from "./loadBundle";

const metadata = readMetadata();
const registry = loadBundle();
const ids = metadata.functions.map((f) => f.id);

/** Error objects become { code, message } so that expectations can be plain data. */
function plain(value: unknown): unknown {
  if (value instanceof StubError) return value.message === undefined ? { code: value.code } : { code: value.code, message: value.message };
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

describe("dist/functions.js", () => {
  it("associates every id in functions.json and nothing else", () => {
    expect([...registry.keys()].sort()).toEqual([...ids].sort());
  });

  it("has black-box cases for every function", () => {
    expect(ids.filter((id) => !allCases[id])).toEqual([]);
  });

  for (const [id, cases] of Object.entries(allCases)) {
    describe(`LOYALTY.${id}`, () => {
      for (const c of cases) {
        it(c.title, async () => {
          const fn = registry.get(id);
          expect(fn).toBeDefined();
          const result = plain(await fn!(...c.args));
          if ("values" in c.expect) {
            expect(result).toEqual(c.expect.values);
          } else if ("close" in c.expect) {
            const grid = result as unknown[][];
            expect(grid.length).toBe(c.expect.close.length);
            c.expect.close.forEach((row, r) =>
              row.forEach((value, col) =>
                typeof value === "string"
                  ? expect(grid[r][col]).toBe(value)
                  : expect(grid[r][col] as number).toBeCloseTo(value, (c.expect as { digits: number }).digits),
              ),
            );
          } else {
            expect(result).toMatchObject({ code: c.expect.error });
            if (c.expect.message) expect((result as { message: string }).message).toMatch(c.expect.message);
          }
        });
      }
    });
  }
});
