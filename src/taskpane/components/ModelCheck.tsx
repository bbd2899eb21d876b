import * as React from "react";
import { ColumnSelect } from "./ColumnSelect";
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { GroupedVerticalBarChart, type GroupedVerticalBarChartData, getNextColor } from "@fluentui/react-charts";
import { type FitRefusal, FitRefusalError } from "../../analytics/numeric/fitBoundary";
import type { ExcelPort } from "../excel/port";
import type { Region } from "../excel/types";
import { columnLetter, detectHeaders, headerTexts, withColumnFor } from "../model/mapping";
import { type CheckResult, type HoldoutComparison, type OrderLog, checkModel, defaultCalibrationEnd, guessOrderLogColumns, readOrderLog } from "../model/modelCheck";
import { HOLDOUT_ROLES, type HoldoutColumns, type HoldoutRole, HoldoutTableError, checkHoldoutTable, guessHoldoutColumns, isHoldoutTable, readHoldoutTable } from "../model/holdoutTable";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { Strings } from "../strings/en";
import { FitRefusalNotice } from "./FitRefusalNotice";
import { PointerSettled } from "./PointerSettled";
import { ModelReportSection } from "./ModelReport";
import { SlowReadHint } from "./SlowReadHint";
import { usePaneStyles } from "./styles";
import { useNarrow } from "./useNarrow";
import { formatNumber, noticeFor } from "./useSegmentFlow";

/** What the selection holds: an order log, or a calibration/holdout table (per customer or grouped). */
type Kind = "log" | "table";

/** The table's columns as the selects hold them ("" for none), the typed holdout length and the unit. */
type TableFields = { readonly columns: Readonly<Record<HoldoutRole, string>>; readonly length: string; readonly unit: TimeUnit };

type Picked = {
  readonly kind: Kind;
  readonly table: TableFields;
  readonly region: Region;
  readonly firstRows: readonly (readonly unknown[])[];
  readonly hasHeaders: boolean;
  readonly id: string;
  readonly date: string;
  readonly log: OrderLog | null;
  readonly calibrationEnd: string;
};

type CheckState =
  | { readonly status: "idle"; readonly error: string | null }
  | { readonly status: "reading" }
  | { readonly status: "picked"; readonly picked: Picked; readonly error: string | null; readonly failure?: Failure }
  | { readonly status: "fitting"; readonly picked: Picked }
  | { readonly status: "done"; readonly picked: Picked; readonly result: CheckResult }
  | { readonly status: "tableDone"; readonly picked: Picked; readonly result: HoldoutComparison; readonly rows: number };

/** A fit that refused the calibration period: the kind (fitBoundary.ts) and the core's message. */
type Failure = { readonly refusal: FitRefusal | null; readonly message: string };

type Props = { readonly port: ExcelPort; readonly strings: Strings; readonly dark?: boolean };

/** Reads the whole log for the picked columns (null when no row has both an id and a date). */
async function loadLog(port: ExcelPort, picked: Picked): Promise<OrderLog | null> {
  const headerRows = picked.hasHeaders ? 1 : 0;
  const rows = await port.readRows(picked.region, headerRows, picked.region.rowCount - headerRows);
  const log = readOrderLog(rows, Number(picked.id), Number(picked.date), picked.region.rowIndex + headerRows + 1);
  return log.orders === 0 ? null : log;
}

const asFields = (c: HoldoutColumns): TableFields["columns"] =>
  Object.fromEntries(HOLDOUT_ROLES.map((r) => [r, c[r] === null ? "" : String(c[r])])) as TableFields["columns"];
const asColumns = (c: TableFields["columns"]): HoldoutColumns =>
  Object.fromEntries(HOLDOUT_ROLES.map((r) => [r, c[r] === "" ? null : Number(c[r])])) as unknown as HoldoutColumns;

