/**
 * PREVIEW ONLY — a minimal `Office` global for the local preview, answering like a modern
 * Excel on the web: `onReady` resolves (once the sample workbook is built) with host Excel,
 * `context.requirements.isSetSupported` says yes to ExcelApi up to `excelApi` (default 1.17;
 * `?excelApi=1.7` in the preview URL pretends to be an older host), and `officeTheme` is
 * undefined, as it is in Excel on the web.
 */

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

export function createOffice(ready: Promise<void>, excelApi = "1.17") {
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
      displayLanguage: "en-US",
      officeTheme: undefined,
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
