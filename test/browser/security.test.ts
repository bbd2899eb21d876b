/**
 * The Content-Security-Policy in force in Chromium (issue 10, Security): every built page loads
 * under it with no violation report, and it does stop what it should, eval and inline scripts,
 * which the browser support then reports as an error (so every other browser test fails on any
 * CSP violation).
 */
import { Session, startSession } from "./support/browser";

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

describe("Content-Security-Policy in the browser", () => {
  it.each(["help.html", "taskpane.html", "preview.html"])("%s loads with no CSP violation and no error", async (file) => {
    const { page, log } = await session.open(file);
    await page.waitForLoadState("networkidle");
    if (file === "preview.html") await page.getByRole("grid").first().waitFor();
    else await page.getByRole("heading").first().waitFor();
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("refuses eval, new Function and an inline script, and each refusal is reported as an error", async () => {
    const { page, log } = await session.open("taskpane.html");
    await page.waitForLoadState("networkidle");
    const outcome = await page.evaluate(() => {
      const tried: string[] = [];
      try {
        // eslint-disable-next-line no-eval
        (0, eval)("1 + 1");
        tried.push("eval ran");
      } catch (e) {
        tried.push((e as Error).name);
      }
      try {
        new Function("return 1")();
        tried.push("Function ran");
      } catch (e) {
        tried.push((e as Error).name);
      }
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      document.body.appendChild(script);
      tried.push((window as unknown as { __inlineRan?: boolean }).__inlineRan ? "inline ran" : "inline blocked");
      return tried;
    });
    expect(outcome).toEqual(["EvalError", "EvalError", "inline blocked"]);
    // Reports arrive as events after the refusals: wait for them (at most 5 s).
    const reported = () => log.errors.filter((e) => e.startsWith("csp: ")).length;
    for (let i = 0; i < 50 && reported() < 3; i++) await page.waitForTimeout(100);
    expect(reported()).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});
