/**
 * functions.json is generated from the JSDoc tags; these checks keep the tags
 * complete: fixed ids, descriptions everywhere, help links that land on a
 * section of the help page the add-in serves, and error values let through.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, readMetadata } from "./loadBundle";

const metadata = readMetadata();
const help = fs.readFileSync(path.join(DIST, "help.html"), "utf8");
const helpAnchors = new Set([...help.matchAll(/\bid="?([^"\s>]+)/g)].map((m) => m[1]));

describe("functions.json", () => {
  it("lists functions", () => {
    expect(metadata.functions.length).toBeGreaterThan(0);
  });

  it("lets data-type objects and error values reach the functions, which reject or pass them on", () => {
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    for (const fn of metadata.functions) expect([fn.id, fn.options?.allowErrorForDataTypeAny]).toEqual([fn.id, true]);
  });

  for (const fn of metadata.functions) {
    describe(fn.id, () => {
      it("has a fixed upper-case id equal to its name", () => {
        expect(fn.id).toMatch(/^[A-Z][A-Z0-9]*$/);
        expect(fn.name).toBe(fn.id);
      });

      it("has a description and one for every parameter", () => {
        expect(fn.description?.length ?? 0).toBeGreaterThan(20);
        for (const p of fn.parameters) expect([p.name, (p.description?.length ?? 0) > 5]).toEqual([p.name, true]);
      });

      it("has parameters in snake_case (or T, the BTYD models' own notation)", () => {
        for (const p of fn.parameters) expect(p.name).toMatch(/^([a-z][a-z0-9_]*|T)$/);
      });

      it("links to its own section of the served help page", () => {
        expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#${fn.id.toLowerCase()}`);
        expect(helpAnchors.has(fn.id.toLowerCase())).toBe(true);
      });
    });
  }
});
