/**
 * LOYALTY.PARETONBDFIT, PARETONBDPALIVE and PARETONBDEXPECTED: the Pareto/NBD model as custom
 * functions, adapters over src/analytics/btyd (paretoNbdFit.ts, paretoNbdPredictions.ts), with the
 * rules of btyd.ts (per-row errors, blank rows skipped in fits, the params block or bare numbers).
 * The FIT header is tagged "Pareto/NBD r", … so that other models' functions refuse the block.
 */
import { paretoNbdFitAsync } from "../analytics/btyd/paretoNbdFit";
import { ParetoNbdParams } from "../analytics/btyd/paretoNbdLogLikelihood";
import { paretoNbdExpectedPurchases, paretoNbdPAlive, paretoNbdParamsError } from "../analytics/btyd/paretoNbdPredictions";
import { readTaggedModelParams } from "../analytics/btyd/taggedModelParams";
import { failValue } from "../analytics/errors";
import { gridOf } from "./adapter";
import { expectedByCustomer, fitHistories, pAliveByCustomer } from "./historyModels";

/** The params argument of the Pareto/NBD functions: the tagged block or r, alpha, s, beta. */
export function paretoNbdParamsOf(value: unknown, arg = "params"): ParetoNbdParams {
  const [r, alpha, s, beta] = readTaggedModelParams(gridOf(value), "Pareto/NBD", arg, true);
  const params = { r, alpha, s, beta };
  const error = paretoNbdParamsError(params);
  if (error) failValue(`${arg}: ${error}`);
  return params;
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
  return fitHistories({ x, t_x, T, weights }, "Pareto/NBD", paretoNbdFitAsync, (fit) => ({
    values: [fit.r, fit.alpha, fit.s, fit.beta],
    errors: [fit.standardErrors.r, fit.standardErrors.alpha, fit.standardErrors.s, fit.standardErrors.beta],
  }));
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
  return pAliveByCustomer({ x, t_x, T }, () => {
    const p = paretoNbdParamsOf(params);
    return (xi, txi, Ti) => paretoNbdPAlive(p, xi, txi, Ti);
  });
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
  return expectedByCustomer({ t, x, t_x, T }, () => {
    const p = paretoNbdParamsOf(params);
    return (ti, xi, txi, Ti) => paretoNbdExpectedPurchases(p, ti, xi, txi, Ti);
  });
}
