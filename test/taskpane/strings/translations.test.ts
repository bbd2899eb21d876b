/**
 * Every German and Norwegian string exists, differs from the English one, and has no English
 * left in it. Functions are called with sample arguments (per key where the argument is a kind
 * or a row list; 2 otherwise) in each of their cases, so each variant is compared.
 */
import { type Strings, en } from "../../../src/taskpane/strings/en";
import { stringsFor } from "../../../src/taskpane/i18n";
import { germanStrings } from "../../../src/taskpane/strings/de";

const de = stringsFor("de", null);
const nb = stringsFor("nb", null);

const KINDS = ["week", "month", "quarter", "year"];
/** Each kind of sheet change the write-safety messages describe (src/taskpane/excel/types.ts SheetChange). */
const CHANGES = ([["edited", "J7"], ["edited", "J7:K9"], ["inserted", "D:D"], ["inserted", "5:5"], ["inserted", "B2:B4"], ["deleted", "B2:B4"], ["sorted", "A1:F996"], ["resized", "A1:F996"]] as const).map(([kind, address]) => ({ kind, address }));
/** Sample argument lists for functions whose arguments are not plain numbers or text. */
const SAMPLES: Record<string, unknown[][]> = {
  "map.columnOption": [["C", "X"], ["C", null]],
  "summary.skipped": [[1, "R", [4], false], [3, "R", [4, 7, 9], true]],
  "summary.grouped": [[1, 1], [1, 5], [12345, 1234567]],
  "btyd.summary.unusable": [[1, [4], false], [3, [4, 7, 9], true]],
  "retention.issues.line": [[1, "R", [4], false], [3, "R", [4, 7, 9], true]],
  "btyd.check.groupLabel": [[3, false], [3, true]],
  "sheet.incompleteName": [["X (2)"]],
  "retention.sheet.incompleteName": [["X (2)"]],
  "btyd.check.report.sheet.incompleteName": [["X (2)"]],
  "btyd.check.report.sheet.refused": [["X"]],
  "sheet.headers.attitude": [["recommend"], ["satisfaction"], ["referrals"]],
  "sheet.headers.behaviour": [["rfmSum"], ["ordersPerYear"], ["orders"], ["revenue"]],
  "reason": [
    [{ kind: "noId" }],
    ...["blank", "notNumber", "notDate", "negative"].flatMap((kind) => ["id", "attitude", "recency", "firstOrder", "frequency", "monetary", "cost", "priceDriven", "recurring", "weight"].map((role) => [{ kind, role }])),
    [{ kind: "errorValue", role: "monetary", code: "#N/A" }],
    [{ kind: "errorValue", role: "weight", code: "#N/A" }],
    [{ kind: "notWhole", role: "weight" }],
    [{ kind: "zeroWeight" }],
    [{ kind: "attitudeRange", scale: "recommend" }],
    [{ kind: "attitudeRange", scale: "satisfaction" }],
    [{ kind: "attitudeRange", scale: "referrals" }],
    [{ kind: "shareRange" }],
  ],
  "retention.issues.reason": [[{ kind: "blankId" }], [{ kind: "badId" }], [{ kind: "blankDate" }], [{ kind: "notDate" }], [{ kind: "errorValue", field: "id", code: "#N/A" }], [{ kind: "errorValue", field: "date", code: "#N/A" }]],
  "retention.sheet.cohortLabel": KINDS.map((k) => [k, 2024, 3, 2024, 10]),
  "retention.curve.cohortName": KINDS.map((k) => [k, 2024, 3, 4]),
  "retention.sheet.periodColumn": KINDS.map((k) => [k, 2]),
  "retention.sheet.tableTitle": KINDS.flatMap((k) => [[k, 1], [k, 30]]),
  "retention.curve.reading": KINDS.flatMap((k) => [[k, "X", "35 %", 1], [k, "X", "35 %", 30]]),
  "retention.curve.narrowTable": KINDS.map((k) => [k, 5]),
  "retention.curve.legend": [["X", 1], ["X", 30]],
  "retention.curve.smallLeftOut": [[1, 30], [3, 30]],
  "errors.targetNotEmpty": [["J7", 1, 0], ["J7", 3, 1], ["J7", 3, 2]],
  "errors.changedWhileWriting": CHANGES.flatMap((c) => [[c, 1, 0], [c, 3, 2]]),
  "errors.changedWhileReading": CHANGES.map((c) => [c]),
  "rewards.basisText": [[{ basis: "faceValue", faceValue: 0.01, goodsCost: 0.006, redemptionRate: 0.8 }], [{ basis: "goodsCost", faceValue: 0.01, goodsCost: 0.006, redemptionRate: 0.8 }]],
  "priceOverride": [["Loyal", "Reachable", null], ["Loyal", "Reachable", "35 %"]],
  "files.done": [["X", 1, 1], ["X", 3, 5]],
  "files.holdoutDone": [["X", 1, 1, "A", "B"], ["X", 3, 5, "A", "B"]],
  "files.cohortsTitle": KINDS.map((k) => ["X", k]),
  "files.retentionTitle": KINDS.flatMap((k) => [["X", k, 1], ["X", k, 365]]),
  "warehouse.refused": ["name", "date", "amount", "order", "holdoutEnd", "number", "file", "other"].map((reason) => ["X", reason, "M"]),
  "warehouse.clv.problem": [
    [{ kind: "empty" }],
    [{ kind: "missingColumn", column: "T_days" }],
    [{ kind: "badValue", line: 7, column: "x", value: "2.5" }],
    [{ kind: "badHistory", line: 7, detail: "M" }],
    [{ kind: "core", detail: "M" }],
  ],
};
// Every kind of refusal of the warehouse's cohort and period tables (src/taskpane/retention/cohortLongTable.ts, periodRetentionTable.ts).
SAMPLES["retention.table.cohortIssue"] = [
  ...["blank", "notNumber", "negative", "notWhole", "notDate"].flatMap((kind) => ["period", "customers"].map((role) => [{ kind, role, row: 4, value: "x" }, "X"])),
  ...KINDS.map((period) => [{ kind: "notPeriodStart", role: "start", row: 4, value: "2024-01-08", period }, "X"]),
  [{ kind: "noCustomers", role: "customers", row: 4 }, "X"],
  [{ kind: "activeAboveCustomers", role: "active", row: 4, value: 3, customers: 2 }, "X"],
  [{ kind: "shareDiffers", role: "share", row: 4, value: 0.6, expected: 0.5 }, "X"],
  [{ kind: "halfBlank", role: "active", row: 4 }, "X"],
  [{ kind: "halfBlank", role: "share", row: 4 }, "X"],
  [{ kind: "customersDiffer", role: "customers", row: 4, value: 3, cohort: "2024-01-01", firstRow: 2, firstValue: 2 }, "X"],
  [{ kind: "duplicate", role: "period", row: 4, cohort: "2024-01-01", period: 1, firstRow: 3 }, "X"],
  [{ kind: "missingPeriod", role: "period", row: 4, cohort: "2024-01-01", period: 1, last: 2 }, "X"],
  [{ kind: "blankInside", role: "active", row: 4, cohort: "2024-01-01", period: 1, laterRow: 5 }, "X"],
  ...KINDS.flatMap((kindOfPeriod) => ["blankEnded", "valueNotEnded"].map((kind) => [{ kind, role: "active", row: 4, cohort: "2024-01-01", period: 2, kindOfPeriod, periodStart: "2024-03-01", lastStart: "2024-03-01" }, "X"])),
  [{ kind: "tooManyPeriods", role: "period", row: 4, value: 20000 }, "X"],
  [{ kind: "noRows", role: "start", row: 0 }, "X"],
];
SAMPLES["retention.table.periodIssue"] = [
  ...["blank", "notNumber", "negative", "notWhole", "notDate"].map((kind) => [{ kind, role: "retained", row: 4, value: "x" }, "X"]),
  ...KINDS.flatMap((period) => [
    [{ kind: "notPeriodStart", role: "start", row: 4, value: "2024-01-08", period }, "X"],
    [{ kind: "gap", role: "start", row: 4, value: "2024-03-01", period, missing: "2024-02-01" }, "X"],
  ]),
  [{ kind: "duplicatePeriod", role: "start", row: 4, value: "2024-01-01", firstRow: 2 }, "X"],
  ...["reactivated", "lost", "retained"].map((role) => [{ kind: "identity", role, row: 4, value: 3, expected: 2 }, "X"]),
  [{ kind: "retentionDiffers", role: "retention", row: 4, value: 0.6, expected: 0.5 }, "X"],
  [{ kind: "retentionBlank", role: "retention", row: 4 }, "X"],
  [{ kind: "retentionWithoutStart", role: "retention", row: 4, value: 0.5 }, "X"],
  [{ kind: "startDiffers", role: "customersStart", row: 4, value: 3, previousRow: 3, previousEnd: 2 }, "X"],
  [{ kind: "noRows", role: "start", row: 0 }, "X"],
];
for (const key of ["retention.errors.noRepeats", "retention.curve.xAxis", "retention.curve.noCurve", "retention.sheet.triangleTitle", "retention.sheet.curvePeriod"]) SAMPLES[key] = KINDS.map((k) => [k]);
/** Count-worded texts: singular and plural. */
const COUNTED = new Set(["warehouse.clv.done", "warehouse.clv.notSettled", "files.tooManyCustomers", "files.progressRows", "summary.totals", "btyd.check.leftOut", "btyd.check.skippedRows", "retention.curve.title", "retention.sheet.curveTitle", "pick.picked", "btyd.check.picked", "retention.pick.picked", "btyd.check.report.sheet.comparisonTitle", "retention.table.picked", "retention.table.cohortTotals", "retention.table.periodTotals", "retention.table.periodReading"]);

