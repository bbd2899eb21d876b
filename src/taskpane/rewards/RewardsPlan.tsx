/**
 * The Rewards plan after a Segment run: earn rate and the cost of a point typed in (face value ×
 * expected redemption, or the cost of the goods given × expected redemption; the pane says which),
 * then per segment the suggested reward, points earned from its revenue, programme cost, profit and
 * predicted value, a warning where rewards cost more than the margin, and a button that adds the
 * table and a chart to the Segments sheet. Plain callbacks only: no Excel here.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  mergeClasses,
} from "@fluentui/react-components";
import { SEGMENTS, type Segment } from "../../analytics/segments/loyaltySegment";
import { ExcelLayerError } from "../excel/session";
import type { RewardsWritten } from "../excel/rewardsSheet";
import { DEFAULT_REWARD_SETTINGS, type PointCostBasis, type RewardSettings, type RewardsSheetPlan, rewardRows, rewardsSheetPlan, settingsProblem } from "../model/rewardsPlan";
import type { RunResult } from "../model/segmentRun";
import type { Strings } from "../strings/en";
import { excelLayerNotice } from "../components/excelLayerNotice";
import { usePaneStyles } from "../components/styles";
import { formatNumber } from "../components/useSegmentFlow";
import { segmentText } from "../i18n/segmentText";

type Props = {
  readonly result: RunResult;
  readonly strings: Strings;
  /** The Segments sheet the run wrote, or null when it wrote a column. */
  readonly sheetName: string | null;
  /** Writes the table and chart; absent where the host cannot (then no button). */
  readonly write?: (sheetName: string, plan: RewardsSheetPlan) => Promise<RewardsWritten>;
};

type WriteState = { status: "idle" } | { status: "writing" } | { status: "done"; sheetName: string } | { status: "failed"; text: string };

const isGroup = (name: string): name is Segment => (SEGMENTS as readonly string[]).includes(name);

/** The suggested reward for a segment: the four groups' or the RFM segments' advice. */
export function suggestionFor(strings: Strings, segment: string): string {
  if (isGroup(segment)) return strings.rewards.groupSuggestion[segment];
  return strings.rewards.rfmSuggestion[segment] ?? strings.rewards.otherSuggestion;
}

/** Text typed in a number field, read in the user's regional settings ("0,8" in de/nb): "" and non-numbers are NaN (the field then says what it expects). */
const parse = (strings: Strings, text: string): number => (text.trim() === "" ? NaN : (strings.format.parseNumber(text) ?? NaN));

