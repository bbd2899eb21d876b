/**
 * A per-segment table for a narrow pane (below 480 px): one block per segment, its name (with an
 * optional colour swatch) and the table's values in the table's column order as label–value pairs.
 * The Segment summary and the predicted-value summary use it, so both read the same way at 320 px.
 */
import * as React from "react";
import { Text, mergeClasses } from "@fluentui/react-components";
import { usePaneStyles } from "./styles";

type Props<R> = {
  readonly rows: readonly R[];
  readonly label: string;
  readonly segmentOf: (row: R) => string;
  readonly name: (row: R) => string;
  readonly pairs: (row: R) => readonly (readonly [string, string])[];
  /** The segment's colour, shown as a swatch before its name; none when undefined. */
  readonly colour?: (row: R) => string | undefined;
};

export function StackedSegmentList<R>({ rows, label, segmentOf, name, pairs, colour }: Props<R>): React.ReactElement {
  const styles = usePaneStyles();
  return (
    <ul className={mergeClasses(styles.list, styles.stacked)} aria-label={label}>
      {rows.map((row) => {
        const swatch = colour?.(row);
        return (
          <li key={segmentOf(row)} className={styles.stackedItem}>
            <Text weight="semibold" className={styles.segmentCell}>
              {swatch && <span className={styles.swatch} style={{ backgroundColor: swatch }} aria-hidden="true" />}
              {name(row)}
            </Text>
            <dl className={styles.pairs}>
              {pairs(row).map(([key, value]) => (
                <React.Fragment key={key}>
                  <dt>{key}</dt>
                  <dd className={styles.numberCell}>{value}</dd>
                </React.Fragment>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
