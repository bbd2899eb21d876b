import * as React from "react";
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import { type ChartProps, LineChart, getNextColor } from "@fluentui/react-charts";
import { usePaneStyles } from "../components/styles";
import { useNarrow } from "../components/useNarrow";
import { PointerSettled } from "../components/PointerSettled";
import type { Strings } from "../strings/en";
import { cohortLabel, cohortName } from "./cohortsPlan";
import type { RetentionResult } from "./retentionRun";

/** Periods after the first that the table shows in a narrow pane. */
const NARROW_PERIODS = 3;

/** Height (px) of the plot itself, and of one row of legend entries below it (Fluent's legend button with its margin). */
const PLOT_HEIGHT = 200;
const LEGEND_ROW = 40;

/** Dash patterns by line: solid, dashed, dotted, dash-dot, long dash, dense dots. */
const DASHES = ["0", "6 3", "2 3", "8 3 2 3", "12 4", "1 2"];

type Props = { readonly result: RetentionResult; readonly strings: Strings; readonly dark?: boolean };

export function percentText(strings: Strings, share: number): string {
  return strings.format.percent(share, 0);
}

/** The one-line reading of the curve, or null when no cohort has an ended next period. */
export function readingText(result: RetentionResult, strings: Strings): string | null {
  const reading = result.reading;
  if (!reading) return null;
  return strings.retention.curve.reading(result.kind, cohortName(result.kind, reading.start, strings), percentText(strings, reading.share), reading.size);
}

/**
 * The retention curves of the latest cohorts: a Fluent line chart (share of the cohort ordering in
 * each period after its first) and the same numbers as a table, for screen readers and keyboard.
 */
export function RetentionCurve({ result, strings, dark = false }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const c = strings.retention.curve;
  const { curves, kind } = result;
  const [measureRef, narrow] = useNarrow<HTMLDivElement>();
  if (curves.length === 0) return <Text>{c.noCurve(kind)}</Text>;
  const legend = (start: number) => cohortLabel(kind, start, strings);
  // Each line its own colour, point shape (allowMultipleShapesForPoints) and dash pattern, so none hides under another; the legend gives the cohort's size.
  const data: ChartProps = {
    chartTitle: c.title(curves.length),
    lineChartData: curves.map((curve, i) => ({
      legend: c.legend(legend(curve.start), curve.size),
      data: curve.points.map((p) => ({ x: p.period, y: p.share })),
      color: getNextColor(i, 0, dark),
      lineOptions: { strokeDasharray: DASHES[i % DASHES.length], strokeWidth: 2 },
    })),
  };
  const length = Math.max(...curves.map((curve) => curve.points[curve.points.length - 1].period + 1));
  const chartHeight = PLOT_HEIGHT + LEGEND_ROW * (narrow ? curves.length : Math.ceil(curves.length / 2));
  // At 320 px the table keeps periods 1 … NARROW_PERIODS (period 0 is always 100 %); the Cohorts sheet has them all.
  const periods = narrow ? Array.from({ length: Math.min(NARROW_PERIODS, length - 1) }, (_, k) => k + 1) : Array.from({ length }, (_, k) => k);
  return (
    <>
      <figure className={styles.figure} aria-label={c.title(curves.length)}>
        <figcaption>
          <Text weight="semibold">{c.title(curves.length)}</Text>
        </figcaption>
        <PointerSettled>
        {/* The chart fills its parent's height, legend included (without one it took 350 px and left the plot ~100): one legend entry a row in a narrow pane, two where it is wider. */}
        <div style={{ height: chartHeight }} data-testid="retention-chart">
        <LineChart
          data={data}
          culture={strings.locale}
          height={chartHeight}
          xAxisTitle={c.xAxis(kind)}
          yAxisTitle={c.yAxis}
          yMinValue={0}
          yMaxValue={1}
          yAxisTickFormat={(v: number) => percentText(strings, v)}
          legendProps={{ enabledWrapLines: true }}
          allowMultipleShapesForPoints
        />
        </div>
        </PointerSettled>
      </figure>
      {narrow && length - 1 > NARROW_PERIODS && <Text size={200}>{c.narrowTable(kind, NARROW_PERIODS)}</Text>}
      <div ref={measureRef} className={styles.scroll} role="region" aria-label={c.tableLabel} tabIndex={0}>
        <Table size="extra-small" aria-label={c.tableLabel} className={narrow ? styles.narrowTable : styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={mergeClasses(styles.sticky, styles.headerCell)}>{strings.retention.sheet.cohortStart}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{strings.retention.sheet.customers}</TableHeaderCell>
              {periods.map((k) => (
                <TableHeaderCell key={k} className={styles.headerCell}>
                  {strings.retention.sheet.periodColumn(kind, k)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {curves.map((curve) => (
              <TableRow key={curve.start}>
                <TableCell className={mergeClasses(styles.sticky, styles.segmentCell)}>{legend(curve.start)}</TableCell>
                <TableCell className={styles.numberCell}>{strings.format.integer(curve.size)}</TableCell>
                {periods.map((k) => {
                  const point = curve.points.find((p) => p.period === k);
                  return (
                    <TableCell key={k} className={styles.numberCell}>
                      {point ? percentText(strings, point.share) : ""}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Text size={200} className={styles.muted}>
        {c.notSurvival}
      </Text>
    </>
  );
}
