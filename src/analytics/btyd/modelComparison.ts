/**
 * Comparing models fitted to the same customers: an information criterion for the fit and the
 * errors of the holdout forecast (as the tables of Fader, Hardie & Lee 2005, §4, and Batislam,
 * Denizel & Filiztekin 2007, §4, set Pareto/NBD, BG/NBD and MBG/NBD side by side):
 *
 *   BIC = k · ln N − 2 · LL          k parameters, N = Σ weights (customers, not rows), lower is better
 *   MAE = Σᵢ wᵢ |predictedᵢ − actualᵢ| / Σᵢ wᵢ     mean absolute error of a customer's holdout purchases
 *   total error = (Σᵢ wᵢ predictedᵢ − Σᵢ wᵢ actualᵢ) / Σᵢ wᵢ actualᵢ   (as a fraction; NaN when nobody bought)
 *
 * Only models of the same data and time unit are comparable (a discrete-time BG/BB likelihood of
 * yearly opportunities is not on the scale of a continuous-time one). Rows with a NaN prediction or
 * actual are left out of the holdout errors and counted.
 * Example: CDNOW, BG/NBD LL −9582.4 with 4 parameters and 2,357 customers → BIC 4·ln 2357 + 19164.8
 * = 19195.9. Holdout actual [0, 2], predicted [1, 1] → MAE 1, total error 0.
 * Cost O(n).
 */
import { failValue } from "../errors";

/** BIC = k ln N − 2 LL. Example: (−9582.4, 4, 2357) → 19195.9. O(1). */
export function bayesianInformationCriterion(logLikelihood: number, parameters: number, customers: number): number {
  if (!(customers > 0)) failValue(`the number of customers is ${customers}; it must be above 0`);
  return parameters * Math.log(customers) - 2 * logLikelihood;
}

export type HoldoutErrors = {
  readonly meanAbsoluteError: number;
  readonly actualTotal: number;
  readonly predictedTotal: number;
  /** (predicted − actual) / actual of the totals; NaN when the actual total is 0. */
  readonly totalError: number;
  /** Rows left out for a NaN actual or prediction. */
  readonly leftOut: number;
};

/** The holdout errors of one model's predictions. Example: actual [0, 2], predicted [1, 1] → MAE 1, total error 0. O(n). */
export function holdoutErrors(actual: ArrayLike<number>, predicted: ArrayLike<number>, weights?: ArrayLike<number>): HoldoutErrors {
  if (actual.length !== predicted.length || (weights && weights.length !== actual.length)) {
    failValue("the actual and predicted holdout purchases (and weights) must have the same number of rows");
  }
  let weight = 0;
  let absolute = 0;
  let actualTotal = 0;
  let predictedTotal = 0;
  let leftOut = 0;
  for (let i = 0; i < actual.length; i++) {
    const w = weights ? weights[i] : 1;
    if (actual[i] !== actual[i] || predicted[i] !== predicted[i] || w !== w) {
      leftOut++;
      continue;
    }
    weight += w;
    absolute += w * Math.abs(predicted[i] - actual[i]);
    actualTotal += w * actual[i];
    predictedTotal += w * predicted[i];
  }
  return {
    meanAbsoluteError: weight > 0 ? absolute / weight : NaN,
    actualTotal,
    predictedTotal,
    totalError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : NaN,
    leftOut,
  };
}
