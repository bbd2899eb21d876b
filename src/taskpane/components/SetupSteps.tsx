import * as React from "react";
import { ColumnSelect } from "./ColumnSelect";
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, Subtitle2, Text } from "@fluentui/react-components";
import { MEASURES, availableMeasures, type BehaviourMeasure } from "../model/behaviour";
import { ADVANCED_ROLES, ROLES, btydWithout, guessIsConfident, type AttitudeScale, type Mapping, type RecencyKind, type Role, columnLetter, headerTexts } from "../model/mapping";
import type { Strings } from "../strings/en";
import { btydSource } from "../model/btydModel";
import { BtydFields } from "./BtydFields";
import { usePaneStyles } from "./styles";
import { type Setup, type Target, offeredTargets } from "./useSegmentFlow";

type MappingProps = {
  readonly setup: Setup;
  readonly strings: Strings;
  readonly onMapping: (mapping: Mapping) => void;
  readonly onHasHeaders: (hasHeaders: boolean) => void;
};

/** Step 2: one labelled select per role, guesses preselected. */
export function MappingStep({ setup, strings, onMapping, onHasHeaders }: MappingProps): React.JSX.Element {
  const styles = usePaneStyles();
  const s = strings.map;
  const { region, mapping } = setup;
  const heads = headerTexts(setup.firstRows, setup.hasHeaders, region.columnCount);
  const options = heads.map((h, c) => ({ value: String(c), label: s.columnOption(columnLetter(region.columnIndex + c), h) }));
  const setRole = (role: Role, value: string): void => {
    const column = value === "" ? null : Number(value);
    const columns = { ...mapping.columns };
    // A column plays one role: taking it away from another role keeps the mapping unambiguous.
    if (column !== null) for (const r of ROLES) if (columns[r] === column) columns[r] = null;
    columns[role] = column;
    const btyd = mapping.btyd && column !== null ? btydWithout(mapping.btyd, column) : mapping.btyd;
    onMapping(btyd ? { ...mapping, columns, btyd } : { ...mapping, columns });
  };
  const [editing, setEditing] = React.useState(() => !guessIsConfident(mapping, setup.firstRows, setup.hasHeaders, region.columnCount));
  const firstSelect = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (editing) firstSelect.current?.querySelector("select")?.focus();
  }, [editing]);
  const optionLabel = (column: number) => options[column]?.label ?? columnLetter(region.columnIndex + column);
  if (!editing) {
    // Confident guesses: a short summary and one "Change" button, so Segment is on the first screen.
    return (
      <section className={styles.section} aria-labelledby="map-heading">
        <div className={styles.headingRow}>
          <Subtitle2 as="h2" id="map-heading">
            {s.heading}
          </Subtitle2>
          <Button size="small" aria-label={s.changeLabel} onClick={() => setEditing(true)}>
            {s.change}
          </Button>
        </div>
        <Text>{s.summaryIntro}</Text>
        <ul className={styles.list} aria-labelledby="map-heading">
          {ROLES.filter((role) => mapping.columns[role] !== null).map((role) => (
            <li key={role}>
              <Text>
                {s.roles[role]}: {optionLabel(mapping.columns[role] as number)}
              </Text>
            </li>
          ))}
          {/* Where predicted value comes from, in a few words; the full sentence is under Change. */}
          <li>
            <Text>
              {strings.btyd.map.summaryLabel}: {strings.btyd.map.summarySource[btydSource(mapping) ?? "none"]}
            </Text>
          </li>
        </ul>
      </section>
    );
  }
  const roleSelect = (role: Role) => (
    <React.Fragment key={role}>
          <ColumnSelect
            label={s.roles[role]}
            hint={s.roleHelp[role]}
            required={role === "id"}
            value={mapping.columns[role] === null ? "" : String(mapping.columns[role])}
            options={options}
            notMapped={s.notMapped}
            onChange={(value) => setRole(role, value)}
          />
          {role === "attitude" && mapping.columns.attitude !== null && (
            <Field label={s.scaleLabel}>
              <Select value={mapping.attitudeScale} onChange={(_, d) => onMapping({ ...mapping, attitudeScale: d.value as AttitudeScale })}>
                {(["recommend", "satisfaction", "referrals"] as const).map((k) => (
                  <option key={k} value={k}>
                    {s.scales[k]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {role === "recency" && mapping.columns.recency !== null && (
            <Field label={s.recencyLabel}>
              <Select value={mapping.recencyKind} onChange={(_, d) => onMapping({ ...mapping, recencyKind: d.value as RecencyKind })}>
                {(["days", "date"] as const).map((k) => (
                  <option key={k} value={k}>
                    {s.recencyKinds[k]}
                  </option>
                ))}
              </Select>
            </Field>
          )}
    </React.Fragment>
  );
  return (
    <section className={styles.section} aria-labelledby="map-heading">
      <Subtitle2 as="h2" id="map-heading">
        {s.heading}
      </Subtitle2>
      <Checkbox checked={setup.hasHeaders} onChange={(_, d) => onHasHeaders(d.checked === true)} label={strings.pick.headersCheckbox} />
      <div ref={firstSelect} className={styles.section}>
        {ROLES.filter((role) => !ADVANCED_ROLES.includes(role)).map(roleSelect)}
      </div>
      {/* Folded by default (a native disclosure), open when one of its columns is mapped. */}
      <details className={styles.section} open={ADVANCED_ROLES.some((role) => mapping.columns[role] !== null) || undefined}>
        <summary className={styles.disclosure}>{s.advanced}</summary>
        <div className={styles.section}>
          {ADVANCED_ROLES.map(roleSelect)}
          <BtydFields mapping={mapping} options={options} strings={strings} onMapping={onMapping} />
        </div>
      </details>
    </section>
  );
}

type BehaviourProps = {
  readonly setup: Setup;
  readonly strings: Strings;
  readonly onChange: (change: (setup: Setup) => Setup) => void;
};

/** Step 3: behaviour measure and cutoff, with the one-line explanation of the four groups. */
export function BehaviourStep({ setup, strings, onChange }: BehaviourProps): React.JSX.Element {
  const styles = usePaneStyles();
  const b = strings.behaviour;
  const measures = availableMeasures(setup.mapping);
  if (setup.mode === "rfm") return <></>;
  return (
    <section className={styles.section} aria-labelledby="behaviour-heading">
      <Subtitle2 as="h2" id="behaviour-heading">
        {b.heading}
      </Subtitle2>
      <Text>{b.groupsExplained}</Text>
      {measures.length === 0 ? (
        <Text>{b.noBehaviour}</Text>
      ) : (
        <>
          <Field label={b.measureLabel} hint={setup.measure ? b.measureHelp[setup.measure] : undefined}>
            <Select value={setup.measure ?? ""} onChange={(_, d) => onChange((s) => ({ ...s, measure: d.value as BehaviourMeasure }))}>
              {MEASURES.filter((m) => measures.includes(m)).map((m) => (
                <option key={m} value={m}>
                  {b.measures[m]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={b.cutoffLabel}>
            <RadioGroup
              value={setup.cutoff.kind}
              onChange={(_, d) => onChange((s) => ({ ...s, cutoff: d.value === "median" ? { kind: "median" } : { kind: "atLeast", text: s.cutoff.kind === "atLeast" ? s.cutoff.text : "" } }))}
            >
              <Radio value="median" label={b.cutoffMedian} />
              <Radio value="atLeast" label={b.cutoffAtLeast} />
            </RadioGroup>
          </Field>
          {setup.cutoff.kind === "atLeast" && (
            <Field label={b.cutoffValueLabel}>
              <Input inputMode="decimal" value={setup.cutoff.text} onChange={(_, d) => onChange((s) => ({ ...s, cutoff: { kind: "atLeast", text: d.value } }))} />
            </Field>
          )}
        </>
      )}
    </section>
  );
}

type TargetProps = {
  readonly setup: Setup;
  readonly strings: Strings;
  readonly onChange: (change: (setup: Setup) => Setup) => void;
};

/** Where the result goes: a new sheet (the only safe place), or a column beside the data (best effort, said in one line). */
export function TargetChoice({ setup, strings, onChange }: TargetProps): React.JSX.Element {
  const r = strings.run;
  const label: Record<Target, string> = { sheet: r.targetSheet, beside: r.targetBeside, insert: r.targetInsert };
  const offered = offeredTargets(setup.targets);
  return (
    // The best-effort caveat only once a column beside the data is chosen, so the set-up stays short.
    <Field label={r.target} hint={!setup.targets.newSheetAllowed ? r.newSheetProtected : setup.target !== "sheet" ? r.bestEffort : undefined}>
      <RadioGroup value={setup.target} onChange={(_, d) => onChange((s) => ({ ...s, target: d.value as Target }))}>
        {offered.map((t) => (
          <Radio key={t} value={t} label={label[t]} disabled={t === "sheet" && !setup.targets.newSheetAllowed} />
        ))}
      </RadioGroup>
    </Field>
  );
}
