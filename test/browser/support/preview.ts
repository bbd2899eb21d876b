/**
 * Driving the local preview as a person does: the name box to go to a cell or range, the
 * formula box to type a formula or value, sheet tabs, and reading what a cell shows. A cell's
 * exact stored value is read from its data-value attribute (the text shown is rounded like
 * Excel's General format); its error message from the title tooltip.
 */
import { Page } from "playwright-core";

export type ShownCell = number | string | boolean | { code: string; message?: string } | "";

/** The workbook side of the preview (the task pane is beside it, in #pane). */
export function workbook(page: Page) {
  return page.locator("#preview-root");
}

export async function waitForPreview(page: Page): Promise<void> {
  await workbook(page).getByRole("grid").waitFor();
  await workbook(page).getByRole("tab", { name: "Customers", exact: true }).waitFor();
}

export async function goTo(page: Page, address: string): Promise<void> {
  const box = workbook(page).getByRole("textbox", { name: "Name box", exact: true });
  await box.click();
  await box.fill(address);
  await box.press("Enter");
}

export async function showSheet(page: Page, name: string): Promise<void> {
  await workbook(page).getByRole("tab", { name, exact: true }).click();
  await page.getByRole("grid", { name: `Sheet ${name}` }).waitFor();
}

/** Types into the formula box of the active cell and presses Enter; returns the status line once it reports the result. */
export async function enter(page: Page, text: string): Promise<string> {
  const message = page.getByTestId("formula-message");
  const before = await message.getAttribute("data-seq");
  const box = workbook(page).getByRole("textbox", { name: "Formula", exact: true });
  await box.click();
  await box.fill(text);
  await box.press("Enter");
  const handle = await message.elementHandle();
  await page.waitForFunction(
    ([el, seq]) => {
      const e = el as HTMLElement;
      return e.dataset.seq !== seq && e.dataset.busy === "false" && !(e.textContent ?? "").includes("calculating");
    },
    [handle, before] as const,
    { timeout: 60000 },
  );
  return (await message.textContent()) ?? "";
}

export async function cell(page: Page, address: string): Promise<ShownCell> {
  const el = workbook(page).locator(`[role=grid] [data-address="${address}"]`);
  await el.waitFor();
  const raw = await el.getAttribute("data-value");
  if (raw === null) return "";
  const value = JSON.parse(raw) as number | string | boolean | { error: string; message?: string };
  if (typeof value === "object" && value !== null) return value.message === undefined ? { code: value.error } : { code: value.error, message: value.message };
  return value;
}

export async function cellText(page: Page, address: string): Promise<string> {
  return (await workbook(page).locator(`[role=grid] [data-address="${address}"]`).textContent()) ?? "";
}

/** Column letters of a zero-based index. */
export function letters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The name box's text once it settles on `expected` (or whatever it shows after 5 s). */
export async function nameBox(page: Page, expected: string): Promise<string> {
  const box = workbook(page).getByRole("textbox", { name: "Name box", exact: true });
  const deadline = Date.now() + 5000;
  let value = await box.inputValue();
  while (value !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    value = await box.inputValue();
  }
  return value;
}

/** Pastes tab-separated text at the active cell, as Ctrl+V of data copied from another sheet. */
export async function paste(page: Page, text: string): Promise<string> {
  const message = page.getByTestId("formula-message");
  const before = await message.getAttribute("data-seq");
  await workbook(page)
    .getByRole("grid")
    .evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData("text/plain", t);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  const handle = await message.elementHandle();
  await page.waitForFunction(([el, seq]) => (el as HTMLElement).dataset.seq !== seq, [handle, before] as const);
  return (await message.textContent()) ?? "";
}

/**
 * The values of one column, rows `first`…`last` (1-based), read from the grid as it is scrolled
 * down (the grid draws only the rows in view), as a person scrolling the sheet would see them.
 */
export async function readColumn(page: Page, sheet: string, column: string, first: number, last: number): Promise<ShownCell[]> {
  // A sheet name with spaces is quoted in an address, as in Excel ('Model report'!B12).
  await goTo(page, `${/^\w+$/.test(sheet) ? sheet : `'${sheet}'`}!${column}${first}`);
  const grid = workbook(page).getByRole("grid", { name: `Sheet ${sheet}` });
  const rendered = await grid.evaluate(
    async (el, [col, from, to]) => {
      const body = el as HTMLElement;
      const seen: [number, string | null][] = [];
      const rowHeight = (body.querySelector("[role=row]") as HTMLElement).offsetHeight;
      for (let top = (from - 1) * rowHeight; ; top += body.clientHeight - 2 * rowHeight) {
        body.scrollTop = top;
        // Wait until the grid has drawn the rows now in view.
        const wanted = Math.floor(body.scrollTop / rowHeight) + 1;
        for (let i = 0; i < 100; i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          const rows = Array.from(body.querySelectorAll("[role=row]")).map((r) => Number(r.getAttribute("aria-rowindex")));
          if (rows.includes(wanted) && rows.includes(Math.min(to, wanted + Math.floor(body.clientHeight / rowHeight) - 1))) break;
        }
        for (const c of Array.from(body.querySelectorAll(`[data-col="${col}"]`))) {
          const cellEl = c as HTMLElement;
          seen.push([Number(cellEl.dataset.row) + 1, cellEl.dataset.value ?? null]);
        }
        if (top + body.clientHeight >= to * rowHeight || body.scrollTop < top - rowHeight) break;
      }
      return seen;
    },
    [columnIndexOf(column), first, last] as const,
  );
  const found = new Map<number, ShownCell>();
  for (const [r, raw] of rendered) {
    if (r < first || r > last) continue;
    if (raw === null) found.set(r, "");
    else {
      const v = JSON.parse(raw) as number | string | boolean | { error: string; message?: string };
      found.set(r, typeof v === "object" ? (v.message === undefined ? { code: v.error } : { code: v.error, message: v.message }) : v);
    }
  }
  const out: ShownCell[] = [];
  for (let r = first; r <= last; r++) {
    if (!found.has(r)) throw new Error(`row ${r} of ${sheet}!${column} was never shown`);
    out.push(found.get(r)!);
  }
  return out;
}

function columnIndexOf(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function countBy(values: readonly unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) {
    const key = typeof v === "object" && v !== null ? (v as { code: string }).code : String(v);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}
