import * as React from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import {
  type ChartProps,
  type GroupedVerticalBarChartData,
  GroupedVerticalBarChart,
  type HeatMapChartData,
  HeatMapChart,
  LineChart,
  getNextColor,
} from "@fluentui/react-charts";
import type { FrequencyRecencyGrid } from "../../analytics/btyd/frequencyRecencyGrid";
import type { ExcelPort } from "../excel/port";
import type { CheckResult, OrderLog } from "../model/modelCheck";
import { type ModelReport, buildModelReport } from "../model/modelReport";
import { HEAT_HIGH, HEAT_LOW, modelReportSheetPlan } from "../model/modelReportPlan";
import type { Strings } from "../strings/en";
import { usePaneStyles } from "./styles";
import { formatNumber, noticeFor } from "./useSegmentFlow";

type ReportState =
  | { readonly status: "idle" }
  | { readonly status: "building" }
  | { readonly status: "writing"; readonly report: ModelReport }
  | { readonly status: "done"; readonly report: ModelReport; readonly sheetName: string; readonly formatted: boolean }
  | { readonly status: "failed"; readonly message: string };

type Props = {
  readonly port: ExcelPort;
  readonly strings: Strings;
  readonly log: OrderLog;
  readonly result: CheckResult;
  readonly dark?: boolean;
};

/** Chart height in the pane; the charts take the pane's width (320 px in the narrowest Excel pane). */
const CHART_HEIGHT = 220;