export function RewardsPlan({ result, strings, sheetName, write }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const r = strings.rewards;
  const [text, setText] = React.useState({
    earnRate: strings.format.number(DEFAULT_REWARD_SETTINGS.earnRate, 6),
    faceValue: strings.format.number(DEFAULT_REWARD_SETTINGS.faceValue, 6),
    goodsCost: strings.format.number(DEFAULT_REWARD_SETTINGS.goodsCost, 6),
    redemptionRate: strings.format.number(DEFAULT_REWARD_SETTINGS.redemptionRate * 100, 6),
  });
  const [basis, setBasis] = React.useState<PointCostBasis>(DEFAULT_REWARD_SETTINGS.basis);
  const [writeState, setWriteState] = React.useState<WriteState>({ status: "idle" });

  const settings: RewardSettings = {
    earnRate: parse(strings, text.earnRate),
    basis,
    faceValue: parse(strings, text.faceValue),
    goodsCost: parse(strings, text.goodsCost),
    redemptionRate: parse(strings, text.redemptionRate) / 100,
  };
  const problem = settingsProblem(settings);
  const rows = problem === null ? rewardRows(result, settings) : [];
  const withRevenue = result.summary.revenue !== null;
  const withProfit = result.summary.profit !== null;
  const withValue = rows.some((row) => row.predictedValue !== null);
  const over = rows.filter((row) => row.costAboveMargin);
  const label = (name: string) => segmentText(strings, name);
  const money = (v: number | null) => (v === null ? "–" : formatNumber(strings, v, 2));

  const field = (key: keyof typeof text, labelText: string) => (
    <Field
      label={labelText}
      validationState={problem === key ? "error" : "none"}
      validationMessage={problem === key ? r.invalid[key] : undefined}
    >
      <Input
        inputMode="decimal"
        value={text[key]}
        onChange={(_, d) => {
          setText((t) => ({ ...t, [key]: d.value }));
          setWriteState({ status: "idle" });
        }}
      />
    </Field>
  );

  const onWrite = async (): Promise<void> => {
    if (!write || !sheetName || problem !== null) return;
    setWriteState({ status: "writing" });
    const plan = rewardsSheetPlan(rows, settings, {
      sheet: r.sheet,
      basisText: r.basisText,
      suggestion: (segment) => suggestionFor(strings, segment),
      segmentName: label,
    });
    try {
      const written = await write(sheetName, plan);
      setWriteState({ status: "done", sheetName: written.sheetName });
    } catch (error) {
      const text = error instanceof ExcelLayerError && error.kind === "unknown" && error.message === "occupied" ? r.writeFailed(r.occupied) : excelLayerNotice(error, strings).text;
      setWriteState({ status: "failed", text });
    }
  };

  return (
    <section className={styles.section} aria-labelledby="rewards-heading">
      <Subtitle2 as="h2" id="rewards-heading">
        {r.heading}
      </Subtitle2>
      <Text>{r.intro}</Text>
      {field("earnRate", r.earnRate)}
      <Field label={r.basisLabel}>
        <RadioGroup value={basis} onChange={(_, d) => setBasis(d.value as PointCostBasis)}>
          <Radio value="faceValue" label={r.basisFaceValue} />
          <Radio value="goodsCost" label={r.basisGoodsCost} />
        </RadioGroup>
      </Field>
      {basis === "faceValue" ? field("faceValue", r.faceValue) : field("goodsCost", r.goodsCost)}
      {field("redemptionRate", r.redemptionRate)}
      {problem === null && <Text weight="semibold">{r.basisText(settings)}</Text>}

      {!withRevenue && <Text className={styles.muted}>{r.noRevenue}</Text>}
      {withRevenue && !withProfit && <Text className={styles.muted}>{r.noProfit}</Text>}

      {problem === null && (
        <div className={styles.scroll} role="region" aria-label={r.table} tabIndex={0}>
          <Table size="extra-small" aria-label={r.table} className={styles.table}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={mergeClasses(styles.sticky, styles.headerCell)}>{r.columns.segment}</TableHeaderCell>
                {withRevenue && <TableHeaderCell className={styles.headerCell}>{r.columns.points}</TableHeaderCell>}
                {withRevenue && <TableHeaderCell className={styles.headerCell}>{r.columns.cost}</TableHeaderCell>}
                {withProfit && <TableHeaderCell className={styles.headerCell}>{r.columns.profit}</TableHeaderCell>}
                {withValue && <TableHeaderCell className={styles.headerCell}>{r.columns.predictedValue}</TableHeaderCell>}
                <TableHeaderCell className={styles.headerCell}>{r.columns.reward}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.segment}>
                  <TableCell className={mergeClasses(styles.sticky, styles.segmentCell)}>{label(row.segment)}</TableCell>
                  {withRevenue && <TableCell className={styles.numberCell}>{row.points === null ? "–" : formatNumber(strings, row.points, 0)}</TableCell>}
                  {withRevenue && <TableCell className={styles.numberCell}>{money(row.cost)}</TableCell>}
                  {withProfit && <TableCell className={styles.numberCell}>{money(row.profit)}</TableCell>}
                  {withValue && <TableCell className={styles.numberCell}>{money(row.predictedValue)}</TableCell>}
                  <TableCell>{suggestionFor(strings, row.segment)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {problem === null && withRevenue && <Text className={styles.muted}>{r.pointsNote}</Text>}
      {over.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {over.map((row) => (
              <Text as="p" block key={row.segment}>
                {r.costAboveMargin(label(row.segment))}
              </Text>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {problem === null && withProfit && withRevenue && over.length === 0 && <Text>{r.allWithinMargin}</Text>}

      {write && sheetName === null && <Text className={styles.muted}>{r.noSheet}</Text>}
      {write && sheetName !== null && (
        <div className={styles.row}>
          <Button disabledFocusable={problem !== null || writeState.status === "writing"} onClick={() => void onWrite()}>
            {r.write}
          </Button>
        </div>
      )}
      <div aria-live="polite">
        {writeState.status === "writing" && <Text>{r.writing}</Text>}
        {writeState.status === "done" && (
          <MessageBar intent="success">
            <MessageBarBody>{r.wrote(writeState.sheetName)}</MessageBarBody>
          </MessageBar>
        )}
        {writeState.status === "failed" && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{writeState.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
