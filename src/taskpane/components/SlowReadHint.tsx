import * as React from "react";
import { Text } from "@fluentui/react-components";

/** How long a read may take before the pane suggests that a cell is being edited. */
export const EDIT_HINT_MS = 3000;

/**
 * Shown under a read that has not answered after EDIT_HINT_MS. Excel holds every request while a
 * cell is in edit mode and no API reports that state (ExcelApi 1.10's delayForCellEdit only
 * delays), so after a short wait the pane says what may be going on and how to end it.
 */
export function SlowReadHint({ text, delay = EDIT_HINT_MS }: { readonly text: string; readonly delay?: number }): React.JSX.Element | null {
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    const timer = setTimeout(() => setShown(true), delay);
    return () => clearTimeout(timer);
  }, [delay]);
  return shown ? (
    <Text role="status" aria-live="polite">
      {text}
    </Text>
  ) : null;
}
