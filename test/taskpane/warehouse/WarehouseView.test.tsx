/** @jest-environment jsdom */
/**
 * The Warehouse tab (issue 11): the form gives the generator's SQL, refuses a bad name with the
 * generator's message naming the field, copies the SQL, and has no accessibility violations.
 */
import * as React from "react";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { axe } from "jest-axe";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { WarehouseView } from "../../../src/taskpane/warehouse/WarehouseView";
import { en } from "../../../src/taskpane/strings/en";
import { installDomPolyfills, installLayoutForTabster } from "../support";

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

  it("has no accessibility violations", async () => {
    const { container } = renderView();
    const results = await axe(container, { rules: { "color-contrast": { enabled: false } } }); // jsdom computes no colours (as RetentionView.test.tsx)
    expect(results.violations).toEqual([]);
  });
});
