/**
 * @jest-environment jsdom
 *
 * manifest.xml against the build: every resource id it uses is defined, every
 * localhost URL is a file the build emits, the custom-functions namespace is
 * LOYALTY, and the version follows package.json.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST } from "./loadBundle";

const ROOT = path.resolve(__dirname, "../..");
const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

const all = (name: string) => Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name);
const resourceIds = new Map<string, string>();
for (const kind of ["Image", "Url", "String"]) {
  for (const e of all(kind)) if (e.getAttribute("id")) resourceIds.set(e.getAttribute("id")!, e.getAttribute("DefaultValue") ?? "");
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror").length).toBe(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("defines every resid it uses", () => {
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((r) => !resourceIds.has(r))).toEqual([]);
  });

  it("points every localhost URL at a file the build emits", () => {
    const urls = [...xml.matchAll(/"(https:\/\/localhost:3000[^"]*)"/g)].map((m) => m[1]);
    const missing = urls
      .map((u) => new URL(u).pathname.replace(/^\//, ""))
      .filter((p) => p !== "" && !fs.existsSync(path.join(DIST, p)));
    expect(urls.length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  it("uses https://localhost:3000 and nothing else", () => {
    const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith("http://schemas.") && !u.startsWith("http://www.w3.org/"));
    expect(urls.filter((u) => !u.startsWith("https://localhost:3000/") && u !== "https://localhost:3000")).toEqual([]);
  });

  it("names the custom-functions namespace LOYALTY", () => {
    const ns = all("Namespace")[0]?.getAttribute("resid");
    expect(resourceIds.get(ns!)).toBe("LOYALTY");
  });

  it("has the version of package.json", () => {
    expect(all("Version")[0].textContent).toBe(`${pkg.version}.0`);
  });

  it("declares the shared runtime and custom functions with error messages, and asks for read/write", () => {
    const sets = Object.fromEntries(all("Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(sets).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
    expect(all("Permissions")[0].textContent).toBe("ReadWriteDocument");
    expect(all("Runtime")[0].getAttribute("lifetime")).toBe("long");
    expect(all("TaskpaneId")).toHaveLength(0);
  });

  it("has an icon at every size Office asks for, each a PNG of that size", () => {
    const sizes = [16, 20, 24, 32, 40, 48, 64, 80];
    for (const size of sizes) {
      const file = path.join(ROOT, "assets", `icon-${size}.png`);
      const png = fs.readFileSync(file);
      expect([size, png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size, size]);
    }
  });
  it("sends German (de-de, -at, -ch, -lu, -li) and Norwegian (nb-no, nn-no → Bokmål) Excel to their function help", () => {
    const overrides = (id: string) =>
      Object.fromEntries(all("Url").filter((e) => e.getAttribute("id") === id).flatMap((e) => Array.from(e.children).map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])));
    const de = "https://localhost:3000/functions-de.json";
    const nb = "https://localhost:3000/functions-nb.json";
    expect(overrides("Functions.Metadata.Url")).toEqual({ "de-de": de, "de-at": de, "de-ch": de, "de-lu": de, "de-li": de, "nb-no": nb, "nn-no": nb });
    for (const e of all("Override")) {
      // OfficeAppBasicTypesV1_0.xsd: CultureName, and the bt: prefix on overrides inside Resources.
      expect(e.getAttribute("Locale")).toMatch(/^[a-zA-Z]{2,3}-[a-zA-Z]{2,3}$/);
      if (e.parentElement?.namespaceURI === "http://schemas.microsoft.com/office/officeappbasictypes/1.0") expect(e.prefix).toBe("bt");
    }
  });

  it("keeps every string and its translations within the schema's lengths (short 125, long 250)", () => {
    const tooLong: string[] = [];
    for (const [list, max] of [["ShortStrings", 125], ["LongStrings", 250]] as const) {
      for (const s of all(list).flatMap((l) => Array.from(l.children))) {
        for (const v of [s.getAttribute("DefaultValue"), ...Array.from(s.children).map((o) => o.getAttribute("Value"))]) if ((v ?? "").length > max) tooLong.push(v!);
      }
    }
    expect(tooLong).toEqual([]);
  });
});
