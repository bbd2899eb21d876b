/**
 * LOYALTY.PARETONBDFIT, PARETONBDPALIVE and PARETONBDEXPECTED: the Pareto/NBD model as custom
 * functions, adapters over src/analytics/btyd (paretoNbdFit.ts, paretoNbdPredictions.ts), with the
 * rules of btyd.ts (per-row errors, blank rows skipped in fits, the params block or bare numbers).
 * The FIT header is tagged "Pareto/NBD r", … so that other models' functions refuse the block.
 */
import { paretoNbdFitAsync } from "../analytics/btyd/paretoNbdFit";
import { ParetoNbdParams } from "../analytics/btyd/paretoNbdLogLikelihood";
import { paretoNbdExpectedPurchases, paretoNbdPAlive, paretoNbdParamsError } from "../analytics/btyd/paretoNbdPredictions";
import { readTaggedModelParams, taggedHeader } from "../analytics/btyd/taggedModelParams";
import { CellError, failValue, raise, valueError } from "../analytics/errors";
import { yieldToHost } from "../analytics/numeric/yieldToHost";
import { gridOf, guardAsync } from "./adapter";
import { historyError, perCustomerAsync, readFitColumns, rowLabel } from "./btyd";

/** The params argument of the Pareto/NBD functions: the tagged block or r, alpha, s, beta. */
export function paretoNbdParamsOf(value: unknown, arg = "params"): ParetoNbdParams {
  const [r, alpha, s, beta] = readTaggedModelParams(gridOf(value), "Pareto/NBD", arg, true);
  const params = { r, alpha, s, beta };
  const error = paretoNbdParamsError(params);
  if (error) failValue(`${arg}: ${error}`);
  return params;
}

/** Fit errors name rows only when there is more than one. */
export async function fitWithRowLabels<T>(n: number, fit: () => Promise<T>): Promise<T> {
  try {
    return await fit();
  } catch (error) {
    if (error instanceof Error && "code" in error) raise({ code: (error as CellError).code, message: n === 1 ? error.message.replace(/^row 1: /, "") : error.message });
    throw error;
  }
}

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) by maximum likelihood to customer histories x, t_x, T. Spills a header row tagged "Pareto/NBD", the estimates r, alpha, s, beta with the log-likelihood, and their standard errors.
 * @customfunction PARETONBDFIT PARETONBDFIT
 * @helpurl https://localhost:3000/help.html#paretonbdfit
 * @param {any[][]} x Repeat purchases per customer (a whole number, 0 or more), as BTYDSUMMARY gives.
 * @param {any[][]} t_x Time from first to last purchase per customer, in the unit of T.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} [weights] Number of customers each row stands for (for pre-grouped data). Default 1.
 * @returns {Promise<any[][]>} A 3×5 block: header, estimates with the log-likelihood, standard errors.
 */
export async function paretonbdfit(x: any[][], t_x: any[][], T: any[][], weights?: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const { n, data, weights: w } = await readFitColumns(
      [
        { arg: "x", range: x, what: "a number of repeat purchases" },
        { arg: "t_x", range: t_x, what: "a time" },
        { arg: "T", range: T, what: "a time" },
        { arg: "weights", range: weights, what: "a weight", optional: true },
      ],
      () => false,
    );
    await yieldToHost();
    const fit = await fitWithRowLabels(n, () => paretoNbdFitAsync(data[0], data[1], data[2], w));
    const se = fit.standardErrors;
    return [taggedHeader("Pareto/NBD"), [fit.r, fit.alpha, fit.s, fit.beta, fit.logLikelihood], [se.r, se.alpha, se.s, se.beta, ""]];
  })) as any[][];
}

/**
 * Probability that each customer is still active under a fitted Pareto/NBD model (Fader & Hardie 2005, note 009, eq. 11). Unlike the BG/NBD, a customer with x = 0 may already be gone.
 * @customfunction PARETONBDPALIVE PARETONBDPALIVE
 * @helpurl https://localhost:3000/help.html#paretonbdpalive
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer, in the unit the model was fitted in.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} params The block PARETONBDFIT spilled (with its header), or r, alpha, s, beta.
 * @returns {Promise<any[][]>} One probability per customer.
 */
export async function paretonbdpalive(x: any[][], t_x: any[][], T: any[][], params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const p = paretoNbdParamsOf(params);
    return await perCustomerAsync(
      [
        { arg: "x", range: x, what: "number of repeat purchases" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "T", range: T, what: "T" },
      ],
      ([xi, txi, Ti], i, n) => historyError(xi, txi, Ti, n, i) ?? paretoNbdPAlive(p, xi, txi, Ti),
    );
  })) as any[][];
}

/**
 * Expected number of purchases of each customer in the next t time units under a fitted Pareto/NBD model (note 009, eq. 13; the s = 1 limit included).
 * @customfunction PARETONBDEXPECTED PARETONBDEXPECTED
 * @helpurl https://localhost:3000/help.html#paretonbdexpected
 * @param {any[][]} t Length of the period ahead, in the unit of t_x and T (one value or one per customer).
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} params The block PARETONBDFIT spilled (with its header), or r, alpha, s, beta.
 * @returns {Promise<any[][]>} One expected number of purchases per customer.
 */
export async function paretonbdexpected(t: any[][], x: any[][], t_x: any[][], T: any[][], params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const p = paretoNbdParamsOf(params);
    return await perCustomerAsync(
      [
        { arg: "t", range: t, what: "period length" },
        { arg: "x", range: x, what: "number of repeat purchases" },
        { arg: "t_x", range: t_x, what: "t_x" },
        { arg: "T", range: T, what: "T" },
      ],
      ([ti, xi, txi, Ti], i, n) => {
        if (ti < 0) return valueError(`${rowLabel(n, i)}t is ${ti}; expected a period length of 0 or more`);
        return historyError(xi, txi, Ti, n, i) ?? paretoNbdExpectedPurchases(p, ti, xi, txi, Ti);
      },
    );
  })) as any[][];
}
