import { createOffice } from "../../../src/preview/host/office";
import { officeTheme } from "../../../src/taskpane/excel";

describe("the preview's Office stand-in", () => {
  const g = globalThis as unknown as { Office?: unknown };
  afterEach(() => delete g.Office);

  it("gives no officeTheme by default, as Excel on the web does, so the pane is light", () => {
    g.Office = createOffice(Promise.resolve());
    expect((g.Office as { context: { officeTheme: unknown } }).context.officeTheme).toBeUndefined();
    expect(officeTheme()).toBe("light");
  });

  it("gives Office's dark theme colours when the browser prefers dark, so the pane takes its dark theme", () => {
    g.Office = createOffice(Promise.resolve(), "1.17", true);
    // #262626 is Office's dark body background (luminance about 0.019; taskpane/excel isDarkColour)
    expect((g.Office as { context: { officeTheme: { bodyBackgroundColor: string } } }).context.officeTheme.bodyBackgroundColor).toBe("#262626");
    expect(officeTheme()).toBe("dark");
  });
});
