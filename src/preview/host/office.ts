/**
 * PREVIEW ONLY — a minimal `Office` global for the local preview, answering like a modern
 * Excel on the web: `onReady` resolves (once the sample workbook is built) with host Excel,
 * `context.requirements.isSetSupported` says yes to ExcelApi up to `excelApi` (default 1.17;
 * `?excelApi=1.7` in the preview URL pretends to be an older host), and `officeTheme` is
 * undefined, as it is in Excel on the web — unless the browser prefers a dark colour scheme:
 * then it is the dark theme's colours (preview only; in Excel the theme comes from Office), so
 * the pane takes its dark theme the way it would in a dark Office. `displayLanguage` is en-US
 * unless the preview's language switch says otherwise (`?lang=de-DE`, host/language.ts).
 */

/** Office's dark ("Black") theme colours, as Office.context.officeTheme gives them. */
export const DARK_OFFICE_THEME = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#ffffff",
  controlBackgroundColor: "#363636",
  controlForegroundColor: "#ffffff",
} as const;

export type PreviewOffice = ReturnType<typeof createOffice>;

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** `displayLanguage`: the Office UI language the pane reads ("en-US", "de-DE", "nb-NO"; host/language.ts). */
export function createOffice(ready: Promise<void>, excelApi = "1.17", prefersDark = false, displayLanguage = "en-US") {
  const supportedSets: Record<string, string> = {
    ExcelApi: excelApi,
    SharedRuntime: "1.1",
    CustomFunctionsRuntime: "1.3",
    RibbonApi: "1.1",
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      return ready.then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      host: "Excel",
      platform: "OfficeOnline",
      displayLanguage,
      officeTheme: prefersDark ? { ...DARK_OFFICE_THEME } : undefined,
      requirements: {
        isSetSupported(name: string, version?: string): boolean {
          const have = supportedSets[name];
          if (have === undefined) return false;
          return version === undefined || compareVersions(have, String(version)) >= 0;
        },
      },
    },
  };
}
