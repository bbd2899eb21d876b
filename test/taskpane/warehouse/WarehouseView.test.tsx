/** @jest-environment jsdom */
/**
 * The Warehouse tab (issue 11): the form gives the generator's SQL, refuses a bad name with the
 * generator's message naming the field, copies the SQL, and has no accessibility violations; for
 * expected purchases and CLV it writes the load-and-join SQL and exports the group table as CSV.
 */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WarehouseView } from "../../../src/taskpane/warehouse/WarehouseView";
import { en } from "../../../src/taskpane/strings/en";
import { installDomPolyfills, installLayoutForTabster } from "../support";
import { expectedPurchases } from "../../../src/analytics/btyd/bgnbdPredictions";

installDomPolyfills();
installLayoutForTabster();

const renderView = () =>
  render(
    <FluentProvider theme={webLightTheme}>
      <WarehouseView strings={en} />
    </FluentProvider>,
  );

const sqlBox = () => screen.getByRole("textbox", { name: en.warehouse.sql }) as HTMLTextAreaElement;

describe("WarehouseView", () => {
  it("shows the grouped BTYD summary for DuckDB first, then the chosen dialect and analysis", async () => {
    const user = userEvent.setup();
    renderView();
    expect(sqlBox().value).toMatch(/^-- Loyalty Lens: BTYD summary, grouped \(DuckDB\)/);
    expect(sqlBox().value).toContain(`FROM "orders"`);
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.dialect }), "bigquery");
    expect(sqlBox().value).toContain("DATE_DIFF(MAX(p.order_date), MIN(p.order_date), DAY)");
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.analysis }), "cohorts");
    expect(screen.getByRole("combobox", { name: en.warehouse.period })).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: en.warehouse.unit })).toBeNull();
    expect(sqlBox().value).toMatch(/^-- Loyalty Lens: cohort triangle by month \(BigQuery\)/);
  });

  it("offers whole calendar weeks for the BTYD summaries, not for days, and writes that summary", async () => {
    const user = userEvent.setup();
    renderView();
    const box = screen.getByRole("checkbox", { name: en.warehouse.wholePeriods("week") });
    await user.click(box);
    expect(sqlBox().value).toMatch(/^-- Loyalty Lens: BTYD summary in whole weeks, grouped \(DuckDB\)/);
    expect(sqlBox().value).toContain("GROUP BY x, t_x_periods, \"T_periods\"");
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.unit }), "day");
    expect(screen.queryByRole("checkbox", { name: en.warehouse.wholePeriods("week") })).toBeNull();
    expect(sqlBox().value).toMatch(/^-- Loyalty Lens: BTYD summary, grouped \(DuckDB\)/);
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.analysis }), "holdoutGrouped");
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.unit }), "month");
    expect(screen.queryByRole("checkbox", { name: en.warehouse.wholePeriods("month") })).toBeNull();
  });

  it("quotes a dotted table name and refuses one with a semicolon, naming the field", async () => {
    const user = userEvent.setup();
    renderView();
    const table = screen.getByRole("textbox", { name: en.warehouse.table });
    await user.clear(table);
    await user.type(table, "sales.orders");
    expect(sqlBox().value).toContain(`FROM "sales"."orders"`);
    await user.type(table, ";drop");
    expect(screen.queryByRole("textbox", { name: en.warehouse.sql })).toBeNull();
    expect(screen.getByText(/^Order table: "sales.orders;drop" is refused because it contains a semicolon/)).toBeTruthy();
  });

  it("copies the SQL with the Copy button", async () => {
    const user = userEvent.setup();
    renderView();
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await user.click(screen.getByRole("button", { name: en.warehouse.copy }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(sqlBox().value));
    expect(screen.getByRole("button", { name: en.warehouse.copied })).toBeTruthy();
    expect(screen.getByRole("button", { name: en.warehouse.save })).toBeTruthy();
  });

  it("writes the load-and-join SQL for CLV and names a parameter that is not a number", async () => {
    const user = userEvent.setup();
    renderView();
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.analysis }), "clvJoin");
    expect(screen.getByText("Gamma-Gamma p: type a number, such as 0.25")).toBeTruthy(); // the generator's own message in English
    await user.type(screen.getByRole("textbox", { name: en.warehouse.clv.p }), "6.25");
    await user.type(screen.getByRole("textbox", { name: en.warehouse.clv.q }), "3.74");
    await user.type(screen.getByRole("textbox", { name: en.warehouse.clv.v }), "15.44");
    const sql = sqlBox().value;
    expect(sql).toContain(`CREATE OR REPLACE TABLE "clv_groups" AS\nSELECT * FROM read_csv('clv_groups.csv'`);
    expect(sql).toContain(`LEFT JOIN "clv_groups" AS g`);
    expect(sql).toContain("Gamma-Gamma p 6.25, q 3.74, v 15.44; margin 1.");
    const file = screen.getByRole("textbox", { name: en.warehouse.clv.csvFile });
    await user.clear(file);
    await user.type(file, "C:\\Users\\me\\clv.csv");
    expect(screen.getByText(/^CSV file: "C:\\Users\\me\\clv.csv" is refused because/)).toBeTruthy();
  });

  it("exports the group table of a hand-made grouped summary as CSV, one row per distinct day history", async () => {
    const user = userEvent.setup();
    renderView();
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.analysis }), "clvJoin");
    await user.selectOptions(screen.getByRole("combobox", { name: en.warehouse.unit }), "day");
    // r 1, alpha 7, a 1, b 1 in days, so P(alive) is worked by hand (FHL 2005 eq. 13):
    //   (0, 0, 10): x = 0 → 1;
    //   (1, 5, 5):  a/(b + x − 1) · ((α + T)/(α + t_x))^(r + x) = 1 · 1 = 1 → 1/(1 + 1) = 0.5;
    //   (2, 0, 7):  1/2 · (14/7)^3 = 4 → 1/(1 + 4) = 0.2.
    for (const [key, value] of [["r", "1"], ["alpha", "7"], ["a", "1"], ["b", "1"], ["horizonMonths", "1"]] as const) {
      const box = screen.getByRole("textbox", { name: en.warehouse.clv[key] });
      await user.clear(box);
      await user.type(box, value);
    }
    const blobs: Blob[] = [];
    Object.defineProperty(URL, "createObjectURL", { value: (b: Blob) => (blobs.push(b), "blob:clv"), configurable: true });
    Object.defineProperty(URL, "revokeObjectURL", { value: () => undefined, configurable: true });
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    // The grouped summary as psql --csv writes it, the last group twice (two exports pasted together).
    const grouped = "x,t_x_days,T_days,t_x,T,customers\n0,0,10,0,10,3\n1,5,5,5,5,1\n2,0,7,0,7,2\n2,0,7,0,7,2\n";
    await user.upload(screen.getByLabelText(en.warehouse.clv.file), new File([grouped], "grouped.csv", { type: "text/csv" }));
    await screen.findByText(en.warehouse.clv.done(3, 4));
    await user.click(screen.getByRole("button", { name: en.warehouse.clv.download }));
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsText(blobs[0]);
    });
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("x,t_x_days,T_days,p_alive,expected_purchases,discounted_purchases");
    expect(lines).toHaveLength(5); // header, 3 groups, the empty tail after the last CRLF
    const rows = lines.slice(1, 4).map((l) => l.split(",").map(Number));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([[0, 0, 10], [1, 5, 5], [2, 0, 7]]);
    [1, 0.5, 0.2].forEach((p, i) => expect(rows[i][3]).toBeCloseTo(p, 14));
    // One month, no discount: the discounted purchases are E[X(30.4375 days)] itself (EXPECTEDPURCHASES).
    const params = { r: 1, alpha: 7, a: 1, b: 1 };
    rows.forEach(([x, tx, T, , e, dp]) => {
      expect(e).toBe(expectedPurchases(params, 30.4375, x, tx, T));
      expect(dp).toBeCloseTo(e, 14);
    });
    click.mockRestore();
  });

  it("has no accessibility violations", async () => {
    const { container } = renderView();
    const results = await axe(container, { rules: { "color-contrast": { enabled: false } } }); // jsdom computes no colours (as RetentionView.test.tsx)
    expect(results.violations).toEqual([]);
  });
});
