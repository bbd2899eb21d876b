/** @jest-environment jsdom */
import * as React from "react";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { App } from "../../../src/taskpane/App";
import { ExcelLayerError } from "../../../src/taskpane/excel";
import type { CohortsSheetPlan } from "../../../src/taskpane/excel/cohortsSheet";
import type { Region } from "../../../src/taskpane/excel/types";
import type { RetentionPort } from "../../../src/taskpane/retention/useRetentionFlow";
import { en } from "../../../src/taskpane/strings/en";
import { fakePort, installDomPolyfills, installLayoutForTabster } from "../support";

installDomPolyfills();
installLayoutForTabster();
// The line chart measures text on a canvas, which jsdom lacks (it would log "Not implemented").
HTMLCanvasElement.prototype.getContext = (() => null) as unknown as HTMLCanvasElement["getContext"];

/**
 * An order log on sheet "Orders" at A1; sheet rows 2–11. Serials: 2024-01-01 = 45292, Jan 10 = 45301,
 * Feb 5 = 45327, Mar 2 = 45353, Mar 15 = 45366, Mar 31 = 45382.
 * Usable: A Jan 10 + Mar 15, B Jan 20, C Feb 5 + Mar 31 (as_of Mar 31, the end of March).
 * January cohort (A, B): month 1 nobody → 0%, month 2 A → 50%. February cohort (C): month 1 → 100%.
 * Rows 7 (no id), 8 (not a date), 10 (#N/A) and 11 (no date) are left out; row 9 is blank.
 */
const LOG: unknown[][] = [
  ["Order #", "Customer", "Order date"],
  [5001, "A", 45301],
  [5002, "B", "2024-01-20"],
  [5003, "C", 45327],
  [5004, "A", 45366],
  [5005, "C", 45382],
  [5006, "", 45353],
  [5007, "D", "next week"],
  ["", "", ""],
  [5009, "E", "#N/A"],
  [5010, "F", ""],
];

type Fake = RetentionPort & { plans: CohortsSheetPlan[]; reads: Region[]; readColumns: (readonly number[] | undefined)[] };

function fakeRetentionPort(rows: unknown[][], options: { gate?: Promise<void>; writeError?: ExcelLayerError } = {}): Fake {
  const region: Region = { sheetName: "Orders", address: `Orders!A1:${String.fromCharCode(64 + rows[0].length)}${rows.length}`, rowIndex: 0, columnIndex: 0, rowCount: rows.length, columnCount: rows[0].length };
  const port: Fake = {
    plans: [],
    reads: [],
    readColumns: [],
    officeTheme: () => "light",
    readSelection: async () => ({ region, firstRows: rows.slice(0, 200) }),
    readRows: async (r, first, count, opts = {}) => {
      port.reads.push(r);
      port.readColumns.push(opts.columns);
      opts.onProgress?.(0, count);
      if (options.gate) await options.gate;
      if (opts.signal?.aborted) throw new ExcelLayerError("cancelled");
      opts.onProgress?.(count, count);
      const columns = opts.columns;
      return rows.slice(first, first + count).map((line) => (columns ? columns.map((c) => line[r.columnIndex + c]) : line.slice(r.columnIndex, r.columnIndex + r.columnCount)));
    },
    writeCohortsSheet: async (plan) => {
      if (options.writeError) throw options.writeError;
      port.plans.push(plan);
      return { sheetName: "Cohorts", formatted: true };
    },
  };
  return port;
}

async function expectAccessible(container: HTMLElement): Promise<void> {
  // jsdom cannot compute colours; contrast is checked in palette.test.ts.
  const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

function renderApp(port: Fake) {
  return render(<App port={fakePort({ rows: [["Cust #"], [1]] })} retentionPort={port} />);
}

async function openRetention(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("tab", { name: en.retention.tabs.retention }));
  await screen.findByText(en.retention.intro);
}

function selectedText(label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const select = screen.getByLabelText(new RegExp(`^${escaped}\\s*\\*?$`), { selector: "select" }) as HTMLSelectElement;
  return select.selectedOptions[0]?.textContent ?? "";
}

