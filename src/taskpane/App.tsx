import * as React from "react";
import { Body1, FluentProvider, MessageBar, MessageBarBody, Tab, TabList, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { SegmentPane } from "./components/SegmentPane";
import { type ExcelPort, officeExcel } from "./excel/port";
import { RetentionView } from "./retention/RetentionView";
import { type RetentionPort, retentionPortOf } from "./retention/useRetentionFlow";
import { usePaneStrings } from "./i18n/usePaneStrings";
import { Spinner } from "@fluentui/react-components";

/** The Warehouse tab, loaded when first opened (its own chunk, from the add-in's origin). */
const WarehouseTab = React.lazy(() => import(/* webpackChunkName: "warehouse" */ "./warehouse/WarehouseTab"));
import type { Strings } from "./strings/en";

// No class on FluentProvider itself: it copies its classes to every portal (tooltips, popovers),
// and a full-height class there covered the whole page once the chart's tooltips mounted.
const useStyles = makeStyles({
  message: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
  nav: {
    paddingInline: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type View = "segment" | "retention" | "warehouse";

/** `strings` fixes the language (tests); without it the pane follows Office's display language and Excel's regional settings. */
type Props = { readonly port?: ExcelPort; readonly strings?: Strings; readonly retentionPort?: RetentionPort };

/**
 * The pane inside FluentProvider, dark when Office's theme is dark; a plain message outside Excel or on too old a host.
 * Three views in tabs: Segment, Retention and Warehouse (SQL for big order logs). A view once opened stays mounted (hidden), so switching keeps its state.
 */
export function App({ port = officeExcel, strings: given, retentionPort }: Props): React.JSX.Element {
  const styles = useStyles();
  const loaded = usePaneStrings(port, given);
  const [view, setView] = React.useState<View>("segment");
  const [retentionOpened, setRetentionOpened] = React.useState(false);
  const [warehouseOpened, setWarehouseOpened] = React.useState(false);
  const retention = React.useMemo(() => retentionPort ?? retentionPortOf(port), [retentionPort, port]);
  const theme = port.officeTheme() === "dark" ? webDarkTheme : webLightTheme;
  // German or Norwegian still loading (a few milliseconds from the add-in's origin): nothing rather than English.
  if (loaded === null) return <FluentProvider theme={theme} />;
  const strings = loaded;
  const t = strings.retention.tabs;
  const select = (next: View): void => {
    setView(next);
    if (next === "retention") setRetentionOpened(true);
    if (next === "warehouse") setWarehouseOpened(true);
  };
  const host = port.hostInfo();
  return (
    <FluentProvider theme={theme}>
      {host.kind === "ready" ? (
        <>
          <nav className={styles.nav} aria-label={t.label}>
            <TabList selectedValue={view} onTabSelect={(_, d) => select(d.value as View)} aria-label={t.label}>
              <Tab id="view-tab-segment" value="segment" aria-controls="view-panel-segment">
                {t.segment}
              </Tab>
              <Tab id="view-tab-retention" value="retention" aria-controls="view-panel-retention">
                {t.retention}
              </Tab>
              <Tab id="view-tab-warehouse" value="warehouse" aria-controls="view-panel-warehouse">
                {t.warehouse}
              </Tab>
            </TabList>
          </nav>
          <div role="tabpanel" id="view-panel-segment" aria-labelledby="view-tab-segment" hidden={view !== "segment"}>
            <SegmentPane port={port} strings={strings} />
          </div>
          <div role="tabpanel" id="view-panel-retention" aria-labelledby="view-tab-retention" hidden={view !== "retention"}>
            {retentionOpened && <RetentionView port={retention} strings={strings} />}
          </div>
          <div role="tabpanel" id="view-panel-warehouse" aria-labelledby="view-tab-warehouse" hidden={view !== "warehouse"}>
            {warehouseOpened && (
              <React.Suspense fallback={<Spinner size="small" label={strings.loadingView} />}>
                <WarehouseTab strings={strings} />
              </React.Suspense>
            )}
          </div>
        </>
      ) : (
        <main className={styles.message}>
          <Title3 as="h1">{strings.appTitle}</Title3>
          <Body1>{strings.appIntro}</Body1>
          <MessageBar intent={host.kind === "tooOld" ? "error" : "info"} layout="multiline">
            <MessageBarBody>{host.kind === "tooOld" ? strings.host.tooOld(host.needed) : strings.host.noExcel}</MessageBarBody>
          </MessageBar>
        </main>
      )}
    </FluentProvider>
  );
}
