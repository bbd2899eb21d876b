/**
 * The layout as a contract (README, "Architecture"): analytics rooms import only the rooms below
 * them, the core never imports Office or the pane, and no source file takes part in an import
 * circle. Type-only imports are left out: they vanish at compile time and cannot form a runtime circle.
 */
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "../..");
const src = path.join(root, "src");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** Runtime imports of a file: relative specifiers resolved to files; bare package names kept as written. */
function imports(file: string): { local: string[]; packages: string[] } {
  const text = fs.readFileSync(file, "utf8");
  const local: string[] = [];
  const packages: string[] = [];
  const pattern = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of text.matchAll(pattern)) {
    const spec = m[1] ?? m[2];
    if (!spec.startsWith(".")) {
      packages.push(spec);
      continue;
    }
    const base = path.resolve(path.dirname(file), spec);
    const hit = [".ts", ".tsx", "/index.ts", "/index.tsx", ""].map((e) => base + e).find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
    if (hit) local.push(hit);
  }
  return { local, packages };
}

const files = sourceFiles(src);
const graph = new Map(files.map((f) => [f, imports(f)]));
const rel = (f: string) => path.relative(root, f).split(path.sep).join("/");
const room = (f: string) => /^src\/analytics\/([^/]+)\//.exec(rel(f))?.[1] ?? (rel(f).startsWith("src/analytics/") ? "" : null);

/** What each analytics room may import; "" is src/analytics itself (errors.ts). */
const allowed: Record<string, string[]> = {
  "": [""],
  numeric: ["", "numeric"],
  orders: ["", "numeric", "orders"],
  metrics: ["", "numeric", "orders", "metrics"],
  rfm: ["", "numeric", "orders", "rfm"],
  segments: ["", "numeric", "orders", "rfm", "segments"],
  btyd: ["", "numeric", "orders", "btyd"],
  retention: ["", "numeric", "orders", "retention"],
  programme: ["", "numeric", "orders", "programme"],
};

describe("source layout", () => {
  it("gives every analytics room a rule and an index with its comment", () => {
    const rooms = fs.readdirSync(path.join(src, "analytics"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(rooms.sort()).toEqual(Object.keys(allowed).filter(Boolean).sort());
    for (const r of rooms) expect(fs.readFileSync(path.join(src, "analytics", r, "index.ts"), "utf8")).toMatch(/^\/\*\*\n \* \w+\/ — [^]*May import:/);
  });

  it("lets analytics rooms import only the rooms below them, and no package", () => {
    const breaches: string[] = [];
    for (const [file, { local, packages }] of graph) {
      const from = room(file);
      if (from === null) continue;
      for (const dep of local) {
        const to = room(dep);
        if (to === null || !allowed[from].includes(to)) breaches.push(`${rel(file)} → ${rel(dep)}`);
      }
      for (const p of packages) breaches.push(`${rel(file)} → package ${p}`);
    }
    expect(breaches).toEqual([]);
  });

  it("keeps src/sql pure: it imports only itself and the analytics core, and no package", () => {
    // The SQL generator (issue 11) sits beside src/analytics: no Office, pane or custom-function code.
    const breaches: string[] = [];
    for (const [file, { local, packages }] of graph) {
      if (!rel(file).startsWith("src/sql/")) continue;
      for (const dep of local) if (!/^src\/(sql|analytics)\//.test(rel(dep))) breaches.push(`${rel(file)} → ${rel(dep)}`);
      for (const p of packages) breaches.push(`${rel(file)} → package ${p}`);
    }
    expect(breaches).toEqual([]);
    expect([...graph.keys()].filter((f) => rel(f).startsWith("src/sql/")).length).toBeGreaterThan(10);
  });

  it("has no import circle anywhere in src", () => {
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const circles: string[] = [];
    const visit = (f: string): void => {
      state.set(f, "open");
      stack.push(f);
      for (const d of graph.get(f)?.local ?? []) {
        if (state.get(d) === "open") circles.push([...stack.slice(stack.indexOf(d)), d].map(rel).join(" → "));
        else if (!state.has(d)) visit(d);
      }
      stack.pop();
      state.set(f, "done");
    };
    for (const f of files) if (!state.has(f)) visit(f);
    expect(circles).toEqual([]);
  });
});
