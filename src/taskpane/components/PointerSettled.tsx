import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

/**
 * Charts that appear under a resting mouse pointer stay quiet until the pointer really moves.
 *
 * After a run the pane focuses the result, which scrolls, and a chart can land right under the
 * pointer that clicked Segment. The browser then reports a hover at the same spot without any
 * movement, and the chart's tooltip sat over its heading until the mouse was moved. So a chart
 * takes pointer events only after a pointer move of more than `SETTLE_PX` from where the pointer
 * was when the chart appeared, or after any press (a tap on a touch screen). Keyboard focus is
 * not affected.
 */

/** How far (CSS px) the pointer must move before a newly shown chart reacts to it. */
export const SETTLE_PX = 2;

type Point = { readonly x: number; readonly y: number };

/** Where the pointer was last seen in this document (null before any pointer event). */
let lastPointer: Point | null = null;

if (typeof document !== "undefined") {
  const note = (e: PointerEvent): void => {
    lastPointer = { x: e.clientX, y: e.clientY };
  };
  document.addEventListener("pointermove", note, { capture: true, passive: true });
  document.addEventListener("pointerdown", note, { capture: true, passive: true });
}

const useStyles = makeStyles({ quiet: { pointerEvents: "none" } });

/** Whether the pointer has moved (or pressed) since the calling component mounted. */
export function usePointerMoved(): boolean {
  const [moved, setMoved] = React.useState(false);
  React.useEffect(() => {
    if (moved) return;
    let from = lastPointer;
    const check = (e: PointerEvent): void => {
      if (e.type === "pointerdown") return setMoved(true);
      // A first report without a known start (the pointer never moved before): that is where it rests.
      if (from === null) from = { x: e.clientX, y: e.clientY };
      else if (Math.hypot(e.clientX - from.x, e.clientY - from.y) > SETTLE_PX) setMoved(true);
    };
    document.addEventListener("pointermove", check, { passive: true });
    document.addEventListener("pointerdown", check, { passive: true });
    return () => {
      document.removeEventListener("pointermove", check);
      document.removeEventListener("pointerdown", check);
    };
  }, [moved]);
  return moved;
}

/** Wraps a chart: no hover, tooltip or click from the pointer until it has moved (see the file comment). */
export function PointerSettled({ children }: { readonly children: React.ReactNode }): React.JSX.Element {
  const styles = useStyles();
  const moved = usePointerMoved();
  return (
    <div className={moved ? undefined : styles.quiet} data-pointer-settled={moved ? "true" : "false"}>
      {children}
    </div>
  );
}
