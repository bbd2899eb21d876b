/**
 * The whole run without React on a 100,000-row sheet: the Excel layer (over office-addin-mock,
 * see excel/mockExcel.ts) with a payload limit, the model, and the sheet plan — the counts on
 * the Segments sheet must equal LOYALTY.SEGMENT's for the same columns.
 */
import { segment } from "../../src/functions/segment";
import { readRows, readSelection, writeSegmentsSheet } from "../../src/taskpane/excel";
import { detectHeaders, guessMapping } from "../../src/taskpane/model/mapping";
import { defaultMeasure } from "../../src/taskpane/model/behaviour";
import { sheetPlan } from "../../src/taskpane/model/plans";
import { runSegmentation } from "../../src/taskpane/model/segmentRun";
import { en } from "../../src/taskpane/strings/en";
import { MockSheet, installMockExcel, newState, uninstallMockExcel } from "./excel/mockExcel";

afterAll(() => uninstallMockExcel());

it("segments a 100,000-row table end to end under a payload limit, matching LOYALTY.SEGMENT", async () => {
  const n = 100_000;
  const cells: (string | number)[][] = [["Cust #", "Likelihood to recommend", "Number of orders", "Total spend"]];
  let a = 99;
  const rnd = () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
  for (let i = 0; i < n; i++) cells.push([`C${i}`, Math.floor(rnd() * 11), 1 + Math.floor(rnd() * 12), Math.round(rnd() * 100000) / 100]);
  const sheet: MockSheet = { name: "Customers", cells, protected: false };
  // 4 columns × 2,500 rows = 10,000 cells pass; 10,000-row and 5,000-row blocks are refused
  const state = newState([sheet], { payloadCells: 10_000 });
  state.selection = { sheet: "Customers", row: 500, column: 2, rows: 1, columns: 1 };
  installMockExcel(state);

  const picked = await readSelection();
  expect(picked.region.address).toBe("Customers!A1:D100001");
  const hasHeaders = detectHeaders(picked.firstRows);
  expect(hasHeaders).toBe(true);
  const mapping = guessMapping(picked.firstRows, hasHeaders, picked.region.columnCount);
  const measure = defaultMeasure(mapping);
  expect(measure).toBe("orders");

  const rows = await readRows(picked.region, 1, n);
  const result = await runSegmentation({ rows, firstSheetRow: 2, mapping, mode: "groups", measure: "orders", cutoff: { kind: "median" } });
  const written = await writeSegmentsSheet(sheetPlan(result, mapping.attitudeScale, en));
  expect(written).toEqual({ sheetName: "Segments", formatted: true });

  const out = state.sheets.find((s) => s.name === "Segments") as MockSheet;
  const counts: Record<string, number> = {};
  for (let i = 1; i <= n; i++) counts[out.cells[i][1] as string] = (counts[out.cells[i][1] as string] ?? 0) + 1;
  const expected: Record<string, number> = {};
  for (const [s] of (await segment(cells.slice(1).map((r) => [r[1]]), cells.slice(1).map((r) => [r[2]])))) expected[s as string] = (expected[s as string] ?? 0) + 1;
  expect(counts).toEqual(expected);
  // reads after the first refusals were all 2,500 rows: 100,000 / 2,500 = 40 blocks (+ the preview read)
  expect(state.reads.filter((r) => r.rows === 2_500)).toHaveLength(40);
  // 100,000 rows through office-addin-mock take most of a minute on a busy 2-core machine; the read
  // now also asks for the used range per block (issue 10), so the default 60 s left no margin.
}, 180_000);
