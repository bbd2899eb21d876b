/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { App } from "../../../src/taskpane/App";
import { ExcelLayerError } from "../../../src/taskpane/excel";
import { en } from "../../../src/taskpane/strings/en";
import { stringsFor } from "../../../src/taskpane/i18n";
import { fakePort, installDomPolyfills, installLayoutForTabster } from "../support";
import { KNOWN_CUSTOMER_TABLE } from "../knownCustomerTable";

installDomPolyfills();
// The view tabs' keyboard focus (Tabster) needs a little layout in jsdom.
installLayoutForTabster();

// The known customer table and its hand-computed segments: test/taskpane/knownCustomerTable.ts.
const TABLE = KNOWN_CUSTOMER_TABLE;

async function expectAccessible(container: HTMLElement): Promise<void> {
  // jsdom cannot compute colours, so colour contrast is checked in palette.test.ts instead.
  const results = await axe(container, { rules: { "color-contrast": { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function pick(user: ReturnType<typeof userEvent.setup>): Promise<void> {
  await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
  await screen.findByRole("heading", { name: en.map.heading });
}

function selectedText(label: string): string {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A required field's label ends in an asterisk.
  const select = screen.getByLabelText(new RegExp(`^${escaped}\\s*\\*?$`), { selector: "select" }) as HTMLSelectElement;
  return select.selectedOptions[0]?.textContent ?? "";
}

describe("Segment pane", () => {
  it("starts with a hint and one button, and passes axe", async () => {
    const { container } = render(<App port={fakePort({ rows: TABLE })} />);
    expect(screen.getByRole("heading", { level: 1, name: en.appTitle })).toBeTruthy();
    expect(screen.getByText(en.pick.hint)).toBeTruthy();
    await expectAccessible(container);
  });

  it("guesses the mapping from realistic headers", async () => {
    const user = userEvent.setup();
    const rows = [
      ["Cust #", "Likelihood to recommend", "Last purchase", "Total spend", "Number of orders", "First purchase"],
      [17, 9, 45300, 1250.5, 12, 44000],
      [18, 4, 45280, 80, 1, 45000],
      [19, 10, 45310, 560, 6, 44500],
    ];
    const { container } = render(<App port={fakePort({ rows })} />);
    await pick(user);
    expect(screen.getByText(en.pick.picked("Customers!A1:F4", 3))).toBeTruthy();
    // Confident guesses (an id-like header, and attitude or behaviour found by header): a summary, Segment right below.
    expect(screen.getByText(en.map.summaryIntro)).toBeTruthy();
    const summary = within(screen.getByRole("list", { name: en.map.heading }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(summary).toEqual([
      "Customer id: Cust # (column A)",
      "Attitude: Likelihood to recommend (column B)",
      "Recency: Last purchase (column C)",
      "First order date: First purchase (column F)",
      "Frequency (orders): Number of orders (column E)",
      "Monetary (revenue): Total spend (column D)",
      // first order, recency and orders are mapped, so histories can be derived (btydModel.ts btydSource)
      "Predicted value: from order dates and count",
    ]);
    expect(screen.queryByLabelText(/^Customer id/, { selector: "select" })).toBeNull();
    expect(screen.getByRole("button", { name: en.run.segment })).toBeTruthy();
    await expectAccessible(container);
    // Change opens every select, focus on the first; cost, discount share and predicted value are folded.
    await user.click(screen.getByRole("button", { name: en.map.changeLabel }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Customer id\s*\*?$/, { selector: "select" }));
    expect((screen.getByText(en.map.advanced).closest("details") as HTMLDetailsElement).open).toBe(false);
    expect(selectedText(en.map.roles.id)).toBe("Cust # (column A)");
    expect(selectedText(en.map.roles.attitude)).toBe("Likelihood to recommend (column B)");
    expect(selectedText(en.map.scaleLabel)).toBe(en.map.scales.recommend);
    expect(selectedText(en.map.roles.recency)).toBe("Last purchase (column C)");
    // 45300 is a date serial (2024-01-09), not a number of days
    expect(selectedText(en.map.recencyLabel)).toBe(en.map.recencyKinds.date);
    expect(selectedText(en.map.roles.monetary)).toBe("Total spend (column D)");
    expect(selectedText(en.map.roles.frequency)).toBe("Number of orders (column E)");
    expect(selectedText(en.map.roles.firstOrder)).toBe("First purchase (column F)");
    expect(selectedText(en.map.roles.cost)).toBe(en.map.notMapped);
    // recency, frequency and monetary mapped → R+F+M is the default measure
    expect(selectedText(en.behaviour.measureLabel)).toBe(en.behaviour.measures.rfmSum);
    await expectAccessible(container);
  });

  it("segments a known table and shows the hand-computed summary", async () => {
    const user = userEvent.setup();
    const port = fakePort({ rows: TABLE });
    const { container } = render(<App port={port} />);
    await pick(user);
    expect(selectedText(en.behaviour.measureLabel)).toBe(en.behaviour.measures.orders);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    await screen.findByRole("heading", { name: en.summary.heading });

    expect(screen.getByText(en.run.wroteSheet("Segments"))).toBeTruthy();
    expect(screen.getByText(en.summary.totals(8))).toBeTruthy();
    expect(screen.getByText(en.summary.cutoffUsed(en.behaviour.measures.orders, en.summary.ruleAboveMedian("5.5")))).toBeTruthy();

    const table = screen.getByRole("table", { name: en.summary.table });
    const rows = within(table).getAllByRole("row").map((r) => Array.from(r.querySelectorAll("td, th")).map((c) => c.textContent));
    expect(rows).toEqual([
      ["Segment", "Customers", "Share of revenue", "Share of customers", "Revenue", "Profit", "Average score"],
      // Loyal: 1001 + 1002 → 2 of 8 = 25%; revenue 800 + 600 = 1400 of 2950 = 47.46%; profit 1400 − 200 = 1200; score (10 + 9) / 2
      ["Loyal", "2", "47.5%", "25%", "1,400", "1,200", "9.5"],
      // Reachable: 1005, 1006, 1010 → 37.5%; 300 + 200 + 100 = 600 (20.34%); 600 − 210 = 390; (8 + 9 + 7) / 3 = 8
      ["Reachable", "3", "20.3%", "37.5%", "600", "390", "8"],
      // Locked-in: 1003, 1009 → 25%; 500 + 400 = 900 (30.51%); 900 − 500 = 400; (3 + 0) / 2
      ["Locked-in", "2", "30.5%", "25%", "900", "400", "1.5"],
      // High-risk: 1004 → 12.5%; 50 (1.69%); 50 − 40 = 10; 2
      ["High-risk", "1", "1.7%", "12.5%", "50", "10", "2"],
    ]);
    expect(screen.getByText(en.summary.skipped(1, "recommend score not 0–10", [8], false))).toBeTruthy();
    expect(screen.getByText(en.summary.skipped(1, "customer id missing", [9], false))).toBeTruthy();
    for (const g of ["Loyal", "Reachable", "Locked-in", "High-risk"] as const) expect(screen.getByText(en.actions[g])).toBeTruthy();

    // What went to the sheet: one row per source row, the skipped ones with their reason.
    const plan = port.sheetPlans[0];
    expect(plan.header).toEqual(["Customer", "Segment", "Recommend score", "Orders", "Issue"]);
    expect(plan.colours.map((c) => c.name)).toEqual(["Loyal", "Reachable", "Locked-in", "High-risk"]);
    expect(plan.rows[0]).toEqual(["1001", "Loyal", 10, 8, ""]);
    // a skipped row shows the score as read but no behaviour value, as none was used
    expect(plan.rows[6]).toEqual(["1007", "", 12, "", "recommend score not 0–10"]);
    expect(plan.rows[7]).toEqual(["", "", 7, "", "customer id missing"]);
    expect(plan.summary.rows[0]).toEqual(["Loyal", 2, 1400 / 2950, 0.25, 1400, 1200, 9.5]);
    // the sheet's summary has the pane's column order (above) and a number format per column
    expect(plan.summary.header).toEqual(["Segment", "Customers", "Share of revenue", "Share of customers", "Revenue", "Profit", "Average score"]);
    expect(plan.summary.formats).toEqual(["", "#,##0", "0.0%", "0.0%", "#,##0.00", "#,##0.00", "0.0"]);
    await expectAccessible(container);
  });

  it("says in plain words that a grouped table's rows stand for more customers, and counts them", async () => {
    const user = userEvent.setup();
    // A grouped table: each row stands for "Customers" identical customers (the expansion 1 2 2 2 5 6 of the orders
    // has median (2 + 2)/2 = 2: a and b high) → Loyal a (1), Locked-in b (1), Reachable c and d (1 + 3)
    const rows = [
      ["Customer ID", "Likelihood to recommend", "Orders", "Revenue", "Customers"],
      ["a", 10, 6, 100, 1],
      ["b", 3, 5, 50, 1],
      ["c", 8, 1, 20, 1],
      ["d", 9, 2, 10, 3],
    ];
    const port = fakePort({ rows });
    const { container } = render(<App port={port} />);
    await pick(user);
    const summary = within(screen.getByRole("list", { name: en.map.heading }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(summary).toContain("Customers per row (weight): Customers (column E)");
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    await screen.findByRole("heading", { name: en.summary.heading });
    expect(screen.getByText("Grouped table: 4 rows standing for 6 customers. Each row counts as that many identical customers, who share its segment; counts, shares and sums are per customer.")).toBeTruthy();
    expect(screen.getByText(en.summary.totals(6))).toBeTruthy();
    expect(screen.getByText(en.summary.cutoffUsed(en.behaviour.measures.orders, en.summary.ruleAboveMedian("2")))).toBeTruthy();
    const table = screen.getByRole("table", { name: en.summary.table });
    const cells = within(table).getAllByRole("row").slice(1).map((r) => Array.from(r.querySelectorAll("td")).slice(0, 5).map((c) => c.textContent));
    expect(cells).toEqual([
      // Loyal: a → 1 of 6 = 16.7%; revenue 100 of 200 = 50%
      ["Loyal", "1", "50%", "16.7%", "100"],
      // Reachable: c + 3 × d → 4 of 6 = 66.7%; 20 + 3·10 = 50 of 200 = 25%
      ["Reachable", "4", "25%", "66.7%", "50"],
      ["Locked-in", "1", "25%", "16.7%", "50"],
      ["High-risk", "0", "0%", "0%", "0"],
    ]);
    // The sheet keeps one row per source row, one segment each, with the customers it stands for
    const plan = port.sheetPlans[0];
    expect(plan.header).toEqual(["Customer", "Segment", "Customers", "Recommend score", "Orders", "Issue"]);
    expect(plan.rows.map((r) => r.slice(0, 3))).toEqual([["a", "Loyal", 1], ["b", "Locked-in", 1], ["c", "Reachable", 1], ["d", "Reachable", 3]]);
    // and its summary counts customers: Reachable 4 of 6
    expect(plan.summary.rows[1].slice(0, 4)).toEqual(["Reachable", 4, 0.25, 4 / 6]);
    await expectAccessible(container);
  });

  it("says the grouped line in German and Norwegian too", () => {
    const de = stringsFor("de", null);
    const nb = stringsFor("nb", null);
    expect(de.summary.grouped(12345, 1234567)).toBe(
      "Gruppierte Tabelle: 12.345 Zeilen stehen für 1.234.567 Kunden. Jede Zeile zählt als so viele identische Kunden, die alle ihr Segment erhalten; Anzahlen, Anteile und Summen werden pro Kunde gerechnet.",
    );
    expect(nb.summary.grouped(12345, 1234567)).toMatch(/^Gruppert tabell: 12\s345 rader står for 1\s234\s567 kunder\./);
    expect(en.summary.grouped(12345, 1234567)).toMatch(/^Grouped table: 12,345 rows standing for 1,234,567 customers\./);
  });

  it("explains several selected areas in plain words", async () => {
    const user = userEvent.setup();
    const { container } = render(<App port={fakePort({ rows: TABLE, selectionError: new ExcelLayerError("multipleAreas") })} />);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    expect(await screen.findByText(en.errors.multipleAreas)).toBeTruthy();
    await expectAccessible(container);
  });

  it("says what to select for an empty selection and for a single row", async () => {
    const user = userEvent.setup();
    const first = render(<App port={fakePort({ rows: [["", ""]] })} />);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    expect(await screen.findByText(en.errors.empty)).toBeTruthy();
    first.unmount();
    render(<App port={fakePort({ rows: [["Cust #", "Likelihood to recommend"]] })} />);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    expect(await screen.findByText(en.errors.singleRow)).toBeTruthy();
  });

  it("goes straight to RFM segments when there is no attitude column, and says why in one line", async () => {
    const user = userEvent.setup();
    const rows = [
      ["Customer ID", "Recency days", "Orders", "Revenue"],
      [1, 10, 5, 500],
      [2, 200, 1, 40],
      [3, 50, 2, 120],
      [4, 30, 3, 300],
    ];
    const port = fakePort({ rows });
    const { container } = render(<App port={port} />);
    await pick(user);
    // No warning with an offer to accept first, and no behaviour step: RFM has none, so Segment is step 3.
    expect(screen.queryByText(en.errors.noAttitude)).toBeNull();
    expect(screen.getByText(en.run.rfmNoAttitude)).toBeTruthy();
    expect(screen.queryByRole("heading", { name: en.behaviour.heading })).toBeNull();
    expect(screen.getByRole("heading", { name: en.run.headingRfm })).toBeTruthy();
    await expectAccessible(container);
    await user.click(screen.getByRole("button", { name: en.run.segmentRfm }));
    await screen.findByRole("heading", { name: en.summary.heading });
    const plan = port.sheetPlans[0];
    expect(plan.header).toEqual(["Customer", "Segment", "R+F+M", "RFM score", "Issue"]);
    // no group colours on RFM names ("Loyal Customers" begins with "Loyal")
    expect(plan.colours).toEqual([]);
    // Every segment is one of the rfm package's names (or Others).
    for (const row of plan.rows) expect(["Champions", "Potential Loyalist", "Loyal Customers", "Promising", "New Customers", "Can't Lose Them", "At Risk", "Need Attention", "About To Sleep", "Lost", "Others"]).toContain(row[1]);
    await expectAccessible(container);
  });

  it("says so when the workbook structure is protected and offers the column instead", async () => {
    const user = userEvent.setup();
    const port = fakePort({ rows: TABLE, writeError: new ExcelLayerError("structureProtected") });
    render(<App port={port} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    expect(await screen.findByText(en.errors.structureProtected)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: en.run.targetBeside }));
    expect((screen.getByRole("radio", { name: en.run.targetBeside }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    await screen.findByText(en.run.wroteColumn);
    expect(port.columnPlans[0].values).toEqual(["Loyal", "Loyal", "Locked-in", "High-risk", "Reachable", "Reachable", "", "", "Locked-in", "Reachable"]);
    expect(port.columnPlans[0].header).toBe("Segment");
  });

  it("asks for a cutoff when the median leaves nobody high", async () => {
    const user = userEvent.setup();
    const rows = [["Cust #", "Likelihood to recommend", "Orders"], [1, 9, 2], [2, 3, 2], [3, 10, 2]];
    render(<App port={fakePort({ rows })} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    expect(await screen.findByText(en.errors.needCutoff("2"))).toBeTruthy();
  });

  it("shows progress with rows done and total, and Cancel stops the run", async () => {
    const user = userEvent.setup();
    let open: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const port = fakePort({ rows: TABLE, gate });
    const { container } = render(<App port={port} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    // the bar is named by its phase
    const bar = await screen.findByRole("progressbar", { name: en.run.phase.reading });
    expect(bar.getAttribute("aria-valuetext")).toBe(en.run.progress(0, 10));
    await expectAccessible(container);
    await user.click(screen.getByRole("button", { name: en.run.cancel }));
    await act(async () => open());
    expect(await screen.findByText(en.errors.cancelled)).toBeTruthy();
    expect(port.sheetPlans).toEqual([]);
  });

  it("can be used with the keyboard alone", async () => {
    const user = userEvent.setup();
    const port = fakePort({ rows: TABLE });
    render(<App port={port} />);
    await user.tab(); // the view tabs come first, with the selected Segment tab
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("tab", { name: en.retention.tabs.segment })));
    await user.tab();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: en.pick.useSelection })));
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: en.map.heading });
    // Change the measure by keyboard: focus its select and pick "Revenue".
    const measure = screen.getByLabelText(en.behaviour.measureLabel, { selector: "select" });
    measure.focus();
    await user.selectOptions(measure, en.behaviour.measures.revenue);
    expect(selectedText(en.behaviour.measureLabel)).toBe(en.behaviour.measures.revenue);
    // Tab onwards until the Segment button has focus, then press Enter.
    const segment = screen.getByRole("button", { name: en.run.segment });
    for (let i = 0; i < 40 && document.activeElement !== segment; i++) await user.tab();
    expect(document.activeElement).toBe(segment);
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { name: en.summary.heading });
    expect(port.sheetPlans[0].header[3]).toBe("Revenue");
    // Focus moved to the result message, not lost on <body> when the Segment button went away.
    expect(document.activeElement?.textContent).toContain(en.run.wroteSheet("Segments"));
  });

  it("remembers the mapping per sheet for the session and runs on the captured range", async () => {
    const user = userEvent.setup();
    const fake = fakePort({ rows: TABLE });
    const reads: string[] = [];
    const port: typeof fake = {
      ...fake,
      readRows: async (region, first, count, opts) => {
        reads.push(`${region.address} ${first}+${count}`);
        return fake.readRows(region, first, count, opts);
      },
    };
    const first = render(<App port={port} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.map.changeLabel }));
    await user.selectOptions(screen.getByLabelText(/^Cost to serve/, { selector: "select" }), en.map.notMapped);
    await user.click(screen.getByRole("button", { name: en.run.segment }));
    await screen.findByRole("heading", { name: en.summary.heading });
    // the data rows below the header row of the range picked, whatever is selected now
    expect(reads).toEqual(["Customers!A1:E11 1+10"]);
    // no cost mapped → no profit column
    expect(port.sheetPlans[0].summary.header).not.toContain("Profit");
    first.unmount();
    render(<App port={port} />);
    await pick(user);
    await user.click(screen.getByRole("button", { name: en.map.changeLabel }));
    expect(selectedText(en.map.roles.cost)).toBe(en.map.notMapped);
    expect(selectedText(en.map.roles.id)).toBe("Cust # (column A)");
  });

  it("offers a new column instead of the occupied cells beside the data, and only a new sheet on a protected sheet", async () => {
    const user = userEvent.setup();
    const first = render(<App port={fakePort({ rows: TABLE, beside: "occupied" })} />);
    await pick(user);
    const offered = within(screen.getByRole("radiogroup", { name: en.run.target })).getAllByRole("radio");
    expect(offered.map((r) => r.parentElement?.textContent)).toEqual([en.run.targetSheet, en.run.targetInsert]);
    first.unmount();
    render(<App port={fakePort({ rows: TABLE, beside: "sheetProtected" })} />);
    await pick(user);
    const targets = screen.getByRole("radiogroup", { name: en.run.target });
    expect(within(targets).getAllByRole("radio")).toHaveLength(1);
  });

  it("says why A new sheet is greyed out when the workbook's structure is protected", async () => {
    const user = userEvent.setup();
    const { container } = render(<App port={fakePort({ rows: TABLE, newSheetAllowed: false })} />);
    await pick(user);
    expect((screen.getByRole("radio", { name: en.run.targetSheet }) as HTMLInputElement).disabled).toBe(true);
    // The reason is the radio group's description (Field hint), so a screen reader reads it with the choice.
    const group = screen.getByRole("radiogroup", { name: en.run.target });
    expect(screen.getByText(en.run.newSheetProtected)).toBeTruthy();
    expect(group.getAttribute("aria-describedby")).toBe(screen.getByText(en.run.newSheetProtected).id);
    await expectAccessible(container);
  });

  it("hints at cell-edit mode when reading the selection takes more than 3 seconds", async () => {
    let release!: () => void;
    const selectionGate = new Promise<void>((resolve) => (release = resolve));
    const user = userEvent.setup();
    render(<App port={fakePort({ rows: TABLE, selectionGate })} />);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    expect(screen.getByText(en.pick.reading)).toBeTruthy();
    expect(screen.queryByText(en.pick.editModeHint)).toBeNull();
    // SlowReadHint's EDIT_HINT_MS (3 s): no API reports edit mode, so the pane says what may hold Excel up.
    expect(await screen.findByText(en.pick.editModeHint, undefined, { timeout: 5000 })).toBeTruthy();
    release();
    expect(await screen.findByText(/Customers!A1:E11/)).toBeTruthy();
    expect(screen.queryByText(en.pick.editModeHint)).toBeNull();
  }, 15000);

  it("explains cell-edit mode", async () => {
    const user = userEvent.setup();
    render(<App port={fakePort({ rows: TABLE, selectionError: new ExcelLayerError("cellEditMode") })} />);
    await user.click(screen.getByRole("button", { name: en.pick.useSelection }));
    expect(await screen.findByText(en.errors.cellEditMode)).toBeTruthy();
    // focus is back on the button to try again
    expect(document.activeElement).toBe(screen.getByRole("button", { name: en.pick.useSelection }));
  });

  it("uses Fluent's dark theme when Office's body is dark", async () => {
    const { container } = render(<App port={fakePort({ rows: TABLE, theme: "dark" })} />);
    // Fluent inserts its rules through the CSSOM, so read them from the style sheets.
    const css = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join("\n");
    // webDarkTheme's colorNeutralBackground1
    expect(css).toMatch(/--colorNeutralBackground1:\s*#292929/);
    await expectAccessible(container);
  });

  it("tells the user outside Excel and on too old a host, accessibly", async () => {
    const outside = { ...fakePort({ rows: TABLE }), hostInfo: () => ({ kind: "noExcel" as const }) };
    const first = render(<App port={outside} />);
    expect(screen.getByText(en.host.noExcel)).toBeTruthy();
    await expectAccessible(first.container);
    first.unmount();
    const old = { ...fakePort({ rows: TABLE }), hostInfo: () => ({ kind: "tooOld" as const, needed: "ExcelApi 1.8" }) };
    render(<App port={old} />);
    expect(screen.getByText(en.host.tooOld("ExcelApi 1.8"))).toBeTruthy();
  });
});
