/**
 * PREVIEW ONLY — entry of preview.html, the local preview that runs the real task pane and the
 * real dist/functions.js without Excel. This script runs first (the page loads preview.js,
 * then functions.js, then taskpane.js, in order) and installs the globals they expect:
 * - `CustomFunctions` (host/customFunctions.ts) before functions.js associates its functions;
 * - `Excel` and `OfficeExtension` (fakeExcel/) over the in-browser sample workbook;
 * - `Office` (host/office.ts), whose onReady resolves once the workbook is built.
 *
 * URL parameters: `rows=N` adds a "Generated" sheet of N synthetic customers; `sheet=Name`
 * opens that sheet; `payloadLimit=MB` switches the simulated payload limit on (5 = Excel on the
 * web); `excelApi=1.7` pretends to be an older Excel; `lang=de-DE` (or nb-NO, en-US) sets the
 * display language and the workbook's culture (host/language.ts).
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FAKE_CULTURES, FIVE_MB, WorkbookModel, installFakeExcel, setCulture } from "./fakeExcel";
import { FunctionInfo, Host } from "./formula/evaluate";
import { createCustomFunctions } from "./host/customFunctions";
import { previewLanguageOf } from "./host/language";
import { createOffice } from "./host/office";
import { CDNOW_NOTE, SYNTHETIC_NOTE, buildSampleWorkbook } from "./sample/sampleWorkbook";
import { PreviewApp } from "./ui/PreviewApp";

/* global window, document, fetch */

const params = new URLSearchParams(window.location.search);
const language = previewLanguageOf(params.get("lang"));
const globals = globalThis as unknown as Record<string, unknown>;
const customFunctions = createCustomFunctions();
globals.CustomFunctions = customFunctions;

let workbookReady!: (model: WorkbookModel) => void;
let workbookFailed!: (error: unknown) => void;
const workbook = new Promise<WorkbookModel>((resolve, reject) => {
  workbookReady = resolve;
  workbookFailed = reject;
});
installFakeExcel(globals, workbook);
const office = createOffice(
  workbook.then(() => undefined),
  params.get("excelApi") ?? undefined,
  typeof window.matchMedia === "function" && window.matchMedia("(prefers-color-scheme: dark)").matches,
  language,
);
globals.Office = office;

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

function showFailure(error: unknown): void {
  const root = document.getElementById("preview-root");
  if (!root) return;
  const p = document.createElement("p");
  p.className = "boot-error";
  p.textContent = `The preview could not start: ${error instanceof Error ? error.message : String(error)}`;
  root.replaceChildren(p);
}

async function boot(): Promise<void> {
  const [csv, cdnow, metadataText] = await Promise.all([fetchText("assets/rfm_data_orders.csv"), fetchText("assets/CDNOW_sample.txt"), fetchText("functions.json")]);
  const metadata = JSON.parse(metadataText) as { functions: FunctionInfo[] };
  const rows = Number(params.get("rows") ?? 0);
  const model = buildSampleWorkbook(csv, { generatedRows: Number.isFinite(rows) ? rows : 0, cdnow });
  // Before the pane starts: it reads application.cultureInfo once, at its start, as it does in Excel.
  setCulture(model, FAKE_CULTURES[language]);
  const limit = params.get("payloadLimit");
  if (limit !== null) {
    const mb = Number(limit);
    model.simulation.payloadLimitBytes = Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : FIVE_MB;
  }
  // An older host (?excelApi=1.7 … 1.13) sends change events without triggerSource (ExcelApi 1.14).
  model.simulation.triggerSource = office.context.requirements.isSetSupported("ExcelApi", "1.14");
  const start = params.get("sheet");
  if (start && model.sheet(start)) model.activate(model.sheet(start)!);
  const host: Host = {
    model,
    functions: new Map(metadata.functions.map((f) => [f.id.toUpperCase(), f])),
    registry: customFunctions.registry,
    ErrorClass: customFunctions.Error,
  };
  globals.__loyaltyPreview = { model, host };
  workbookReady(model);
  const root = document.getElementById("preview-root");
  if (!root) throw new Error("preview.html has no #preview-root");
  const notes = [
    `Sample data: Customers and Orders from the rfm package's order log (MIT). ${SYNTHETIC_NOTE}`,
    `${CDNOW_NOTE} Predicted value and Check the model work on the CDNOW sheets.`,
    `${customFunctions.registry.size} LOYALTY functions loaded. Select a cell and type e.g. ${language === "en-US" ? "=LOYALTY.CLV(100, 0.8, 0.1)" : "=LOYALTY.CLV(100; 0,8; 0,1)"} or =LOYALTY.NPS(Customers!G2:G996) in the formula box.`,
  ];
  createRoot(root).render(<PreviewApp host={host} notes={notes} language={language} />);
}

function start(): void {
  boot().catch((error) => {
    workbookFailed(error);
    showFailure(error);
  });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
