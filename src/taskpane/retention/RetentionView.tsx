import * as React from "react";
import { ColumnSelect } from "../components/ColumnSelect";
import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Text,
  Title3,
} from "@fluentui/react-components";
import { PERIOD_KINDS, type PeriodKind } from "../../analytics/orders/calendarPeriods";
import { RunProgress } from "../components/RunProgress";
import { SlowReadHint } from "../components/SlowReadHint";
import { usePaneStyles } from "../components/styles";
import { columnLetter, headerTexts } from "../model/mapping";
import type { Strings } from "../strings/en";
import { RetentionCurve, readingText } from "./RetentionCurve";
import { LONGEST_PERIOD_DAYS, type LogIssueGroup, type LogMapping, type RetentionResult, type RetentionSource } from "./retentionRun";
import { COHORT_ROLES, type CohortRole } from "./cohortLongTable";
import { PERIOD_TABLE_ROLES, REQUIRED_PERIOD_ROLES, type PeriodTableRole } from "./periodRetentionTable";
import { percentText } from "./RetentionCurve";
import { ymdFromSerial } from "../../analytics/orders/dates";
import { type RetentionNotice, type RetentionPort, type RetentionSetup, useRetentionFlow } from "./useRetentionFlow";

type Props = { readonly port: RetentionPort; readonly strings: Strings };

