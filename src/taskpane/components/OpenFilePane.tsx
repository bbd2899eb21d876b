import * as React from "react";
import { Body1, Button, Field, Input, Label, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Subtitle2 } from "@fluentui/react-components";
import { PERIOD_KINDS, type PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import { CancelledError } from "../excel/blocks";
import { WholePeriodsField } from "./WholePeriodsField";
import { writeCohortsSheet, type CohortsSheetPlan } from "../excel/cohortsSheet";
import type { WriteOptions } from "../excel/sheets";
import type { SheetWritten } from "../excel/types";
import { CsvDialectError, type CsvDialect, sniffCsvDialect } from "../files/csvDialect";
import { type FileColumns, guessFileColumns } from "../files/fileColumns";
import { type FileKind, csvSourceSql, fileKindOf, fileViewSql, parquetSourceSql } from "../files/fileSource";
import type { FileAnalysis, FileJobError, FileJobResult, SqlRunner } from "../duckdb/fileJob";
import type { ParquetColumnNames, ParquetFileError } from "../files/parquetFile";
import { defaultActiveDays } from "../retention/retentionRun";
import type { Strings } from "../strings/en";
import { RunProgress } from "./RunProgress";
import { usePaneStyles } from "./styles";
import { readText } from "../files/readText";

/** Runs a job with DuckDB holding the file (wasmEngine.ts in the pane; something else in tests); a Parquet file with its mapped columns' names. */
export type FileEngine = <T>(file: Blob, kind: FileKind, job: (query: SqlRunner) => Promise<T>, signal?: AbortSignal, parquet?: ParquetColumnNames) => Promise<T>;
export type SheetWriter = (plan: CohortsSheetPlan, options: WriteOptions) => Promise<SheetWritten>;

/** The date the calibration-end error gives as an example: 2024-06-30. */
const CALIBRATION_EXAMPLE = 45473;

/** Bytes read for sniffing the CSV dialect and guessing columns. */
export const SNIFF_BYTES = 64 * 1024;

type Picked = { readonly file: File; readonly kind: FileKind; readonly header: readonly string[]; readonly dialect: CsvDialect | null };
type State =
  | { readonly status: "empty" }
  | { readonly status: "picked"; readonly picked: Picked }
  | { readonly status: "running"; readonly picked: Picked; readonly phase: "engine" | "sheet"; readonly done: number; readonly total: number }
  | { readonly status: "finished"; readonly picked: Picked | null; readonly intent: "success" | "error" | "info"; readonly message: string };

const lazyEngine: FileEngine = async (file, kind, job, signal, parquet) =>
  (await import(/* webpackChunkName: "duckdb" */ "../duckdb/wasmEngine")).withFileEngine(file, kind, job, signal, parquet);

/** The analyses in the order the pane offers them. */
export const FILE_ANALYSES: readonly FileAnalysis[] = ["btydGrouped", "rfmTable", "rfmSegments", "holdoutGrouped", "cohorts", "retention"];

/** What the sheet's title and formats depend on besides the rows: the analysis and its settings. */
export type FileSheetJob = { readonly analysis: FileAnalysis; readonly unit: TimeUnit; readonly period: PeriodKind; readonly activeDays: number; /** Whole calendar periods (never for days). */ readonly wholePeriods?: boolean };

/** Columns holding dates (serials) and shares, per analysis (fileJob.ts' column lists). */
const DATE_COLUMNS: Readonly<Record<FileAnalysis, readonly [first: number, count: number] | null>> = {
  rfmTable: [1, 2],
  rfmSegments: [1, 2],
  btydGrouped: null,
  holdoutGrouped: null,
  cohorts: [0, 1],
  retention: [0, 1],
};
const SHARE_COLUMN: Readonly<Record<FileAnalysis, number | null>> = { rfmTable: null, rfmSegments: null, btydGrouped: null, holdoutGrouped: null, cohorts: 4, retention: 6 };

/** The sheet's title line: the analysis and the file, with the settings a reader needs (calibration and holdout ends, period, active days). */
function sheetTitle(result: FileJobResult, job: FileSheetJob, fileName: string, strings: Strings): string {
  const s = strings.files;
  switch (job.analysis) {
    case "holdoutGrouped":
      return s.holdoutTitle(fileName, strings.format.date(result.calibrationEnd ?? NaN), strings.format.date(result.holdoutEnd ?? NaN), strings.btyd.map.unitInSentence[job.unit]);
    case "cohorts":
      return s.cohortsTitle(fileName, job.period);
    case "retention":
      return s.retentionTitle(fileName, job.period, job.activeDays);
    case "btydGrouped":
      return job.wholePeriods ? s.wholePeriodsTitle(fileName, job.unit) : s.sheetTitle(fileName, s.btydGrouped);
    default:
      return s.sheetTitle(fileName, s[job.analysis]);
  }
}

/** Rows of a file result whose widths the columns are fitted to. */
export const AUTOFIT_ROWS = 1_000;

/** The sheet plan: a title, a blank line, then the header and rows (so Check the model can take the table on its own); dates as dates, shares as percentages. */
export function fileSheetPlan(result: FileJobResult, job: FileSheetJob, fileName: string, strings: Strings): CohortsSheetPlan {
  const s = strings.files;
  const analysis = job.analysis;
  const title = sheetTitle(result, job, fileName, strings);
  const rows = result.rows.length;
  const dates = DATE_COLUMNS[analysis];
  const share = SHARE_COLUMN[analysis];
  const formats =
    rows === 0
      ? []
      : [
          ...(dates ? [{ row: 3, column: dates[0], rows, columns: dates[1], format: s.dateFormat }] : []),
          ...(share === null ? [] : [{ row: 3, column: share, rows, columns: 1, format: "0.0%" }]),
        ];
  return {
    baseName: s.sheetName[analysis],
    incompleteName: s.incompleteName,
    blocks: [{ row: 0, values: [[title]] }, { row: 2, values: [result.columns.slice(), ...result.rows] }],
    formats,
    colourScale: null,
    chart: null,
    // The header and the first AUTOFIT_ROWS rows set the widths: autofitting a million rows costs
    // Excel seconds (and the preview's page a 350 ms stretch) for the same widths.
    autofit: [{ row: 2, column: 0, rows: Math.min(rows, AUTOFIT_ROWS) + 1, columns: result.columns.length }],
  };
}

/** EngineServedWrongError by name (the class lives in the lazy chunk). */
const isEngineServedWrong = (error: unknown): error is Error & { contentType: string } =>
  error instanceof Error && error.name === "EngineServedWrongError" && "contentType" in error;

/** FileJobError by name (the class lives in the lazy chunk). */
const isFileJobError = (error: unknown): error is FileJobError => error instanceof Error && error.name === "FileJobError" && "kind" in error;

/** ParquetFileError by name (the class lives in the lazy parquet chunk). */
const isParquetError = (error: unknown): error is ParquetFileError => error instanceof Error && error.name === "ParquetFileError" && "kind" in error;

/** A Parquet refusal in the pane's language: the codec, the column's type, the bad date's row, or not Parquet at all. */
function parquetMessage(error: ParquetFileError, s: Strings["files"]): string {
  switch (error.kind) {
    case "codec":
      return s.parquetCodec(error.column, error.detail);
    case "columnType":
      return s.parquetColumnType(error.column, error.detail);
    case "badDate":
      return s.parquetBadDate(error.column, error.row, error.detail);
    default:
      return s.parquetUnreadable;
  }
}

type Props = { readonly strings: Strings; readonly engine?: FileEngine; readonly writeSheet?: SheetWriter };

/** "Open a file…": pick a CSV or Parquet order file, map its columns, run one analysis to a new sheet. */
export function OpenFilePane({ strings, engine = lazyEngine, writeSheet = writeCohortsSheet }: Props): React.JSX.Element {
  const s = strings.files;
  const styles = usePaneStyles();
  const [state, setState] = React.useState<State>({ status: "empty" });
  const [columns, setColumns] = React.useState<FileColumns>({ id: null, date: null, amount: null });
  const [analysis, setAnalysis] = React.useState<FileAnalysis>("btydGrouped");
  const [unit, setUnit] = React.useState<TimeUnit>("week");
  const [wholePeriods, setWholePeriods] = React.useState(false);
  const offersWholePeriods = analysis === "btydGrouped" && unit !== "day";
  const [period, setPeriod] = React.useState<PeriodKind>("month");
  /** The typed calibration end; blank for Check the model's default. */
  const [calibrationText, setCalibrationText] = React.useState("");
  const abort = React.useRef<AbortController | null>(null);
  const cancelRef = React.useRef<HTMLButtonElement>(null);
  const ids = React.useId();

  const pick = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const kind = fileKindOf(file.name);
    if (kind === null) return setState({ status: "finished", picked: null, intent: "error", message: s.notSupported(file.name) });
    if (kind === "parquet") {
      setColumns({ id: null, date: null, amount: null });
      try {
        // hyparquet reads the schema and a sample from the File itself (lazy chunk, nothing fetched).
        const head = await (await import(/* webpackChunkName: "parquet" */ "../files/parquetFile")).readParquetHead(file);
        setColumns(guessFileColumns(head.header, head.sample));
        return setState({ status: "picked", picked: { file, kind, header: head.header, dialect: null } });
      } catch (error) {
        return setState({ status: "finished", picked: null, intent: "error", message: isParquetError(error) ? parquetMessage(error, s) : s.failed(String(error)) });
      }
    }
    try {
      const text = await readText(file.slice(0, SNIFF_BYTES));
      const dialect = sniffCsvDialect(text, file.size <= SNIFF_BYTES);
      setColumns(guessFileColumns(dialect.header, dialect.sample));
      setState({ status: "picked", picked: { file, kind, header: dialect.header, dialect } });
    } catch (error) {
      setState({ status: "finished", picked: null, intent: "error", message: error instanceof CsvDialectError ? (error.kind === "noData" ? s.csvNoData : s.csvNoDelimiter) : s.failed(String(error)) });
    }
  };

  const run = async (picked: Picked): Promise<void> => {
    if (columns.id === null || columns.date === null) return setState({ status: "finished", picked, intent: "error", message: s.needColumns });
    if ((analysis === "rfmTable" || analysis === "rfmSegments") && columns.amount === null) return setState({ status: "finished", picked, intent: "error", message: s.needAmount });
    const calibrationEnd = calibrationText.trim() === "" ? null : strings.format.parseDate(calibrationText.trim());
    if (analysis === "holdoutGrouped" && calibrationEnd === null && calibrationText.trim() !== "")
      return setState({ status: "finished", picked, intent: "error", message: s.badCalibrationText(strings.format.date(CALIBRATION_EXAMPLE)) });
    const inPeriods = offersWholePeriods && wholePeriods;
    const sheetJob: FileSheetJob = { analysis, unit, period, activeDays: defaultActiveDays(period), wholePeriods: inPeriods };
    const controller = new AbortController();
    abort.current = controller;
    setState({ status: "running", picked, phase: "engine", done: 0, total: 1 });
    try {
      // A Parquet file's columns are copied into DuckDB's memory: the amount only for the analyses that read it (the RFM forms).
      const needsAmount = analysis === "rfmTable" || analysis === "rfmSegments";
      const viewColumns = picked.kind === "parquet" && !needsAmount ? { ...columns, amount: null } : columns;
      const source = picked.kind === "csv" && picked.dialect ? csvSourceSql(picked.dialect, columns) : parquetSourceSql();
      const viewSql = fileViewSql(source, picked.header, viewColumns);
      // The SQL generator and the job come with the engine, in the lazy chunk, not in the first load.
      const request = { analysis, viewSql, asOf: null, unit, wholePeriods: inPeriods, calibrationEnd, period, activeDays: sheetJob.activeDays };
      const job = async (query: SqlRunner): Promise<FileJobResult> => (await import(/* webpackChunkName: "duckdb" */ "../duckdb/fileJob")).runFileJob(query, request);
      const parquet =
        picked.kind === "parquet"
          ? { id: picked.header[columns.id], date: picked.header[columns.date], amount: viewColumns.amount === null ? null : picked.header[viewColumns.amount] }
          : undefined;
      const result = await engine(picked.file, picked.kind, job, controller.signal, parquet);
      const plan = fileSheetPlan(result, sheetJob, picked.file.name, strings);
      const written = await writeSheet(plan, {
        signal: controller.signal,
        onProgress: (done, total) => setState({ status: "running", picked, phase: "sheet", done, total }),
      });
      const message =
        analysis === "holdoutGrouped"
          ? s.holdoutDone(written.sheetName, result.rows.length, result.orders, strings.format.date(result.calibrationEnd ?? NaN), strings.format.date(result.holdoutEnd ?? NaN))
          : s.done(written.sheetName, result.rows.length, result.orders);
      setState({ status: "finished", picked, intent: "success", message });
    } catch (error) {
      const message =
        error instanceof CancelledError || controller.signal.aborted
          ? s.cancelled
          : isFileJobError(error)
            ? error.kind === "outOfMemory"
              ? s.outOfMemory
              : error.kind === "tooManyCustomers"
                ? s.tooManyCustomers(error.customers ?? 0)
                : error.kind === "tooManyRows"
                  ? s.tooManyRows(error.rows ?? 0)
                  : error.kind === "badCalibrationEnd" && error.dates
                    ? s.badCalibrationEnd(strings.format.date(error.dates.first), strings.format.date(error.dates.last))
                    : s.failed(error.message)
            : isParquetError(error)
              ? parquetMessage(error, s)
              : isEngineServedWrong(error)
              ? s.engineServedWrong(error.contentType)
              : s.failed(error instanceof Error ? error.message : String(error));
      setState({ status: "finished", picked, intent: controller.signal.aborted ? "info" : "error", message });
    } finally {
      abort.current = null;
    }
  };

  React.useEffect(() => {
    if (state.status === "running") cancelRef.current?.focus();
  }, [state.status]);

  const picked = state.status === "empty" ? null : state.picked;
  const header = picked?.header ?? [];
  const columnSelect = (label: string, role: keyof FileColumns, optional: boolean): React.JSX.Element => (
    <Field label={label}>
      <Select
        value={columns[role] === null ? "" : String(columns[role])}
        onChange={(_, d) => setColumns((c) => ({ ...c, [role]: d.value === "" ? null : Number(d.value) }))}
      >
        {optional || columns[role] === null ? <option value="">{s.noColumn}</option> : null}
        {header.map((h, c) => (
          <option key={c} value={String(c)}>
            {h === "" ? `#${c + 1}` : h}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section className={styles.section} aria-labelledby={`${ids}-heading`}>
      <Subtitle2 as="h2" id={`${ids}-heading`}>
        {s.heading}
      </Subtitle2>
      <Body1>{s.intro}</Body1>
      <div className={styles.section}>
        <Label htmlFor={`${ids}-file`}>{s.fileLabel}</Label>
        <input id={`${ids}-file`} type="file" accept=".csv,.txt,.tsv,.parquet,.pq" disabled={state.status === "running"} onChange={(e) => void pick(e.currentTarget.files?.[0])} />
      </div>
      {picked?.dialect ? (
        <Body1 className={styles.muted}>{s.dialect(s.delimiterNames[picked.dialect.delimiter], s.decimalNames[picked.dialect.decimal], s.dateNames[picked.dialect.dateFormat])}</Body1>
      ) : picked?.kind === "parquet" && picked.header.length > 0 ? (
        <Body1 className={styles.muted}>{s.parquetColumns}</Body1>
      ) : null}
      {picked && picked.header.length > 0 && state.status !== "running" ? (
        <>
          {columnSelect(s.idLabel, "id", false)}
          {columnSelect(s.dateLabel, "date", false)}
          {columnSelect(s.amountLabel, "amount", true)}
          <Field label={s.analysisLabel}>
            <RadioGroup value={analysis} onChange={(_, d) => setAnalysis(d.value as FileAnalysis)}>
              {FILE_ANALYSES.map((a) => (
                <Radio key={a} value={a} label={s[a]} />
              ))}
            </RadioGroup>
          </Field>
          {analysis === "btydGrouped" || analysis === "holdoutGrouped" ? (
            <Field label={s.unitLabel}>
              <Select value={unit} onChange={(_, d) => setUnit(d.value as TimeUnit)}>
                <option value="day">{strings.btyd.map.units.day}</option>
                <option value="week">{strings.btyd.map.units.week}</option>
                <option value="month">{strings.btyd.map.units.month}</option>
              </Select>
            </Field>
          ) : null}
          {offersWholePeriods ? <WholePeriodsField strings={strings} unit={unit} checked={wholePeriods} onChange={setWholePeriods} /> : null}
          {analysis === "holdoutGrouped" ? (
            <Field label={s.calibrationLabel} hint={s.calibrationHint}>
              <Input value={calibrationText} onChange={(_, d) => setCalibrationText(d.value)} />
            </Field>
          ) : null}
          {analysis === "cohorts" || analysis === "retention" ? (
            <Field label={strings.retention.settings.period}>
              <Select value={period} onChange={(_, d) => setPeriod(d.value as PeriodKind)}>
                {PERIOD_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {strings.retention.settings.periods[k]}
                  </option>
                ))}
              </Select>
            </Field>
          ) : null}
          <div className={styles.row}>
            <Button appearance="primary" onClick={() => void run(picked)}>
              {s.run}
            </Button>
          </div>
        </>
      ) : null}
      {state.status === "running" ? (
        <RunProgress
          headingId={`${ids}-progress`}
          heading={s.heading}
          phase={state.phase === "engine" ? s.running : s.writing}
          progress={state.phase === "engine" ? s.running : s.progressRows(state.done, state.total)}
          done={state.phase === "engine" ? 0 : state.done}
          total={state.total}
          cancelLabel={s.cancel}
          onCancel={() => abort.current?.abort()}
          cancelRef={cancelRef}
        />
      ) : null}
      {state.status === "finished" ? (
        <MessageBar intent={state.intent} layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
