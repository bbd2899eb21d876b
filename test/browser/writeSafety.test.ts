/**
 * Issue 10, "The pane can overwrite or delete user data", in the preview with the real pane
 * (dist/taskpane.js): a user who keeps working while the pane writes beside the data or reads it.
 * The user's actions come from the stand-in's user simulation (model.user, run between two
 * requests by model.simulation.afterSync); a small payload limit makes the pane move the rows in
 * many blocks, so there is a "between". Each case failed before the change: the old writer
 * checked once and wrote blind, undid by clearing or deleting whole columns, and the Retention
 * flow read ids and dates in separate passes without noticing a sort between them.
 */
import { Locator, Page } from "playwright-core";
import { Session, startSession } from "./support/browser";
import { cell, enter, goTo, waitForPreview, workbook } from "./support/preview";

let session: Session;

beforeAll(async () => {
  session = await startSession();
});

afterAll(async () => {
  await session?.close();
});

function pane(page: Page): Locator {
  return page.locator("#pane");
}

type PreviewWindow = {
  __loyaltyPreview: {
    model: {
      sheet(name: string): { get(row: number, col: number): unknown; set(row: number, col: number, v: unknown): void; touch(): void };
      simulation: { afterSync: ((n: number) => void) | null };
      user: { type(sheet: string, address: string, text: string): void; insertColumns(sheet: string, column: string): void; sortRows(sheet: string, address: string, by: string, descending?: boolean): void };
      changed(): void;
    };
  };
};

async function open(query = "?payloadLimit=0.004"): Promise<{ page: Page; log: { errors: string[]; failedRequests: string[]; external: string[] } }> {
  const opened = await session.open(`preview.html${query}`);
  await waitForPreview(opened.page);
  return opened;
}

async function pickCustomers(page: Page): Promise<void> {
  await goTo(page, "Customers!A1:I996");
  await pane(page).getByRole("button", { name: "Use selection" }).click();
  await pane(page).getByText("Customers!A1:I996: 995 customer rows").waitFor();
}

describe("writing beside the data while the user works", () => {
  it("says beside is best effort, and stops without losing a note typed into the target column mid-run", async () => {
    const { page, log } = await open();
    await pickCustomers(page);
    // The caveat comes with the choice of the column beside the data (the safe new sheet needs none).
    expect(await pane(page).getByText(/Only a new sheet is sure to leave your data untouched/).count()).toBe(0);
    await pane(page).getByRole("radio", { name: "A Segment column beside the data" }).check();
    await pane(page).getByText(/Only a new sheet is sure to leave your data untouched/).waitFor();
    // Once the pane has written its first block into J, the user types a note further down J.
    await page.evaluate(() => {
      const { model } = (window as unknown as PreviewWindow).__loyaltyPreview;
      const sheet = model.sheet("Customers");
      let done = false;
      model.simulation.afterSync = () => {
        if (done || sheet.get(1, 9) === null) return;
        done = true;
        model.user.type("Customers", "J900", "call back Friday");
      };
    });
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await pane(page).getByText(/^Stopped: /).waitFor({ timeout: 120000 });
    const message = (await pane(page).getByText(/^Stopped: /).textContent()) ?? "";
    expect(message).toMatch(/cell J900 was no longer empty|cell J900 was changed/);
    await goTo(page, "Customers!J900");
    expect(await cell(page, "J900")).toBe("call back Friday");
    await goTo(page, "Customers!J1");
    for (const a of ["J1", "J2", "J3"]) expect(await cell(page, a)).toBe("");
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("in insert mode, follows its column when the user inserts one left of the data, and removes only its own", async () => {
    const { page, log } = await open();
    await goTo(page, "Customers!J5");
    await enter(page, "my note");
    await pickCustomers(page);
    await pane(page).getByRole("radio", { name: "A new column inserted beside the data" }).check();
    await page.evaluate(() => {
      const { model } = (window as unknown as PreviewWindow).__loyaltyPreview;
      const sheet = model.sheet("Customers");
      let done = false;
      model.simulation.afterSync = () => {
        if (done || sheet.get(1, 9) === null) return;
        done = true;
        model.user.insertColumns("Customers", "A");
      };
    });
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await pane(page).getByText(/^Stopped: a column was inserted \(A:A\)/).waitFor({ timeout: 120000 });
    // The data moved one column right (the user's insert); the pane's column is gone; the note is next to the data again.
    await goTo(page, "Customers!A1");
    expect(await cell(page, "A1")).toBe("");
    expect(await cell(page, "B1")).toBe("Customer");
    await goTo(page, "Customers!K5");
    expect(await cell(page, "K5")).toBe("my note");
    expect(await cell(page, "K1")).toBe("");
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });

  it("writes customer ids that look like formulas, numbers or dates as the text they are", async () => {
    const { page, log } = await open("");
    const ids = ["=1+1", "+49 30 123", "0012", "1/2"];
    await page.evaluate((texts) => {
      const { model } = (window as unknown as PreviewWindow).__loyaltyPreview;
      const sheet = model.sheet("Customers");
      texts.forEach((t, i) => sheet.set(1 + i, 0, t));
      sheet.touch();
      model.changed();
    }, ids);
    await pickCustomers(page);
    await pane(page).getByRole("button", { name: "Segment", exact: true }).click();
    await pane(page).getByText(/Results are on the sheet/).waitFor({ timeout: 120000 });
    await goTo(page, "Segments!A2");
    const shown = [];
    for (let r = 2; r <= 5; r++) shown.push(await cell(page, `A${r}`));
    expect(shown).toEqual(ids);
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});

describe("reading while the user works", () => {
  it("refuses to mix data when the user sorts the order log between two read blocks", async () => {
    const { page, log } = await open();
    await pane(page).getByRole("tab", { name: "Retention" }).click();
    await goTo(page, "Orders!A2");
    await pane(page).getByRole("button", { name: "Use selection" }).click();
    await pane(page).getByText("Orders!A1:F4907: 4,906 order rows").waitFor();
    await page.evaluate(() => {
      const { model } = (window as unknown as PreviewWindow).__loyaltyPreview;
      let syncs = 0;
      model.simulation.afterSync = () => {
        if (++syncs === 3) model.user.sortRows("Orders", "A2:F4907", "B", true);
      };
    });
    await pane(page).getByRole("button", { name: "Build cohorts" }).click();
    await pane(page).getByText(/^Stopped: rows were sorted \(A2:F4907\) while Loyalty Lens was reading/).waitFor({ timeout: 120000 });
    expect(await workbook(page).getByRole("tab", { name: "Cohorts", exact: true }).count()).toBe(0);
    expect(log).toEqual({ errors: [], failedRequests: [], external: [] });
    await page.close();
  });
});
