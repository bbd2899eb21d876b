import * as React from "react";
import { FluentProvider, Title3, Body1, webLightTheme } from "@fluentui/react-components";

export function App(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title3 as="h1">Loyalty Lens</Title3>
        <Body1>Customer-loyalty analytics for this workbook.</Body1>
      </main>
    </FluentProvider>
  );
}
