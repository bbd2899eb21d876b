/**
 * The bodies the continuous-time BTYD models beyond BG/NBD share (Pareto/NBD in paretoNbd.ts,
 * MBG/NBD in mbgNbd.ts): a FIT over (x, t_x, T[, weights]) that spills the tagged params block, and
 * per-customer P(alive) and expected purchases with the rules of btyd.ts (per-row errors, blank
 * rows skipped in fits). Each model passes its own fit, tag and prediction; the exported custom
 * functions stay in the model's file with their own help text.
 */
import { CellError, raise, valueError } from "../analytics/errors";
import { taggedHeader } from "../analytics/btyd/taggedModelParams";
import { yieldToHost } from "../analytics/numeric/yieldToHost";
import { guardAsync } from "./adapter";
import { historyError, perCustomerAsync, readFitColumns, rowLabel } from "./btyd";

/** Fit errors name rows only when there is more than one. */
export async function fitWithRowLabels<T>(n: number, fit: () => Promise<T>): Promise<T> {
  try {
    return await fit();
  } catch (error) {
    if (error instanceof Error && "code" in error) raise({ code: (error as CellError).code, message: n === 1 ? error.message.replace(/^row 1: /, "") : error.message });
    throw error;
  }
}

type HistoryFit = { readonly logLikelihood: number };

/**
 * A FIT function's body: reads x, t_x, T (and weights), fits, and spills the header tagged `tag`,
 * the estimates with the log-likelihood, and their standard errors (`estimates` gives both rows'
 * four numbers in the model's order).
 */
export async function fitHistories<F extends HistoryFit>(
  ranges: { readonly x: unknown; readonly t_x: unknown; readonly T: unknown; readonly weights: unknown },
  tag: "Pareto/NBD" | "MBG/NBD",
  fit: (x: Float64Array, tx: Float64Array, T: Float64Array, weights: Float64Array) => Promise<F>,
  estimates: (fit: F) => { readonly values: readonly number[]; readonly errors: readonly number[] },
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const { n, data, weights: w } = await readFitColumns(
      [
        { arg: "x", range: ranges.x, what: "a number of repeat purchases" },
        { arg: "t_x", range: ranges.t_x, what: "a time" },
        { arg: "T", range: ranges.T, what: "a time" },
        { arg: "weights", range: ranges.weights, what: "a weight", optional: true },
      ],
      () => false,
    );
    await yieldToHost();
    const result = await fitWithRowLabels(n, () => fit(data[0], data[1], data[2], w));
    const { values, errors } = estimates(result);
    return [taggedHeader(tag), [...values, result.logLikelihood], [...errors, ""]];
  })) as any[][];
}

/** A P(alive) function's body: `model()` reads the params block (a bad block fails the call), then one value per customer. */
export async function pAliveByCustomer(
  ranges: { readonly x: unknown; readonly t_x: unknown; readonly T: unknown },
  model: () => (x: number, tx: number, T: number) => number,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const pAlive = model();
    return await perCustomerAsync(
      [
        { arg: "x", range: ranges.x, what: "number of repeat purchases" },
        { arg: "t_x", range: ranges.t_x, what: "t_x" },
        { arg: "T", range: ranges.T, what: "T" },
      ],
      ([xi, txi, Ti], i, n) => historyError(xi, txi, Ti, n, i) ?? pAlive(xi, txi, Ti),
    );
  })) as any[][];
}

/** An expected-purchases function's body: as pAliveByCustomer, with the period length t first. */
export async function expectedByCustomer(
  ranges: { readonly t: unknown; readonly x: unknown; readonly t_x: unknown; readonly T: unknown },
  model: () => (t: number, x: number, tx: number, T: number) => number,
): Promise<any[][]> {
  return (await guardAsync(async () => {
    const expected = model();
    return await perCustomerAsync(
      [
        { arg: "t", range: ranges.t, what: "period length" },
        { arg: "x", range: ranges.x, what: "number of repeat purchases" },
        { arg: "t_x", range: ranges.t_x, what: "t_x" },
        { arg: "T", range: ranges.T, what: "T" },
      ],
      ([ti, xi, txi, Ti], i, n) => {
        if (ti < 0) return valueError(`${rowLabel(n, i)}t is ${ti}; expected a period length of 0 or more`);
        return historyError(xi, txi, Ti, n, i) ?? expected(ti, xi, txi, Ti);
      },
    );
  })) as any[][];
}
