/** @jest-environment jsdom */
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { PointerSettled, SETTLE_PX } from "../../../src/taskpane/components/PointerSettled";

/** A pointer event at (x, y) on the document, as the browser sends on a move or press (MouseEvent: jsdom has no PointerEvent). */
function pointer(type: "pointermove" | "pointerdown", x: number, y: number): void {
  act(() => {
    document.body.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, bubbles: true }));
  });
}

const settled = () => screen.getByTestId("chart").parentElement!.dataset.pointerSettled;

describe("PointerSettled", () => {
  it("takes the first report as the resting place when the pointer was never seen (first test: the module is fresh), and reacts to any press", () => {
    render(
      <PointerSettled>
        <div data-testid="chart" />
      </PointerSettled>,
    );
    pointer("pointermove", 10, 10);
    pointer("pointermove", 10, 11);
    expect(settled()).toBe("false");
    // A tap (touch) or click where it rests.
    pointer("pointerdown", 10, 11);
    expect(settled()).toBe("true");
  });

  it("keeps a chart shown under a resting pointer quiet until the pointer moves more than SETTLE_PX", () => {
    // The pointer clicked at (60, 600), as on the Segment button; then the chart appears.
    pointer("pointerdown", 60, 600);
    render(
      <PointerSettled>
        <div data-testid="chart" />
      </PointerSettled>,
    );
    expect(settled()).toBe("false");
    // The browser's hover report after a scroll: same place, no movement.
    pointer("pointermove", 60, 600);
    pointer("pointermove", 60 + SETTLE_PX, 600);
    expect(settled()).toBe("false");
    pointer("pointermove", 60 + SETTLE_PX + 1, 600);
    expect(settled()).toBe("true");
  });
});
