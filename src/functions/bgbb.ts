/**
 * LOYALTY.BGBBSUMMARY, BGBBFIT, BGBBPALIVE and BGBBEXPECTED: the BG/BB model of discrete
 * transaction opportunities (Fader, Hardie & Shang 2010) as custom functions, adapters over
 * src/analytics/btyd (bgbbSummary.ts, bgbbFit.ts, bgbbPredictions.ts), with the rules of btyd.ts.
 * BG/BB is for noncontractual settings (nobody sees the customer leave); for contracts that are
 * renewed or cancelled, SBGFIT applies. The FIT header is tagged "BG/BB alpha", ….
 */
import { bgbbFit } from "../analytics/btyd/bgbbFit";
import { BgbbParams, bgbbHistoryError } from "../analytics/btyd/bgbbLogLikelihood";
import { bgbbExpectedPurchases, bgbbPAlive, bgbbParamsError } from "../analytics/btyd/bgbbPredictions";
import { bgbbSummary, groupBgbbSummary } from "../analytics/btyd/bgbbSummary";
import { readTaggedModelParams, taggedHeader } from "../analytics/btyd/taggedModelParams";
import { CellError, failValue, isCellError, raise, valueError } from "../analytics/errors";
import { PeriodKind, periodKindFromText } from "../analytics/orders/calendarPeriods";
import { at, describeWhere, readDate, readId } from "../analytics/orders/cells";
import { inBlocks, timeSlicer, yieldToHost } from "../analytics/numeric/yieldToHost";
import { gridOf, guardAsync, listOf, rowCount, single, singleFlag } from "./adapter";
import { idCell, perCustomerAsync, readFitColumns, rowLabel } from "./btyd";
import { fitWithRowLabels } from "./historyModels";

function bgbbParamsOf(value: unknown, arg = "params"): BgbbParams {
  const [alpha, beta, gamma, delta] = readTaggedModelParams(gridOf(value), "BG/BB", arg, true);
  const params = { alpha, beta, gamma, delta };
  const error = bgbbParamsError(params);
  if (error) failValue(`${arg}: ${error}`);
  return params;
}

const historyError = (x: number, tx: number, n: number, rows: number, i: number): CellError | null => {
  const reason = bgbbHistoryError(x, tx, n);
  return reason ? valueError(`${rowLabel(rows, i)}${reason}`) : null;
};

/** A number, or a date (serial or ISO text) as a serial. */
function readPeriodValue(value: unknown, row: number | undefined): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const date = readDate(value, at("dates_or_period_numbers", row));
  if (date === null) return null;
  if (isCellError(date)) raise(date);
  return date;
}

/**
 * Summarises a transaction log for the BG/BB model: per customer x (periods after the first with at least one transaction), t_x (the last such period, 1…n; 0 when x = 0) and n (whole periods from the first-purchase period to as_of_date). Values below 10,000 are read as period numbers, others as dates grouped by period.
 * @customfunction BGBBSUMMARY BGBBSUMMARY
 * @helpurl https://localhost:3000/help.html#bgbbsummary
 * @param {any[][]} customer_ids Customer id of each transaction, one row per transaction.
 * @param {any[][]} dates_or_period_numbers Date of each transaction, or its whole period number (0, 1, 2, …).
 * @param {any} [period] Length of a period when dates are given: "week", "month", "quarter" or "year" (default).
 * @param {any} [as_of_date] End of observation (a date, or the last period number); only whole periods up to it count. Default the latest value.
 * @param {any} [grouped] TRUE: one row per distinct (x, t_x, n) with its count, for BGBBFIT's weights. Default FALSE.
 * @returns {Promise<any[][]>} A header row, then Customer, x, t_x, n per customer (or x, t_x, n, count).
 */
