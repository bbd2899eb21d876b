import * as React from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { FitRefusal } from "../../analytics/numeric/fitBoundary";
import type { Strings } from "../strings/en";

const useStyles = makeStyles({
  body: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS },
  details: { marginBlockStart: tokens.spacingVerticalXS },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink, ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
  technical: { display: "block", marginBlockStart: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

type Props = {
  readonly refusal: FitRefusal | null;
  /** The core's technical message, shown behind the disclosure. */
  readonly message: string;
  readonly strings: Strings;
  readonly intent: "warning" | "error";
  /** What the refusal means for this view, before the reason (e.g. "the segments are complete"). */
  readonly lead?: string;
  /** One more thing to try that only this view offers. */
  readonly extraNext?: string;
};

/** A fit's refusal in an analyst's words, what to try next, and the technical reason one click away (a native disclosure: keyboard and screen readers know it). */
export function FitRefusalNotice({ refusal, message, strings, intent, lead, extraNext }: Props): React.JSX.Element {
  const styles = useStyles();
  const f = strings.fitRefusal;
  const words = refusal === null ? f.other : f.kinds[refusal];
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        <div className={styles.body}>
          {lead && <Text>{lead}</Text>}
          <Text weight="semibold">{words.what}</Text>
          <Text>{extraNext ? `${words.next} ${extraNext}` : words.next}</Text>
          <details className={styles.details}>
            <summary className={styles.summary}>{f.technical}</summary>
            <Text className={styles.technical}>{message}</Text>
          </details>
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
