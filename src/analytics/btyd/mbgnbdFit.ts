/**
 * Maximum-likelihood fit of the MBG/NBD model (Batislam, Denizel & Filiztekin 2007, IJRM 24(3))
 * to customer histories (x, t_x, T):
 *
 *   (r̂, α̂, â, b̂) = argmax Σᵢ wᵢ ln L(r, α, a, b | xᵢ, t_xᵢ, Tᵢ)   (mbgnbdLogLikelihood.ts)
 *
 * over log-parameters by BFGS with the analytic gradient (maximumLikelihoodFit.ts) after grouping
 * identical customers.
 * Start: r = 1, α = Σ T / Σ x, a = b = 1.
 * Example: CDNOW's 2,357 customers (weeks) give r 0.525, α 6.183, a 0.891, b 1.614 (lifetimes'
 * ModifiedBetaGeoFitter on the same summary). Cost: O(n) to group, then O(groups) per
 * likelihood-and-gradient evaluation, typically 30–100 of them.
 */
import { BgnbdGroups, groupBgnbdCustomers } from "./bgnbdGroups";
import { MbgnbdParams, mbgnbdLogLikelihood, mbgnbdWorkspace } from "./mbgnbdLogLikelihood";
import { checkTimeModelData } from "./paretoNbdFit";
import { MaximumLikelihoodEstimate, MaximumLikelihoodProblem, maximumLikelihoodFit, maximumLikelihoodFitAsync } from "./maximumLikelihoodFit";

export type MbgnbdFit = MbgnbdParams & {
  readonly logLikelihood: number;
  readonly standardErrors: MbgnbdParams;
  readonly evaluations: number;
  readonly iterations: number;
  readonly groups: number;
};

const MODEL = "MBG/NBD";

const HINTS: Record<string, string> = {
  "r:infinity": "purchase rates hardly differ between customers",
  "alpha:infinity": "purchase rates hardly differ between customers",
  "a:0": "the data show no sign of dropout",
  "b:infinity": "the data show no sign of dropout",
  "a:infinity": "nearly everyone seems to drop out right after a purchase",
  "b:0": "nearly everyone seems to drop out right after a purchase",
};

function problemOf(groups: BgnbdGroups): MaximumLikelihoodProblem {
  let sumT = 0;
  let sumX = 0;
  for (let g = 0; g < groups.count; g++) {
    sumT += groups.weight[g] * groups.tValues[groups.tIndex[g]];
    sumX += groups.weight[g] * groups.xValues[groups.xIndex[g]];
  }
  const work = mbgnbdWorkspace(groups);
  const paramsOf = (p: Float64Array): MbgnbdParams => ({ r: p[0], alpha: p[1], a: p[2], b: p[3] });
  return {
    model: MODEL,
    names: ["r", "alpha", "a", "b"],
    logLikelihood: (p) => mbgnbdLogLikelihood(groups, paramsOf(p), undefined, work),
    logLikelihoodGradient: (p, gradient) => mbgnbdLogLikelihood(groups, paramsOf(p), gradient, work),
    start: [1, sumT / sumX, 1, 1],
    totalWeight: groups.totalWeight,
    hints: HINTS,
  };
}

function fitOf(groups: BgnbdGroups, e: MaximumLikelihoodEstimate): MbgnbdFit {
  const [r, alpha, a, b] = e.estimates;
  const se = e.standardErrors;
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: e.logLikelihood,
    standardErrors: { r: se[0], alpha: se[1], a: se[2], b: se[3] },
    evaluations: e.evaluations,
    iterations: e.iterations,
    groups: groups.count,
  };
}

/** Fits already-grouped histories. */
export function mbgnbdFitGroups(groups: BgnbdGroups): MbgnbdFit {
  checkTimeModelData(groups, MODEL);
  return fitOf(groups, maximumLikelihoodFit(problemOf(groups)));
}

/** Fits x, t_x, T (and optional weights) columns. Example: see the file comment. */
export function mbgnbdFit(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, weights?: ArrayLike<number>): MbgnbdFit {
  return mbgnbdFitGroups(groupBgnbdCustomers(x, tx, T, weights));
}

/** mbgnbdFit that yields to the host between gradient evaluations. */
export async function mbgnbdFitAsync(
  x: ArrayLike<number>,
  tx: ArrayLike<number>,
  T: ArrayLike<number>,
  weights?: ArrayLike<number>,
): Promise<MbgnbdFit> {
  const groups = groupBgnbdCustomers(x, tx, T, weights);
  checkTimeModelData(groups, MODEL);
  return fitOf(groups, await maximumLikelihoodFitAsync(problemOf(groups)));
}