describe("views", () => {
  it("shows Segment first and switches to Retention from the keyboard, keeping each view's state", async () => {
    const user = userEvent.setup();
    const port = fakeRetentionPort(LOG);
    const { container } = renderApp(port);
    const tabs = screen.getByRole("tablist", { name: en.retention.tabs.label });
    expect(within(tabs).getAllByRole("tab")).toEqual([
      screen.getByRole("tab", { name: en.retention.tabs.segment, selected: true }),
      screen.getByRole("tab", { name: en.retention.tabs.retention, selected: false }),
      screen.getByRole("tab", { name: en.retention.tabs.warehouse, selected: false }),
    ]);
    expect(screen.getByText(en.pick.hint)).toBeTruthy();
    await expectAccessible(container);

    await user.tab(); // the selected tab takes focus first (Tabster hands focus on from its guard element)
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("tab", { name: en.retention.tabs.segment })));
    await user.keyboard("{ArrowRight}");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("tab", { name: en.retention.tabs.retention })));
    await user.keyboard("{Enter}");
    expect(await screen.findByText(en.retention.intro)).toBeTruthy();
    expect(screen.getByRole("tab", { name: en.retention.tabs.retention }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tabpanel", { name: en.retention.tabs.retention })).toBeTruthy();
    await expectAccessible(container);

    // Pick in Retention, go to Segment and back: the picked log is still there.
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    await user.click(screen.getByRole("tab", { name: en.retention.tabs.segment }));
    expect(screen.queryByRole("heading", { name: en.retention.map.heading })).toBeNull();
    await user.click(screen.getByRole("tab", { name: en.retention.tabs.retention }));
    expect(screen.getByRole("heading", { name: en.retention.map.heading })).toBeTruthy();
  });
});