/** Terms that are the same in English, German and Norwegian, or codes rather than words. */
const SAME_EVERYWHERE = new Set(["Loyalty Lens", "Segment", "R+F+M", "yyyy-mm-dd", "2024", "2024-03", "2", "3", "3+", "C", "X (2)", "SQL", "2024-12-31", "31.12.2024", "BIC", "Parameter"]);
const SAME_IN: Record<"de" | "nb", Set<string>> = { de: new Set(["Loyal", "2024-Q1"]), nb: new Set(["Database", "Log-likelihood (LL)"]) };
/** Keys not compared: the formatter and the culture tag are not text. */
const SKIP = new Set(["format", "locale"]);
/** Whole English words a German or Norwegian text must not contain (technical terms such as Recency, BG/NBD, RFM, NPS, t_x are fine). */
const ENGLISH = /\b(the|and|of|with|from|rows?|customers?|orders?|cohorts?|revenue|share|weeks?|months?|select|click|sheet|value|purchases?|predicted|lapsed|none|cancel|retention)\b/i;

type Leaf = { path: string; text: string };

function leaves(node: unknown, path: string, out: Leaf[]): Leaf[] {
  if (typeof node === "string") out.push({ path, text: node });
  else if (typeof node === "function") {
    const fn = node as (...args: unknown[]) => unknown;
    const key = path.replace(/^\./, "");
    const samples = SAMPLES[key] ?? (COUNTED.has(key) ? [Array(fn.length).fill(1), Array(fn.length).fill(2)] : [Array(fn.length).fill(2)]);
    samples.forEach((args, i) => leaves(fn(...args), `${path}(${i})`, out));
  } else if (Array.isArray(node)) node.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) if (!SKIP.has(k)) leaves(v, `${path}.${k}`, out);
  }
  return out;
}

