/**
 * LOYALTY.MBGNBDFIT, MBGNBDPALIVE and MBGNBDEXPECTED: the MBG/NBD model as custom
 * functions, adapters over src/analytics/btyd (mbgnbdFit.ts, mbgnbdPredictions.ts), with the
 * rules of btyd.ts (per-row errors, blank rows skipped in fits, the params block or bare numbers).
 * The FIT header is tagged "MBG/NBD r", … so that other models' functions refuse the block.
 */
import { mbgnbdFitAsync } from "../analytics/btyd/mbgnbdFit";
import { MbgnbdParams } from "../analytics/btyd/mbgnbdLogLikelihood";
import { mbgnbdExpectedPurchases, mbgnbdPAlive, mbgnbdParamsError } from "../analytics/btyd/mbgnbdPredictions";
import { readTaggedModelParams } from "../analytics/btyd/taggedModelParams";
import { failValue } from "../analytics/errors";
import { gridOf } from "./adapter";
import { expectedByCustomer, fitHistories, pAliveByCustomer } from "./historyModels";

/** The params argument of the MBG/NBD functions: the tagged block or r, alpha, a, b. */
export function mbgnbdParamsOf(value: unknown, arg = "params"): MbgnbdParams {
  const [r, alpha, a, b] = readTaggedModelParams(gridOf(value), "MBG/NBD", arg, true);
  const params = { r, alpha, a, b };
  const error = mbgnbdParamsError(params);
  if (error) failValue(`${arg}: ${error}`);
  return params;
}

/**
 * Fits the MBG/NBD model (Batislam, Denizel & Filiztekin 2007) by maximum likelihood to customer histories x, t_x, T. Spills a header row tagged "MBG/NBD", the estimates r, alpha, a, b with the log-likelihood, and their standard errors.
 * @customfunction MBGNBDFIT MBGNBDFIT
 * @helpurl https://localhost:3000/help.html#mbgnbdfit
 * @param {any[][]} x Repeat purchases per customer (a whole number, 0 or more), as BTYDSUMMARY gives.
 * @param {any[][]} t_x Time from first to last purchase per customer, in the unit of T.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} [weights] Number of customers each row stands for (for pre-grouped data). Default 1.
 * @returns {Promise<any[][]>} A 3×5 block: header, estimates with the log-likelihood, standard errors.
 */
export async function mbgnbdfit(x: any[][], t_x: any[][], T: any[][], weights?: any[][]): Promise<any[][]> {
  return fitHistories({ x, t_x, T, weights }, "MBG/NBD", mbgnbdFitAsync, (fit) => ({
    values: [fit.r, fit.alpha, fit.a, fit.b],
    errors: [fit.standardErrors.r, fit.standardErrors.alpha, fit.standardErrors.a, fit.standardErrors.b],
  }));
}

/**
 * Probability that each customer is still active under a fitted MBG/NBD model (Batislam et al. 2007). Unlike the BG/NBD, a customer with x = 0 may already be gone: the model lets customers leave right after their first purchase.
 * @customfunction MBGNBDPALIVE MBGNBDPALIVE
 * @helpurl https://localhost:3000/help.html#mbgnbdpalive
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer, in the unit the model was fitted in.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} params The block MBGNBDFIT spilled (with its header), or r, alpha, a, b.
 * @returns {Promise<any[][]>} One probability per customer.
 */
export async function mbgnbdpalive(x: any[][], t_x: any[][], T: any[][], params: any[][]): Promise<any[][]> {
  return pAliveByCustomer({ x, t_x, T }, () => {
    const p = mbgnbdParamsOf(params);
    return (xi, txi, Ti) => mbgnbdPAlive(p, xi, txi, Ti);
  });
}

/**
 * Expected number of purchases of each customer in the next t time units under a fitted MBG/NBD model (Batislam et al. 2007).
 * @customfunction MBGNBDEXPECTED MBGNBDEXPECTED
 * @helpurl https://localhost:3000/help.html#mbgnbdexpected
 * @param {any[][]} t Length of the period ahead, in the unit of t_x and T (one value or one per customer).
 * @param {any[][]} x Repeat purchases per customer.
 * @param {any[][]} t_x Time from first to last purchase per customer.
 * @param {any[][]} T Time from first purchase to the end of observation per customer, in the unit of t_x.
 * @param {any[][]} params The block MBGNBDFIT spilled (with its header), or r, alpha, a, b.
 * @returns {Promise<any[][]>} One expected number of purchases per customer.
 */
export async function mbgnbdexpected(t: any[][], x: any[][], t_x: any[][], T: any[][], params: any[][]): Promise<any[][]> {
  return expectedByCustomer({ t, x, t_x, T }, () => {
    const p = mbgnbdParamsOf(params);
    return (ti, xi, txi, Ti) => mbgnbdExpectedPurchases(p, ti, xi, txi, Ti);
  });
}
