/**
 * The one fixed colour palette of the pane: the four segment colours, shared by the pane (chart,
 * badges) and the sheet's conditional formats. Everything else in the pane uses Fluent tokens.
 *
 * Contrast (WCAG 2 relative luminance; checked in test/taskpane/palette.test.ts):
 * - black text on each fill ≥ 4.9 : 1 (AA for normal text);
 * - each fill against white (#ffffff, light theme) ≥ 3.1 : 1 and against Fluent's dark
 *   background (#292929) ≥ 3.4 : 1 (AA for graphics, WCAG 1.4.11), so chart bars stay visible
 *   in both themes.
 */
import { SEGMENTS, type Segment } from "../analytics/segments/loyaltySegment";

export type SegmentColour = { readonly name: Segment; readonly fill: string; readonly font: string };

export const SEGMENT_COLOURS: Readonly<Record<Segment, SegmentColour>> = {
  Loyal: { name: "Loyal", fill: "#2E8B57", font: "#000000" },
  Reachable: { name: "Reachable", fill: "#3B82C4", font: "#000000" },
  "Locked-in": { name: "Locked-in", fill: "#D97706", font: "#000000" },
  "High-risk": { name: "High-risk", fill: "#DC5050", font: "#000000" },
};

/** In display order, for the sheet's conditional-format rules. */
export const SEGMENT_COLOUR_LIST: readonly SegmentColour[] = SEGMENTS.map((s) => SEGMENT_COLOURS[s]);

/** WCAG 2 relative luminance of "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const x = relativeLuminance(a);
  const y = relativeLuminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
