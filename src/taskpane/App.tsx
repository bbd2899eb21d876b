import * as React from "react";
import { Body1, FluentProvider, MessageBar, MessageBarBody, Title3, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { SegmentPane } from "./components/SegmentPane";
import { type ExcelPort, officeExcel } from "./excel/port";
import { en, type Strings } from "./strings/en";

// No class on FluentProvider itself: it copies its classes to every portal (tooltips, popovers),
// and a full-height class there covered the whole page once the chart's tooltips mounted.
const useStyles = makeStyles({
  message: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
  },
});

type Props = { readonly port?: ExcelPort; readonly strings?: Strings };

/** The pane inside FluentProvider, dark when Office's theme is dark; a plain message outside Excel or on too old a host. */
export function App({ port = officeExcel, strings = en }: Props): React.JSX.Element {
  const styles = useStyles();
  const theme = port.officeTheme() === "dark" ? webDarkTheme : webLightTheme;
  const host = port.hostInfo();
  return (
    <FluentProvider theme={theme}>
      {host.kind === "ready" ? (
        <SegmentPane port={port} strings={strings} />
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
