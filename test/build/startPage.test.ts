/**
 * The start page at https://localhost:3000/ (dist/index.html, from src/start/index.html): it links
 * to the preview, the task pane page and the help, and gives the README's Excel on the web steps.
 * Needs `npm run build` first.
 */
import * as fs from "fs";
import * as path from "path";

const dist = path.resolve(__dirname, "../../dist");
const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe("the start page", () => {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");

  it("links to the pages the dev server serves, with no script", () => {
    for (const page of ["preview.html", "taskpane.html", "help.html"]) {
      // production builds minify the HTML (href=preview.html without quotes)
      expect(html).toMatch(new RegExp(`href="?${page.replace(".", "\\.")}"?[ >]`));
      expect(fs.existsSync(path.join(dist, page))).toBe(true);
    }
    expect(html).not.toMatch(/<script/i);
  });

  it("gives the same Excel on the web steps as the README", () => {
    const steps = "choose <strong>Home › Add-ins › More Add-ins</strong> (in some tenants <strong>Insert › Add-ins</strong>), then <strong>Upload My Add-in</strong>, pick <code>manifest.xml</code> and choose <strong>Upload</strong>";
    expect(html).toContain(steps);
    const markdown = steps.replace(/<\/?strong>/g, "**").replace(/<\/?code>/g, "`");
    expect(readme).toContain(markdown);
  });
});