describe("Retention view", () => {
  it("guesses the columns, builds the cohorts and reads the curve of a hand-built log", async () => {
    const user = userEvent.setup();
    const port = fakeRetentionPort(LOG);
    const { container } = renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    expect(screen.getByText(en.retention.pick.picked("Orders!A1:C11", 10))).toBeTruthy();
    // "Order #" is an order number, not the customer
    expect(selectedText(en.retention.map.id)).toBe("Customer (column B)");
    expect(selectedText(en.retention.map.date)).toBe("Order date (column C)");
    expect(selectedText(en.retention.settings.period)).toBe(en.retention.settings.periods.month);
    expect((screen.getByLabelText(en.retention.settings.activeDays) as HTMLInputElement).value).toBe("365");
    await expectAccessible(container);

    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    await screen.findByRole("heading", { name: en.retention.curve.heading });
    expect(screen.getByText(en.retention.run.wroteSheet("Cohorts"))).toBeTruthy();
    // one read of the picked region, id (B) and date (C) columns together
    expect(port.reads.map((r) => [r.columnIndex, r.columnCount])).toEqual([[0, 3]]);
    expect(port.readColumns).toEqual([[1, 2]]);
    // 5 usable orders from A, B, C in 2 cohorts
    expect(screen.getByText(en.retention.run.totals(5, 3, 2))).toBeTruthy();
    // February 2024 is the latest cohort whose next month has ended; 1 of 1 came back in March
    // (no cohort reaches 30 customers here, so the largest recent ones are described: retentionRun.test.ts)
    expect(screen.getByText("Of the one customer who first bought in February 2024, 100% bought again the next month.")).toBeTruthy();
    const table = screen.getByRole("table", { name: en.retention.curve.tableLabel });
    const rows = within(table).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent));
    expect(rows).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
      ["2024-01", "2", "100%", "0%", "50%"], // A, B: nobody in February, A in March
      ["2024-02", "1", "100%", "100%", ""], // C in March; April has not ended
    ]);
    expect(screen.getByText("1 row left out: customer id blank (row 7)")).toBeTruthy();
    expect(screen.getByText("1 row left out: order date is not a date (row 8)")).toBeTruthy();
    expect(screen.getByText("1 row left out: order date is #N/A (row 10)")).toBeTruthy();
    expect(screen.getByText("1 row left out: order date blank (row 11)")).toBeTruthy();

    // What went to the sheet: the triangle as LOYALTY.COHORTS gives it, empty text where April has not ended.
    const plan = port.plans[0];
    expect(plan.baseName).toBe("Cohorts");
    expect(plan.blocks[1].values).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
      [45292, 2, 1, 0, 0.5],
      [45323, 1, 1, 1, ""],
    ]);
    // the colour scale covers months 1 and 2 of both cohorts (rows 2–3, columns D:E)
    expect(plan.colourScale).toMatchObject({ row: 2, column: 3, rows: 2, columns: 2 });
    // chart data: one column per cohort, months 0–2, headed with the cohort's size (the chart's legend): January 2 customers, February 1
    const chartData = plan.blocks[5].values;
    expect(chartData).toEqual([
      ["Month", "2024-01 (2 customers)", "2024-02 (1 customer)"],
      ["Month 0", 1, 1],
      ["Month 1", 0, 1],
      ["Month 2", 0.5, ""],
    ]);
    expect(plan.chart).toMatchObject({ row: plan.blocks[5].row, column: 0, rows: 4, columns: 3 });
    expect(document.activeElement?.textContent).toContain(en.retention.run.wroteSheet("Cohorts"));
    await expectAccessible(container);
  });

  it("says so in plain words when nobody ordered again, and writes nothing", async () => {
    const user = userEvent.setup();
    // A orders twice in January only; B once in February.
    const port = fakeRetentionPort([
      ["Customer", "Date"],
      ["A", 45301],
      ["A", 45311],
      ["B", 45327],
    ]);
    const { container } = renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.errors.noRepeats("month"))).toBeTruthy();
    expect(port.plans).toHaveLength(0);
    expect(screen.queryByRole("table")).toBeNull();
    await expectAccessible(container);
  });

  it("reads far-apart id and date columns in the same read (issue 10: never two passes a sort could fall between) and lists the rows left out when none is usable", async () => {
    const user = userEvent.setup();
    const port = fakeRetentionPort([
      ["Order date", "Amount", "Customer"],
      ["soon", 10, "A"],
      [45301, 12, ""],
    ]);
    renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    expect(selectedText(en.retention.map.id)).toBe("Customer (column C)");
    expect(selectedText(en.retention.map.date)).toBe("Order date (column A)");
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.errors.noOrders)).toBeTruthy();
    // Before issue 10 this was two reads, [2, 1] then [0, 1].
    expect(port.reads.map((r) => [r.columnIndex, r.columnCount])).toEqual([[0, 3]]);
    expect(port.readColumns).toEqual([[2, 0]]);
    expect(screen.getByText("1 row left out: order date is not a date (row 2)")).toBeTruthy();
    expect(screen.getByText("1 row left out: customer id blank (row 3)")).toBeTruthy();
  });

  it("moves active days to 366 for years and refuses fewer days than the longest period", async () => {
    const user = userEvent.setup();
    const port = fakeRetentionPort(LOG);
    renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    const period = screen.getByLabelText(en.retention.settings.period) as HTMLSelectElement;
    await user.selectOptions(period, "year");
    const days = screen.getByLabelText(en.retention.settings.activeDays) as HTMLInputElement;
    expect(days.value).toBe("366"); // a leap year has 366 days
    await user.selectOptions(period, "month");
    await user.clear(days);
    await user.type(days, "30");
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.errors.activeDays(31))).toBeTruthy(); // a month can have 31 days
    expect(port.plans).toHaveLength(0);
    // a typed value is kept when the period changes
    await user.selectOptions(period, "week");
    expect(days.value).toBe("30");
  });

  it("asks for both columns and refuses the same column twice", async () => {
    const user = userEvent.setup();
    renderApp(fakeRetentionPort(LOG));
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    const date = screen.getByLabelText(new RegExp(`^${en.retention.map.date}`), { selector: "select" });
    await user.selectOptions(date, "1");
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.errors.sameColumn)).toBeTruthy();
    await user.selectOptions(date, "");
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.errors.noDate)).toBeTruthy();
  });

  it("cancels a long read from the keyboard and leaves nothing written", async () => {
    const user = userEvent.setup();
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const port = fakeRetentionPort(LOG, { gate });
    const { container } = renderApp(port);
    await openRetention(user);
    const pick = screen.getByRole("button", { name: en.pick.useSelection });
    pick.focus();
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: en.retention.map.heading });
    screen.getByRole("button", { name: en.retention.run.build }).focus();
    await user.keyboard("{Enter}");
    const cancel = await screen.findByRole("button", { name: en.retention.run.cancel });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(screen.getByText(en.retention.run.phase.reading)).toBeTruthy();
    await expectAccessible(container);
    await user.keyboard("{Enter}");
    open();
    expect(await screen.findByText(en.errors.cancelled)).toBeTruthy();
    expect(port.plans).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: en.retention.run.build })));
  });

  it("explains a protected workbook structure", async () => {
    const user = userEvent.setup();
    renderApp(fakeRetentionPort(LOG, { writeError: new ExcelLayerError("structureProtected") }));
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.errors.structureProtected)).toBeTruthy();
  });
});

