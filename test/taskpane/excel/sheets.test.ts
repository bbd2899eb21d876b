/**
 * Sheet names within Excel's limit of 31 characters (a longer name is refused with
 * InvalidArgument, so the half-written sheet of a failed run would keep its plain name and look
 * complete). The long names are the pane's own, in German: the Open a file sheet "BTYD-Gruppen aus
 * Datei" (22 characters) marked " (unvollständig)" is 38.
 */
import { SHEET_NAME_LIMIT, fitSheetName, removeSheet, sheetNameCandidates } from "../../../src/taskpane/excel/sheets";
import { installMockExcel, newState, uninstallMockExcel } from "./mockExcel";
import { germanStrings } from "../../../src/taskpane/strings/de";
import { en } from "../../../src/taskpane/strings/en";

afterEach(() => uninstallMockExcel());

describe("fitSheetName", () => {
  it("leaves a name of up to 31 characters alone", () => {
    expect(fitSheetName("Segments (incomplete)")).toBe("Segments (incomplete)");
    expect(fitSheetName("x".repeat(31))).toBe("x".repeat(31));
  });

  it("cuts the name before its marker, marks the cut, and keeps the marker whole", () => {
    // 31 − 16 (" (unvollständig)") − 1 ("…") = 14 characters of the name: "BTYD-Gruppen a".
    expect(fitSheetName("BTYD-Gruppen aus Datei (unvollständig)", " (unvollständig)")).toBe("BTYD-Gruppen a… (unvollständig)");
    expect(fitSheetName("y".repeat(40))).toBe(`${"y".repeat(30)}…`);
  });
});

describe("sheetNameCandidates", () => {
  it("keeps every candidate within 31 characters, the number whole", () => {
    const names = sheetNameCandidates("A very long results sheet name here");
    expect(names.every((n) => n.length <= SHEET_NAME_LIMIT)).toBe(true);
    expect(names[0]).toBe("A very long results sheet name…");
    expect(names[99]).toBe("A very long results shee… (100)");
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(100);
  });
});

describe("removeSheet", () => {
  it("renames a sheet it cannot delete with the German marker, within 31 characters", async () => {
    const state = newState([{ name: "BTYD-Gruppen aus Datei", cells: [["x"]], protected: false }], { failDelete: true });
    installMockExcel(state);
    const name = "BTYD-Gruppen aus Datei";
    await removeSheet(name, germanStrings(en.format).files.incompleteName(name));
    expect(state.sheets.map((s) => s.name)).toEqual(["BTYD-Gruppen a… (unvollständig)"]);
  });
});
