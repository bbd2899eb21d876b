/**
 * The "Count whole calendar weeks/months" checkbox of the BTYD summaries (BTYDSUMMARY's
 * whole_periods), with its hint: one control for the Warehouse tab's SQL and for Open a file.
 */
import * as React from "react";
import { Checkbox, Field } from "@fluentui/react-components";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { Strings } from "../strings/en";

type Props = { readonly strings: Strings; readonly unit: TimeUnit; readonly checked: boolean; readonly onChange: (checked: boolean) => void };

export function WholePeriodsField({ strings, unit, checked, onChange }: Props): React.JSX.Element {
  const t = strings.warehouse;
  return (
    <Field hint={t.wholePeriodsHint}>
      <Checkbox checked={checked} onChange={(_, d) => onChange(d.checked === true)} label={t.wholePeriods(unit)} />
    </Field>
  );
}
