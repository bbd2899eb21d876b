import * as React from "react";
import { Field, Select } from "@fluentui/react-components";

export type ColumnOption = { readonly value: string; readonly label: string };

type Props = {
  readonly label: string;
  readonly hint?: string;
  readonly required?: boolean;
  /** The chosen column's value, or "" for none. */
  readonly value: string;
  readonly options: readonly ColumnOption[];
  /** Text of the "no column" choice. */
  readonly notMapped: string;
  readonly onChange: (value: string) => void;
};

/** A labelled dropdown that maps one role to a column of the picked range (or to none). */
export function ColumnSelect({ label, hint, required, value, options, notMapped, onChange }: Props): React.JSX.Element {
  return (
    <Field label={label} hint={hint} required={required}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        <option value="">{notMapped}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
