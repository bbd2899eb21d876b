import * as React from "react";
import { OpenFilePane } from "../components/OpenFilePane";
import type { Strings } from "../strings/en";
import { WarehouseView } from "./WarehouseView";

/**
 * The Warehouse tab's content: the SQL generator (WarehouseView) and "Open a file…". App loads it
 * with `import()` when the tab is first opened, so the SQL generator and the file pane are not part
 * of the first load (taskpane.js); DuckDB-Wasm itself stays in its own later chunk.
 */
export default function WarehouseTab({ strings }: { readonly strings: Strings }): React.JSX.Element {
  return (
    <>
      <WarehouseView strings={strings} />
      <OpenFilePane strings={strings} />
    </>
  );
}
