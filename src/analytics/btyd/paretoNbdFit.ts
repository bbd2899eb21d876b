/**
 * Maximum-likelihood fit of the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987,
 * Management Science 33(1); likelihood as in Fader & Hardie 2005, note 009) to customer
 * histories (x, t_x, T):
 *
 *   (r̂, α̂, ŝ, β̂) = argmax Σᵢ wᵢ ln L(r, α, s, β | xᵢ, t_xᵢ, Tᵢ)   (paretoNbdLogLikelihood.ts)
 *
 * over log-parameters by BFGS (maximumLikelihoodFit.ts) after grouping identical customers
 * (bgnbdGroups.ts). Start: r = s = 1, α = Σ T / Σ x (purchase rate r/α as in the data), β = mean T.
 * Example: CDNOW's 2,357 customers (weeks) give r 0.553, α 10.578, s 0.606, β 11.669,
 * ln L −9594.98 (Fader & Hardie 2005, note 009 and the spreadsheet that goes with it).
 * Cost: O(n) to group, then O(groups · series terms) per likelihood, 9 likelihoods per gradient.
 *
 * Data that cannot identify the model fail with #VALUE! and the reason (as for bgnbdFit).
 */
import { BgnbdGroups, groupBgnbdCustomers } from "./bgnbdGroups";
import { ParetoNbdParams, paretoNbdLogLikelihood } from "./paretoNbdLogLikelihood";
import { MaximumLikelihoodEstimate, MaximumLikelihoodProblem, maximumLikelihoodFit, maximumLikelihoodFitAsync } from "./maximumLikelihoodFit";
import { failValue } from "../errors";

export type ParetoNbdFit = ParetoNbdParams & {
  readonly logLikelihood: number;
  readonly standardErrors: ParetoNbdParams;
  readonly evaluations: number;
  readonly iterations: number;
  readonly groups: number;
};

const MODEL = "Pareto/NBD";

const HINTS: Record<string, string> = {
  "r:infinity": "purchase rates hardly differ between customers",
  "alpha:infinity": "purchase rates hardly differ between customers",
  "s:infinity": "lifetimes hardly differ between customers",
  "beta:infinity": "the data show no sign of dropout",
  "s:0": "the data show no sign of dropout",
};

/** The checks every (x, t_x, T) model shares: customers, time observed, repeat buying, variety. */
export function checkTimeModelData(groups: BgnbdGroups, model: string): void {
  const why = `the data cannot identify the ${model} model`;
  if (groups.rows === 0) failValue(`${why}: there are no customers`);
  if (groups.rows === 1) failValue(`${why}: a single customer is not enough; give one row per customer`);
  let anyTime = false;
  let repeats = 0;
  for (let g = 0; g < groups.count; g++) {
    if (groups.tValues[groups.tIndex[g]] > 0) anyTime = true;
    repeats += groups.weight[g] * groups.xValues[groups.xIndex[g]];
  }
  if (!anyTime) failValue(`${why}: every T is 0, so no customer has been observed for any time`);
  if (repeats === 0) failValue(`${why}: nobody made a repeat purchase (every x is 0), so purchase rates and dropout cannot be told apart`);
  if (groups.count === 1) failValue(`${why}: every customer has the same (x, t_x, T)`);
}

function problemOf(groups: BgnbdGroups): MaximumLikelihoodProblem {
  let sumT = 0;
  let sumX = 0;
  for (let g = 0; g < groups.count; g++) {
    sumT += groups.weight[g] * groups.tValues[groups.tIndex[g]];
    sumX += groups.weight[g] * groups.xValues[groups.xIndex[g]];
  }
  return {
    model: MODEL,
    names: ["r", "alpha", "s", "beta"],
    logLikelihood: (p) => paretoNbdLogLikelihood(groups, { r: p[0], alpha: p[1], s: p[2], beta: p[3] }),
    logLikelihoodGradient: (p, gradient) => paretoNbdLogLikelihood(groups, { r: p[0], alpha: p[1], s: p[2], beta: p[3] }, gradient),
    start: [1, sumT / sumX, 1, sumT / groups.totalWeight],
    totalWeight: groups.totalWeight,
    hints: HINTS,
  };
}

function fitOf(groups: BgnbdGroups, e: MaximumLikelihoodEstimate): ParetoNbdFit {
  const [r, alpha, s, beta] = e.estimates;
  const se = e.standardErrors;
  return {
    r,
    alpha,
    s,
    beta,
    logLikelihood: e.logLikelihood,
    standardErrors: { r: se[0], alpha: se[1], s: se[2], beta: se[3] },
    evaluations: e.evaluations,
    iterations: e.iterations,
    groups: groups.count,
  };
}

/** Fits already-grouped histories. */
export function paretoNbdFitGroups(groups: BgnbdGroups): ParetoNbdFit {
  checkTimeModelData(groups, MODEL);
  return fitOf(groups, maximumLikelihoodFit(problemOf(groups)));
}

/** Fits x, t_x, T (and optional weights) columns. Example: see the file comment. */
export function paretoNbdFit(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, weights?: ArrayLike<number>): ParetoNbdFit {
  return paretoNbdFitGroups(groupBgnbdCustomers(x, tx, T, weights));
}

/** paretoNbdFit that yields to the host between gradient evaluations. */
export async function paretoNbdFitAsync(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Promise<ParetoNbdFit> {
  const groups = groupBgnbdCustomers(x, tx, T, weights);
  checkTimeModelData(groups, MODEL);
  return fitOf(groups, await maximumLikelihoodFitAsync(problemOf(groups)));
}
