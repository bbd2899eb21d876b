import * as React from "react";
import { Subtitle2, Table, mergeClasses, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import { HorizontalBarChart, type ChartProps, getNextColor } from "@fluentui/react-charts";
import { SEGMENTS, type Segment } from "../../analytics/segments/loyaltySegment";
import { SEGMENT_COLOURS } from "../palette";
import { skippedLines } from "../model/plans";
import type { RunResult, SummaryRow } from "../model/segmentRun";
import { segmentText } from "../i18n/segmentText";
import type { Strings } from "../strings/en";
import { BtydSummaryView } from "./BtydSummary";
import { StackedSegmentList } from "./StackedSegmentList";
import { PointerSettled } from "./PointerSettled";
import { usePaneStyles } from "./styles";
import { useNarrow } from "./useNarrow";
import { formatNumber } from "./useSegmentFlow";

const isGroup = (name: string): name is Segment => (SEGMENTS as readonly string[]).includes(name);

function colourOf(name: string): string | undefined {
  return isGroup(name) ? SEGMENT_COLOURS[name].fill : undefined;
}

type Props = { readonly result: RunResult; readonly strings: Strings; readonly dark?: boolean };

/** The summary after a run: table, chart, recommended actions and skipped rows. */
export function SummaryView({ result, strings, dark = false }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const s = strings.summary;
  const sum = result.summary;
  const percent = (v: number | null) => (v === null ? "–" : strings.format.percent(v, 1));
  const money = (v: number | null) => (v === null ? "–" : formatNumber(strings, v, 0));
  const label = (name: string) => segmentText(strings, name);
  const showRevenue = sum.revenue !== null;
  const showProfit = sum.profit !== null;
  const showRecurring = sum.recurring !== null;
  const showAttitude = result.mode === "groups";
  const lines = skippedLines(sum, strings);
  const [measureRef, narrow] = useNarrow<HTMLElement>();
  const stackedPairs = (row: SummaryRow): [string, string][] => {
    const pairs: [string, string][] = [[s.columns.customers, formatNumber(strings, row.customers, 0)]];
    if (showRevenue) pairs.push([s.columns.revenueShare, percent(row.revenueShare)]);
    pairs.push([s.columns.customerShare, percent(row.customerShare)]);
    if (showRevenue) pairs.push([s.columns.revenue, money(row.revenue)]);
    if (showProfit) pairs.push([s.columns.profit, money(row.profit)]);
    if (showRecurring) pairs.push([s.columns.recurring, money(row.recurring)]);
    if (showAttitude) pairs.push([s.columns.averageAttitude, row.averageAttitude === null ? "–" : formatNumber(strings, row.averageAttitude, 1)]);
    return pairs;
  };

  const cutoffText =
    result.cutoff && result.measure
      ? s.cutoffUsed(
          strings.behaviour.measures[result.measure],
          result.cutoff.rule === "above median" ? s.ruleAboveMedian(formatNumber(strings, result.cutoff.value)) : s.ruleAtLeast(formatNumber(strings, result.cutoff.value)),
        )
      : null;

  return (
    <section ref={measureRef} className={styles.section} aria-labelledby="summary-heading">
      <Subtitle2 as="h2" id="summary-heading">
        {s.heading}
      </Subtitle2>
      <Text>{s.totals(sum.customers)}</Text>
      {result.grouped && <Text>{s.grouped(result.grouped.rows, result.grouped.customers)}</Text>}
      {cutoffText && <Text>{cutoffText}</Text>}
      {narrow ? (
        // At 320 px: one block per segment, the same values in the same order, as label–value pairs.
        <StackedSegmentList rows={sum.rows} label={s.table} segmentOf={(row: SummaryRow) => row.segment} name={(row) => label(row.segment)} pairs={stackedPairs} colour={(row) => colourOf(row.segment)} />
      ) : (
      <>
      {/* Columns in the order of the written summary (plans.ts sheetPlan). A data table may scroll sideways at 320 px (WCAG 1.4.10 exempts two-dimensional tables); the segment column stays put. */}
      <div className={styles.scroll} role="region" aria-label={s.table} tabIndex={0}>
        <Table size="extra-small" aria-label={s.table} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={mergeClasses(styles.sticky, styles.headerCell)}>{s.columns.segment}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{s.columns.customers}</TableHeaderCell>
              {showRevenue && <TableHeaderCell className={styles.headerCell}>{s.columns.revenueShare}</TableHeaderCell>}
              <TableHeaderCell className={styles.headerCell}>{s.columns.customerShare}</TableHeaderCell>
              {showRevenue && <TableHeaderCell className={styles.headerCell}>{s.columns.revenue}</TableHeaderCell>}
              {showProfit && <TableHeaderCell className={styles.headerCell}>{s.columns.profit}</TableHeaderCell>}
              {showRecurring && <TableHeaderCell className={styles.headerCell}>{s.columns.recurring}</TableHeaderCell>}
              {showAttitude && <TableHeaderCell className={styles.headerCell}>{s.columns.averageAttitude}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {sum.rows.map((row: SummaryRow) => (
              <TableRow key={row.segment}>
                <TableCell className={mergeClasses(styles.sticky, styles.segmentCell)}>
                  {colourOf(row.segment) && <span className={styles.swatch} style={{ backgroundColor: colourOf(row.segment) }} aria-hidden="true" />}
                  {label(row.segment)}
                </TableCell>
                <TableCell className={styles.numberCell}>{formatNumber(strings, row.customers, 0)}</TableCell>
                {showRevenue && <TableCell className={styles.numberCell}>{percent(row.revenueShare)}</TableCell>}
                <TableCell className={styles.numberCell}>{percent(row.customerShare)}</TableCell>
                {showRevenue && <TableCell className={styles.numberCell}>{money(row.revenue)}</TableCell>}
                {showProfit && <TableCell className={styles.numberCell}>{money(row.profit)}</TableCell>}
                {showRecurring && <TableCell className={styles.numberCell}>{money(row.recurring)}</TableCell>}
                {showAttitude && <TableCell className={styles.numberCell}>{row.averageAttitude === null ? "–" : formatNumber(strings, row.averageAttitude, 1)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      </>
      )}
      <SegmentChart result={result} strings={strings} dark={dark} />
      {result.btyd && <BtydSummaryView outcome={result.btyd} groups={result.mode === "groups"} strings={strings} />}
      {result.mode === "groups" && (
        <>
          <Subtitle2 as="h3">{s.actionsHeading}</Subtitle2>
          <ul className={styles.list}>
            {SEGMENTS.map((g) => (
              <li key={g}>
                <Text weight="semibold">{strings.segmentLabel[g]}</Text> <Text>{strings.actions[g]}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
      {lines.length > 0 && (
        <>
          <Subtitle2 as="h3">{s.skippedHeading}</Subtitle2>
          <ul className={styles.list}>
            {lines.map((line) => (
              <li key={line}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Two 100 % bars (customers, revenue) split by segment, in the segment colours. */
export function SegmentChart({ result, strings, dark = false }: Props): React.JSX.Element | null {
  const styles = usePaneStyles();
  const s = strings.summary;
  const rows = result.summary.rows.filter((r) => r.customers > 0);
  if (rows.length === 0) return null;
  const total = result.summary.customers;
  const revenueTotal = result.summary.revenue;
  const label = (name: string) => segmentText(strings, name);
  // The four groups take the fixed palette; RFM segments take Fluent's data-visualisation colours.
  const colour = (name: string, i: number) => colourOf(name) ?? getNextColor(i, 0, dark);
  const data: ChartProps[] = [
    {
      chartTitle: s.chartCustomers,
      chartData: rows.map((r, i) => ({ legend: label(r.segment), horizontalBarChartdata: { x: r.customers, total }, color: colour(r.segment, i) })),
    },
  ];
  if (revenueTotal !== null && revenueTotal > 0) {
    data.push({
      chartTitle: s.chartRevenue,
      chartData: rows.map((r, i) => ({ legend: label(r.segment), horizontalBarChartdata: { x: Math.max(0, r.revenue ?? 0), total: revenueTotal }, color: colour(r.segment, i) })),
    });
  }
  // One legend entry per segment (the chart would list each bar's segments again), wrapping at 320 px.
  const legends = rows.map((r, i) => ({ title: label(r.segment), color: colour(r.segment, i) }));
  return (
    <figure className={styles.figure} aria-label={s.chartTitle}>
      <figcaption>
        <Text weight="semibold">{s.chartTitle}</Text>
      </figcaption>
      <PointerSettled>
        {/* The chart's own total text (top right) is hidden: it printed "2357" and "244,091.94" in its own formats; the totals are in the text and table above. */}
        <HorizontalBarChart data={data} hideRatio={data.map(() => true)} chartDataMode="hidden" culture={strings.locale} legendProps={{ legends, enabledWrapLines: true }} />
      </PointerSettled>
    </figure>
  );
}
