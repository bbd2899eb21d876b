/**
 * The Warehouse tab: pick the analysis, the database, the table and column names, the as-of date and
 * the time unit or period; see the SQL with Copy and "Save .sql", and a plain-words note on what to do
 * with the result. Nothing here touches the workbook; the SQL comes from src/sql. For expected
 * purchases and CLV the tab also makes the group table the SQL loads (ClvGroupsPanel.tsx).
 */
import * as React from "react";
import { Body1, Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { DIALECTS } from "../../sql/dialects";
import { DIALECT_NAMES, DialectName } from "../../sql/dialect";
import { PERIOD_KINDS, PeriodKind } from "../../analytics/orders/calendarPeriods";
import type { TimeUnit } from "../../analytics/orders/timeUnit";
import type { Strings } from "../strings/en";
import { ANALYSES, Analysis, CLV_FIELD_NAMES, ClvFields, WarehouseForm, offersWholePeriods, usesPeriod, usesUnit, warehouseSql } from "./warehouseSql";
import { ClvGroupsPanel } from "./ClvGroupsPanel";
import { WholePeriodsField } from "../components/WholePeriodsField";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0 },
  sql: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: "240px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const START: WarehouseForm = {
  analysis: "btydGrouped",
  dialect: "duckdb",
  table: "orders",
  customerId: "customer_id",
  orderDate: "order_date",
  amount: "amount",
  asOf: "",
  calibrationEnd: "",
  unit: "week",
  wholePeriods: false,
  period: "month",
  clv: { r: "", alpha: "", a: "", b: "", p: "", q: "", v: "", horizonMonths: "12", monthlyDiscountRate: "0", marginRate: "1", groupTable: "clv_groups", csvFile: "clv_groups.csv" },
};

/** The generator's field names (src/sql, English) as the form labels them in the pane's language. */
function fieldLabel(t: Strings["warehouse"], field: string): string {
  const labels: Record<string, string> = {
    "Order table": t.table,
    "Customer id column": t.customerId,
    "Order date column": t.orderDate,
    "Amount column": t.amount,
    "As-of date": t.asOf,
    "Holdout end": t.asOf,
    "Calibration end": t.calibrationEnd,
    "Group table": t.clv.groupTable,
    "CSV file": t.clv.csvFile,
    "Gamma-Gamma parameters": `${t.clv.p}, ${t.clv.q}, ${t.clv.v}`,
    ...Object.fromEntries(Object.entries(CLV_FIELD_NAMES).map(([key, name]) => [name, t.clv[key as keyof typeof CLV_FIELD_NAMES]])),
  };
  return labels[field] ?? field;
}

type Props = { readonly strings: Strings };

export function WarehouseView({ strings }: Props): React.JSX.Element {
  const t = strings.warehouse;
  const styles = useStyles();
  const [form, setForm] = React.useState<WarehouseForm>(START);
  const [copied, setCopied] = React.useState(false);
  const result = React.useMemo(() => warehouseSql(form, strings.format.parseNumber), [form, strings]);
  const set = <K extends keyof WarehouseForm>(key: K) => (value: WarehouseForm[K]) => {
    setCopied(false);
    setForm((f) => ({ ...f, [key]: value }));
  };
  const text = (key: "table" | "customerId" | "orderDate" | "amount" | "asOf" | "calibrationEnd", label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      <Input value={form[key]} onChange={(_, d) => set(key)(d.value)} />
    </Field>
  );
  const clvText = (key: keyof ClvFields, hint?: string) => (
    <Field label={t.clv[key]} hint={hint}>
      <Input
        value={form.clv[key]}
        onChange={(_, d) => {
          setCopied(false);
          setForm((f) => ({ ...f, clv: { ...f.clv, [key]: d.value } }));
        }}
      />
    </Field>
  );
  const copy = async (): Promise<void> => {
    if (result.kind !== "sql") return;
    await navigator.clipboard.writeText(result.sql);
    setCopied(true);
  };
  const save = (): void => {
    if (result.kind !== "sql") return;
    const url = URL.createObjectURL(new Blob([result.sql], { type: "application/sql" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `loyalty-${form.analysis}-${form.dialect}.sql`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className={styles.root} aria-label={strings.retention.tabs.warehouse}>
      <Body1>{t.intro}</Body1>
      <Field label={t.analysis}>
        <Select value={form.analysis} onChange={(_, d) => set("analysis")(d.value as Analysis)}>
          {ANALYSES.map((a) => (
            <option key={a} value={a}>
              {t.analyses[a]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.dialect}>
        <Select value={form.dialect} onChange={(_, d) => set("dialect")(d.value as DialectName)}>
          {DIALECT_NAMES.map((n) => (
            <option key={n} value={n}>
              {DIALECTS[n].label}
            </option>
          ))}
        </Select>
      </Field>
      {text("table", t.table, t.tableHint)}
      {text("customerId", t.customerId)}
      {text("orderDate", t.orderDate)}
      {text("amount", t.amount)}
      {text("asOf", t.asOf, t.asOfHint)}
      {form.analysis === "holdoutGrouped" && text("calibrationEnd", t.calibrationEnd)}
      {usesUnit(form.analysis) && (
        <Field label={t.unit}>
          <Select value={form.unit} onChange={(_, d) => set("unit")(d.value as TimeUnit)}>
            {(["day", "week", "month"] as const).map((u) => (
              <option key={u} value={u}>
                {t.units[u]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {offersWholePeriods(form.analysis, form.unit) && <WholePeriodsField strings={strings} unit={form.unit} checked={form.wholePeriods} onChange={set("wholePeriods")} />}
      {form.analysis === "clvJoin" && (
        <>
          <Body1>{t.clv.paramsHint}</Body1>
          {clvText("r")}
          {clvText("alpha")}
          {clvText("a")}
          {clvText("b")}
          {clvText("p")}
          {clvText("q")}
          {clvText("v")}
          {clvText("horizonMonths")}
          {clvText("monthlyDiscountRate", t.clv.monthlyDiscountHint)}
          {clvText("marginRate", t.clv.marginHint)}
          {clvText("groupTable")}
          {clvText("csvFile", t.clv.csvFileHint)}
        </>
      )}
      {usesPeriod(form.analysis) && (
        <Field label={t.period}>
          <Select value={form.period} onChange={(_, d) => set("period")(d.value as PeriodKind)}>
            {PERIOD_KINDS.map((p) => (
              <option key={p} value={p}>
                {strings.retention.settings.periods[p]}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {result.kind === "refused" ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t.refused(fieldLabel(t, result.field), result.reason, result.message)}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Field label={t.sql}>
            <Textarea className={styles.sql} value={result.sql} readOnly resize="vertical" />
          </Field>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void copy()}>
              {copied ? t.copied : t.copy}
            </Button>
            <Button onClick={save}>{t.save}</Button>
          </div>
        </>
      )}
      {form.analysis === "clvJoin" ? <ClvGroupsPanel strings={strings} fields={form.clv} unit={form.unit} /> : <Body1>{t.note}</Body1>}
    </section>
  );
}