/** "Check the model": pick an order log, choose the calibration end, compare predicted and actual holdout purchases. */
export function ModelCheck({ port, strings, dark = false }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const c = strings.btyd.check;
  const t = c.onTable;
  const [state, setState] = React.useState<CheckState>({ status: "idle", error: null });
  const resultRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.status === "done" || state.status === "tableDone") resultRef.current?.focus();
  }, [state.status]);

  const pickLog = async (): Promise<void> => {
    setState({ status: "reading" });
    try {
      const { region, firstRows } = await port.readSelection();
      const hasHeaders = detectHeaders(firstRows);
      const guess = guessOrderLogColumns(firstRows, hasHeaders, region.columnCount);
      const tableGuess = guessHoldoutColumns(firstRows, hasHeaders, region.columnCount);
      const table: TableFields = { columns: asFields(tableGuess), length: "", unit: "week" };
      const base: Picked = { kind: "log", table, region, firstRows, hasHeaders, id: guess.id === null ? "" : String(guess.id), date: guess.date === null ? "" : String(guess.date), log: null, calibrationEnd: "" };
      if (isHoldoutTable(tableGuess)) {
        setState({ status: "picked", picked: { ...base, kind: "table" }, error: null });
        return;
      }
      if (region.rowCount === 0 || base.id === "" || base.date === "") {
        setState({ status: "picked", picked: base, error: region.rowCount === 0 ? c.noDates : c.needColumns });
        return;
      }
      const log = await loadLog(port, base);
      setState({ status: "picked", picked: { ...base, log, calibrationEnd: log ? strings.format.date(defaultCalibrationEnd(log)) : "" }, error: log ? null : c.noDates });
    } catch (error) {
      setState({ status: "idle", error: noticeFor(error, strings).text });
    }
  };

  const setColumn = async (picked: Picked, change: Partial<Picked>): Promise<void> => {
    const next = { ...picked, ...change, log: null };
    setState({ status: "picked", picked: next, error: null });
    if (next.id === "" || next.date === "" || next.id === next.date) {
      setState({ status: "picked", picked: next, error: c.needColumns });
      return;
    }
    try {
      const log = await loadLog(port, next);
      setState({ status: "picked", picked: { ...next, log, calibrationEnd: log ? strings.format.date(defaultCalibrationEnd(log)) : "" }, error: log ? null : c.noDates });
    } catch (error) {
      setState({ status: "picked", picked: next, error: noticeFor(error, strings).text });
    }
  };

  const setKind = async (picked: Picked, kind: Kind): Promise<void> => {
    if (kind === "table") setState({ status: "picked", picked: { ...picked, kind }, error: null });
    else await setColumn({ ...picked, kind }, {});
  };

  /** The check on a calibration/holdout table: read it all, refuse a bad cell by its column and row, fit with the weights. */
  const runTable = async (picked: Picked): Promise<void> => {
    const cols = asColumns(picked.table.columns);
    if (cols.x === null || cols.tx === null || cols.T === null || cols.xHoldout === null) {
      setState({ status: "picked", picked, error: t.needColumns });
      return;
    }
    let typed: number | null = null;
    if (cols.holdoutLength === null) {
      typed = strings.format.parseNumber(picked.table.length);
      if (typed === null || !(typed > 0)) {
        setState({ status: "picked", picked, error: t.badLength });
        return;
      }
    }
    setState({ status: "fitting", picked });
    try {
      const headerRows = picked.hasHeaders ? 1 : 0;
      const rows = await port.readRows(picked.region, headerRows, picked.region.rowCount - headerRows);
      const table = readHoldoutTable(rows, cols, picked.region.rowIndex + headerRows + 1, typed);
      const result = await checkHoldoutTable(table);
      setState({ status: "tableDone", picked, result, rows: table.rows });
    } catch (error) {
      if (error instanceof HoldoutTableError) {
        const c0 = cols[error.issue.role];
        const column = c0 === null ? t.roles[error.issue.role] : strings.map.columnOption(columnLetter(picked.region.columnIndex + c0), headerTexts(picked.firstRows, picked.hasHeaders, picked.region.columnCount)[c0]);
        setState({ status: "picked", picked, error: t.issue(error.issue, column) });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof FitRefusalError) setState({ status: "picked", picked, error: null, failure: { refusal: error.refusal, message } });
      else setState({ status: "picked", picked, error: noticeFor(error, strings).text });
    }
  };

  const run = async (picked: Picked): Promise<void> => {
    const log = picked.log;
    if (!log) return;
    const end = strings.format.parseDate(picked.calibrationEnd);
    if (end === null || end <= log.firstDate || end >= log.lastDate) {
      setState({ status: "picked", picked, error: c.badDate(strings.format.date(log.firstDate), strings.format.date(log.lastDate)) });
      return;
    }
    setState({ status: "fitting", picked });
    try {
      const result = await checkModel(log, end);
      setState({ status: "done", picked, result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setState({ status: "picked", picked, error: null, failure: { refusal: error instanceof FitRefusalError ? error.refusal : null, message } });
    }
  };

  const picked = state.status === "picked" || state.status === "fitting" || state.status === "done" || state.status === "tableDone" ? state.picked : null;
  const error = (state.status === "idle" || state.status === "picked") && state.error ? state.error : null;
  const options = picked
    ? headerTexts(picked.firstRows, picked.hasHeaders, picked.region.columnCount).map((h, i) => ({ value: String(i), label: strings.map.columnOption(columnLetter(picked.region.columnIndex + i), h) }))
    : [];
  const log = picked?.log ?? null;

  return (
    <section className={styles.section} aria-labelledby="check-heading">
      <Subtitle2 as="h2" id="check-heading">
        {c.heading}
      </Subtitle2>
      <Body1>{c.intro}</Body1>
      {/* An advanced option: folded by default (native disclosure, left to the browser so a re-render never closes it). */}
      <details className={styles.section}>
      <summary className={styles.disclosure}>{c.unfold}</summary>
      <Text className={styles.muted}>{c.pickHint}</Text>
      <div className={styles.row}>
        <Button disabledFocusable={state.status === "reading" || state.status === "fitting"} onClick={() => void pickLog()}>
          {c.useLog}
        </Button>
      </div>
      {state.status === "reading" && (
        <Field validationMessage={c.reading} validationState="none">
          <ProgressBar aria-label={c.reading} />
        </Field>
      )}
      {state.status === "reading" && <SlowReadHint text={strings.pick.editModeHint} />}
      {picked && (
        <Field label={t.kindLabel}>
          {/* The options are long sentences: a native select is as wide as its longest option, so it is held to the pane's width (320 px). */}
          <Select
            value={picked.kind}
            disabled={state.status === "fitting"}
            onChange={(_, d) => void setKind(picked, d.value as Kind)}
            root={{ style: { minWidth: 0, maxWidth: "100%" } }}
            style={{ width: "100%", minWidth: 0 }}
          >
            <option value="log">{t.kinds.log}</option>
            <option value="table">{t.kinds.table}</option>
          </Select>
        </Field>
      )}
      {picked && picked.kind === "table" && (
        <>
          <Text>{t.picked(picked.region.address, picked.region.rowCount - (picked.hasHeaders ? 1 : 0))}</Text>
          {HOLDOUT_ROLES.map((role) => (
            <ColumnSelect
              key={role}
              label={t.roles[role]}
              hint={role === "weight" ? t.weightHint : undefined}
              value={picked.table.columns[role]}
              options={options}
              notMapped={strings.map.notMapped}
              onChange={(value) => {
                // A column plays one role: taking it here takes it from the role that had it.
                const columns = withColumnFor(picked.table.columns, HOLDOUT_ROLES, role, value, "");
                setState({ status: "picked", picked: { ...picked, table: { ...picked.table, columns } }, error: null });
              }}
            />
          ))}
          {picked.table.columns.holdoutLength === "" && (
            <Field label={t.lengthLabel} hint={t.lengthHint}>
              <Input
                value={picked.table.length}
                onChange={(_, d) => setState({ status: "picked", picked: { ...picked, table: { ...picked.table, length: d.value } }, error: null })}
                disabled={state.status === "fitting"}
              />
            </Field>
          )}
          <Field label={strings.btyd.map.unitLabel}>
            <Select
              value={picked.table.unit}
              onChange={(_, d) => setState({ status: "picked", picked: { ...picked, table: { ...picked.table, unit: d.value as TimeUnit } }, error: null })}
            >
              {(Object.keys(strings.btyd.map.units) as TimeUnit[]).map((u) => (
                <option key={u} value={u}>
                  {strings.btyd.map.units[u]}
                </option>
              ))}
            </Select>
          </Field>
          {picked.table.columns.weight !== "" && <Text>{t.grouped}</Text>}
          <div className={styles.row}>
            <Button appearance="primary" disabledFocusable={state.status === "fitting"} onClick={() => void runTable(picked)}>
              {c.run}
            </Button>
          </div>
        </>
      )}
      {picked && picked.kind === "log" && (
        <>
          <Text>{c.picked(picked.region.address, log ? log.orders : picked.region.rowCount - (picked.hasHeaders ? 1 : 0))}</Text>
          <ColumnSelect
            label={c.idColumn}
            value={picked.id}
            options={options}
            notMapped={strings.map.notMapped}
            onChange={(value) => void setColumn(picked, { id: value })}
          />
          <ColumnSelect
            label={c.dateColumn}
            value={picked.date}
            options={options}
            notMapped={strings.map.notMapped}
            onChange={(value) => void setColumn(picked, { date: value })}
          />
          {log && (
            <>
              <Field label={c.calibrationEnd} hint={c.calibrationHelp(strings.format.date(log.firstDate), strings.format.date(log.lastDate))}>
                <Input
                  value={picked.calibrationEnd}
                  onChange={(_, d) => setState({ status: "picked", picked: { ...picked, calibrationEnd: d.value }, error: null })}
                  disabled={state.status === "fitting"}
                />
              </Field>
              {log.skipped > 0 && <Text>{c.skippedRows(log.skipped)}</Text>}
              <div className={styles.row}>
                <Button appearance="primary" disabledFocusable={state.status === "fitting"} onClick={() => void run(picked)}>
                  {c.run}
                </Button>
              </div>
            </>
          )}
        </>
      )}
      {state.status === "fitting" && (
        <Field validationMessage={c.fitting} validationState="none">
          <ProgressBar aria-label={c.fitting} />
        </Field>
      )}
      {state.status === "picked" && state.failure && (
        <FitRefusalNotice intent="error" refusal={state.failure.refusal} message={state.failure.message} strings={strings} lead={c.failed} extraNext={strings.fitRefusal.checkNext} />
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && (
        <div ref={resultRef} tabIndex={-1} className={styles.section}>
          <CheckResultView result={state.result} strings={strings} dark={dark} />
          {state.picked.log && <ModelReportSection port={port} strings={strings} log={state.picked.log} result={state.result} dark={dark} />}
        </div>
      )}
      {state.status === "tableDone" && (
        <div ref={resultRef} tabIndex={-1} className={styles.section}>
          <CheckResultView
            result={state.result}
            strings={strings}
            dark={dark}
            summary={t.result(
              formatNumber(strings, state.result.holdoutWeeks, 1),
              strings.btyd.map.unitInSentence[state.picked.table.unit],
              state.result.customers,
              state.rows,
              formatNumber(strings, state.result.actualTotal, 0),
              formatNumber(strings, state.result.predictedTotal, 0),
            )}
          />
          <Text>{t.noReport}</Text>
        </div>
      )}
      </details>
    </section>
  );
}

/** The check's table and chart. */
export function CheckResultView({
  result,
  strings,
  dark = false,
  summary,
}: {
  readonly result: HoldoutComparison & { readonly leftOut?: number };
  readonly strings: Strings;
  readonly dark?: boolean;
  /** The line above the table, when not the order log's (a calibration/holdout table says its unit and rows). */
  readonly summary?: string;
}): React.JSX.Element {
  const styles = usePaneStyles();
  const c = strings.btyd.check;
  const f = (v: number) => formatNumber(strings, v, 2);
  // Four short columns: below 480 px they share the width (headers wrap) instead of scrolling sideways.
  const [measureRef, narrow] = useNarrow<HTMLDivElement>();
  const label = (g: HoldoutComparison["groups"][number]) => c.groupLabel(g.x, g.last);
  const data: GroupedVerticalBarChartData[] = result.groups.map((g) => ({
    name: label(g),
    series: [
      { key: "actual", data: g.actual, legend: c.actual, color: getNextColor(0, 0, dark) },
      { key: "predicted", data: g.predicted, legend: c.predicted, color: getNextColor(1, 0, dark) },
    ],
  }));
  return (
    <>
      <Text>{summary ?? c.result(formatNumber(strings, result.holdoutWeeks, 1), result.customers, formatNumber(strings, result.actualTotal, 0), formatNumber(strings, result.predictedTotal, 0))}</Text>
      {(result.leftOut ?? 0) > 0 && <Text>{c.leftOut(result.leftOut ?? 0)}</Text>}
      <div ref={measureRef} className={styles.scroll} role="region" aria-label={c.table} tabIndex={0}>
        <Table size="extra-small" aria-label={c.table} className={narrow ? styles.narrowTable : styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.headerCell}>{c.columns.group}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{c.columns.customers}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{c.columns.actual}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{c.columns.predicted}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.groups.map((g) => (
              <TableRow key={g.x}>
                <TableCell className={styles.numberCell}>{label(g)}</TableCell>
                <TableCell className={styles.numberCell}>{formatNumber(strings, g.customers, 0)}</TableCell>
                <TableCell className={styles.numberCell}>{f(g.actual)}</TableCell>
                <TableCell className={styles.numberCell}>{f(g.predicted)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <figure className={styles.figure} aria-label={c.chartTitle}>
        <figcaption>
          <Text weight="semibold">{c.chartTitle}</Text>
        </figcaption>
        <PointerSettled>
          <GroupedVerticalBarChart data={data} chartTitle={c.chartTitle} height={220} culture={strings.locale} hideLegend={false} />
        </PointerSettled>
      </figure>
    </>
  );
}