/**
 * The warehouse's tables on a sheet, as Excel holds them after a paste (dates as serials, NULL as an
 * empty cell). The cohort table is cohortsSql.ts's hand example, the same customers as LOG above
 * (A January and March, B January, C February and March): the same triangle must come out.
 */
const COHORT_TABLE: unknown[][] = [
  ["cohort_start", "period", "customers", "active", "share"],
  [45292, 0, 2, 2, 1],
  [45292, 1, 2, 0, 0],
  [45292, 2, 2, 1, 0.5],
  [45323, 0, 1, 1, 1],
  [45323, 1, 1, 1, 1],
  [45323, 2, 1, "", ""],
];

/** retentionByPeriodSql.ts's example (months of 2024, active_days 31): periodRetentionTable.test.ts works it out. */
const PERIOD_TABLE: unknown[][] = [
  ["period_start", "customers_start", "new_customers", "reactivated", "customers_end", "retained", "retention", "lost"],
  [45292, 0, 3, 0, 3, 0, "", 0],
  [45323, 3, 1, 0, 3, 2, 2 / 3, 1],
  [45352, 3, 1, 0, 2, 1, 1 / 3, 2],
  [45383, 2, 0, 2, 3, 1, 0.5, 1],
];

describe("Retention view on the warehouse's tables", () => {
  it("recognises the cohort table by its headers and shows the same triangle, reading and sheet as the order log", async () => {
    const user = userEvent.setup();
    const port = fakeRetentionPort(COHORT_TABLE);
    const { container } = renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    expect(selectedText(en.retention.table.inputLabel)).toBe(en.retention.table.inputs.cohortTable);
    expect(screen.getByText(en.retention.table.detected)).toBeTruthy();
    expect(screen.getByText(en.retention.table.picked("Orders!A1:E7", 6))).toBeTruthy();
    expect(selectedText(en.retention.table.cohortRoles.start)).toBe("cohort_start (column A)");
    expect(selectedText(en.retention.table.cohortRoles.share)).toBe("share (column E)");
    // Months from the cohort starts (Jan 1 and Feb 1 are month starts, Feb 1 no quarter start); no active days for a triangle.
    expect(selectedText(en.retention.settings.period)).toBe(en.retention.settings.periods.month);
    expect(screen.queryByLabelText(en.retention.settings.activeDays)).toBeNull();
    await expectAccessible(container);

    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    await screen.findByRole("heading", { name: en.retention.curve.heading });
    expect(screen.getByText(en.retention.table.wroteTriangle("Cohorts"))).toBeTruthy();
    expect(port.readColumns).toEqual([[0, 1, 2, 3, 4]]);
    expect(screen.getByText(en.retention.table.cohortTotals(3, 2))).toBeTruthy();
    // The order log's reading and curve table (first test above).
    expect(screen.getByText("Of the one customer who first bought in February 2024, 100% bought again the next month.")).toBeTruthy();
    const table = screen.getByRole("table", { name: en.retention.curve.tableLabel });
    const rows = within(table).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent));
    expect(rows).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
      ["2024-01", "2", "100%", "0%", "50%"],
      ["2024-02", "1", "100%", "100%", ""],
    ]);
    const plan = port.plans[0];
    expect(plan.blocks[1].values).toEqual([
      ["Cohort start", "Customers", "Month 0", "Month 1", "Month 2"],
      [45292, 2, 1, 0, 0.5],
      [45323, 1, 1, 1, ""],
    ]);
    // No period table: the chart data follows the triangle.
    expect(plan.blocks).toHaveLength(4);
    expect(plan.blocks[3].values[0]).toEqual(["Month", "2024-01 (2 customers)", "2024-02 (1 customer)"]);
    await expectAccessible(container);
  });

  it("reads a cohort table of other headers once the user says what it is, and names the row and column of a bad share", async () => {
    const user = userEvent.setup();
    const rows = [["Cohort month", "Months since", "Size", "Buyers", "Rate"], ...COHORT_TABLE.slice(1)];
    rows[3] = [45292, 2, 2, 1, 0.6]; // sheet row 4: 1 of 2 is 0.5
    const port = fakeRetentionPort(rows);
    renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    expect(selectedText(en.retention.table.inputLabel)).toBe(en.retention.table.inputs.log);
    await user.selectOptions(screen.getByLabelText(en.retention.table.inputLabel, { selector: "select" }), "cohortTable");
    expect(screen.queryByText(en.retention.table.detected)).toBeNull();
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(await screen.findByText(en.retention.table.needCohortColumns)).toBeTruthy();
    const pick = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: "select" });
    await user.selectOptions(pick(en.retention.table.cohortRoles.period), "1");
    await user.selectOptions(pick(en.retention.table.cohortRoles.active), "3");
    expect(selectedText(en.retention.table.cohortRoles.share)).toBe("Rate (column E)");
    await user.click(screen.getByRole("button", { name: en.retention.run.build }));
    expect(
      await screen.findByText("Row 4, Rate (column E): the share 0.6 disagrees with active ÷ customers = 0.5; they may differ by at most 1e-9 of it."),
    ).toBeTruthy();
    expect(port.plans).toHaveLength(0);
  });

  it("writes the warehouse's period table and reads its latest period", async () => {
    const user = userEvent.setup();
    const port = fakeRetentionPort(PERIOD_TABLE);
    const { container } = renderApp(port);
    await openRetention(user);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    await screen.findByRole("heading", { name: en.retention.map.heading });
    expect(selectedText(en.retention.table.inputLabel)).toBe(en.retention.table.inputs.periodTable);
    const days = screen.getByLabelText(en.retention.settings.activeDays) as HTMLInputElement;
    await user.clear(days);
    await user.type(days, "31");
    await user.click(screen.getByRole("button", { name: en.retention.table.build }));
    await screen.findByRole("heading", { name: en.retention.table.periodsHeading });
    expect(screen.getByText(en.retention.table.wrotePeriods("Cohorts"))).toBeTruthy();
    expect(screen.getByText(en.retention.table.periodTotals(4))).toBeTruthy();
    // April 2024: of D and C active on March 31, D still active on April 30 → 1/2.
    expect(screen.getByText("Of the 2 customers active at the start of April 2024, 50% were still active at its end.")).toBeTruthy();
    const plan = port.plans[0];
    expect(plan.blocks[0].values).toEqual([[en.retention.sheet.tableTitle("month", 31)]]);
    expect(plan.blocks[1].values.slice(1)).toEqual(PERIOD_TABLE.slice(1));
    expect(plan.chart).toBeNull();
    await expectAccessible(container);
  });
});
