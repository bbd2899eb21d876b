import * as React from "react";
import { MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, mergeClasses } from "@fluentui/react-components";
import { ymdFromSerial } from "../../analytics/orders/dates";
import { AT_RISK_SEGMENTS, type BtydOutcome } from "../model/btydModel";
import { segmentText } from "../i18n/segmentText";
import type { Strings } from "../strings/en";
import { FitRefusalNotice } from "./FitRefusalNotice";
import { StackedSegmentList } from "./StackedSegmentList";
import { usePaneStyles } from "./styles";
import { useNarrow } from "./useNarrow";
import { formatNumber } from "./useSegmentFlow";

/** A date serial as YYYY-MM-DD. */
export function isoDate(serial: number): string {
  const { year, month, day } = ymdFromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

type Props = { readonly outcome: BtydOutcome; readonly groups: boolean; readonly strings: Strings };

/** Predicted 12-month value per segment, value at risk, and how the histories and spend were read. */
export function BtydSummaryView({ outcome, groups, strings }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const s = strings.btyd.summary;
  const [measureRef, narrow] = useNarrow<HTMLElement>();
  if (outcome.kind === "failed") {
    return <FitRefusalNotice intent="warning" refusal={outcome.refusal} message={outcome.message} strings={strings} lead={s.failed} />;
  }
  const money = (v: number | null) => (v === null ? "–" : formatNumber(strings, v, 0));
  const label = (name: string) => segmentText(strings, name);
  const withValue = outcome.clv !== null;
  const withRisk = withValue && groups;
  const unitName = strings.btyd.map.unitInSentence[outcome.unit];
  const p = outcome.bgnbd;
  const f = (v: number) => formatNumber(strings, v, 4);
  const source =
    outcome.source === "mapped"
      ? s.mapped(unitName)
      : outcome.recencyKind === "days"
        ? s.derivedFromDays(outcome.asOf === null ? "–" : strings.format.date(outcome.asOf))
        : s.derived(outcome.asOf === null ? "–" : strings.format.date(outcome.asOf));
  const u = outcome.unusable;
  const atRisk = (row: (typeof outcome.perSegment)[number]) => (AT_RISK_SEGMENTS.includes(row.segment) ? money(row.lapsedValue) : "–");
  const stackedPairs = (row: (typeof outcome.perSegment)[number]): [string, string][] => {
    const pairs: [string, string][] = [
      [s.columns.customers, formatNumber(strings, row.customers, 0)],
      [s.columns.expectedPurchases, formatNumber(strings, row.expectedPurchases, 1)],
    ];
    if (withValue) pairs.push([s.columns.predictedValue, money(row.predictedValue)]);
    pairs.push([s.columns.likelyLapsed, formatNumber(strings, row.likelyLapsed, 0)]);
    if (withRisk) pairs.push([s.columns.valueAtRisk, atRisk(row)]);
    return pairs;
  };
  return (
    <section ref={measureRef} className={styles.section} aria-labelledby="btyd-heading">
      <Subtitle2 as="h3" id="btyd-heading">
        {s.heading}
      </Subtitle2>
      {withRisk && outcome.valueAtRisk !== null && <Text weight="semibold">{s.valueAtRisk(money(outcome.valueAtRisk))}</Text>}
      {narrow ? (
        // Below 480 px: one block per segment with the table's values in its column order, as in the Segment summary.
        <StackedSegmentList rows={outcome.perSegment} label={s.table} segmentOf={(row) => row.segment} name={(row) => label(row.segment)} pairs={stackedPairs} />
      ) : (
      <div className={styles.scroll} role="region" aria-label={s.table} tabIndex={0}>
        <Table size="extra-small" aria-label={s.table} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={mergeClasses(styles.sticky, styles.headerCell)}>{s.columns.segment}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{s.columns.customers}</TableHeaderCell>
              <TableHeaderCell className={styles.headerCell}>{s.columns.expectedPurchases}</TableHeaderCell>
              {withValue && <TableHeaderCell className={styles.headerCell}>{s.columns.predictedValue}</TableHeaderCell>}
              <TableHeaderCell className={styles.headerCell}>{s.columns.likelyLapsed}</TableHeaderCell>
              {withRisk && <TableHeaderCell className={styles.headerCell}>{s.columns.valueAtRisk}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.perSegment.map((row) => (
              <TableRow key={row.segment}>
                <TableCell className={mergeClasses(styles.sticky, styles.segmentCell)}>{label(row.segment)}</TableCell>
                <TableCell className={styles.numberCell}>{formatNumber(strings, row.customers, 0)}</TableCell>
                <TableCell className={styles.numberCell}>{formatNumber(strings, row.expectedPurchases, 1)}</TableCell>
                {withValue && <TableCell className={styles.numberCell}>{money(row.predictedValue)}</TableCell>}
                <TableCell className={styles.numberCell}>{formatNumber(strings, row.likelyLapsed, 0)}</TableCell>
                {withRisk && <TableCell className={styles.numberCell}>{atRisk(row)}</TableCell>}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      )}
      <ul className={styles.list}>
        <li>
          <Text>{source}</Text>
        </li>
        <li>
          <Text>{outcome.withRevenue ? (outcome.spendProblem ? s.spendFailed(outcome.spendProblem.replace(/\.$/, "")) : s.spend) : s.noRevenue}</Text>
        </li>
        <li>
          <Text>{s.oneTime}</Text>
        </li>
        {u.count > 0 && (
          <li>
            <Text>{s.unusable(u.count, u.rows, u.rowCount > u.rows.length)}</Text>
          </li>
        )}
        <li>
          <Text>{s.fit(f(p.r), f(p.alpha), f(p.a), f(p.b), unitName)}</Text>
        </li>
      </ul>
    </section>
  );
}