/** "Build the model report": computes the report (model/modelReport.ts), writes the new sheet, then shows the same charts. */
export function ModelReportSection({ port, strings, log, result, dark = false }: Props): React.JSX.Element | null {
  const styles = usePaneStyles();
  const r = strings.btyd.check.report;
  const [state, setState] = React.useState<ReportState>({ status: "idle" });
  const [trackingEnd, setTrackingEnd] = React.useState(strings.format.date(result.holdoutEnd));
  const doneRef = React.useRef<HTMLDivElement>(null);
  // The message bars have no title: they are labelled by their text (Fluent points aria-labelledby at a title otherwise).
  const messageId = React.useId();
  React.useEffect(() => {
    if (state.status === "done") doneRef.current?.focus();
  }, [state.status]);
  // A new check (another calibration end) makes an earlier report stale.
  React.useEffect(() => {
    setState({ status: "idle" });
    setTrackingEnd(strings.format.date(result.holdoutEnd));
  }, [result, strings]);
  const write = port.writeReportSheet;
  if (!write) return null;

  const build = async (): Promise<void> => {
    const end = strings.format.parseDate(trackingEnd);
    if (end === null || end <= result.calibrationEnd || end > log.lastDate) {
      setState({ status: "failed", message: r.badTrackingEnd(strings.format.date(result.calibrationEnd), strings.format.date(log.lastDate)) });
      return;
    }
    setState({ status: "building" });
    let report: ModelReport;
    try {
      report = await buildModelReport(log, result, end);
    } catch (error) {
      setState({ status: "failed", message: `${r.failed} ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    setState({ status: "writing", report });
    try {
      const written = await write(modelReportSheetPlan(report, strings));
      setState({ status: "done", report, sheetName: written.sheetName, formatted: written.formatted });
    } catch (error) {
      setState({ status: "failed", message: noticeFor(error, strings).text });
    }
  };

  const busy = state.status === "building" || state.status === "writing";
  return (
    <div className={styles.section}>
      <Text className={styles.muted}>{r.hint}</Text>
      <Field label={r.trackingEnd} hint={r.trackingHelp(strings.format.date(result.calibrationEnd), strings.format.date(log.lastDate))}>
        <Input value={trackingEnd} onChange={(_, d) => setTrackingEnd(d.value)} disabled={busy} />
      </Field>
      <div className={styles.row}>
        <Button disabledFocusable={busy} onClick={() => void build()}>
          {r.build}
        </Button>
      </div>
      {busy && (
        <Field validationMessage={state.status === "building" ? r.building : r.writing} validationState="none">
          <ProgressBar aria-label={state.status === "building" ? r.building : r.writing} />
        </Field>
      )}
      {state.status === "failed" && (
        <MessageBar intent="error" layout="multiline" aria-labelledby={messageId}>
          <MessageBarBody id={messageId}>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === "done" && (
        <div ref={doneRef} tabIndex={-1} className={styles.section}>
          <MessageBar intent={state.formatted ? "success" : "warning"} layout="multiline" aria-labelledby={messageId}>
            <MessageBarBody id={messageId}>{state.formatted ? r.done(state.sheetName) : `${r.done(state.sheetName)} ${r.notFormatted}`}</MessageBarBody>
          </MessageBar>
          <ModelReportCharts report={state.report} strings={strings} dark={dark} />
        </div>
      )}
    </div>
  );
}

/** The report's charts in the pane: the same numbers as the sheet's tables. */
export function ModelReportCharts({ report, strings, dark = false }: { readonly report: ModelReport; readonly strings: Strings; readonly dark?: boolean }): React.JSX.Element {
  const styles = usePaneStyles();
  const c = strings.btyd.check;
  const r = c.report;
  const h = report.histogram;
  const last = h.actual.length - 1;
  const histogram: GroupedVerticalBarChartData[] = Array.from(h.actual, (actual, k) => ({
    name: c.groupLabel(k, k === last),
    series: [
      { key: "actual", data: actual, legend: c.actual, color: getNextColor(0, 0, dark) },
      { key: "expected", data: h.expected[k], legend: r.expected, color: getNextColor(1, 0, dark) },
    ],
  }));
  const week = report.calibrationWeek;
  // The calibration end as a vertical line from 0 to the chart's tallest point, in the week it falls in.
  type Legends = { readonly actual: string; readonly expected: string; readonly mark: string };
  const tracking = (title: string, actual: Float64Array, expected: Float64Array, legends: Legends): ChartProps => {
    let tallest = 0;
    for (let k = 0; k < actual.length; k++) tallest = Math.max(tallest, actual[k], expected[k]);
    return {
      chartTitle: title,
      lineChartData: [
        { legend: legends.actual, data: Array.from(actual, (y, k) => ({ x: k + 1, y })), color: getNextColor(0, 0, dark) },
        { legend: legends.expected, data: Array.from(expected, (y, k) => ({ x: k + 1, y })), color: getNextColor(1, 0, dark), lineOptions: { strokeDasharray: "6 3" } },
        {
          legend: legends.mark,
          data: [
            { x: week, y: 0 },
            { x: week, y: tallest },
          ],
          color: getNextColor(2, 0, dark),
          lineOptions: { strokeDasharray: "2 2" },
        },
      ],
    };
  };
  const t = report.tracking;
  // Each chart's series have their own names: a screen reader lists them as regions, which must differ between charts.
  const lineChart = (title: string, actual: Float64Array, expected: Float64Array, legends: Legends) => (
    <figure className={styles.figure} aria-label={title}>
      <figcaption>
        <Text weight="semibold">{title}</Text>
      </figcaption>
      <LineChart data={tracking(title, actual, expected, legends)} culture={strings.locale} height={CHART_HEIGHT} xAxisTitle={r.weekAxis} yMinValue={0} legendProps={{ enabledWrapLines: true }} />
    </figure>
  );
  return (
    <>
      <figure className={styles.figure} aria-label={r.histogramChart}>
        <figcaption>
          <Text weight="semibold">{r.histogramChart}</Text>
        </figcaption>
        <GroupedVerticalBarChart data={histogram} chartTitle={r.histogramChart} height={CHART_HEIGHT} culture={strings.locale} hideLegend={false} />
      </figure>
      {lineChart(r.weeklyChart, t.actual, t.expected, { actual: c.actual, expected: r.expected, mark: r.calibrationMark(week) })}
      {lineChart(r.cumulativeChart, t.actualCumulative, t.expectedCumulative, {
        actual: r.cumulativeLegend.actual,
        expected: r.cumulativeLegend.expected,
        mark: r.cumulativeLegend.mark(week),
      })}
      <Heatmap title={r.pAliveHeatmap(report.heatmapT)} grid={report.pAliveGrid} digits={2} strings={strings} />
      <Heatmap title={r.nextWeekHeatmap(report.heatmapT)} grid={report.nextWeekGrid} digits={3} strings={strings} />
      <Text size={200} className={styles.muted}>
        {r.heatmapNote(report.heatmapT)}
      </Text>
      <ComparisonTable report={report} strings={strings} />
    </>
  );
}

/** Legend bands of a heatmap: the value range cut into this many equal parts. */
const HEAT_BANDS = 4;

function Heatmap({ title, grid, digits, strings }: { readonly title: string; readonly grid: FrequencyRecencyGrid; readonly digits: number; readonly strings: Strings }): React.JSX.Element {
  const styles = usePaneStyles();
  let low = Infinity;
  let high = -Infinity;
  for (const row of grid.values) for (const v of row) if (Number.isFinite(v)) ((low = Math.min(low, v)), (high = Math.max(high, v)));
  const width = high > low ? (high - low) / HEAT_BANDS : 1;
  const bands: HeatMapChartData[] = Array.from({ length: HEAT_BANDS }, (_, b) => ({
    legend: `${formatNumber(strings, low + b * width, digits)}–${formatNumber(strings, low + (b + 1) * width, digits)}`,
    value: low + (b + 0.5) * width,
    data: [],
  }));
  grid.values.forEach((row, x) =>
    row.forEach((value, c) => {
      if (!Number.isFinite(value)) return;
      const band = Math.min(HEAT_BANDS - 1, Math.floor((value - low) / width));
      bands[band].data.push({ x: String(grid.recencies[c]), y: String(grid.frequencies[x]), value, rectText: "" });
    }),
  );
  return (
    <figure className={styles.figure} aria-label={title}>
      <figcaption>
        <Text weight="semibold">{title}</Text>
      </figcaption>
      <HeatMapChart
        data={bands.filter((b) => b.data.length > 0)}
        chartTitle={title}
        domainValuesForColorScale={[low, high]}
        rangeValuesForColorScale={[HEAT_LOW, HEAT_HIGH]}
        height={CHART_HEIGHT + 80}
        culture={strings.locale}
        xAxisTitle="t_x"
        yAxisTitle="x"
      />
    </figure>
  );
}

function ComparisonTable({ report, strings }: { readonly report: ModelReport; readonly strings: Strings }): React.JSX.Element {
  const styles = usePaneStyles();
  const r = strings.btyd.check.report;
  const head = r.sheet.comparisonHeader;
  // Model, LL, BIC, mean absolute error, error of the total (the sheet adds k and both totals).
  const shown = [0, 1, 3, 4, 7];
  return (
    <>
      <Body1>{r.sheet.comparisonTitle(report.customers)}</Body1>
      <div className={styles.scroll} role="region" aria-label={r.comparisonTable} tabIndex={0}>
        <Table size="extra-small" aria-label={r.comparisonTable} className={styles.table}>
          <TableHeader>
            <TableRow>
              {shown.map((i) => (
                <TableHeaderCell key={i} className={styles.headerCell}>
                  {head[i]}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {report.comparison.map((m) => (
              <TableRow key={m.model}>
                <TableCell>{m.model}</TableCell>
                {m.status === "fitted" ? (
                  <>
                    <TableCell className={styles.numberCell}>{formatNumber(strings, m.logLikelihood, 2)}</TableCell>
                    <TableCell className={styles.numberCell}>{formatNumber(strings, m.bic, 2)}</TableCell>
                    <TableCell className={styles.numberCell}>{formatNumber(strings, m.holdout.meanAbsoluteError, 3)}</TableCell>
                    <TableCell className={styles.numberCell}>{Number.isFinite(m.holdout.totalError) ? strings.format.percent(m.holdout.totalError, 1) : ""}</TableCell>
                  </>
                ) : (
                  <TableCell colSpan={4}>{r.sheet.refused(m.message)}</TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200} className={styles.muted}>
        {r.sheet.bgbbNote}
      </Text>
    </>
  );
}