export async function bgbbsummary(customer_ids: any[][], dates_or_period_numbers: any[][], period?: any, as_of_date?: any, grouped?: any): Promise<any[][]> {
  return (await guardAsync(async () => {
    // The log is read and the rows written in time slices; the summary itself is one grouping pass.
    const slicer = timeSlicer();
    const lists = [
      { arg: "customer_ids", values: listOf(customer_ids, "customer_ids") },
      { arg: "dates_or_period_numbers", values: listOf(dates_or_period_numbers, "dates_or_period_numbers") },
    ];
    const n = rowCount(lists);
    const ids: (string | null)[] = new Array(n);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if ((i & 4095) === 0 && slicer.due()) await slicer.pause();
      const row = n === 1 ? undefined : i + 1;
      const id = readId(lists[0].values.length === 1 ? lists[0].values[0] : lists[0].values[i], at("customer_ids", row));
      const value = readPeriodValue(lists[1].values.length === 1 ? lists[1].values[0] : lists[1].values[i], row);
      if (id === null && value === null) {
        ids[i] = null;
        values[i] = NaN;
        continue;
      }
      if (id === null) failValue(`${describeWhere(at("customer_ids", row))}: the cell is blank; every transaction needs a customer id`);
      if (isCellError(id)) raise(id);
      if (value === null) failValue(`${describeWhere(at("dates_or_period_numbers", row))}: the cell is blank; expected a date or a period number`);
      ids[i] = id;
      values[i] = value;
    }
    const p = single(period, "period");
    let kind: PeriodKind = "year";
    if (p !== null && p !== undefined && !(typeof p === "string" && p.trim() === "")) {
      const k = typeof p === "string" ? periodKindFromText(p) : null;
      if (!k) failValue(`period: expected "week", "month", "quarter" or "year", found ${typeof p === "string" ? `text "${p}"` : String(p)}`);
      kind = k;
    }
    const a = single(as_of_date, "as_of_date");
    const asOf = a === null || a === undefined || a === "" ? null : readPeriodValue(a, undefined);
    const wantGroups = singleFlag(grouped, "grouped");
    if (slicer.due()) await slicer.pause();
    const summary = bgbbSummary(ids, values, kind, asOf);
    if (slicer.due()) await slicer.pause();
    if (wantGroups) {
      const groups = groupBgbbSummary(summary);
      return [["x", "t_x", "n", "count"], ...Array.from(groups.x, (x, i) => [x, groups.tx[i], groups.n[i], groups.count[i]])];
    }
    const m = summary.ids.length;
    const out = new Array<unknown[]>(m + 1);
    out[0] = ["Customer", "x", "t_x", "n"];
    await inBlocks(m, slicer, (from, to) => {
      for (let c = from; c < to; c++) out[c + 1] = [idCell(summary.ids[c]), summary.x[c], summary.tx[c], summary.n[c]];
    });
    return out;
  })) as any[][];
}

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010) by maximum likelihood to histories x, t_x, n over discrete transaction opportunities, for noncontractual settings (for contracts that are renewed or cancelled, use SBGFIT). Spills a header tagged "BG/BB", the estimates alpha, beta, gamma, delta with the log-likelihood, and their standard errors.
 * @customfunction BGBBFIT BGBBFIT
 * @helpurl https://localhost:3000/help.html#bgbbfit
 * @param {any[][]} x Periods with a transaction after the first, per customer (or per group).
 * @param {any[][]} t_x The last such period (1…n), 0 when x = 0.
 * @param {any[][]} n Number of transaction opportunities after the first period.
 * @param {any[][]} [weights] Number of customers each row stands for (BGBBSUMMARY's count when grouped). Default 1.
 * @returns {Promise<any[][]>} A 3×5 block: header, estimates with the log-likelihood, standard errors.
 */
export async function bgbbfit(x: any[][], t_x: any[][], n: any[][], weights?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const { n: rows, data, weights: w } = await readFitColumns(
      [
        { arg: "x", range: x, what: "a number of periods with a transaction" },
        { arg: "t_x", range: t_x, what: "a period number" },
        { arg: "n", range: n, what: "a number of opportunities" },
        { arg: "weights", range: weights, what: "a weight", optional: true },
      ],
      () => false,
    );
    await yieldToHost();
    const fit = await fitWithRowLabels(rows, async () => bgbbFit(data[0], data[1], data[2], w));
    const se = fit.standardErrors;
    return [taggedHeader("BG/BB"), [fit.alpha, fit.beta, fit.gamma, fit.delta, fit.logLikelihood], [se.alpha, se.beta, se.gamma, se.delta, ""]];
  })) as any[][];
}

/**
 * Probability that each customer is still active in the next period, n + 1, under a fitted BG/BB model (FHS 2010, eq. 11).
 * @customfunction BGBBPALIVE BGBBPALIVE
 * @helpurl https://localhost:3000/help.html#bgbbpalive
 * @param {any[][]} x Periods with a transaction after the first, per customer.
 * @param {any[][]} t_x The last such period (1…n), 0 when x = 0.
 * @param {any[][]} n Number of transaction opportunities after the first period.
 * @param {any[][]} params The block BGBBFIT spilled (with its header), or alpha, beta, gamma, delta.
 * @returns {Promise<any[][]>} One probability per customer.
 */
export async function bgbbpalive(x: any[][], t_x: any[][], n: any[][], params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const p = bgbbParamsOf(params);
    return await perCustomerAsync(
      [
        { arg: "x", range: x, what: "number of periods with a transaction" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "n", range: n, what: "n" },
      ],
      ([xi, txi, ni], i, rows) => historyError(xi, txi, ni, rows, i) ?? bgbbPAlive(p, xi, txi, ni),
    );
  })) as any[][];
}

/**
 * Expected number of periods with a transaction among each customer's next n_future opportunities under a fitted BG/BB model (FHS 2010, eq. 13).
 * @customfunction BGBBEXPECTED BGBBEXPECTED
 * @helpurl https://localhost:3000/help.html#bgbbexpected
 * @param {any[][]} n_future Number of opportunities ahead, a whole number (one value or one per customer).
 * @param {any[][]} x Periods with a transaction after the first, per customer.
 * @param {any[][]} t_x The last such period (1…n), 0 when x = 0.
 * @param {any[][]} n Number of transaction opportunities after the first period.
 * @param {any[][]} params The block BGBBFIT spilled (with its header), or alpha, beta, gamma, delta.
 * @returns {Promise<any[][]>} One expected number per customer.
 */
export async function bgbbexpected(n_future: any[][], x: any[][], t_x: any[][], n: any[][], params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const p = bgbbParamsOf(params);
    return await perCustomerAsync(
      [
        { arg: "n_future", range: n_future, what: "number of opportunities ahead" },
        { arg: "x", range: x, what: "number of periods with a transaction" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "n", range: n, what: "n" },
      ],
      ([fi, xi, txi, ni], i, rows) => {
        if (!Number.isInteger(fi) || fi < 0) return valueError(`${rowLabel(rows, i)}n_future is ${fi}; expected a whole number of opportunities, 0 or more`);
        return historyError(xi, txi, ni, rows, i) ?? bgbbExpectedPurchases(p, fi, xi, txi, ni);
      },
    );
  })) as any[][];
}
