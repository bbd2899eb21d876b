/**
 * @jest-environment jsdom
 *
 * The pages' Content-Security-Policy and the servers' one cross-origin allowance (issue 10,
 * Security): a CSP meta as the first element of <head> in every page of the build, scripts from
 * the own origin only, no eval-based source map in development, never frame-ancestors or
 * X-Frame-Options, and Access-Control-Allow-Origin on GET of functions*.json only.
 */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { DIST } from "./loadBundle";

const ROOT = path.resolve(__dirname, "../..");
// webpack.config.js loads the help-page plugin, which requires marked (ES module only, which jest
// cannot require); the config's devtool and devServer are read here, the help page is not built.
jest.mock("marked", () => ({ Marked: class {} }));
/* eslint-disable @typescript-eslint/no-require-imports */
const { contentSecurityPolicy } = require("../../scripts/csp.js") as { contentSecurityPolicy(o?: { development?: boolean; officeJsUrl?: string }): string };
const { corsHeaders } = require("../../scripts/cors.js") as { corsHeaders(method: string, url: string): Record<string, string> };
const { serve } = require("../../scripts/serve-dist.js") as { serve(dir: string, port?: number): Promise<{ url: string; close(): Promise<void> }> };
const webpackConfig = require("../../webpack.config.js") as (env: Record<string, string>, argv: { mode: string }) => {
  devtool: string;
  devServer: { headers: (req: { method: string; url: string }) => Record<string, string> };
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The policy's directives as a map: "script-src" → ["'self'"]. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

function head(file: string): HTMLHeadElement {
  const doc = new DOMParser().parseFromString(fs.readFileSync(path.join(DIST, file), "utf8"), "text/html");
  return doc.head;
}

function get(url: string, method = "GET"): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      res.resume();
      resolve(res);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("Content-Security-Policy of the built pages", () => {
  it.each(["taskpane.html", "preview.html", "help.html"])("%s has it as the first element of <head>: own-origin scripts, inline styles, own-origin connections", (file) => {
    const first = head(file).firstElementChild;
    expect(first?.tagName).toBe("META");
    expect(first?.getAttribute("http-equiv")).toBe("Content-Security-Policy");
    const policy = directives(first?.getAttribute("content") ?? "");
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // Excel on the web frames the pane: never forbid framing.
    expect(policy.has("frame-ancestors")).toBe(false);
  });

  it("adds only office.js's origin for the store build, and the live-reload socket on localhost only in development", () => {
    const cdn = directives(contentSecurityPolicy({ officeJsUrl: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" }));
    expect(cdn.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(cdn.get("connect-src")).toEqual(["'self'"]);
    const dev = directives(contentSecurityPolicy({ development: true, officeJsUrl: "office-js/office.js" }));
    expect(dev.get("script-src")).toEqual(["'self'"]);
    expect(dev.get("connect-src")).toEqual(["'self'", "ws://localhost:*", "wss://localhost:*"]);
  });

  it("uses source maps without eval in development and production, so npm start runs under the same policy", () => {
    for (const mode of ["development", "production"]) expect(webpackConfig({}, { mode }).devtool).not.toMatch(/eval/);
  });

  it("sends X-Frame-Options from none of the servers or configs", () => {
    for (const file of ["webpack.config.js", "scripts/start.js", "scripts/serve-dist.js", "scripts/csp.js", "scripts/cors.js"]) {
      // A header set by name ("X-Frame-Options": … or setHeader("X-Frame-Options", …)); comments may mention it.
      expect(fs.readFileSync(path.join(ROOT, file), "utf8")).not.toMatch(/["']X-Frame-Options["']\s*[:,]/i);
    }
  });
});

describe("Access-Control-Allow-Origin", () => {
  it("is given for GET and HEAD of functions*.json only", () => {
    const allow = { "Access-Control-Allow-Origin": "*" };
    expect(corsHeaders("GET", "/functions.json")).toEqual(allow);
    expect(corsHeaders("HEAD", "/functions.json?v=1")).toEqual(allow);
    expect(corsHeaders("GET", "/functions.de.json")).toEqual(allow);
    expect(corsHeaders("POST", "/functions.json")).toEqual({});
    expect(corsHeaders("GET", "/taskpane.html")).toEqual({});
    expect(corsHeaders("GET", "/functions.js")).toEqual({});
    expect(corsHeaders("GET", "/assets/functions.json.png")).toEqual({});
    // The dev server uses the same rule.
    const dev = webpackConfig({}, { mode: "development" }).devServer;
    expect(dev.headers({ method: "GET", url: "/functions.json" })).toEqual(allow);
    expect(dev.headers({ method: "GET", url: "/taskpane.js" })).toEqual({});
  });

  it("is sent by serve-dist for functions.json and not for the pages or scripts", async () => {
    const server = await serve(DIST, 0);
    try {
      expect((await get(`${server.url}/functions.json`)).headers["access-control-allow-origin"]).toBe("*");
      for (const file of ["taskpane.html", "taskpane.js", "functions.js", "help.html"]) {
        expect((await get(`${server.url}/${file}`)).headers["access-control-allow-origin"]).toBeUndefined();
      }
    } finally {
      await server.close();
    }
  });
});
