/**
 * Segment names as the pane shows and writes them. The rule engine (src/analytics) names
 * segments in English ("Loyal", "Champions"); those names stay the keys everywhere inside the
 * pane, and only what a person reads — the pane and the cells it writes — goes through here.
 */
import { SEGMENTS, type Segment } from "../../analytics/segments/loyaltySegment";
import type { SegmentColour } from "../excel/types";
import type { Strings } from "../strings/en";

const isGroup = (name: string): name is Segment => (SEGMENTS as readonly string[]).includes(name);

/** "Locked-in" → "Zwangsgebunden" (de), "Champions" → "Toppkunder" (nb); a name the strings do not know (custom RFM rules) as it is. */
export function segmentText(strings: Strings, name: string): string {
  if (isGroup(name)) return strings.segmentLabel[name];
  return Object.prototype.hasOwnProperty.call(strings.rfmSegmentLabel, name) ? strings.rfmSegmentLabel[name] : name;
}

/** The colour rules with the names the sheet will hold, so "begins with" still matches each segment's cells. */
export function colourRulesIn(strings: Strings, colours: readonly SegmentColour[]): SegmentColour[] {
  return colours.map((c) => ({ ...c, name: segmentText(strings, c.name) }));
}
