/**
 * The Content-Security-Policy in force in Chromium (issue 10, Security): every built page loads
 * under it with no violation report, and it does stop what it should (inline scripts and
 * handlers), which the browser support then reports as an error (so every other browser test fails on any
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

  it("refuses an inline script and an inline event handler, and each refusal is reported as an error", async () => {
    // eval itself cannot be tried from here: code Playwright evaluates runs through DevTools, which
    // the policy does not govern. That the policy allows no eval ('unsafe-eval' absent, script-src
    // exactly 'self') is checked on the built pages in test/build/security.test.ts.
    const { page, log } = await session.open("taskpane.html");
    await page.waitForLoadState("networkidle");
    const outcome = await page.evaluate(() => {
      const w = window as unknown as { __inlineRan?: boolean; __handlerRan?: boolean };
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      document.body.appendChild(script);
      const button = document.createElement("button");
      button.setAttribute("onclick", "window.__handlerRan = true");
      document.body.appendChild(button);
      button.click();
      return [w.__inlineRan ? "inline ran" : "inline blocked", w.__handlerRan ? "handler ran" : "handler blocked"];
    });
    expect(outcome).toEqual(["inline blocked", "handler blocked"]);
    // Reports arrive as events after the refusals: wait for them (at most 5 s).
    const reported = () => log.errors.filter((e) => e.startsWith("csp: ")).length;
    for (let i = 0; i < 50 && reported() < 2; i++) await page.waitForTimeout(100);
    expect(reported()).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});