function keyPaths(node: unknown, path = ""): string[] {
  if (!node || typeof node !== "object" || Array.isArray(node)) return [path];
  return Object.entries(node).flatMap(([k, v]) => (SKIP.has(k) ? [] : keyPaths(v, `${path}.${k}`)));
}

describe.each([
  ["de", de],
  ["nb", nb],
] as const)("the %s strings", (language, strings) => {
  const english = leaves(en, "", []);
  const translated = leaves(strings, "", []);

  it("have exactly the English keys, including the records typed loosely (segment names, roles)", () => {
    expect(keyPaths(strings).sort()).toEqual(keyPaths(en).sort());
  });

  it("give a text for every English text, each variant of each function included", () => {
    expect(translated.map((l) => l.path)).toEqual(english.map((l) => l.path));
    for (const leaf of translated) expect(leaf.text.trim()).not.toBe("");
  });

  it("leave nothing English: no text equals the English one except a short list of shared terms", () => {
    const byPath = new Map(translated.map((l) => [l.path, l.text]));
    const same = english.filter((l) => byPath.get(l.path) === l.text && !SAME_EVERYWHERE.has(l.text) && !SAME_IN[language].has(l.text));
    expect(same).toEqual([]);
  });

  it("contain no English words", () => {
    // Function names in capitals (LOYALTY.COHORTS, COHORTS) and the example table name sales.orders are code, not words.
    const leftovers = translated.filter((l) => ENGLISH.test(l.text.replace(/\b(LOYALTY\.)?[A-Z][A-Z0-9]{2,}\b/g, "").replace(/\bsales\.orders\b/g, "")));
    expect(leftovers).toEqual([]);
  });

  it("keep sheet names within Excel's 31 characters, also for the incomplete-sheet name", () => {
    const r = strings.btyd.check.report.sheet;
    for (const name of [strings.sheet.name, strings.retention.sheet.name, r.name, strings.sheet.incompleteName("A".repeat(31)), strings.retention.sheet.incompleteName("A".repeat(31)), r.incompleteName("A".repeat(31))]) {
      expect(name.length).toBeLessThanOrEqual(31);
    }
  });
});

it("makes a missing key a compile error (checked by tsc, which runs over test/)", () => {
  const complete: Strings = germanStrings(en.format);
  // @ts-expect-error appTitle is missing
  const missing: Strings = { ...complete, appTitle: undefined as never, host: undefined };
  expect(missing.host).toBeUndefined();
  expect(complete.appTitle).toBe("Loyalty Lens");
});
