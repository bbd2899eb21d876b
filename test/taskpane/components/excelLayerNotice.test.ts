/**
 * The plain-words messages for a run that stopped part-way (issue 10): what changed, what the
 * pane took out again and what it left alone.
 */
import { ExcelLayerError } from "../../../src/taskpane/excel";
import { excelLayerNotice } from "../../../src/taskpane/components/excelLayerNotice";
import { en } from "../../../src/taskpane/strings/en";

describe("excelLayerNotice for stopped runs", () => {
  it("names the cell that was not empty and counts what was taken out and kept", () => {
    const notice = excelLayerNotice(new ExcelLayerError("targetNotEmpty", "J900", { cell: "J900", cleared: 250, kept: 0 }), en);
    expect(notice).toEqual({
      intent: "error",
      text: "Stopped: cell J900 was no longer empty when Loyalty Lens wrote there, so it put back what was in it. 250 cells it had written were taken out again. Write to a new sheet to be safe.",
    });
  });

  it("says what the user changed while the pane wrote, and which of the pane's cells it left", () => {
    const change = { kind: "inserted", address: "A:A" } as const;
    expect(excelLayerNotice(new ExcelLayerError("changedWhileWriting", "A:A", { change, cleared: 3, kept: 1 }), en).text).toBe(
      "Stopped: a column was inserted (A:A) while Loyalty Lens was writing. 3 cells it had written were taken out again; 1 cell you had changed was left as it is. Your own cells were not touched. Write to a new sheet to be safe, or try again when the sheet is still.",
    );
  });

  it("refuses a read that would mix data, saying nothing was changed", () => {
    const text = excelLayerNotice(new ExcelLayerError("changedWhileReading", "A2:F4907", { change: { kind: "sorted", address: "A2:F4907" } }), en).text;
    expect(text).toBe(
      "Stopped: rows were sorted (A2:F4907) while Loyalty Lens was reading the data, so nothing was computed (the rows would mix old and new data). Nothing in the workbook was changed. Try again when the sheet is still.",
    );
  });
});
