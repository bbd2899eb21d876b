/**
 * The built taskpane.html, the shared-runtime page Excel loads, opened in Chromium outside Excel:
 * the local office.js (copied by the build from @microsoft/office-js) loads, functions.js
 * registers every id of functions.json in office.js's own CustomFunctions registry, and the
 * pane renders its "open this in Excel" page without errors although Office.onReady reports
 * no host. Nothing is fetched from anywhere but the local server.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST, Session, startSession } from "./support/browser";

const ids = (JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id);

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe("taskpane.html with the local office.js", () => {
  it("loads office.js from the build, not from a CDN", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    // Production builds minify the page, so attribute quotes are optional.
    const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts[0]).toBe("office-js/office.js");
    // functions.js before the pane's script, so the functions exist when the pane starts.
    expect(scripts.indexOf("functions.js")).toBeLessThan(scripts.indexOf("taskpane.js"));
  });

  it("registers every function of functions.json, renders the pane, and reports no host, without errors", async () => {
    const { page, log } = await session.open("taskpane.html");
    const info = await page.evaluate(async () => {
      const office = (window as unknown as { Office: { onReady(): Promise<{ host: unknown }> } }).Office;
      const ready = await office.onReady();
      const cf = (window as unknown as { CustomFunctions: { _association: { mappings: Record<string, unknown> } } }).CustomFunctions;
      return { host: ready.host, registered: Object.keys(cf._association.mappings) };
    });
    expect(info.host).toBeNull();
    expect(info.registered.sort()).toEqual(ids.map((id) => id.toUpperCase()).sort());
    // The pane's page for "not inside Excel": its title and the explanation.
    await page.getByRole("heading", { name: "Loyalty Lens" }).waitFor();
    await page.getByText(/Open this pane in Excel/).waitFor();
    await page.waitForLoadState("networkidle");
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});
