import * as React from "react";
import { Button, Field, ProgressBar, Subtitle2 } from "@fluentui/react-components";
import { usePaneStyles } from "./styles";

type Props = {
  /** id of the heading, unique on the page, so the section is labelled by it. */
  readonly headingId: string;
  readonly heading: string;
  /** What the run is doing now, e.g. "Reading rows". */
  readonly phase: string;
  /** Rows done of total, in words, e.g. "4,000 of 25,000 rows". */
  readonly progress: string;
  readonly done: number;
  readonly total: number;
  readonly cancelLabel: string;
  readonly onCancel: () => void;
  /** The Cancel button, which the views focus while a run goes on. */
  readonly cancelRef: React.Ref<HTMLButtonElement>;
};

/** The running state shared by the Segment and Retention views: a labelled progress bar and Cancel. */
export function RunProgress({ headingId, heading, phase, progress, done, total, cancelLabel, onCancel, cancelRef }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {heading}
      </Subtitle2>
      <Field label={phase} validationMessage={progress} validationState="none">
        <ProgressBar value={total === 0 ? 0 : done / total} max={1} aria-valuetext={progress} />
      </Field>
      <div className={styles.row}>
        <Button ref={cancelRef} onClick={onCancel}>
          {cancelLabel}
        </Button>
      </div>
    </section>
  );
}
