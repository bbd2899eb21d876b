/**
 * The Warehouse tab's group-table step for "Expected purchases and CLV per customer": pick the grouped
 * BTYD summary CSV the database returned, compute the CLV group table here (time-sliced, nothing
 * uploaded; clvGroupsRun.ts) and offer it as a download (a Blob and an object URL, no network).
 * The parameters come from the tab's form; a field that is not a number is named.
 */
import * as React from "react";
import { Body1, Button, Label, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens, useId } from "@fluentui/react-components";
import { bgnbdParamsError } from "../../analytics/btyd/bgnbdPredictions";
import { clvOptionsError } from "../../analytics/btyd/predictedClv";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import { timeSlicer } from "../../analytics/numeric/yieldToHost";
import type { Strings } from "../strings/en";
import { runClvGroups } from "./clvGroupsRun";
import { ClvFields, GROUP_NUMBERS, clvNumbers } from "./warehouseSql";
import { readText } from "../files/readText";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export const CLV_GROUPS_FILE = "clv_groups.csv";

type State =
  | { readonly status: "idle" }
  | { readonly status: "running" }
  | { readonly status: "done"; readonly blob: Blob; readonly groups: number; readonly rows: number; readonly notSettled: number }
  | { readonly status: "failed"; readonly message: string };

type Props = { readonly strings: Strings; readonly fields: ClvFields; readonly unit: TimeUnit };

export function ClvGroupsPanel({ strings, fields, unit }: Props): React.JSX.Element {
  const c = strings.warehouse.clv;
  const styles = useStyles();
  const ids = useId("clv-groups");
  const [state, setState] = React.useState<State>({ status: "idle" });

  const run = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const n = clvNumbers(fields, strings.format.parseNumber, GROUP_NUMBERS);
    if ("field" in n) {
      setState({ status: "failed", message: c.badNumber(c[n.key]) });
      return;
    }
    const params = { r: n.r, alpha: n.alpha, a: n.a, b: n.b };
    const options = { horizonMonths: n.horizonMonths, monthlyDiscountRate: n.monthlyDiscountRate, timeUnit: unit };
    const problem = bgnbdParamsError(params) ?? clvOptionsError(options);
    if (problem) {
      setState({ status: "failed", message: c.badParams(problem) });
      return;
    }
    setState({ status: "running" });
    try {
      const slicer = timeSlicer();
      const result = await runClvGroups(await readText(file), params, options, slicer);
      if (result.kind === "failed") setState({ status: "failed", message: c.problem(result.problem) });
      else setState({ status: "done", blob: new Blob(result.parts, { type: "text/csv" }), groups: result.groups, rows: result.rows, notSettled: result.notSettled });
    } catch (e) {
      setState({ status: "failed", message: c.problem({ kind: "core", detail: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const download = (): void => {
    if (state.status !== "done") return;
    const url = URL.createObjectURL(state.blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = CLV_GROUPS_FILE;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section className={styles.root} aria-labelledby={`${ids}-heading`}>
      <Subtitle2 as="h2" id={`${ids}-heading`}>
        {c.heading}
      </Subtitle2>
      <Body1>{c.intro}</Body1>
      <Label htmlFor={`${ids}-file`}>{c.file}</Label>
      <input
        id={`${ids}-file`}
        type="file"
        accept=".csv,.txt"
        disabled={state.status === "running"}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ""; // the same file again runs again (after the parameters changed)
          void run(file);
        }}
      />
      {state.status === "running" ? <Spinner size="tiny" label={c.running} /> : null}
      {state.status === "failed" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      ) : null}
      {state.status === "done" ? (
        <>
          <Body1>{c.done(state.groups, state.rows)}</Body1>
          {state.notSettled > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{c.notSettled(state.notSettled)}</MessageBarBody>
            </MessageBar>
          ) : null}
          <div>
            <Button appearance="primary" onClick={download}>
              {c.download}
            </Button>
          </div>
        </>
      ) : null}
      <Body1>{c.note}</Body1>
    </section>
  );
}