function Notice({ notice }: { notice: RetentionNotice }): React.JSX.Element {
  return (
    <MessageBar intent={notice.intent} layout="multiline">
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}

/** "3 rows left out: order date blank (rows 7, 12, 40)", one line per reason. */
export function issueLines(issues: readonly LogIssueGroup[], strings: Strings): string[] {
  const s = strings.retention.issues;
  return issues.map((g) => s.line(g.count, s.reason(g.issue), g.rows, g.count > g.rows.length));
}

function Issues({ issues, strings }: { issues: readonly LogIssueGroup[]; strings: Strings }): React.JSX.Element | null {
  const styles = usePaneStyles();
  if (issues.length === 0) return null;
  return (
    <>
      <Subtitle2 as="h3">{strings.retention.issues.heading}</Subtitle2>
      <ul className={styles.list}>
        {issueLines(issues, strings).map((line) => (
          <li key={line}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}

type SetupProps = {
  readonly setup: RetentionSetup;
  readonly strings: Strings;
  readonly onHasHeaders: (value: boolean) => void;
  readonly onMapping: (mapping: LogMapping) => void;
  readonly onCohortColumn: (role: CohortRole, column: number | null) => void;
  readonly onPeriodColumn: (role: PeriodTableRole, column: number | null) => void;
  readonly onPeriod: (period: PeriodKind) => void;
  readonly onActiveDays: (text: string) => void;
};

function SetupSteps({ setup, strings, onHasHeaders, onMapping, onCohortColumn, onPeriodColumn, onPeriod, onActiveDays }: SetupProps): React.JSX.Element {
  const styles = usePaneStyles();
  const m = strings.retention.map;
  const p = strings.retention.settings;
  const t = strings.retention.table;
  const heads = headerTexts(setup.firstRows, setup.hasHeaders, setup.region.columnCount);
  const options = heads.map((h, c) => ({ value: String(c), label: strings.map.columnOption(columnLetter(setup.region.columnIndex + c), h) }));
  const field = (key: keyof LogMapping, label: string, hint: string) => (
    <ColumnSelect
      label={label}
      hint={hint}
      required
      value={setup.mapping[key] === null ? "" : String(setup.mapping[key])}
      options={options}
      notMapped={strings.map.notMapped}
      onChange={(value) => onMapping({ ...setup.mapping, [key]: value === "" ? null : Number(value) })}
    />
  );
  const tableField = <R extends string>(role: R, value: number | null, label: string, hint: string | undefined, required: boolean, onChange: (role: R, column: number | null) => void) => (
    <ColumnSelect
      key={role}
      label={label}
      hint={hint}
      required={required}
      value={value === null ? "" : String(value)}
      options={options}
      notMapped={strings.map.notMapped}
      onChange={(v) => onChange(role, v === "" ? null : Number(v))}
    />
  );
  const fromTable = setup.input !== "log";
  return (
    <>
      <section className={styles.section} aria-labelledby="retention-map-heading">
        <Subtitle2 as="h2" id="retention-map-heading">
          {m.heading}
        </Subtitle2>
        <Checkbox checked={setup.hasHeaders} onChange={(_, d) => onHasHeaders(d.checked === true)} label={strings.pick.headersCheckbox} />
        {setup.input === "log" && (
          <>
            {field("id", m.id, m.idHint)}
            {field("date", m.date, m.dateHint)}
          </>
        )}
        {setup.input === "cohortTable" &&
          COHORT_ROLES.map((role) => tableField(role, setup.cohortColumns[role], t.cohortRoles[role], t.cohortHints[role], role !== "share" && role !== "active", onCohortColumn))}
        {setup.input === "periodTable" &&
          PERIOD_TABLE_ROLES.map((role) => tableField(role, setup.periodColumns[role], t.periodRoles[role], undefined, REQUIRED_PERIOD_ROLES.includes(role), onPeriodColumn))}
      </section>
      <section className={styles.section} aria-labelledby="retention-settings-heading">
        <Subtitle2 as="h2" id="retention-settings-heading">
          {p.heading}
        </Subtitle2>
        <Field label={p.period} hint={fromTable ? t.periodHint : undefined}>
          <Select value={setup.period} onChange={(_, d) => onPeriod(d.value as PeriodKind)}>
            {PERIOD_KINDS.map((k) => (
              <option key={k} value={k}>
                {p.periods[k]}
              </option>
            ))}
          </Select>
        </Field>
        {setup.input !== "cohortTable" && (
          <Field label={p.activeDays} hint={fromTable ? t.activeDaysHint : p.activeDaysHint(LONGEST_PERIOD_DAYS[setup.period])}>
            <Input inputMode="numeric" value={setup.activeDays} onChange={(_, d) => onActiveDays(d.value)} />
          </Field>
        )}
      </section>
    </>
  );
}

/** What the success message says was written: all three parts from a log, the part a warehouse table gives otherwise. */
function wroteText(result: RetentionResult, sheet: string, strings: Strings): string {
  const r = strings.retention;
  if (result.source === "cohortTable") return r.table.wroteTriangle(sheet);
  if (result.source === "periodTable") return r.table.wrotePeriods(sheet);
  return r.run.wroteSheet(sheet);
}

/** The period table's one-line reading: the latest period with customers at its start, and the share of them still active at its end. */
export function periodReadingText(result: RetentionResult, strings: Strings): string | null {
  const p = result.periods;
  if (!p) return null;
  for (let i = p.periodStart.length - 1; i >= 0; i--) {
    if (p.customersStart[i] > 0) {
      const { year, month, day } = ymdFromSerial(p.periodStart[i]);
      const name = strings.retention.curve.cohortName(p.kind, year, month, day);
      return strings.retention.table.periodReading(name, percentText(strings, p.retention[i]), p.customersStart[i]);
    }
  }
  return null;
}

/** The Retention view: pick an order log, map id and date, choose the period, build the Cohorts sheet, read the curve. */
export function RetentionView({ port, strings }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const flow = useRetentionFlow(port, strings);
  const { state } = flow;
  const r = strings.retention;
  const busy = state.status === "picking" || state.status === "running";

  // Keyboard focus follows the flow, as in the Segment pane.
  const pickRef = React.useRef<HTMLButtonElement>(null);
  const buildRef = React.useRef<HTMLButtonElement>(null);
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  const resultRef = React.useRef<HTMLDivElement>(null);
  const previous = React.useRef(state.status);
  React.useEffect(() => {
    const was = previous.current;
    previous.current = state.status;
    if (was === state.status) return;
    if (state.status === "running") cancelRef.current?.focus();
    else if (state.status === "done") resultRef.current?.focus();
    else if (state.status === "ready" && was === "running") buildRef.current?.focus();
    else if (state.status === "start" && was === "picking") pickRef.current?.focus();
  }, [state.status]);

  const picked = state.status === "ready" || state.status === "running" || state.status === "done" ? state.setup : null;

  return (
    <main className={styles.root} aria-busy={busy}>
      <header className={styles.section}>
        <Title3 as="h1">{strings.appTitle}</Title3>
        <Body1>{r.intro}</Body1>
      </header>

      <section className={styles.section} aria-labelledby="retention-pick-heading">
        <Subtitle2 as="h2" id="retention-pick-heading">
          {r.pick.heading}
        </Subtitle2>
        {state.status === "start" && <Text className={styles.muted}>{r.pick.hint}</Text>}
        {picked && (
          <Text>
            {(picked.input === "log" ? r.pick.picked : r.table.picked)(picked.region.address, picked.region.rowCount - (picked.hasHeaders ? 1 : 0))}
          </Text>
        )}
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
        {state.status === "start" && state.notice && <Notice notice={state.notice} />}
        {state.status === "ready" && (
          <>
            <Field label={r.table.inputLabel} hint={state.setup.detected ? r.table.detected : undefined}>
              {/* Long options: a native select is as wide as its longest one, so it is held to the pane's width (320 px). */}
              <Select
                value={state.setup.input}
                onChange={(_, d) => flow.setInput(d.value as RetentionSource)}
                root={{ style: { minWidth: 0, maxWidth: "100%" } }}
                style={{ width: "100%", minWidth: 0 }}
              >
                {(["log", "cohortTable", "periodTable"] as const).map((input) => (
                  <option key={input} value={input}>
                    {r.table.inputs[input]}
                  </option>
                ))}
              </Select>
            </Field>
          </>
        )}
      </section>

      {state.status === "ready" && (
        <>
          <SetupSteps
            setup={state.setup}
            strings={strings}
            onHasHeaders={flow.setHasHeaders}
            onMapping={flow.setMapping}
            onCohortColumn={flow.setCohortColumn}
            onPeriodColumn={flow.setPeriodColumn}
            onPeriod={flow.setPeriod}
            onActiveDays={flow.setActiveDays}
          />
          <section className={styles.section} aria-labelledby="retention-run-heading">
            <Subtitle2 as="h2" id="retention-run-heading">
              {r.run.heading}
            </Subtitle2>
            {state.notice && <Notice notice={state.notice} />}
            <Issues issues={state.issues} strings={strings} />
            <div className={styles.row}>
              <Button ref={buildRef} appearance="primary" onClick={() => void flow.build()}>
                {state.setup.input === "periodTable" ? r.table.build : r.run.build}
              </Button>
            </div>
          </section>
        </>
      )}

      {state.status === "running" && (
        <RunProgress
          headingId="retention-run-heading"
          heading={r.run.heading}
          phase={r.run.phase[state.phase]}
          progress={r.run.progress(state.done, state.total)}
          done={state.done}
          total={state.total}
          cancelLabel={r.run.cancel}
          onCancel={flow.cancel}
          cancelRef={cancelRef}
        />
      )}

      {state.status === "done" && (
        <>
          <div ref={resultRef} tabIndex={-1} className={styles.section}>
            <MessageBar intent={state.written.formatted ? "success" : "warning"} layout="multiline">
              <MessageBarBody>
                <Text as="p" block>
                  {wroteText(state.result, state.written.sheetName, strings)}
                </Text>
                {!state.written.formatted && (
                  <Text as="p" block>
                    {r.run.notFormatted}
                  </Text>
                )}
              </MessageBarBody>
            </MessageBar>
          </div>
          {state.result.cohorts && (
            <section className={styles.section} aria-labelledby="retention-curve-heading">
              <Subtitle2 as="h2" id="retention-curve-heading">
                {r.curve.heading}
              </Subtitle2>
              <Text>
                {state.result.orders === null
                  ? r.table.cohortTotals(state.result.cohorts.cohortSize.reduce((a, b) => a + b, 0), state.result.cohorts.cohortStart.length)
                  : r.run.totals(state.result.orders, state.result.cohorts.cohortSize.reduce((a, b) => a + b, 0), state.result.cohorts.cohortStart.length)}
              </Text>
              {readingText(state.result, strings) && <Text weight="semibold">{readingText(state.result, strings)}</Text>}
              {state.result.smallCohorts > 0 && <Text>{r.curve.smallLeftOut(state.result.smallCohorts, state.result.minCohortSize)}</Text>}
              <RetentionCurve result={state.result} strings={strings} dark={port.officeTheme() === "dark"} />
              <Issues issues={state.result.issues} strings={strings} />
            </section>
          )}
          {!state.result.cohorts && state.result.periods && (
            <section className={styles.section} aria-labelledby="retention-periods-heading">
              <Subtitle2 as="h2" id="retention-periods-heading">
                {r.table.periodsHeading}
              </Subtitle2>
              <Text>{r.table.periodTotals(state.result.periods.periodStart.length)}</Text>
              {periodReadingText(state.result, strings) && <Text weight="semibold">{periodReadingText(state.result, strings)}</Text>}
            </section>
          )}
          <div className={styles.row}>
            <Button onClick={flow.startOver}>{r.run.startOver}</Button>
          </div>
        </>
      )}
    </main>
  );
}
