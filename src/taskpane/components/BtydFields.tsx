import * as React from "react";
import { ColumnSelect } from "./ColumnSelect";
import { Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import { btydSource } from "../model/btydModel";
import { BTYD_ROLES, type BtydRole, EMPTY_BTYD, type Mapping, ROLES, btydWithout } from "../model/mapping";
import type { Strings } from "../strings/en";
import { usePaneStyles } from "./styles";

type Props = {
  readonly mapping: Mapping;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly strings: Strings;
  readonly onMapping: (mapping: Mapping) => void;
};

const UNITS: readonly TimeUnit[] = ["day", "week", "month"];

/** Optional x / t_x / T columns and their time unit, with a line saying where histories will come from. */
/** Where predicted value will come from, in one sentence (also shown in the mapping summary). */
export function btydSourceText(mapping: Mapping, strings: Strings): string {
  const source = btydSource(mapping);
  const s = strings.btyd.map;
  return source === "mapped" ? s.mapped : source === "derived" ? s.derived : s.none;
}

export function BtydFields({ mapping, options, strings, onMapping }: Props): React.JSX.Element {
  const styles = usePaneStyles();
  const s = strings.btyd.map;
  const b = mapping.btyd ?? EMPTY_BTYD;
  const setRole = (role: BtydRole, value: string): void => {
    const column = value === "" ? null : Number(value);
    const columns = { ...mapping.columns };
    // A column plays one role, here as in the other roles.
    if (column !== null) for (const r of ROLES) if (columns[r] === column) columns[r] = null;
    const btyd = { ...(column === null ? b : btydWithout(b, column)), [role]: column };
    onMapping({ ...mapping, columns, btyd });
  };
  const source = btydSource(mapping);
  const anyMapped = b.x !== null || b.tx !== null || b.T !== null;
  return (
    <div className={styles.section} role="group" aria-labelledby="btyd-map-heading">
      <Subtitle2 as="h3" id="btyd-map-heading">
        {s.heading}
      </Subtitle2>
      <Text>{btydSourceText(mapping, strings)}</Text>
      {BTYD_ROLES.map((role) => (
        <ColumnSelect
          key={role}
          label={s.roles[role]}
          hint={s.roleHelp[role]}
          value={b[role] === null ? "" : String(b[role])}
          options={options}
          notMapped={strings.map.notMapped}
          onChange={(value) => setRole(role, value)}
        />
      ))}
      {anyMapped && (
        <Field label={s.unitLabel}>
          <Select value={b.unit} onChange={(_, d) => onMapping({ ...mapping, btyd: { ...b, unit: d.value as TimeUnit } })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {s.units[u]}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </div>
  );
}
