/**
 * LOYALTY.PURCHASEPROBABILITY and EXPECTEDNEWCUSTOMER: what a fitted continuous-time model says
 * about a customer just acquired, P(X(t) = k) and E[X(t)]. The model comes from the params
 * block's header (modelOfBlock in taggedModelParams.ts): BGNBDFIT's block (untagged) is BG/NBD,
 * PARETONBDFIT's and MBGNBDFIT's carry their tags; bare numbers are refused, since four numbers
 * would fit any model. Adapters over bgnbdPurchaseProbability.ts, paretoNbdPurchaseProbability.ts
 * and the models' prediction files.
 */
import { bgnbdPurchaseProbability } from "../analytics/btyd/bgnbdPurchaseProbability";
import { bgnbdNewCustomerExpectedPurchases, bgnbdParamsError } from "../analytics/btyd/bgnbdPredictions";
import { mbgnbdNewCustomerExpectedPurchases, mbgnbdParamsError } from "../analytics/btyd/mbgnbdPredictions";
import { paretoNbdPurchaseProbability } from "../analytics/btyd/paretoNbdPurchaseProbability";
import { paretoNbdNewCustomerExpectedPurchases, paretoNbdParamsError } from "../analytics/btyd/paretoNbdPredictions";
import { FIT_OF, ModelTag, modelOfBlock, readTaggedModelParams } from "../analytics/btyd/taggedModelParams";
import { failValue, isCellError, raise, valueError } from "../analytics/errors";
import { readNumber, at } from "../analytics/orders/cells";
import { gridOf, guardAsync, single } from "./adapter";
import { perCustomerAsync, rowLabel } from "./btyd";

type NewCustomerModel = { readonly model: ModelTag; readonly pmf: ((k: number, t: number) => number) | null; readonly mean: (t: number) => number };

function modelOf(params: unknown): NewCustomerModel {
  const grid = gridOf(params);
  const model = modelOfBlock(grid);
  const first = grid.find((row) => row.length > 0)?.[0];
  if (isCellError(first)) raise(first);
  if (!model) failValue("params: expected the block BGNBDFIT, PARETONBDFIT or MBGNBDFIT spilled, with its header (the header says which model it is; bare numbers do not)");
  const [p1, p2, p3, p4] = readTaggedModelParams(grid, model, "params", false);
  switch (model) {
    case "BG/NBD": {
      const p = { r: p1, alpha: p2, a: p3, b: p4 };
      const error = bgnbdParamsError(p);
      if (error) failValue(`params: ${error}`);
      return { model, pmf: (k, t) => bgnbdPurchaseProbability(p, k, t), mean: (t) => bgnbdNewCustomerExpectedPurchases(p, t) };
    }
    case "Pareto/NBD": {
      const p = { r: p1, alpha: p2, s: p3, beta: p4 };
      const error = paretoNbdParamsError(p);
      if (error) failValue(`params: ${error}`);
      return { model, pmf: (k, t) => paretoNbdPurchaseProbability(p, k, t), mean: (t) => paretoNbdNewCustomerExpectedPurchases(p, t) };
    }
    case "MBG/NBD": {
      const p = { r: p1, alpha: p2, a: p3, b: p4 };
      const error = mbgnbdParamsError(p);
      if (error) failValue(`params: ${error}`);
      return { model, pmf: null, mean: (t) => mbgnbdNewCustomerExpectedPurchases(p, t) };
    }
    default:
      return failValue(`params: this is a ${model} block (${FIT_OF[model]}); BG/BB counts discrete opportunities, use BGBBEXPECTED`);
  }
}

const tColumn = (t: unknown) => [{ arg: "t", range: t, what: "time since acquisition" }];

/**
 * Probability that a customer just acquired makes exactly k repeat purchases in their first t time units, under a fitted BG/NBD (Fader, Hardie & Lee 2005, eq. 8) or Pareto/NBD model (Fader & Hardie, note 012); the model comes from the params block's header. t may be a column (each customer's T), so SUM(PURCHASEPROBABILITY(k, T, params)) is the expected number of customers with k repeat purchases.
 * @customfunction PURCHASEPROBABILITY PURCHASEPROBABILITY
 * @helpurl https://localhost:3000/help.html#purchaseprobability
 * @param {any} k Number of repeat purchases, a whole number, 0 or more.
 * @param {any[][]} t Time since acquisition, in the unit the model was fitted in (one value or a column).
 * @param {any[][]} params The block BGNBDFIT or PARETONBDFIT spilled, with its header.
 * @returns {Promise<any[][]>} One probability per value of t.
 */
export async function purchaseprobability(k: any, t: any[][], params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const m = modelOf(params);
    if (!m.pmf) failValue(`params: P(X(t) = k) is not available for the ${m.model} model; use a BG/NBD or Pareto/NBD block`);
    const kValue = readNumber(single(k, "k"), at("k"), "a whole number of purchases");
    if (isCellError(kValue)) raise(kValue);
    if (kValue === null || !Number.isInteger(kValue) || kValue < 0) failValue(`k: expected a whole number of purchases, 0 or more, found ${kValue === null ? "a blank cell" : kValue}`);
    const pmf = m.pmf;
    return await perCustomerAsync(tColumn(t), ([ti], i, n) => (ti < 0 ? valueError(`${rowLabel(n, i)}t is ${ti}; expected a time of 0 or more`) : pmf(kValue, ti)));
  })) as any[][];
}

/**
 * Expected number of repeat purchases of a customer just acquired in their first t time units, E[X(t)], under a fitted BG/NBD, Pareto/NBD or MBG/NBD model; the model comes from the params block's header.
 * @customfunction EXPECTEDNEWCUSTOMER EXPECTEDNEWCUSTOMER
 * @helpurl https://localhost:3000/help.html#expectednewcustomer
 * @param {any[][]} t Time since acquisition, in the unit the model was fitted in (one value or a column).
 * @param {any[][]} params The block BGNBDFIT, PARETONBDFIT or MBGNBDFIT spilled, with its header.
 * @returns {Promise<any[][]>} One expected number of purchases per value of t.
 */
export async function expectednewcustomer(t: any[][], params: any[][]): Promise<any[][]> {
  return (await guardAsync(async () => {
    const m = modelOf(params);
    return await perCustomerAsync(tColumn(t), ([ti], i, n) => (ti < 0 ? valueError(`${rowLabel(n, i)}t is ${ti}; expected a time of 0 or more`) : m.mean(ti)));
  })) as any[][];
}
