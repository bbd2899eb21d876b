import * as React from "react";

/** Below this width (px) a wide table is shown stacked or with fewer columns, so a 320 px pane needs no sideways scrolling. */
export const NARROW_WIDTH = 480;

/** Whether the element is narrower than `width`, followed with a ResizeObserver (false until measured, and where there is none). */
export function useNarrow<T extends HTMLElement>(width = NARROW_WIDTH): [React.RefObject<T | null>, boolean] {
  const ref = React.useRef<T>(null);
  const [narrow, setNarrow] = React.useState(false);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const update = () => {
      const w = el.getBoundingClientRect().width;
      if (w > 0) setNarrow(w < width);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [width]);
  return [ref, narrow];
}
