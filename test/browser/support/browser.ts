/**
 * One Chromium per test file, with a fresh profile, serving the built dist/ from a static
 * server on a free port. Every page records console errors, uncaught exceptions, failed
 * requests, HTTP errors and any request to a host other than the local server (those are
 * aborted, so the tests also prove nothing needs the network). A Content-Security-Policy
 * violation report (the page's `securitypolicyviolation` event) counts as an error, so every
 * test that expects no errors also fails on any CSP violation.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BrowserContext, Page, chromium } from "playwright-core";

/**
 * The project folder: the first one up from here that holds scripts/serve-dist.js. Found rather
 * than fixed, because `npm run bench` runs this file compiled under dist-tsc/bench/ (see
 * test/bench/openFile.bench.ts), where "../../.." is no longer the project.
 */
function projectRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "scripts", "serve-dist.js"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No scripts/serve-dist.js above ${__dirname}`);
  }
}

export const ROOT = projectRoot();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { serve } = require(path.join(ROOT, "scripts", "serve-dist.js")) as {
  serve(dir: string, port?: number): Promise<{ url: string; close(): Promise<void> }>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chromiumPath } = require(path.join(ROOT, "scripts", "ensure-chromium.js")) as { chromiumPath(): string };

export const DIST = process.env.LOYALTY_DIST ? path.resolve(process.env.LOYALTY_DIST) : path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

/** Flags from TOOLCHAIN.md: headless Debian Chromium without sandbox, GPU, QUIC or background traffic. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type PageLog = { errors: string[]; failedRequests: string[]; external: string[] };

export type Session = {
  readonly base: string;
  readonly context: BrowserContext;
  /** The fresh --user-data-dir of this Chromium (the benchmark finds the browser's processes by it). */
  readonly profile: string;
  open(pathAndQuery: string, viewport?: { width: number; height: number }): Promise<{ page: Page; log: PageLog }>;
  close(): Promise<void>;
};

/** `extraFlags` are added to FLAGS for this session only (e.g. paneClosed.test.ts exposes gc()). */
export async function startSession(extraFlags: readonly string[] = []): Promise<Session> {
  const server = await serve(DIST, 0);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "loyalty-lens-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [...FLAGS, ...extraFlags],
    viewport: { width: 1400, height: 900 },
  });
  const base = server.url;
  return {
    base,
    context,
    profile,
    async open(pathAndQuery, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const log: PageLog = { errors: [], failedRequests: [], external: [] };
      await page.exposeFunction("__loyaltyCspViolation", (report: string) => log.errors.push(`csp: ${report}`));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          const report = `${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber}`;
          (window as unknown as { __loyaltyCspViolation(r: string): void }).__loyaltyCspViolation(report);
        });
      });
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(`${base}/`) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
        log.external.push(url);
        return route.abort();
      });
      page.on("console", (m) => {
        if (m.type() === "error") log.errors.push(`console: ${m.text()}`);
      });
      page.on("pageerror", (e) => log.errors.push(`uncaught: ${e.message}`));
      page.on("requestfailed", (r) => {
        if (!log.external.includes(r.url())) log.failedRequests.push(`${r.url()} (${r.failure()?.errorText ?? "failed"})`);
      });
      page.on("response", (r) => {
        if (r.status() >= 400) log.failedRequests.push(`${r.url()} (HTTP ${r.status()})`);
      });
      await page.goto(`${base}/${pathAndQuery}`);
      return { page, log };
    },
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
