import * as React from "react";
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Subtitle2,
  Text,
  Title3,
} from "@fluentui/react-components";
import type { ExcelPort } from "../excel/port";
import type { Strings } from "../strings/en";
import { ModelCheck } from "./ModelCheck";
import { RunProgress } from "./RunProgress";
import { BehaviourStep, MappingStep, TargetChoice } from "./SetupSteps";
import { SummaryView } from "./SummaryView";
import { RewardsPlan } from "../rewards/RewardsPlan";
import { SlowReadHint } from "./SlowReadHint";
import { usePaneStyles } from "./styles";
import { type Notice, type Setup, useSegmentFlow } from "./useSegmentFlow";

type Props = { readonly port: ExcelPort; readonly strings: Strings };

type NoticeProps = { notice: Notice; strings: Strings; onOffer: (offer: "rfm" | "column") => void; besideEmpty?: boolean };

function NoticeBar({ notice, strings, onOffer, besideEmpty = false }: NoticeProps): React.JSX.Element {
  // The column offer writes beside the data when those cells are empty, else into an inserted column.
  const columnLabel = besideEmpty ? strings.run.targetBeside : strings.run.targetInsert;
  const offerLabel = notice.offer === "rfm" ? strings.run.segmentRfm : notice.offer === "column" ? columnLabel : null;
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.text}</MessageBarBody>
      {offerLabel && notice.offer && (
        <MessageBarActions>
          <Button onClick={() => onOffer(notice.offer as "rfm" | "column")}>{offerLabel}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

function Picked({ setup, strings }: { setup: Setup; strings: Strings }): React.JSX.Element {
  const rows = setup.region.rowCount - (setup.hasHeaders ? 1 : 0);
  return <Text>{strings.pick.picked(setup.region.address, rows)}</Text>;
}

/** The Segment pane: pick the data, map columns, choose behaviour, segment, read the summary. */
export function SegmentPane({ port, strings }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const flow = useSegmentFlow(port, strings);
  const { state } = flow;
  const busy = state.status === "picking" || state.status === "running";

  // Keyboard focus follows the flow: buttons that disappear or get disabled would drop it on <body>.
  const pickRef = React.useRef<HTMLButtonElement>(null);
  const segmentRef = React.useRef<HTMLButtonElement>(null);
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  const resultRef = React.useRef<HTMLDivElement>(null);
  const previous = React.useRef(state.status);
  React.useEffect(() => {
    const was = previous.current;
    previous.current = state.status;
    if (was === state.status) return;
    if (state.status === "running") cancelRef.current?.focus();
    else if (state.status === "done") resultRef.current?.focus();
    else if (state.status === "ready" && was === "running") segmentRef.current?.focus();
    else if (state.status === "start" && was === "picking") pickRef.current?.focus();
  }, [state.status]);

  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.section}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        {/* The first-run explanation; once data is picked the steps speak for themselves and Segment stays on the first screen. */}
        {(state.status === "start" || state.status === "picking") && <Body1>{strings.appIntro}</Body1>}
      </header>

      <section className={styles.section} aria-labelledby="pick-heading">
        <Subtitle2 as="h2" id="pick-heading">
          {strings.pick.heading}
        </Subtitle2>
        {state.status === "start" && <Text className={styles.muted}>{strings.pick.hint}</Text>}
        {(state.status === "ready" || state.status === "running" || state.status === "done") && <Picked setup={state.setup} strings={strings} />}
        <div className={styles.row}>
          <Button ref={pickRef} appearance={state.status === "start" ? "primary" : "secondary"} disabledFocusable={busy} onClick={() => void flow.pickSelection()}>
            {strings.pick.useSelection}
          </Button>
        </div>
        {state.status === "picking" && (
          <>
            <Field validationMessage={strings.pick.reading} validationState="none">
              <ProgressBar aria-label={strings.pick.reading} />
            </Field>
            <SlowReadHint text={strings.pick.editModeHint} />
          </>
        )}
        {state.status === "start" && state.notice && <NoticeBar notice={state.notice} strings={strings} onOffer={flow.accept} />}
      </section>

      {state.status === "ready" && (
        <>
          <MappingStep setup={state.setup} strings={strings} onMapping={flow.setMapping} onHasHeaders={flow.setHasHeaders} />
          <BehaviourStep setup={state.setup} strings={strings} onChange={flow.update} />
          <section className={styles.section} aria-labelledby="run-heading">
            <Subtitle2 as="h2" id="run-heading">
              {state.setup.mode === "rfm" ? strings.run.headingRfm : strings.run.heading}
            </Subtitle2>
            {state.setup.mode === "rfm" && state.setup.mapping.columns.attitude === null && <Text>{strings.run.rfmNoAttitude}</Text>}
            <TargetChoice setup={state.setup} strings={strings} onChange={flow.update} />
            {state.notice && <NoticeBar notice={state.notice} strings={strings} onOffer={flow.accept} besideEmpty={state.setup.targets.beside.kind === "empty"} />}
            <div className={styles.row}>
              <Button ref={segmentRef} appearance="primary" onClick={() => void flow.segment()}>
                {state.setup.mode === "rfm" ? strings.run.segmentRfm : strings.run.segment}
              </Button>
            </div>
          </section>
        </>
      )}

      {state.status === "running" && (
        <RunProgress
          headingId="run-heading"
          heading={state.setup.mode === "rfm" ? strings.run.headingRfm : strings.run.heading}
          phase={strings.run.phase[state.phase]}
          progress={strings.run.progress(state.done, state.total)}
          done={state.done}
          total={state.total}
          cancelLabel={strings.run.cancel}
          onCancel={flow.cancel}
          cancelRef={cancelRef}
        />
      )}

      {state.status === "done" && (
        <>
          <div ref={resultRef} tabIndex={-1} className={styles.section}>
          <MessageBar intent={state.written.kind === "sheet" && !state.written.formatted ? "warning" : "success"} layout="multiline">
            <MessageBarBody>
              <Text as="p" block>
                {state.written.kind === "sheet" ? strings.run.wroteSheet(state.written.name) : strings.run.wroteColumn}
              </Text>
              {state.written.kind === "sheet" && !state.written.formatted && (
                <Text as="p" block>
                  {strings.run.notFormatted}
                </Text>
              )}
            </MessageBarBody>
          </MessageBar>
          </div>
          <SummaryView result={state.result} strings={strings} dark={port.officeTheme() === "dark"} />
          <RewardsPlan result={state.result} strings={strings} sheetName={state.written.kind === "sheet" ? state.written.name : null} write={port.writeRewardsTable} />
          <div className={styles.row}>
            <Button onClick={flow.startOver}>{strings.run.startOver}</Button>
          </div>
        </>
      )}

      {/* Independent of the customer table; hidden while the Segment flow itself talks to Excel. */}
      {state.status !== "picking" && state.status !== "running" && <ModelCheck port={port} strings={strings} dark={port.officeTheme() === "dark"} />}
    </main>
  );
}
